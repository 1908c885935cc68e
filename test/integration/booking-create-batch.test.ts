import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

// Booking → Create over many items in one execution: each event type's questions and free slots
// are read once, the free set follows the items' own bookings, and nothing is kept for the next
// execution. Cal.com's own "slot taken" answer still decides.

const ANSWERS = { company: 'Acme', 'team-size': '11-50', 'accept-terms': 'true' };

/** Booking → Create with the event type, start, email and answers taken from each item. */
const PARAMS: INodeParameters = {
	resource: 'booking',
	operation: 'create',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '={{ $json.eventTypeId }}' },
	start: '={{ $json.start }}',
	attendeeName: 'Ana Silva',
	attendeeEmail: '={{ $json.email }}',
	attendeeTimeZone: 'America/New_York',
	additionalFields: { answersJson: '={{ $json.answers }}' },
};

/** bailey's free 30 min starts (event type 12), 09:00 New York, on days of one week. */
const WEEK = [
	'2027-03-15T13:00:00.000Z',
	'2027-03-15T14:00:00.000Z',
	'2027-03-16T13:00:00.000Z',
	'2027-03-17T15:30:00.000Z',
	'2027-03-18T13:00:00.000Z',
	'2027-03-22T13:00:00.000Z',
];

function item(start: string, n: number, eventTypeId = 12): IDataObject {
	return {
		eventTypeId: String(eventTypeId),
		start,
		email: `guest${n}@example.com`,
		answers: eventTypeId === 12 ? ANSWERS : {},
	};
}

const count = (sandbox: Sandbox, method: string, path: string | RegExp) =>
	sandbox.requests.filter(
		(r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
	).length;
const slotReads = (sandbox: Sandbox) => count(sandbox, 'GET', '/v2/slots');
const eventTypeReads = (sandbox: Sandbox) => count(sandbox, 'GET', /^\/v2\/event-types/);
const posts = (sandbox: Sandbox) => count(sandbox, 'POST', '/v2/bookings');

/** Runs `action` once, when the sandbox receives the first request `matches` accepts. */
function onRequest(
	sandbox: Sandbox,
	matches: (method: string, path: string) => boolean,
	action: () => void,
): () => void {
	const requests = sandbox.requests;
	const push = requests.push.bind(requests);
	let done = false;
	requests.push = (...records) => {
		const length = push(...records);
		if (!done && records.some((r) => matches(r.method, r.path))) {
			done = true;
			action();
		}
		return length;
	};
	return () => {
		requests.push = push;
	};
}

describe('Booking → Create over many items: few reads', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('one item costs what it always did: event type read, slots read, POST', async () => {
		const result = await runCalCom(sandbox, PARAMS, { inputItems: [item(WEEK[0], 0)] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ start: WEEK[0], status: 'accepted' });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/event-types/12',
			'GET /v2/slots',
			'POST /v2/bookings',
		]);
		// The slots read covers a day before to a week after the start, as before.
		expect(sandbox.requests[1].query).toMatchObject({
			start: '2027-03-14T13:00:00.000Z',
			end: '2027-03-22T13:00:00.000Z',
		});
	});

	it('N items on one event type across a week: 1 event type read + 1 slots read (the span is within one range) + N POSTs', async () => {
		const inputItems = WEEK.map((start, n) => item(start, n));
		const result = await runCalCom(sandbox, PARAMS, { inputItems });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.start)).toEqual(WEEK);
		expect(eventTypeReads(sandbox)).toBe(1);
		expect(slotReads(sandbox)).toBe(1);
		expect(posts(sandbox)).toBe(WEEK.length);
		expect(sandbox.requests).toHaveLength(2 + WEEK.length);
		// The one read spans a day before the earliest start to a week after the latest.
		const read = sandbox.requests.find((r) => r.path === '/v2/slots');
		expect(read?.query).toMatchObject({
			start: '2027-03-14T13:00:00.000Z',
			end: '2027-03-29T13:00:00.000Z',
		});
	});

	it('items on several event types: one questions read and one slots read per event type', async () => {
		const inputItems = [
			item(WEEK[0], 0, 12),
			item('2027-03-16T14:00:00.000Z', 1, 11),
			item(WEEK[2], 2, 12),
			item('2027-03-17T14:00:00.000Z', 3, 11),
		];
		const result = await runCalCom(sandbox, PARAMS, { inputItems });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.eventTypeId)).toEqual([12, 11, 12, 11]);
		expect(count(sandbox, 'GET', '/v2/event-types/12')).toBe(1);
		expect(count(sandbox, 'GET', '/v2/event-types/11')).toBe(1);
		expect(slotReads(sandbox)).toBe(2);
		expect(posts(sandbox)).toBe(4);
	});

	it('two items asking for the same start: the second gets the slot error with the nearest slots, without another slots read', async () => {
		const inputItems = [item(WEEK[0], 0), item(WEEK[0], 1)];
		const result = await runCalCom(sandbox, PARAMS, { inputItems, continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ start: WEEK[0], status: 'accepted' });
		const error = String(result.items[1].json.error);
		// 09:00 was booked by the first item: the list starts at 09:30 and names 09:00 no more.
		expect(error).toBe(
			'2027-03-15T09:00:00-04:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-15T09:30:00-04:00, 2027-03-15T10:00:00-04:00, 2027-03-15T10:30:00-04:00, 2027-03-15T11:00:00-04:00, 2027-03-15T11:30:00-04:00',
		);
		expect(slotReads(sandbox)).toBe(1);
		expect(posts(sandbox)).toBe(1);
	});

	it('a slot taken by another client between the read and the POST: Cal.com refuses, and the item gets the nearest free slots from a fresh read', async () => {
		const organizer = sandbox.state.bookings.find((b) => b.userId === 1);
		if (!organizer) throw new Error('the fixture has bookings of bailey');
		// Someone else books the second item's start while the node posts the first item.
		const restore = onRequest(
			sandbox,
			(method, path) => method === 'POST' && path === '/v2/bookings',
			() =>
				sandbox.state.bookings.push({
					...organizer,
					id: 5000,
					uid: 'OtherClientBooking0001',
					eventTypeId: 12,
					status: 'accepted',
					start: WEEK[1],
					end: '2027-03-15T14:30:00.000Z',
				}),
		);
		try {
			const inputItems = [item(WEEK[0], 0), item(WEEK[1], 1)];
			const result = await runCalCom(sandbox, PARAMS, { inputItems, continueOnFail: true });
			expect(result.items[0].json).toMatchObject({ start: WEEK[0], status: 'accepted' });
			expect(String(result.items[1].json.error)).toBe(
				'2027-03-15T10:00:00-04:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-15T09:30:00-04:00, 2027-03-15T10:30:00-04:00, 2027-03-15T11:00:00-04:00, 2027-03-15T11:30:00-04:00, 2027-03-15T12:00:00-04:00',
			);
		} finally {
			restore();
		}
		// Both items were posted (the node thought the start free); the refusal read slots afresh.
		expect(posts(sandbox)).toBe(2);
		expect(slotReads(sandbox)).toBe(2);
	});

	it('a second execution reads the questions and the slots again (nothing kept across executions)', async () => {
		const first = await runCalCom(sandbox, PARAMS, { inputItems: [item(WEEK[0], 0)] });
		expect(first.error).toBeUndefined();
		const second = await runCalCom(sandbox, PARAMS, { inputItems: [item(WEEK[0], 1)] });
		// The second run saw the first run's booking: a stale free set would have posted again.
		expect(second.error?.message).toMatch(
			/^2027-03-15T09:00:00-04:00 \(America\/New_York\) is not a free slot\. Nearest free slots: 2027-03-15T09:30:00-04:00/,
		);
		expect(eventTypeReads(sandbox)).toBe(2);
		expect(slotReads(sandbox)).toBe(2);
		expect(posts(sandbox)).toBe(1);
	});

	it('a span Cal.com refuses (reaching more than a year ahead): each item reads its own window, as it would alone', async () => {
		// The later start lies beyond the year Cal.com gives slots for.
		const late = '2028-03-20T13:00:00.000Z';
		const inputItems = [item(WEEK[0], 0), item(late, 1)];
		const result = await runCalCom(sandbox, PARAMS, { inputItems, continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ start: WEEK[0], status: 'accepted' });
		expect(String(result.items[1].json.error)).toMatch(
			/^Cal\.com rejected the request: end 2028-03-27T13:00:00\.000Z is more than one year from now/,
		);
		const reads = sandbox.requests.filter((r) => r.path === '/v2/slots');
		expect(reads.map((r) => [r.query.start, r.query.end, r.status])).toEqual([
			// The span, in a range of at most 366 days (Get Available's limit): refused.
			['2027-03-14T13:00:00.000Z', '2028-03-14T13:00:00.000Z', 400],
			['2027-03-14T13:00:00.000Z', '2027-03-22T13:00:00.000Z', 200],
			['2028-03-19T13:00:00.000Z', '2028-03-27T13:00:00.000Z', 400],
		]);
		expect(posts(sandbox)).toBe(1);
	});

	it('Continue On Fail: a bad item fails alone, paired with its input; the others book', async () => {
		const inputItems = [
			item(WEEK[0], 0),
			{ ...item(WEEK[1], 1), email: 'not-an-email' },
			item(WEEK[2], 2),
		];
		const result = await runCalCom(sandbox, PARAMS, { inputItems, continueOnFail: true });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ start: WEEK[0], status: 'accepted' });
		expect(String(result.items[1].json.error)).toMatch(/^Attendee Email: /);
		expect(result.items[2].json).toMatchObject({ start: WEEK[2], status: 'accepted' });
		expect(slotReads(sandbox)).toBe(1);
		expect(eventTypeReads(sandbox)).toBe(1);
	});

	it('by username and slug: the event type is looked up once for all items', async () => {
		const params: INodeParameters = {
			...PARAMS,
			lookup: 'userSlug',
			username: 'bailey',
			eventTypeSlug: '30min',
		};
		const inputItems = WEEK.slice(0, 3).map((start, n) => item(start, n));
		const result = await runCalCom(sandbox, params, { inputItems });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.start)).toEqual(WEEK.slice(0, 3));
		expect(count(sandbox, 'GET', '/v2/event-types')).toBe(1);
		expect(slotReads(sandbox)).toBe(1);
		expect(posts(sandbox)).toBe(3);
	});
});

describe('Booking → Reschedule over many items, and Create after it: the free set follows the moves', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	const RESCHEDULE: INodeParameters = {
		resource: 'booking',
		operation: 'reschedule',
		bookingUid: '={{ $json.uid }}',
		start: '={{ $json.start }}',
		timeZone: 'America/New_York',
	};
	/** Wed 17 Mar, 09:00 New York: free until the first reschedule below takes it. */
	const WEDNESDAY = '2027-03-17T13:00:00.000Z';

	it('a moved booking frees its old start for a later item and takes its new one; Cal.com decides, and only a refusal reads slots', async () => {
		const made = await runCalCom(sandbox, PARAMS, {
			inputItems: [item(WEEK[0], 0), item(WEEK[1], 1), item(WEEK[2], 2)],
		});
		expect(made.error).toBeUndefined();
		const [a, b, c] = made.items.map((i) => String(i.json.uid));
		sandbox.requests.length = 0;

		const moved = await runCalCom(sandbox, RESCHEDULE, {
			inputItems: [
				{ uid: a, start: WEDNESDAY }, // a leaves Mon 09:00 for Wed 09:00
				{ uid: b, start: WEEK[0] }, // b takes Mon 09:00, which a freed
				{ uid: c, start: WEDNESDAY }, // c asks for Wed 09:00, which a took
			],
			continueOnFail: true,
		});
		expect(moved.items[0].json).toMatchObject({ start: WEDNESDAY, rescheduledFromUid: a });
		expect(moved.items[1].json).toMatchObject({ start: WEEK[0], rescheduledFromUid: b });
		expect(String(moved.items[2].json.error)).toBe(
			'2027-03-17T09:00:00-04:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-17T09:30:00-04:00, 2027-03-17T10:00:00-04:00, 2027-03-17T10:30:00-04:00, 2027-03-17T11:00:00-04:00, 2027-03-17T11:30:00-04:00',
		);
		// Reschedule checks nothing before it posts: one POST per item, and slots are read only for
		// the refused one (with its own time counted free).
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`POST /v2/bookings/${a}/reschedule 201`,
			`POST /v2/bookings/${b}/reschedule 201`,
			`POST /v2/bookings/${c}/reschedule 400`,
			`GET /v2/bookings/${c} 200`,
			'GET /v2/slots 200',
		]);
		expect(sandbox.requests[4].query.bookingUidToReschedule).toBe(c);
		sandbox.requests.length = 0;

		// A new execution of Create reads the free set afresh: b's old start (Mon 10:00) is free,
		// a's new one (Wed 09:00) is not, and is refused without a POST.
		const after = await runCalCom(sandbox, PARAMS, {
			inputItems: [item(WEEK[1], 3), item(WEDNESDAY, 4)],
			continueOnFail: true,
		});
		expect(after.items[0].json).toMatchObject({ start: WEEK[1], status: 'accepted' });
		expect(String(after.items[1].json.error)).toMatch(
			/^2027-03-17T09:00:00-04:00 \(America\/New_York\) is not a free slot\. Nearest free slots: 2027-03-17T09:30:00-04:00/,
		);
		expect(slotReads(sandbox)).toBe(1);
		expect(posts(sandbox)).toBe(1);
	});
});
