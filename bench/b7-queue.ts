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
import { sharedKeyFigures } from './b7-shared-key';
import type { FigureResult } from './common';
import { FIXTURE, log, MARCH, ROOT } from './common';

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
		const result = sharedKeyFigures({
			subCase: `queue mode, main + ${WORKERS} workers`,
			processes: WORKERS,
			bookings: figures.booked,
			expectedBookings: EXECUTIONS * CREATES_EACH,
			failedItems: figures.failedItems,
			duplicates: figures.duplicateBookings,
			elapsedMs: figures.elapsedMs,
			limit: LIMIT,
			windowMs: WINDOW_MS,
			arrivals: sandbox.requests.slice(figures.firstRequest),
			minBookingRatio: 0.9,
			max429PerProcessPerWindow: 1,
		});
		return { rows: result.rows, details: { ...figures, ...result.details, logs: logDir } };
	} finally {
		await cluster?.stop();
		await sandbox?.close();
	}
}
