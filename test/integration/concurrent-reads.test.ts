import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CONCURRENT_ITEMS, resources } from '../../nodes/CalCom/actions/router';
import type { OperationModule } from '../../nodes/CalCom/actions/types';
import type { RecordedRequest, Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { MARCH, runCalCom, useSandbox } from './helpers';

const ITEMS = 30;
const KNOWN_UID = 'kEQ6lyUVxK9sKQNFvjgrCv';
const numbered = (count = ITEMS): IDataObject[] => Array.from({ length: count }, (_, i) => ({ i }));
const id = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
const getBooking: INodeParameters = {
	resource: 'booking',
	operation: 'get',
	bookingUid: '={{ $json.uid }}',
};
/** User → Get for each of `items` (30 by default). */
const getUsers = (target: Sandbox, options: Parameters<typeof runCalCom>[2] = {}) =>
	runCalCom(target, { resource: 'user', operation: 'get' }, { inputItems: numbered(), ...options });
/** A UID Cal.com has no booking for, 22 characters as its UIDs are. */
const badUid = (i: number) => `NoSuchBooking${String(i).padStart(9, '0')}`;
/** Items reading the known booking, except those named, which ask for a UID Cal.com lacks. */
const bookingItems = (bad: number[]): IDataObject[] =>
	numbered().map(({ i }) => ({
		uid: bad.includes(i as number) ? badUid(i as number) : KNOWN_UID,
	}));

/** The most requests the sandbox had received and not yet answered at one time. */
function mostInFlight(requests: RecordedRequest[]): number {
	const edges = requests.flatMap((r) => [
		{ at: r.receivedAt, step: 1 },
		{ at: r.answeredAt ?? Number.POSITIVE_INFINITY, step: -1 },
	]);
	// At the same millisecond an answer counts before a start: only true overlaps are counted.
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let now = 0;
	let most = 0;
	for (const edge of edges) {
		now += edge.step;
		most = Math.max(most, now);
	}
	return most;
}

/**
 * Holds the answers to the next requests on `path`, each longer than the one after, so that items
 * run at once are answered in reverse: an order kept by the router, not by Cal.com's answers.
 */
function holdInReverse(sandbox: Sandbox, path: string | RegExp, count: number): void {
	for (let n = 0; n < count; n++) {
		sandbox.injectFault({ kind: 'timeout', path, delayMs: 20 * (count - n) });
	}
}

describe('read-only operations run several items at once', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('gives 30 items of User → Get in item order, paired, each as one item alone gives it', async () => {
		const parameters = {
			resource: 'user',
			operation: 'get',
			output: '={{ $json.i % 2 ? "raw" : "simplified" }}',
		};
		const alone = await runCalCom(sandbox, parameters, { inputItems: [{ i: 0 }] });
		const aloneRaw = await runCalCom(sandbox, parameters, { inputItems: [{ i: 1 }] });
		sandbox.reset();
		holdInReverse(sandbox, '/v2/me', ITEMS);
		const result = await runCalCom(sandbox, parameters, { inputItems: numbered() });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			numbered().map(({ i }) => ({ item: i })),
		);
		expect(result.items.map((item) => item.json)).toEqual(
			numbered().map(({ i }) => ((i as number) % 2 ? aloneRaw : alone).items[0].json),
		);
		expect(sandbox.requests).toHaveLength(ITEMS);
	});

	it('gives 30 items of Booking → Get Many (one page each) in item order, paired', async () => {
		const parameters = {
			resource: 'booking',
			operation: 'getMany',
			limit: '={{ $json.i % 3 + 1 }}',
		};
		const alone = await runCalCom(sandbox, parameters, { inputItems: [{ i: 2 }] });
		expect(alone.items).toHaveLength(3);
		sandbox.reset();
		holdInReverse(sandbox, '/v2/bookings', ITEMS);
		const result = await runCalCom(sandbox, parameters, { inputItems: numbered() });
		expect(result.error).toBeUndefined();
		const expected = numbered().flatMap(({ i }) =>
			alone.items.slice(0, ((i as number) % 3) + 1).map((item) => ({
				json: item.json,
				pairedItem: { item: i },
			})),
		);
		expect(result.items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual(expected);
		expect(sandbox.requests.map((r) => r.query.take)).toEqual(
			numbered().map(({ i }) => String(((i as number) % 3) + 1)),
		);
	});

	it('with Continue On Fail gives a failing item in the middle its error item in place', async () => {
		const result = await runCalCom(sandbox, getBooking, {
			inputItems: bookingItems([14]),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			numbered().map(({ i }) => ({ item: i })),
		);
		expect(result.items[14].json.error).toBe(
			`Booking ${badUid(14)} was not found. Check the booking UID (the "uid" field, not the numeric ID).`,
		);
		const others = result.items.filter((_, index) => index !== 14);
		expect(others.every((item) => item.json.uid === KNOWN_UID)).toBe(true);
	});

	it('without Continue On Fail stops with the error of the first failing item, even when a later one fails sooner', async () => {
		// Item 10's answer is held; item 11 fails while item 10 is still waiting.
		sandbox.injectFault({
			kind: 'timeout',
			path: `/v2/bookings/${badUid(10)}`,
			delayMs: 200,
		});
		const result = await runCalCom(sandbox, getBooking, { inputItems: bookingItems([10, 11]) });
		expect(result.error?.message).toBe(
			`Booking ${badUid(10)} was not found. Check the booking UID (the "uid" field, not the numeric ID).`,
		);
		expect((result.error as { context?: IDataObject }).context?.itemIndex).toBe(10);
		expect(result.items).toHaveLength(0);
	});

	it('without Continue On Fail starts no item after a failed first item', async () => {
		const result = await runCalCom(sandbox, getBooking, { inputItems: bookingItems([0]) });
		expect(result.error?.message).toContain(`Booking ${badUid(0)} was not found`);
		expect(sandbox.requests).toHaveLength(1);
	});

	it(`never has more than ${CONCURRENT_ITEMS} requests under way at once`, async () => {
		for (let n = 0; n < ITEMS; n++)
			sandbox.injectFault({ kind: 'timeout', path: '/v2/me', delayMs: 50 });
		const result = await getUsers(sandbox);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(ITEMS);
		const most = mostInFlight(sandbox.requests);
		expect(most).toBeLessThanOrEqual(CONCURRENT_ITEMS);
		// Several at once, or this spec would measure nothing.
		expect(most).toBeGreaterThan(1);
	});

	it('runs one item after another when an AI agent calls, as before', async () => {
		for (let n = 0; n < 3; n++)
			sandbox.injectFault({ kind: 'timeout', path: '/v2/me', delayMs: 50 });
		const result = await getUsers(sandbox, { inputItems: numbered(3), asTool: true });
		expect(result.error).toBeUndefined();
		expect(mostInFlight(sandbox.requests)).toBe(1);
	});
});

describe('every operation marked concurrent sends only GETs', () => {
	const current = useSandbox();
	/** Parameters for each operation marked concurrent; a newly marked one needs its line here. */
	const cases: Record<string, INodeParameters> = {
		'booking.get': { bookingUid: KNOWN_UID },
		'booking.getMany': { returnAll: true },
		'eventType.get': { eventTypeId: id(12) },
		'eventType.getMany': { returnAll: true },
		'schedule.get': { scheduleId: id(4) },
		'schedule.getDefault': {},
		'schedule.getMany': {},
		'user.get': {},
	};
	const marked = Object.entries(resources).flatMap(([resource, module]) =>
		Object.entries(module.operations as Record<string, OperationModule>)
			.filter(([, op]) => op.concurrent)
			.map(([operation]) => `${resource}.${operation}`),
	);

	it('names every marked operation in this spec', () => {
		expect(marked.sort()).toEqual(Object.keys(cases).sort());
	});

	it.each(Object.entries(cases))('%s sends only GETs for 3 items', async (name, extra) => {
		const sandbox = current();
		const [resource, operation] = name.split('.');
		const result = await runCalCom(
			sandbox,
			{ resource, operation, ...extra },
			{
				inputItems: numbered(3),
			},
		);
		expect(result.error).toBeUndefined();
		expect(new Set(result.items.map((item) => JSON.stringify(item.pairedItem)))).toEqual(
			new Set(['{"item":0}', '{"item":1}', '{"item":2}']),
		);
		expect(sandbox.requests.length).toBeGreaterThanOrEqual(3);
		expect([...new Set(sandbox.requests.map((r) => r.method))]).toEqual(['GET']);
	});
});

describe('many items at once under a tight rate limit', () => {
	it('meets no 429: each request takes its unit of the budget before it is sent', async () => {
		// 8 requests a window, scaled by 0.02: 30 items take four windows of 1.2 s.
		const tight = await startSandbox({ now: MARCH, rateLimit: 8, timeScale: 0.02 });
		try {
			const result = await getUsers(tight);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(ITEMS);
			expect(tight.requests.filter((r) => r.status === 429)).toHaveLength(0);
			expect(tight.requests).toHaveLength(ITEMS);
		} finally {
			await tight.close();
		}
	});
});
