/**
 * `npm run bench`: the benchmarks of issue 8, one after the other, then a table and
 * bench-results/latest.json. Not part of `npm test`: they measure, they do not assert.
 *
 *   npm run bench                      all of them
 *   npm run bench -- --only=B1,B3      some of them
 *
 * Only 127.0.0.1 is ever contacted (the Cal.com sandbox, and for B5 a real n8n from .cache/; B2
 * loads n8n's HTTP Request node from there).
 * Exits 1 when a figure misses its target or a benchmark fails.
 */
import { REFERENCE } from './env';

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { benchRateLimit } from './b1-rate-limit';
import { benchOverhead } from './b2-overhead';
import { benchPages } from './b3-pages';
import { benchMemory } from './b4-memory';
import { benchTrigger } from './b5-trigger';
import { benchPackage } from './b6-package';
import { benchSharedKey } from './b7-shared-key';
import { benchQueueMode } from './b7-queue';
import { benchNextFree } from './b8-next-free';
import { ensureReferenceFiles } from '../test/reference/ensure';
import type { FigureResult, Row } from './common';
import { log, ROOT } from './common';

const BENCHMARKS: Array<[string, string, () => Promise<FigureResult>]> = [
	['B1', 'rate limit use: 600 booking creates', benchRateLimit],
	['B2', "time per item: our node vs n8n's HTTP Request node", benchOverhead],
	['B3', 'requests per Return All listing', benchPages],
	['B4', 'memory listing 20,000 bookings', benchMemory],
	[
		'B5',
		'Cal.com Trigger in a real n8n: 200 deliveries, then bursts of 200 and 1,000',
		benchTrigger,
	],
	['B6', 'package size, dependencies, load time', benchPackage],
	['B7', 'one process: 4 executions sharing one API key: 400 booking creates', benchSharedKey],
	['B7', 'queue mode: 4 executions × 100 creates sharing a key, main + 2 workers', benchQueueMode],
	['B8', 'Find Next Free over a sparse calendar', benchNextFree],
];

function table(rows: Row[]): string {
	const head = ['', 'figure', 'measured', 'target', 'result'];
	const body = rows.map((r) => [
		r.id,
		r.figure,
		r.measured,
		r.target,
		r.pass === null ? 'report' : r.pass ? 'PASS' : 'FAIL',
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' │ ');
	return [line(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
	const only = process.argv
		.find((arg) => arg.startsWith('--only='))
		?.slice('--only='.length)
		.toUpperCase()
		.split(',');
	const rows: Row[] = [];
	const results: Record<string, unknown> = {};
	let broken = false;
	await ensureReferenceFiles(REFERENCE, process.env, log);
	for (const [id, title, bench] of BENCHMARKS) {
		if (only && !only.includes(id)) continue;
		log(`${id} — ${title}`);
		const began = Date.now();
		try {
			const result = await bench();
			rows.push(...result.rows);
			results[id] = {
				title,
				seconds: (Date.now() - began) / 1000,
				rows: result.rows,
				details: result.details,
			};
		} catch (error) {
			broken = true;
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			log(`${id} failed: ${message}`);
			rows.push({
				id,
				figure: `${title}: benchmark failed`,
				measured: String((error as Error).message ?? error)
					.split('\n')[0]
					.slice(0, 80),
				value: null,
				target: '—',
				pass: false,
			});
			results[id] = { title, error: message };
		}
		log(`${id} done in ${((Date.now() - began) / 1000).toFixed(1)} s`);
	}
	process.stdout.write(`\n${table(rows)}\n\n`);
	const failed = rows.filter((r) => r.pass === false).length;
	const out = join(ROOT, 'bench-results');
	mkdirSync(out, { recursive: true });
	const file = join(out, 'latest.json');
	const machine = {
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
	};
	writeFileSync(
		file,
		`${JSON.stringify({ at: new Date().toISOString(), machine, passed: !broken && failed === 0, rows, results }, null, '\t')}\n`,
	);
	process.stdout.write(
		`${failed === 0 && !broken ? 'All figures on target.' : `${failed} figure(s) off target.`} Written to ${file}\n`,
	);
	process.exitCode = failed === 0 && !broken ? 0 : 1;
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
