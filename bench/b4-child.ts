/**
 * B4's measuring process: lists every booking of the sandbox the parent runs (Booking → Get Many,
 * Return All) through n8n-core, and prints what its memory did as one JSON line. Started by
 * b4-memory.ts with --expose-gc; the sandbox, its state and its response strings live in the
 * parent, so none of them count here. Memory is heapUsed + external (external holds the response
 * Buffers), always minus the baseline:
 *
 *   baseline  after a warm-up run (every module loaded, the code paths compiled) and two full GCs
 *   B4_MODE=live     every 250 ms the sampler runs a full GC and then reads memory: what is still
 *                    reachable between two pages; the peak is the largest sample or the retained
 *                    memory at the end, whichever is larger. What the node holds, not when V8
 *                    chooses to collect.
 *   B4_MODE=sampled  every 1 ms the sampler reads memory without collecting: garbage V8 has not
 *                    collected yet counts (and a spike between two samples can be missed)
 *   retained  after the run and two full GCs, with the output items still held
 *   maxRSS    the process's peak resident set (resourceUsage) minus the RSS at the baseline
 */
import './env';

import { failures, runCalCom } from './calcom';

declare const gc: () => void;

const used = () => {
	const m = process.memoryUsage();
	return m.heapUsed + m.external;
};

async function main(): Promise<void> {
	const url = process.env.B4_URL ?? '';
	const apiKey = process.env.B4_KEY ?? '';
	const output = process.env.B4_OUTPUT ?? 'simplified';
	const live = process.env.B4_MODE === 'live';
	if (!url || !apiKey || typeof gc !== 'function')
		throw new Error('run by b4-memory.ts with B4_URL, B4_KEY and --expose-gc');
	const target = { url, apiKey };
	await runCalCom(target, {
		resource: 'booking',
		operation: 'getMany',
		returnAll: false,
		limit: 300,
		output,
	});

	gc();
	gc();
	await new Promise((resolve) => setImmediate(resolve));
	const baseline = used();
	const baselineRss = process.memoryUsage().rss;
	let peak = baseline;
	let samples = 0;
	const sampler = setInterval(
		() => {
			if (live) gc();
			peak = Math.max(peak, used());
			samples++;
		},
		live ? 250 : 1,
	);
	const began = performance.now();
	const result = await runCalCom(target, {
		resource: 'booking',
		operation: 'getMany',
		returnAll: true,
		output,
	});
	const ms = performance.now() - began;
	if (!live) peak = Math.max(peak, used());
	clearInterval(sampler);
	gc();
	gc();
	const retained = used() - baseline;
	if (live) peak = Math.max(peak, retained + baseline);
	const failed = failures(result);
	if (failed.length) throw new Error(`Get Many failed: ${failed[0].error}`);
	process.stdout.write(
		`${JSON.stringify({
			output,
			mode: live ? 'live' : 'sampled',
			samples,
			items: result.items.length,
			outputJsonBytes: Buffer.byteLength(JSON.stringify(result.items.map((item) => item.json))),
			ms: Math.round(ms),
			baselineBytes: baseline,
			peakDeltaBytes: peak - baseline,
			retainedDeltaBytes: retained,
			maxRssDeltaBytes: process.resourceUsage().maxRSS * 1024 - baselineRss,
		})}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
