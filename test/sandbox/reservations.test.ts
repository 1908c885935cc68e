import { book, NOW, slotStarts, SLOTS } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const PATH = '/v2/slots/reservations';

describe('sandbox slot reservations (2024-09-04)', () => {
	let sandbox: Sandbox;
	let clock = Date.parse(NOW);

	beforeAll(async () => {
		sandbox = await startSandbox({ now: () => new Date(clock) });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		clock = Date.parse(NOW);
		sandbox.reset();
	});

	const reserve = (body: unknown, key?: string) =>
		call(sandbox, PATH, { method: 'POST', body, key, version: SLOTS });

	it('reserves for 5 minutes by default (201), reads back without reservationDuration, and null for unknown uids', async () => {
		const res = await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' });
		expect(res.status).toBe(201);
		expect(responseProblems('POST', PATH, 201, res.json, SLOTS)).toEqual([]);
		expect(res.json.data).toMatchObject({
			eventTypeId: 11,
			slotStart: '2027-03-02T16:00:00.000Z',
			slotEnd: '2027-03-02T16:15:00.000Z',
			slotDuration: 15,
			reservationDuration: 5,
			reservationUntil: '2027-03-01T08:05:00.000Z',
		});
		const uid = res.json.data.reservationUid;
		const read = await call(sandbox, `${PATH}/${uid}`, { version: SLOTS });
		expect(read.status).toBe(200);
		expect(responseProblems('GET', `${PATH}/{uid}`, 200, read.json, SLOTS)).toEqual([]);
		expect(read.json.data.reservationDuration).toBeUndefined();
		const none = await call(sandbox, `${PATH}/00000000-0000-0000-0000-000000000000`, {
			version: SLOTS,
		});
		expect(none.json).toEqual({ status: 'success', data: null });
		expect(responseProblems('GET', `${PATH}/{uid}`, 200, none.json, SLOTS)).toEqual([]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('takes reservationDuration only from authenticated callers', async () => {
		const anonymous = await reserve({
			eventTypeId: 11,
			slotStart: '2027-03-02T16:00:00Z',
			reservationDuration: 10,
		});
		expect([anonymous.status, anonymous.json.error.message]).toEqual([
			401,
			'reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials',
		]);
		const owner = await reserve(
			{ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z', reservationDuration: 10 },
			sandbox.apiKeyFor('bailey'),
		);
		expect(owner.json.data).toMatchObject({
			reservationDuration: 10,
			reservationUntil: '2027-03-01T08:10:00.000Z',
		});
	});

	it('blocks the time for slots and for everyone’s bookings until deleted, then frees it', async () => {
		const res = await reserve(
			{ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' },
			sandbox.apiKeyFor('bailey'),
		);
		expect(await slotStarts(sandbox, 11, '2027-03-02')).not.toContain('2027-03-02T16:00:00.000Z');
		expect(await slotStarts(sandbox, 11, '2027-03-02')).toContain('2027-03-02T16:15:00.000Z');
		expect((await book(sandbox, { eventTypeId: 11, start: '2027-03-02T16:00:00Z' })).status).toBe(
			400,
		);
		// The reserver too: whether Cal.com lets the reserver through is unverified.
		expect(
			(
				await book(
					sandbox,
					{ eventTypeId: 11, start: '2027-03-02T16:00:00Z' },
					sandbox.apiKeyFor('bailey'),
				)
			).status,
		).toBe(400);
		const deleted = await call(sandbox, `${PATH}/${res.json.data.reservationUid}`, {
			method: 'DELETE',
			version: SLOTS,
		});
		expect([deleted.status, deleted.json]).toEqual([200, { status: 'success' }]);
		expect(await slotStarts(sandbox, 11, '2027-03-02')).toContain('2027-03-02T16:00:00.000Z');
		expect((await book(sandbox, { eventTypeId: 11, start: '2027-03-02T16:00:00Z' })).status).toBe(
			201,
		);
	});

	it('expires on the calendar clock', async () => {
		await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' });
		clock += 6 * 60_000;
		expect(await slotStarts(sandbox, 11, '2027-03-02')).toContain('2027-03-02T16:00:00.000Z');
	});

	it('refuses booked and already reserved times (422), and slot durations the event type does not offer (400)', async () => {
		const booked = await reserve({ eventTypeId: 12, slotStart: '2027-03-02T19:00:00Z' });
		expect([booked.status, booked.json.error.message]).toEqual([
			422,
			"Can't reserve a slot if the event is already booked.",
		]);
		await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' });
		const twice = await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' });
		expect([twice.status, twice.json.error.message]).toEqual([
			422,
			'This time slot is already reserved by another user. Please choose a different time.',
		]);
		const fixed = await reserve({
			eventTypeId: 11,
			slotStart: '2027-03-02T17:00:00Z',
			slotDuration: 30,
		});
		expect([fixed.status, fixed.json.error.message]).toEqual([
			400,
			"You passed 'slotDuration' but this event type is not a variable length event type.",
		]);
		const odd = await reserve({
			eventTypeId: 21,
			slotStart: '2027-03-02T09:00:00Z',
			slotDuration: 45,
		});
		expect(odd.json.error.message).toBe(
			"Provided 'slotDuration' is not one of the possible lengths for the event type. The possible lengths for this variable length event type are: 30, 60",
		);
		expect(
			(await reserve({ eventTypeId: 21, slotStart: '2027-03-02T09:00:00Z', slotDuration: 60 })).json
				.data.slotEnd,
		).toBe('2027-03-02T10:00:00.000Z');
		const unknown = await reserve({ eventTypeId: 999, slotStart: '2027-03-02T09:00:00Z' });
		expect([unknown.status, unknown.json.error.message]).toEqual([
			404,
			'Event Type with ID=999 not found',
		]);
	});

	it('moves a reservation with PATCH (200) and frees the old time', async () => {
		const res = await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' });
		const uid = res.json.data.reservationUid;
		const moved = await call(sandbox, `${PATH}/${uid}`, {
			method: 'PATCH',
			version: SLOTS,
			body: { eventTypeId: 11, slotStart: '2027-03-02T17:00:00Z' },
		});
		expect(moved.status).toBe(200);
		expect(responseProblems('PATCH', `${PATH}/{uid}`, 200, moved.json, SLOTS)).toEqual([]);
		expect(moved.json.data).toMatchObject({
			reservationUid: uid,
			slotStart: '2027-03-02T17:00:00.000Z',
		});
		const starts = await slotStarts(sandbox, 11, '2027-03-02');
		expect(starts).toContain('2027-03-02T16:00:00.000Z');
		expect(starts).not.toContain('2027-03-02T17:00:00.000Z');
		const missing = await call(sandbox, `${PATH}/nope`, {
			method: 'PATCH',
			version: SLOTS,
			body: { eventTypeId: 11, slotStart: '2027-03-02T17:00:00Z' },
		});
		expect([missing.status, missing.json.error.message]).toEqual([
			404,
			'Slot with uid=nope not found',
		]);
	});

	it("gives a hold moved by PATCH without slotDuration the event type's default length, not the length it had", async () => {
		// slots.service.ts updateReservedSlot: slotDuration ?? eventType.length; the hold's own length is not consulted.
		const uid = (
			await reserve({ eventTypeId: 21, slotStart: '2027-03-02T09:00:00Z', slotDuration: 60 })
		).json.data.reservationUid;
		const patch = (body: unknown) =>
			call(sandbox, `${PATH}/${uid}`, { method: 'PATCH', version: SLOTS, body });
		const shifted = await patch({ eventTypeId: 21, slotStart: '2027-03-02T11:00:00Z' });
		expect(shifted.status).toBe(200);
		expect(shifted.json.data).toMatchObject({
			slotStart: '2027-03-02T11:00:00.000Z',
			slotEnd: '2027-03-02T11:30:00.000Z',
			slotDuration: 30,
		});
		const kept = await patch({
			eventTypeId: 21,
			slotStart: '2027-03-02T13:00:00Z',
			slotDuration: 60,
		});
		expect(kept.json.data).toMatchObject({ slotEnd: '2027-03-02T14:00:00.000Z', slotDuration: 60 });
		const fixed = await patch({
			eventTypeId: 11,
			slotStart: '2027-03-02T17:00:00Z',
			slotDuration: 15,
		});
		expect([fixed.status, fixed.json.error.message]).toEqual([
			400,
			"You passed 'slotDuration' but this event type is not a variable length event type.",
		]);
		expect((await call(sandbox, `${PATH}/${uid}`, { version: SLOTS })).json.data).toMatchObject({
			eventTypeId: 21,
			slotStart: '2027-03-02T13:00:00.000Z',
			slotDuration: 60,
		});
	});

	it('refuses (422) to move or extend a live reservation onto time it overlaps itself, and allows it once the hold has lapsed', async () => {
		// slots.service.ts updateReservedSlot runs the reserve overlap check without leaving the hold itself out.
		const uid = (await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' })).json.data
			.reservationUid;
		const patch = (body: unknown) =>
			call(sandbox, `${PATH}/${uid}`, { method: 'PATCH', version: SLOTS, body });
		for (const slotStart of [
			'2027-03-02T16:00:00Z',
			'2027-03-02T16:10:00Z',
			'2027-03-02T15:50:00Z',
		]) {
			const res = await patch({ eventTypeId: 11, slotStart, reservationDuration: 15 });
			expect([res.status, res.json.error.message]).toEqual([
				422,
				'This time slot is already reserved by another user. Please choose a different time.',
			]);
		}
		const read = await call(sandbox, `${PATH}/${uid}`, { version: SLOTS });
		expect(read.json.data).toMatchObject({
			slotStart: '2027-03-02T16:00:00.000Z',
			reservationUntil: '2027-03-01T08:05:00.000Z',
		});
		// Next to itself is no overlap; a lapsed hold no longer counts.
		expect((await patch({ eventTypeId: 11, slotStart: '2027-03-02T16:15:00Z' })).status).toBe(200);
		clock += 6 * 60_000;
		const renewed = await patch({ eventTypeId: 11, slotStart: '2027-03-02T16:15:00Z' });
		expect(renewed.status).toBe(200);
		expect(renewed.json.data).toMatchObject({
			reservationUid: uid,
			reservationUntil: '2027-03-01T08:11:00.000Z',
		});
	});

	it('lets PATCH set reservationDuration without the 401/403 checks of POST', async () => {
		const uid = (await reserve({ eventTypeId: 11, slotStart: '2027-03-02T16:00:00Z' })).json.data
			.reservationUid;
		const anonymous = await call(sandbox, `${PATH}/${uid}`, {
			method: 'PATCH',
			version: SLOTS,
			body: { eventTypeId: 11, slotStart: '2027-03-02T17:00:00Z', reservationDuration: 20 },
		});
		expect(anonymous.status).toBe(200);
		const stranger = await call(sandbox, `${PATH}/${uid}`, {
			method: 'PATCH',
			version: SLOTS,
			key: sandbox.apiKeyFor('kenji'),
			body: { eventTypeId: 11, slotStart: '2027-03-02T18:00:00Z', reservationDuration: 30 },
		});
		expect([stranger.status, stranger.json.data.reservationUntil]).toEqual([
			200,
			'2027-03-01T08:30:00.000Z',
		]);
	});

	it('answers 200 {status: "success"} to DELETE of a reservation that does not exist', async () => {
		// slots.repository.ts deleteSlot is a deleteMany; the controller answers success whatever it deleted.
		const res = await call(sandbox, `${PATH}/00000000-0000-0000-0000-000000000000`, {
			method: 'DELETE',
			version: SLOTS,
		});
		expect([res.status, res.json]).toEqual([200, { status: 'success' }]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});
