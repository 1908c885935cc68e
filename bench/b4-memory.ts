/**
 * B4 — memory while Booking → Get Many (Return All) lists 20,000 bookings, against the size of
 * those bookings' JSON as Cal.com serves them (the `data` arrays of every page, UTF-8 bytes).
 *
 * Measured in a child process (b4-child.ts, its header says how) so that the sandbox — its
 * state, its response strings — does not count. The sandbox holds exactly 20,000 of bailey's
 * bookings. The figure with the target is the peak of live memory (a full GC before each
 * sample): what the node and n8n-core hold, not when V8 gets round to collecting. The peak
 * without forced GCs (V8's lazy old-space collection lets page garbage pile up), the memory
 * retained with the output, and the growth of peak RSS are reported beside it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

import type { Sandbox } from '../test/sandbox';
import { startSandbox } from '../test/sandbox';
import type { FigureResult, Row } from './common';
import { FIXTURE, formatBytes, log, MARCH, median, round } from './common';

const BOOKINGS = 20_000;
/** Runs per output: sampled peaks vary from run to run; live ones hardly (they are the retained output). */
const RUNS: Record<string, number> = { live: 1, sampled: 3 };

interface ChildResult {
	output: string;
	mode: string;
	samples: number;
	items: number;
	outputJsonBytes: number;
	ms: number;
	baselineBytes: number;
	peakDeltaBytes: number;
	retainedDeltaBytes: number;
	maxRssDeltaBytes: number;
}

/** The bytes of the bookings' JSON as the API serves them, page by page (largest pages). */
async function servedJsonBytes(
	sandbox: Sandbox,
): Promise<{ dataBytes: number; bodyBytes: number; count: number }> {
	let dataBytes = 0;
	let bodyBytes = 0;
	let count = 0;
	for (let skip = 0; ; skip += 250) {
		const response = await fetch(`${sandbox.url}/v2/bookings?take=250&skip=${skip}`, {
			headers: {
				authorization: `Bearer ${sandbox.apiKeyFor('bailey')}`,
				'cal-api-version': '2024-08-13',
			},
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`GET /v2/bookings: ${response.status} ${text.slice(0, 200)}`);
		const body = JSON.parse(text) as { data: unknown[] };
		bodyBytes += Buffer.byteLength(text);
		dataBytes += Buffer.byteLength(JSON.stringify(body.data));
		count += body.data.length;
		if (body.data.length < 250) break;
	}
	return { dataBytes, bodyBytes, count };
}

function measure(sandbox: Sandbox, output: string, mode: string): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			['--expose-gc', join(__dirname, 'b4-child.js')],
			{
				env: {
					...process.env,
					B4_URL: sandbox.url,
					B4_KEY: sandbox.apiKeyFor('bailey'),
					B4_OUTPUT: output,
					B4_MODE: mode,
				},
				maxBuffer: 1024 * 1024,
			},
			(error, stdout, stderr) => {
				if (error) reject(new Error(`B4 child failed: ${stderr || error.message}`));
				else resolve(JSON.parse(stdout.trim().split('\n').pop() as string) as ChildResult);
			},
		);
	});
}

const LABELS: Record<string, string> = {
	simplified: 'Output Simplified (default)',
	raw: 'Output Raw',
};

export async function benchMemory(): Promise<FigureResult> {
	const sandbox = await startSandbox({ now: MARCH, rateLimit: 1e9, fixture: FIXTURE });
	try {
		sandbox.state.bookings.length = 0;
		sandbox.seedBookings('bailey', BOOKINGS);
		const served = await servedJsonBytes(sandbox);
		if (served.count !== BOOKINGS)
			throw new Error(`the sandbox listed ${served.count} bookings, not ${BOOKINGS}`);
		const json = served.dataBytes;
		const times = (bytes: number) => round(bytes / json, 3);
		const rows: Row[] = [];
		const reports: Row[] = [];
		const variants: Record<string, unknown> = {};
		for (const output of ['simplified', 'raw']) {
			const all: Record<string, ChildResult[]> = {};
			for (const mode of ['live', 'sampled']) {
				all[mode] = [];
				for (let i = 0; i < RUNS[mode]; i++) all[mode].push(await measure(sandbox, output, mode));
				if (all[mode].some((r) => r.items !== BOOKINGS))
					throw new Error(`Get Many (${output}) did not list all ${BOOKINGS} bookings`);
			}
			const live = median(all.live.map((r) => r.peakDeltaBytes));
			const sampled = median(all.sampled.map((r) => r.peakDeltaBytes));
			const retained = median([...all.live, ...all.sampled].map((r) => r.retainedDeltaBytes));
			const rss = median(all.sampled.map((r) => r.maxRssDeltaBytes));
			variants[output] = {
				live: times(live),
				sampled: times(sampled),
				retained: times(retained),
				maxRss: times(rss),
				runs: all,
			};
			rows.push({
				id: 'B4',
				figure: `peak live heap+external ÷ JSON, ${BOOKINGS} bookings, ${LABELS[output]} (full GC before each sample, every 250 ms)`,
				measured: `${(live / json).toFixed(2)} (${formatBytes(live)} vs ${formatBytes(json)})`,
				value: times(live),
				target: '≤ 3',
				pass: live / json <= 3,
			});
			reports.push({
				id: 'B4',
				figure: `  ${LABELS[output]}: peak without forced GC (uncollected garbage counts; median of ${RUNS.sampled}); retained; peak RSS growth — ÷ JSON`,
				measured: `${(sampled / json).toFixed(2)}; ${(retained / json).toFixed(2)}; ${(rss / json).toFixed(2)}`,
				value: times(sampled),
				target: '—',
				pass: null,
			});
		}
		const details = {
			bookings: BOOKINGS,
			servedDataJsonBytes: json,
			servedBodyBytes: served.bodyBytes,
			variants,
		};
		log(
			`B4 ${JSON.stringify({ ...details, variants: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, { ...(v as object), runs: undefined }])) })}`,
		);
		return { rows: [...rows, ...reports], details };
	} finally {
		await sandbox.close();
	}
}
