/**
 * B7, queue mode — 4 executions at once, each booking 100 distinct free starts with one API key
 * (bailey's), on n8n in queue mode: Postgres, Redis, main, 2 workers (concurrency 5) and a webhook
 * processor from .cache/ (test/e2e/queue.ts, the harness the queue-mode spec runs on), against the
 * sandbox's 120-per-window limit with 9 s windows (60 s × 0.15). The executions start from a
 * production webhook on the webhook processor and run on the workers, so their requests leave
 * from two processes that share no memory.
 *
 * Figures: bookings per minute ÷ the limit over the complete windows (windows rebuilt from the
 * arrival times as B1 does), and the 429s the sandbox sent against one per worker per window.
 * Every process is stopped by its pid whatever happens.
 */
import { join } from 'node:path';

import { ensureRuntime, installPackedPackage } from '../test/e2e/n8n';
import {
	LOAD_WORKFLOW_ID,
	loadWorkflow,
	QueueCluster,
	runSharedKeyLoad,
	sandboxCredential,
} from '../test/e2e/queue';
import { startSandbox } from '../test/sandbox';
import type { Sandbox } from '../test/sandbox';
import { rebuildWindows } from './b1-rate-limit';
import type { FigureResult } from './common';
import { FIXTURE, log, MARCH, ROOT, round } from './common';

const EXECUTIONS = 4;
const CREATES_EACH = 100;
const WORKERS = 2;
const LIMIT = 120;
const TIME_SCALE = 0.15;
const WINDOW_MS = 60_000 * TIME_SCALE;

export async function benchQueueMode(): Promise<FigureResult> {
	let sandbox: Sandbox | undefined;
	let cluster: QueueCluster | undefined;
	try {
		sandbox = await startSandbox({
			now: MARCH,
			fixture: FIXTURE,
			rateLimit: LIMIT,
			timeScale: TIME_SCALE,
		});
		const runtime = ensureRuntime();
		const extensions = installPackedPackage(runtime);
		const logDir = join(ROOT, 'bench-results', 'b7-queue-logs');
		cluster = await QueueCluster.start({ runtime, extensions, logDir, workers: WORKERS });
		await cluster.main.importCredentials([sandboxCredential(sandbox)]);
		await cluster.main.importWorkflows([loadWorkflow()]);
		log(`B7 queue mode: n8n ready (ms) ${JSON.stringify(await cluster.startN8n())}`);
		await cluster.main.activate(LOAD_WORKFLOW_ID);

		const figures = await runSharedKeyLoad(cluster, sandbox, {
			executions: EXECUTIONS,
			createsEach: CREATES_EACH,
			limit: LIMIT,
			windowMs: WINDOW_MS,
		});
		const windows = rebuildWindows(sandbox.requests.slice(figures.firstRequest), WINDOW_MS);
		const rate = windows.steadyMs > 0 ? windows.steadyRequests / windows.steadyMs : Number.NaN;
		const ratio = rate / (LIMIT / WINDOW_MS);
		const bookingRatio = (ratio * figures.booked) / Math.max(figures.requests, 1);
		const per429 = figures.sandbox429 / (WORKERS * windows.count);
		const details = {
			...figures,
			windows: windows.count,
			requestsPerWindow: windows.perWindow,
			ratio: round(ratio, 3),
			bookingRatio: round(bookingRatio, 3),
			http429PerWorkerPerWindow: round(per429, 3),
			logs: logDir,
		};
		log(`B7 queue mode: ${JSON.stringify({ ...details, requestsPerWindow: undefined })}`);
		const tag = `queue mode, ${EXECUTIONS} executions × ${CREATES_EACH} creates, main + ${WORKERS} workers`;
		return {
			rows: [
				{
					id: 'B7',
					figure: `bookings per minute ÷ limit, ${tag} (${windows.count} windows of ${WINDOW_MS / 1000} s = 60 s × ${TIME_SCALE})`,
					measured: `${bookingRatio.toFixed(3)} (${figures.requests} requests for ${figures.booked} bookings in ${(figures.elapsedMs / 1000).toFixed(1)} s; the limit allows ${(figures.minimumMs / 1000).toFixed(1)} s)`,
					value: round(bookingRatio, 3),
					target: '≥ 0.9',
					pass: bookingRatio >= 0.9,
				},
				{
					id: 'B7',
					figure: `429s the sandbox sent, ${tag}`,
					measured: `${figures.sandbox429} (${per429.toFixed(2)} per worker per window)`,
					value: figures.sandbox429,
					target: `≤ 1 per worker per minute (≤ ${WORKERS * windows.count})`,
					pass: per429 <= 1,
				},
				{
					id: 'B7',
					figure: `failed items and duplicate bookings, ${tag}`,
					measured: `${figures.failedItems} failed, ${figures.duplicateBookings} duplicates (${figures.booked} booked)`,
					value: figures.failedItems + figures.duplicateBookings,
					target: '0',
					pass:
						figures.failedItems === 0 &&
						figures.duplicateBookings === 0 &&
						figures.booked === EXECUTIONS * CREATES_EACH,
				},
			],
			details,
		};
	} finally {
		await cluster?.stop();
		await sandbox?.close();
	}
}
