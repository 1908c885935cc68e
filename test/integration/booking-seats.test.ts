import type { Sandbox } from '../sandbox';
import { call } from '../sandbox/test-helpers';
import { runCalCom, useSandbox } from './helpers';

const START = '2027-03-15T13:00:00.000Z';
const BOOKINGS = '2024-08-13';

/** bailey's 15 min event type (11), made seated with three seats, and `names` booked on it. */
async function seatedBooking(
	sandbox: Sandbox,
	names: string[],
): Promise<{ uid: string; seats: string[] }> {
	const et = sandbox.state.eventTypes.find((e) => e.id === 11);
	if (et) et.seatsPerTimeSlot = 3;
	const seats: string[] = [];
	let uid = '';
	for (const name of names) {
		const attendee = {
			name,
			email: `${name.toLowerCase()}@example.com`,
			timeZone: 'America/New_York',
		};
		const res = await call(sandbox, '/v2/bookings', {
			method: 'POST',
			version: BOOKINGS,
			body: { eventTypeId: 11, start: START, attendee },
		});
		expect(res.status).toBe(201);
		uid = res.json.data.uid;
		seats.push(res.json.data.seatUid);
	}
	return { uid, seats };
}

const cancelRequests = (sandbox: Sandbox, uid: string) =>
	sandbox.requests.filter((r) => r.path === `/v2/bookings/${uid}/cancel`);

describe('Booking → Cancel with a seat', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	const cancelSeat = (uid: string, seatUid: string, cancellationReason = '') =>
		runCalCom(sandbox, {
			resource: 'booking',
			operation: 'cancel',
			bookingUid: uid,
			cancellationReason,
			options: { seatUid },
		});

	it('cancels only that seat, with the reason: the booking stays with the other attendees and their seats', async () => {
		const { uid, seats } = await seatedBooking(sandbox, ['Ana', 'Bo', 'Cy']);
		const result = await cancelSeat(uid, seats[1], 'Sick');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			uid,
			status: 'accepted',
			attendees: [
				{ name: 'Ana', seatUid: seats[0] },
				{ name: 'Cy', seatUid: seats[2] },
			],
		});
		expect(cancelRequests(sandbox, uid).map((r) => r.body)).toEqual([
			{ cancellationReason: 'Sick', seatUid: seats[1] },
		]);
		expect(sandbox.events.at(-1)).toMatchObject({
			type: 'BOOKING_CANCELLED',
			booking: { attendees: [{ name: 'Bo' }] },
			details: { cancellationReason: 'Sick' },
		});
		expect(sandbox.state.bookings.find((b) => b.uid === uid)?.status).toBe('accepted');
	});

	it('on a Cal.com build that takes seatUid alone, cancels the seat without the reason and says so in a hint', async () => {
		const { uid, seats } = await seatedBooking(sandbox, ['Ana', 'Bo']);
		sandbox.build.seatedCancelInput = 'seatOnly';
		const result = await cancelSeat(uid, seats[0], 'Sick');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			uid,
			status: 'accepted',
			attendees: [{ name: 'Bo', seatUid: seats[1] }],
		});
		expect(cancelRequests(sandbox, uid).map((r) => [r.status, r.body])).toEqual([
			[400, { cancellationReason: 'Sick', seatUid: seats[0] }],
			[200, { seatUid: seats[0] }],
		]);
		const hints = Object.values(result.runData).flatMap((runs) =>
			runs.flatMap((run) => run.hints ?? []),
		);
		expect(hints).toEqual([
			{
				message: `This Cal.com server does not take a reason when cancelling a seat: seat ${seats[0]} was cancelled without the Reason.`,
				type: 'warning',
				location: 'outputPane',
			},
		]);
	});

	it('without a reason, cancels a seat in one request and never sends cancelSubsequentBookings beside it', async () => {
		const { uid, seats } = await seatedBooking(sandbox, ['Ana', 'Bo']);
		sandbox.build.seatedCancelInput = 'seatOnly';
		const result = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'cancel',
			bookingUid: uid,
			options: { seatUid: seats[1], cancelSubsequentBookings: true },
		});
		expect(result.error).toBeUndefined();
		expect(cancelRequests(sandbox, uid).map((r) => r.body)).toEqual([{ seatUid: seats[1] }]);
	});

	it("gives Cal.com's message for a seat that is not in the booking, and cancels nothing", async () => {
		const { seats } = await seatedBooking(sandbox, ['Ana', 'Bo']);
		const result = await cancelSeat('kEQ6lyUVxK9sKQNFvjgrCv', seats[0], 'Sick');
		expect(result.error?.message).toBe(
			'Cal.com rejected the request: Invalid seatUid: this seat does not belong to this booking.',
		);
		expect(cancelRequests(sandbox, 'kEQ6lyUVxK9sKQNFvjgrCv')).toHaveLength(1);
		expect(sandbox.state.bookings.find((b) => b.uid === 'kEQ6lyUVxK9sKQNFvjgrCv')?.status).toBe(
			'accepted',
		);
	});

	it('shows the seat UID of a new seat from Create', async () => {
		const { uid } = await seatedBooking(sandbox, ['Ana']);
		const result = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'create',
			lookup: 'eventTypeId',
			eventTypeId: { __rl: true, mode: 'id', value: '11' },
			start: START,
			attendeeName: 'Bo',
			attendeeEmail: 'bo@example.com',
			attendeeTimeZone: 'America/New_York',
			options: { checkAvailability: false },
		});
		expect(result.error).toBeUndefined();
		const seat = sandbox.state.bookings
			.find((b) => b.uid === uid)
			?.attendees.find((a) => a.name === 'Bo')?.seatUid;
		expect(result.items[0].json).toMatchObject({ uid, seatUid: seat, status: 'accepted' });
	});
});
