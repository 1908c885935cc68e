import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox, visibleText } from '../integration/helpers';
import { AMBIGUOUS_KINDS, describedAs, expectNoKeyIn, fault, NOT_REPEATED, THROTTLE_KINDS, unansweredMessage, withTimeout } from './faults';

const sandbox = useSandbox();
const START = '2027-03-15T13:00:00.000Z';
const EMAIL = 'ana@example.com';

const create: INodeParameters = withTimeout({
	resource: 'booking',
	operation: 'create',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '12' },
	start: START,
	attendeeName: 'Ana Silva',
	attendeeEmail: EMAIL,
	attendeeTimeZone: 'America/New_York',
	bookingQuestions: { answers: [{ question: 'company', value: 'Acme' }, { question: 'team-size', value: '11-50' }, { question: 'accept-terms', value: 'true' }] },
});

/** Ana's live bookings at the start: never more than one, whatever happened on the way. */
const anasBookings = (s: Sandbox) =>
	s.state.bookings.filter(
		(b) => b.status !== 'cancelled' && new Date(b.start).toISOString() === START && b.attendees.some((a) => a.email === EMAIL),
	);
const posts = (s: Sandbox) => s.requests.filter((r) => r.method === 'POST' && r.path === '/v2/bookings');
const lookedUp = (s: Sandbox) => s.requests.some((r) => r.method === 'GET' && r.path === '/v2/bookings' && r.query.attendeeEmail === EMAIL);

describe('R1 faults × booking create: throttled', () => {
	it.each(THROTTLE_KINDS)('%s: Cal.com did not process it, so the create is retried and books once', async (kind) => {
		sandbox().injectFault(fault(kind, 'POST', '/v2/bookings'));
		const result = await runCalCom(sandbox(), create);
		expect(result.error).toBeUndefined();
		expect(anasBookings(sandbox())).toHaveLength(1);
		expect(result.items.map((item) => item.json.uid)).toEqual([anasBookings(sandbox())[0].uid]);
		expect(posts(sandbox()).map((r) => r.status)).toEqual([429, 201]);
		expectNoKeyIn(sandbox(), visibleText(result));
	});
});

describe('R1 faults × booking create: answer lost after Cal.com booked', () => {
	it.each([...AMBIGUOUS_KINDS, 'timeout' as const])('%s: one POST, then the booking that was made is found and returned', async (kind) => {
		sandbox().injectFault(fault(kind, 'POST', '/v2/bookings', kind === 'timeout' ? {} : { afterProcessing: true }));
		const result = await runCalCom(sandbox(), create);
		expect(result.error).toBeUndefined();
		expect(posts(sandbox())).toHaveLength(1);
		expect(lookedUp(sandbox())).toBe(true);
		const [booking] = anasBookings(sandbox());
		expect(anasBookings(sandbox())).toHaveLength(1);
		expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ uid: booking.uid, start: START, status: 'accepted' })]);
		expectNoKeyIn(sandbox(), visibleText(result));
	});
});

describe('R1 faults × booking create: failed before Cal.com booked', () => {
	it.each(AMBIGUOUS_KINDS)('%s: not repeated, looked up, a clear error; running again books exactly once', async (kind) => {
		sandbox().injectFault(fault(kind, 'POST', '/v2/bookings'));
		const failed = await runCalCom(sandbox(), create);
		expect(failed.error?.message).toMatch(unansweredMessage(kind, 'POST /v2/bookings'));
		expect(describedAs(failed)).toMatch(NOT_REPEATED);
		expect(posts(sandbox())).toHaveLength(1);
		expect(lookedUp(sandbox())).toBe(true);
		expect(anasBookings(sandbox())).toHaveLength(0);
		expectNoKeyIn(sandbox(), visibleText(failed));
		expect(visibleText(failed)).not.toContain('<html');

		const again = await runCalCom(sandbox(), create);
		expect(again.error).toBeUndefined();
		expect(anasBookings(sandbox())).toHaveLength(1);
		// A third run finds the slot taken: still one booking.
		const third = await runCalCom(sandbox(), create);
		expect(third.error?.message).toMatch(/is not a free slot/);
		expect(anasBookings(sandbox())).toHaveLength(1);
	});
});
