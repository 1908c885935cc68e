/**
 * B7 — executions sharing one API key (issue 18): 4 executions at once, 100 booking creates each,
 * against the sandbox's 120-per-window limit, time-scaled. Does the pacing use the limit without
 * earning 429s when several executions spend one key's budget?
 *
 * Sub-case "one process": the 4 executions run through n8n-core in this process (the load of
 * test/integration/shared-key-load.ts). Another sub-case (queue mode: n8n workers, each its own
 * process) measures the same load its own way and hands sharedKeyFigures what it counted.
 *
 * Bookings per minute ÷ the limit is read as B1 reads it: the sandbox's windows rebuilt from the
 * arrival times, over the complete windows (all but the last, which the run leaves when it is
 * done), times the share of requests that were booking creates.
 */
import type { RecordedRequest } from '../test/sandbox';
import { startSandbox } from '../test/sandbox';
import { runSharedKeyLoad } from '../test/integration/shared-key-load';
import { rebuildWindows } from './b1-rate-limit';
import type { FigureResult, Row } from './common';
import { FIXTURE, log, MARCH, round } from './common';

const EXECUTIONS = 4;
const CREATES_EACH = 100;
const LIMIT = 120;
/** 60 s window → 3 s, as B1: 400 creates in about four windows. */
const TIME_SCALE = 0.05;
const WINDOW_MS = 60_000 * TIME_SCALE;

/** What a sub-case counted: enough for every B7 figure. */
export interface SharedKeyCounts {
	/** "one process", "queue mode, 2 workers", … */
	subCase: string;
	/** Processes that sent requests with the key (1 in one process; the workers in queue mode). */
	processes: number;
	bookings: number;
	/** Bookings the load should make, when the sub-case checks that none went missing. */
	expectedBookings?: number;
	failedItems: number;
	duplicates: number;
	elapsedMs: number;
	/** The limit per window and the (scaled) window, as the sandbox applied them. */
	limit: number;
	windowMs: number;
	/** Every request the sandbox received with the key during the load: arrival time and status. */
	arrivals: Array<Pick<RecordedRequest, 'receivedAt' | 'status'>>;
	/** Targets: bookings per minute ÷ limit at least, 429s per process per window at most. */
	minBookingRatio: number;
	max429PerProcessPerWindow: number;
}

/** B7's rows (and details) for one sub-case. */
export function sharedKeyFigures(counts: SharedKeyCounts): FigureResult {
	const { subCase, limit, windowMs, arrivals, bookings, elapsedMs } = counts;
	const windows = rebuildWindows(arrivals as RecordedRequest[], windowMs);
	const rate = windows.steadyMs > 0 ? windows.steadyRequests / windows.steadyMs : Number.NaN;
	const requestRatio = rate / (limit / windowMs);
	const bookingRatio = (requestRatio * bookings) / Math.max(1, arrivals.length);
	const refused = arrivals.filter((a) => a.status === 429).length;
	const perProcessPerWindow = refused / counts.processes / Math.max(1, elapsedMs / windowMs);
	const minimumMs = (Math.ceil(arrivals.length / limit) - 1) * windowMs;
	const rows: Row[] = [
		{
			id: 'B7',
			figure: `bookings per minute ÷ limit, ${subCase} (${EXECUTIONS} executions sharing a key)`,
			measured: `${round(bookingRatio, 3).toFixed(3)} (${bookings} bookings, ${arrivals.length} requests, ${round(elapsedMs / 1000, 1)} s, limit-bound minimum ${round(minimumMs / 1000, 1)} s)`,
			value: round(bookingRatio, 3),
			target: `≥ ${counts.minBookingRatio}`,
			pass: bookingRatio >= counts.minBookingRatio,
		},
		{
			id: 'B7',
			figure: `429s the sandbox sent, ${subCase}`,
			measured: `${refused} (${round(perProcessPerWindow, 2)} per process per window)`,
			value: refused,
			target:
				counts.max429PerProcessPerWindow === 0
					? '0'
					: `≤ ${counts.max429PerProcessPerWindow} per process per window`,
			pass: perProcessPerWindow <= counts.max429PerProcessPerWindow,
		},
		{
			id: 'B7',
			figure: `failed items and duplicate bookings, ${subCase}`,
			measured: `${counts.failedItems} failed, ${counts.duplicates} duplicates (${bookings} booked)`,
			value: counts.failedItems + counts.duplicates,
			target: '0',
			pass:
				counts.failedItems === 0 &&
				counts.duplicates === 0 &&
				(counts.expectedBookings === undefined || bookings === counts.expectedBookings),
		},
	];
	const details = {
		subCase,
		processes: counts.processes,
		bookings,
		requests: arrivals.length,
		elapsedMs,
		minimumMs,
		requestsPerWindow: windows.perWindow,
		requestRatio: round(requestRatio, 3),
		bookingRatio: round(bookingRatio, 3),
		sandbox429: refused,
		failedItems: counts.failedItems,
		duplicates: counts.duplicates,
	};
	log(`B7 ${subCase}: ${JSON.stringify(details)}`);
	return { rows, details };
}

async function oneProcess(): Promise<FigureResult> {
	const sandbox = await startSandbox({
		now: MARCH,
		timeScale: TIME_SCALE,
		rateLimit: LIMIT,
		fixture: FIXTURE,
	});
	try {
		const outcome = await runSharedKeyLoad(sandbox, {
			executions: EXECUTIONS,
			createsEach: CREATES_EACH,
		});
		const arrivals = sandbox.requests.filter((r) => r.headers.authorization?.startsWith('Bearer'));
		return sharedKeyFigures({
			subCase: 'one process',
			processes: 1,
			bookings: outcome.bookings,
			failedItems: outcome.failedItems,
			duplicates: outcome.duplicates,
			elapsedMs: outcome.elapsedMs,
			limit: LIMIT,
			windowMs: WINDOW_MS,
			arrivals,
			minBookingRatio: 0.95,
			max429PerProcessPerWindow: 0,
		});
	} finally {
		await sandbox.close();
	}
}

/** The sub-cases of B7 in one process (queue mode is bench/b7-queue.ts, through sharedKeyFigures). */
const SUB_CASES: Array<() => Promise<FigureResult>> = [oneProcess];

export async function benchSharedKey(): Promise<FigureResult> {
	const rows: Row[] = [];
	const details: Record<string, unknown> = { limit: LIMIT, timeScale: TIME_SCALE };
	for (const subCase of SUB_CASES) {
		const result = await subCase();
		rows.push(...result.rows);
		details[String(result.details.subCase)] = result.details;
	}
	return { rows, details };
}
