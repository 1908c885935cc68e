import { attendee, book, BOOKINGS, NOW, post } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const START = '2027-03-15T13:00:00Z';

describe('sandbox seated bookings', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		// bailey's 15 min event type, made seated: three seats per time slot.
		const et = sandbox.state.eventTypes.find((e) => e.id === 11);
		if (et) et.seatsPerTimeSlot = 3;
	});

	const message = (res: { json: { error: { message: string } } }) => res.json.error.message;
	const cancel = (uid: string, body: unknown) =>
		post(sandbox, `/v2/bookings/${uid}/cancel`, body, bailey);

	async function threeSeats(): Promise<{ uid: string; seats: string[] }> {
		const seats: string[] = [];
		let uid = '';
		for (const [name, email] of [
			['Ana', 'ana@example.com'],
			['Bo', 'bo@example.com'],
			['Cy', 'cy@example.com'],
		]) {
			const res = await book(sandbox, {
				eventTypeId: 11,
				start: START,
				attendee: attendee(name, email),
			});
			expect(res.status).toBe(201);
			uid ||= res.json.data.uid;
			expect(res.json.data.uid).toBe(uid);
			seats.push(res.json.data.seatUid);
		}
		return { uid, seats };
	}

	it('takes attendees on seats of one booking, each with its own seatUid, until every seat is taken (409)', async () => {
		const first = await book(
			sandbox,
			{ eventTypeId: 11, start: START, attendee: attendee('Ana', 'ana@example.com') },
			bailey,
		);
		expect(responseProblems('POST', '/v2/bookings', 201, first.json, BOOKINGS)).toEqual([]);
		expect(first.json.data.attendees).toEqual([
			expect.objectContaining({
				name: 'Ana',
				seatUid: first.json.data.seatUid,
				bookingFieldsResponses: { name: 'Ana' },
			}),
		]);
		// An anonymous booker does not see the other seats (seatsShowAttendees off).
		const second = await book(sandbox, {
			eventTypeId: 11,
			start: START,
			attendee: attendee('Bo', 'bo@example.com'),
		});
		expect([second.json.data.uid, second.json.data.attendees]).toEqual([first.json.data.uid, []]);
		await book(sandbox, {
			eventTypeId: 11,
			start: START,
			attendee: attendee('Cy', 'cy@example.com'),
		});
		const full = await book(sandbox, {
			eventTypeId: 11,
			start: START,
			attendee: attendee('Di', 'di@example.com'),
		});
		expect([full.status, full.json.error.code, message(full)]).toEqual([
			409,
			'ConflictException',
			'No more seats left at this seated booking.',
		]);
		const seen = await call(sandbox, `/v2/bookings/${first.json.data.uid}`, {
			key: bailey,
			version: BOOKINGS,
		});
		expect(seen.json.data.attendees.map((a: { name: string }) => a.name)).toEqual([
			'Ana',
			'Bo',
			'Cy',
		]);
		expect(responseProblems('GET', '/v2/bookings/{bookingUid}', 200, seen.json, BOOKINGS)).toEqual(
			[],
		);
		expect(sandbox.events.map((e) => [e.type, e.booking.attendees.map((a) => a.name)])).toEqual([
			['BOOKING_CREATED', ['Ana']],
			['BOOKING_CREATED', ['Bo']],
			['BOOKING_CREATED', ['Cy']],
		]);
	});

	it('cancels one seat only: the booking stays accepted with the others, and BOOKING_CANCELLED names that attendee', async () => {
		const { uid, seats } = await threeSeats();
		const res = await cancel(uid, { seatUid: seats[1], cancellationReason: 'Sick' });
		expect(res.status).toBe(200);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/cancel', 200, res.json, BOOKINGS),
		).toEqual([]);
		expect(res.json.data).toMatchObject({ uid, status: 'accepted' });
		expect(res.json.data.attendees.map((a: { seatUid: string }) => a.seatUid)).toEqual([
			seats[0],
			seats[2],
		]);
		expect(sandbox.events.at(-1)).toMatchObject({
			type: 'BOOKING_CANCELLED',
			bookingUid: uid,
			booking: { status: 'cancelled', attendees: [{ name: 'Bo', seatUid: seats[1] }] },
			details: { cancellationReason: 'Sick' },
		});
		const again = await cancel(uid, { seatUid: seats[1] });
		expect([again.status, message(again)]).toEqual([
			400,
			'Invalid seatUid: this seat does not exist or has already been cancelled.',
		]);
	});

	it('refuses a seat of another booking, and cancelSubsequentBookings beside a seat', async () => {
		const { seats } = await threeSeats();
		const other = await cancel('kEQ6lyUVxK9sKQNFvjgrCv', { seatUid: seats[0] });
		expect([other.status, message(other)]).toEqual([
			400,
			'Invalid seatUid: this seat does not belong to this booking.',
		]);
		const subsequent = await cancel('kEQ6lyUVxK9sKQNFvjgrCv', {
			seatUid: seats[0],
			cancelSubsequentBookings: true,
		});
		expect([subsequent.status, message(subsequent)]).toEqual([
			400,
			'cancelSubsequentBookings property is wrong,property cancelSubsequentBookings should not exist ',
		]);
		expect(sandbox.state.bookings.find((b) => b.uid === 'kEQ6lyUVxK9sKQNFvjgrCv')?.status).toBe(
			'accepted',
		);
	});

	it('cancels the whole booking when its last seat is cancelled', async () => {
		const only = await book(sandbox, {
			eventTypeId: 11,
			start: START,
			attendee: attendee('Ana', 'ana@example.com'),
		});
		const res = await cancel(only.json.data.uid, {
			seatUid: only.json.data.seatUid,
			cancellationReason: 'Nobody left',
		});
		expect(res.json.data).toMatchObject({ status: 'cancelled', cancellationReason: 'Nobody left' });
	});

	it('refuses a reason beside the seat, and cancels nothing, when playing the earlier seated cancel DTO', async () => {
		const { uid, seats } = await threeSeats();
		sandbox.build.seatedCancelInput = 'seatOnly';
		const withReason = await cancel(uid, { seatUid: seats[0], cancellationReason: 'Sick' });
		expect([withReason.status, message(withReason)]).toEqual([
			400,
			'cancellationReason property is wrong,property cancellationReason should not exist ',
		]);
		expect(sandbox.state.bookings.find((b) => b.uid === uid)?.attendees).toHaveLength(3);
		const bare = await cancel(uid, { seatUid: seats[0] });
		expect(bare.json.data.attendees).toHaveLength(2);
	});
});
