/**
 * B1 — 600 booking creates through the node (one n8n-core run, 600 input items) against the
 * sandbox's 120-per-window limit, time-scaled. Does the node use Cal.com's rate limit fully
 * without earning a 429?
 *
 * Each item books a distinct free slot of bailey's 15-minute event type, read from the sandbox's
 * own /v2/slots beforehand, so every create is valid. Three variants, each counted in requests:
 *   - node defaults, one event type: the answers (GET /v2/event-types/{id}) and the free slots
 *     (GET /v2/slots over the span of the starts) are read once per execution, then one
 *     POST /v2/bookings per create: 602 requests;
 *   - node defaults, 60 event types (copies of the 15-minute one, made in the sandbox's state),
 *     10 creates each: one questions read and one slots read per event type, 720 requests;
 *   - checks off: only POST /v2/bookings.
 * Besides requests per minute ÷ the limit, bookings per minute ÷ the limit (the useful work) and
 * requests per booking are reported.
 *
 * The rate: the sandbox's windows are rebuilt from the arrival times of the requests (a window
 * opens with the first request after the last one closed, refused ones included, as Cal.com's
 * throttler storage does). Over the complete windows (all but the last, which the run leaves when it is done),
 * requests ÷ time is compared with limit ÷ window. A client that waits too long after a window
 * closes, or cannot fill a window, scores below 1.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../test/sandbox';
import { startSandbox } from '../test/sandbox';
import { BOOKING_CREATE, freeStarts } from '../test/integration/shared-key-load';
import { failures, runCalCom } from './calcom';
import type { FigureResult, Row } from './common';
import { FIXTURE, log, MARCH, round, sleep } from './common';

const CREATES = 600;
const LIMIT = 120;
/** 60 s window → 3 s: 600 creates with checks (1800 requests, 15 windows) in about 45 s. */
const TIME_SCALE = 0.05;
const WINDOW_MS = 60_000 * TIME_SCALE;
const EVENT_TYPE_ID = 11;

interface Windows {
	/** Windows the throttler opened for the key. */
	count: number;
	/** Requests it let through in all windows but the last, and the time those windows took. */
	steadyRequests: number;
	steadyMs: number;
	/** Requests per window, in order. */
	perWindow: number[];
}

/**
 * The throttler's fixed windows, rebuilt from arrival times: every request it counted opens or
 * joins a window — refused ones too, as Cal.com's Redis storage counts them — and the requests it
 * let through are what a window achieved.
 */
export function rebuildWindows(requests: RecordedRequest[], windowMs: number): Windows {
	const hits = [...requests].sort((a, b) => a.receivedAt - b.receivedAt);
	const starts: number[] = [];
	const perWindow: number[] = [];
	for (const hit of hits) {
		if (starts.length === 0 || hit.receivedAt >= starts[starts.length - 1] + windowMs) {
			starts.push(hit.receivedAt);
			perWindow.push(0);
		}
		if (hit.status !== 429) perWindow[perWindow.length - 1]++;
	}
	const last = starts.length - 1;
	return {
		count: starts.length,
		steadyRequests: perWindow.slice(0, last).reduce((a, b) => a + b, 0),
		steadyMs: last > 0 ? starts[last] - starts[0] : 0,
		perWindow,
	};
}

interface Variant {
	name: string;
	tag: string;
	options: Record<string, boolean>;
	/** How many event types the creates are spread over (copies of EVENT_TYPE_ID beyond one). */
	eventTypes: number;
	/** Most requests per booking the variant may spend. */
	maxRequestsPerBooking: number;
}

const VARIANTS: Variant[] = [
	{
		name: 'node defaults, one event type (answers + availability checked)',
		tag: 'defaults',
		options: {},
		eventTypes: 1,
		maxRequestsPerBooking: 1.05,
	},
	{
		name: 'node defaults, 60 event types (answers + availability checked)',
		tag: 'defaults, 60 event types',
		options: {},
		eventTypes: 60,
		maxRequestsPerBooking: 1.2,
	},
	{
		name: 'checks off (1 request per create)',
		tag: 'checks off',
		options: { validateAnswers: false, checkAvailability: false },
		eventTypes: 1,
		maxRequestsPerBooking: 1,
	},
];

/** The event type IDs the creates go to: EVENT_TYPE_ID, or copies of it added to the state. */
function eventTypeIds(sandbox: Sandbox, count: number): number[] {
	if (count === 1) return [EVENT_TYPE_ID];
	const original = sandbox.state.eventTypes.find((e) => e.id === EVENT_TYPE_ID);
	if (!original) throw new Error(`the fixture has no event type ${EVENT_TYPE_ID}`);
	const ids = Array.from({ length: count }, (_, n) => 9000 + n);
	for (const id of ids)
		sandbox.state.eventTypes.push({ ...structuredClone(original), id, slug: `bench-${id}` });
	return ids;
}

async function runVariant(sandbox: Sandbox, starts: string[], variant: Variant) {
	sandbox.reset();
	// The transport remembers the last window per key; let it run out as a new run would find it.
	await sleep(WINDOW_MS + 100);
	const parameters: INodeParameters = { ...BOOKING_CREATE, options: variant.options };
	const ids = eventTypeIds(sandbox, variant.eventTypes);
	const inputItems = starts.map((start, i) => ({
		eventTypeId: String(ids[i % ids.length]),
		start,
		name: `Bench Guest ${i + 1}`,
		email: `guest${i + 1}@bench.example`,
	}));
	const began = Date.now();
	const result = await runCalCom(
		{ url: sandbox.url, apiKey: sandbox.apiKeyFor('bailey') },
		parameters,
		{ inputItems, continueOnFail: true },
	);
	const wallMs = Date.now() - began;
	const failed = failures(result);
	const requests = [...sandbox.requests];
	const windows = rebuildWindows(requests, WINDOW_MS);
	const rate = windows.steadyMs > 0 ? windows.steadyRequests / windows.steadyMs : Number.NaN;
	const ratio = rate / (LIMIT / WINDOW_MS);
	const booked = sandbox.state.bookings.filter((b) =>
		b.attendees.some((a) => a.email.endsWith('@bench.example')),
	).length;
	const details = {
		variant: variant.name,
		creates: starts.length,
		requests: requests.length,
		requestsPerCreate: round(requests.length / starts.length, 2),
		wallMs,
		idealMs: (Math.ceil(requests.length / LIMIT) - 1) * WINDOW_MS,
		windows: windows.count,
		requestsPerWindow: windows.perWindow,
		steadyRequests: windows.steadyRequests,
		steadyMs: windows.steadyMs,
		achievedPerScaledMinute: round(rate * WINDOW_MS, 1),
		ratio: round(ratio, 3),
		// Bookings in the steady windows per minute ÷ the limit: the useful share of the limit.
		bookingRatio: round((ratio * booked) / requests.length, 3),
		requestsPerBooking: round(requests.length / Math.max(booked, 1), 3),
		outputItems: result.items.length,
		booked,
		failedItems: failed.length,
		surfaced429: failed.filter((f) => f.httpCode === '429').length,
		sandbox429: requests.filter((r) => r.status === 429).length,
		invalidRequests: sandbox.invalidRequests().length,
		firstFailures: failed.slice(0, 3),
	};
	log(`B1 ${variant.name}: ${JSON.stringify({ ...details, requestsPerWindow: undefined })}`);
	return details;
}

export async function benchRateLimit(): Promise<FigureResult> {
	const sandbox = await startSandbox({
		now: MARCH,
		timeScale: TIME_SCALE,
		rateLimit: LIMIT,
		fixture: FIXTURE,
	});
	try {
		const starts = await freeStarts(sandbox, CREATES);
		if (new Set(starts).size !== CREATES) throw new Error('the free starts are not distinct');
		const results = [];
		for (const variant of VARIANTS) results.push(await runVariant(sandbox, starts, variant));
		const rows: Row[] = [];
		results.forEach((r, i) => {
			const { tag, maxRequestsPerBooking } = VARIANTS[i];
			rows.push(
				{
					id: 'B1',
					figure: `bookings per minute ÷ limit, ${tag} (requests per booking: ${r.requestsPerBooking})`,
					measured: `${r.bookingRatio.toFixed(3)} (${r.requests} requests for ${r.booked} bookings)`,
					value: r.bookingRatio,
					target: `≤ ${maxRequestsPerBooking} requests per booking`,
					pass: r.requestsPerBooking <= maxRequestsPerBooking,
				},
				{
					id: 'B1',
					figure: `rate ÷ limit, ${CREATES} creates, ${tag} (${r.requests} req, ${r.windows} windows of ${WINDOW_MS / 1000} s = 60 s × ${TIME_SCALE})`,
					measured: `${r.ratio.toFixed(3)} (${r.achievedPerScaledMinute}/min vs ${LIMIT}/min)`,
					value: r.ratio,
					target: '≥ 0.95',
					pass: r.ratio >= 0.95,
				},
				{
					id: 'B1',
					figure: `failed items, ${tag}`,
					measured: `${r.failedItems} (${r.booked} booked)`,
					value: r.failedItems,
					target: '0',
					pass: r.failedItems === 0 && r.booked === CREATES,
				},
				{
					id: 'B1',
					figure: `429s reaching the user, ${tag}`,
					measured: String(r.surfaced429),
					value: r.surfaced429,
					target: '0',
					pass: r.surfaced429 === 0,
				},
				{
					id: 'B1',
					figure: `429s the sandbox sent, ${tag}`,
					measured: String(r.sandbox429),
					value: r.sandbox429,
					target: '— (0 = paced before any 429)',
					pass: null,
				},
			);
		});
		return {
			rows,
			details: { limit: LIMIT, timeScale: TIME_SCALE, windowMs: WINDOW_MS, variants: results },
		};
	} finally {
		await sandbox.close();
	}
}
