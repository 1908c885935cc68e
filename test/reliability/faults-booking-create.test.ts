import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox, visibleText } from '../integration/helpers';
import {
	AMBIGUOUS_KINDS,
	describedAs,
	expectNoKeyIn,
	fault,
	FAULT_KINDS,
	NOT_REPEATED,
	THROTTLE_KINDS,
	unansweredMessage,
	withTimeout,
} from './faults';

const sandbox = useSandbox();
const START = '2027-03-15T13:00:00.000Z';
const EMAIL = 'ana@example.com';

const create: INodeParameters = {
	resource: 'booking',
	operation: 'create',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '12' },
	start: START,
	attendeeName: 'Ana Silva',
	attendeeEmail: EMAIL,
	attendeeTimeZone: 'America/New_York',
	bookingQuestions: {
		answers: [
			{ question: 'company', value: 'Acme' },
			{ question: 'team-size', value: '11-50' },
			{ question: 'accept-terms', value: 'true' },
		],
	},
};

/** Ana's live bookings at the start: never more than one, whatever happened on the way. */
const anasBookings = (s: Sandbox) =>
	s.state.bookings.filter(
		(b) =>
			b.status !== 'cancelled' &&
			new Date(b.start).toISOString() === START &&
			b.attendees.some((a) => a.email === EMAIL),
	);
const posts = (s: Sandbox) =>
	s.requests.filter((r) => r.method === 'POST' && r.path === '/v2/bookings');
const lookedUp = (s: Sandbox) =>
	s.requests.some(
		(r) => r.method === 'GET' && r.path === '/v2/bookings' && r.query.attendeeEmail === EMAIL,
	);

describe('R1 faults × booking create: throttled', () => {
	it.each(THROTTLE_KINDS)(
		'%s: Cal.com did not process it, so the create is retried and books once',
		async (kind) => {
			sandbox().injectFault(fault(kind, 'POST', '/v2/bookings'));
			const result = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(result.error).toBeUndefined();
			expect(anasBookings(sandbox())).toHaveLength(1);
			expect(result.items.map((item) => item.json.uid)).toEqual([anasBookings(sandbox())[0].uid]);
			expect(posts(sandbox()).map((r) => r.status)).toEqual([429, 201]);
			expectNoKeyIn(sandbox(), visibleText(result));
		},
	);
});

describe('R1 faults × booking create: answer lost after Cal.com booked', () => {
	it.each([...AMBIGUOUS_KINDS, 'timeout' as const])(
		'%s: one POST, then the booking that was made is found and returned',
		async (kind) => {
			sandbox().injectFault(
				fault(kind, 'POST', '/v2/bookings', kind === 'timeout' ? {} : { afterProcessing: true }),
			);
			const result = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(result.error).toBeUndefined();
			expect(posts(sandbox())).toHaveLength(1);
			expect(lookedUp(sandbox())).toBe(true);
			const [booking] = anasBookings(sandbox());
			expect(anasBookings(sandbox())).toHaveLength(1);
			expect(result.items.map((item) => item.json)).toEqual([
				expect.objectContaining({ uid: booking.uid, start: START, status: 'accepted' }),
			]);
			expectNoKeyIn(sandbox(), visibleText(result));
		},
	);
});

describe('R1 faults × booking create: failed before Cal.com booked', () => {
	it.each(AMBIGUOUS_KINDS)(
		'%s: not repeated, looked up, a clear error; running again books exactly once',
		async (kind) => {
			sandbox().injectFault(fault(kind, 'POST', '/v2/bookings'));
			const failed = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(failed.error?.message).toMatch(unansweredMessage(kind, 'POST /v2/bookings'));
			expect(describedAs(failed)).toMatch(NOT_REPEATED);
			expect(posts(sandbox())).toHaveLength(1);
			expect(lookedUp(sandbox())).toBe(true);
			expect(anasBookings(sandbox())).toHaveLength(0);
			expectNoKeyIn(sandbox(), visibleText(failed));
			expect(visibleText(failed)).not.toContain('<html');

			const again = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(again.error).toBeUndefined();
			expect(anasBookings(sandbox())).toHaveLength(1);
			// A third run finds the slot taken by this very booking and returns it: still one booking.
			const third = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(third.items.map((item) => item.json.uid)).toEqual(
				again.items.map((item) => item.json.uid),
			);
			expect(anasBookings(sandbox())).toHaveLength(1);
			expect(posts(sandbox())).toHaveLength(2);
		},
	);
});

describe('R1 faults × booking create: answer lost and the look-up fails too', () => {
	it.each(['timeout', '502', 'reset'] as const)(
		'%s, then the look-up keeps failing: a clear error; running again returns the booking made, never a second',
		async (kind) => {
			sandbox().injectFault(
				fault(kind, 'POST', '/v2/bookings', kind === 'timeout' ? {} : { afterProcessing: true }),
			);
			sandbox().injectFault(fault('503', 'GET', '/v2/bookings', { count: 3 }));
			const failed = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(failed.error?.message).toMatch(unansweredMessage(kind, 'POST /v2/bookings'));
			expect(describedAs(failed)).toMatch(NOT_REPEATED);
			expect(anasBookings(sandbox())).toHaveLength(1);

			// n8n's Retry On Fail, or the user running it again: the slot is taken — by this very booking.
			const again = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(again.error).toBeUndefined();
			expect(again.items.map((item) => item.json.uid)).toEqual([anasBookings(sandbox())[0].uid]);
			expect(anasBookings(sandbox())).toHaveLength(1);
			expect(posts(sandbox())).toHaveLength(1);
		},
	);
});

describe('R1 faults × booking create: a fault on the reads before it', () => {
	it.each(FAULT_KINDS)(
		'%s on the availability check: retried, and the booking is made once',
		async (kind) => {
			sandbox().injectFault(fault(kind, 'GET', '/v2/slots'));
			const result = await runCalCom(sandbox(), withTimeout(create, kind));
			expect(result.error).toBeUndefined();
			expect(anasBookings(sandbox())).toHaveLength(1);
			expect(posts(sandbox())).toHaveLength(1);
			expect(
				sandbox()
					.requests.filter((r) => r.path === '/v2/slots')
					.map((r) => r.fault ?? r.status),
			).toEqual([kind, 200]);
		},
	);
});

describe('R1 faults × booking create by username and event type slug: answer lost after Cal.com booked', () => {
	const bySlug: INodeParameters = {
		...create,
		lookup: 'userSlug',
		username: 'bailey',
		eventTypeSlug: '30min',
	};
	it.each([...AMBIGUOUS_KINDS, 'timeout' as const])(
		'%s: the booking made is found by the slug and returned',
		async (kind) => {
			sandbox().injectFault(
				fault(kind, 'POST', '/v2/bookings', kind === 'timeout' ? {} : { afterProcessing: true }),
			);
			const result = await runCalCom(sandbox(), withTimeout(bySlug, kind));
			expect(result.error).toBeUndefined();
			expect(posts(sandbox())).toHaveLength(1);
			expect(anasBookings(sandbox())).toHaveLength(1);
			expect(result.items.map((item) => item.json.uid)).toEqual([anasBookings(sandbox())[0].uid]);
		},
	);
});
