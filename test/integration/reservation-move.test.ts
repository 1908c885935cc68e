import type { INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, MARCH, runCalCom } from './helpers';

/**
 * Slot → Update Reservation where Cal.com's PATCH cannot move the hold: updateReservedSlot counts
 * the hold itself when it checks the new time (slots.service.ts), so extending a hold or shifting
 * it onto time it overlaps is refused with 422 and the node reserves anew.
 */
const eventType12 = { __rl: true, mode: 'id', value: '12' }; // bailey, 30 minutes
const HELD = 'This time slot is already reserved by another user. Please choose a different time.';

describe('Slot → Update Reservation onto time the hold overlaps', () => {
	let sandbox: Sandbox;
	let clock = Date.parse(MARCH);

	beforeAll(async () => {
		sandbox = await startSandbox({ now: () => new Date(clock) });
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => {
		clock = Date.parse(MARCH);
		sandbox.reset();
	});
	afterEach(() => expectOnlyValidRequests(sandbox));

	async function reserve(
		slotStart: string,
		username = 'bailey',
		options: INodeParameters = {},
	): Promise<string> {
		const result = await runCalCom(
			sandbox,
			{ resource: 'slot', operation: 'reserve', eventTypeId: eventType12, slotStart, options },
			{ username },
		);
		expect(result.error).toBeUndefined();
		return String(result.items[0].json.reservationUid);
	}

	function update(
		reservationUid: string,
		slotStart: string,
		options: INodeParameters = {},
	): INodeParameters {
		return {
			resource: 'slot',
			operation: 'updateReservation',
			reservationUid,
			eventTypeId: eventType12,
			slotStart,
			options,
		};
	}

	const held = (uid: string) => sandbox.state.reservations.find((r) => r.uid === uid);
	const calls = () =>
		sandbox.requests
			.filter((r) => r.path.startsWith('/v2/slots/reservations'))
			.map((r) => `${r.method} ${r.status}`);

	it('moves a hold onto free time with PATCH and keeps its UID', async () => {
		const uid = await reserve('2027-03-15T13:00:00Z');
		const result = await runCalCom(sandbox, update(uid, '2027-03-15T15:00:00Z'));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			reservationUid: uid,
			slotStart: '2027-03-15T15:00:00.000Z',
			reservationUidChanged: false,
		});
		expect(result.items[0].json.previousReservationUid).toBeUndefined();
	});

	it('extends a hold (same start, longer duration) by releasing it and reserving anew, and says the UID changed', async () => {
		const uid = await reserve('2027-03-15T13:00:00Z', 'bailey', { reservationDuration: 10 });
		sandbox.requests.length = 0;
		const result = await runCalCom(
			sandbox,
			update(uid, '2027-03-15T13:00:00Z', { reservationDuration: 30 }),
		);
		expect(result.error).toBeUndefined();
		const out = result.items[0].json;
		expect(out).toMatchObject({
			slotStart: '2027-03-15T13:00:00.000Z',
			slotEnd: '2027-03-15T13:30:00.000Z',
			reservationDuration: 30,
			reservationUntil: '2027-03-01T08:30:00.000Z',
			reservationUidChanged: true,
			previousReservationUid: uid,
		});
		expect(out.reservationUid).not.toBe(uid);
		expect(held(uid)).toBeUndefined();
		expect(held(String(out.reservationUid))).toMatchObject({
			slotStart: '2027-03-15T13:00:00.000Z',
		});
		// The hold is read first to keep its length; event type 12 has one length, so Cal.com refuses slotDuration and the node asks without.
		expect(calls()).toEqual(['GET 200', 'PATCH 400', 'PATCH 422', 'DELETE 200', 'POST 201']);
	});

	it('shifts a hold by 15 minutes onto time it overlaps', async () => {
		const uid = await reserve('2027-03-15T13:00:00Z');
		const result = await runCalCom(sandbox, update(uid, '2027-03-15T13:15:00Z'));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			slotStart: '2027-03-15T13:15:00.000Z',
			slotEnd: '2027-03-15T13:45:00.000Z',
			reservationUidChanged: true,
			previousReservationUid: uid,
		});
		expect(sandbox.state.reservations.map((r) => r.slotStart)).toEqual([
			'2027-03-15T13:15:00.000Z',
		]);
	});

	it('leaves the hold as it is when someone else holds the new time, and passes Cal.com’s refusal on', async () => {
		const uid = await reserve('2027-03-15T13:00:00Z');
		await reserve('2027-03-15T15:00:00Z', 'lena');
		sandbox.requests.length = 0;
		const result = await runCalCom(sandbox, update(uid, '2027-03-15T15:00:00Z'));
		expect(result.error?.message).toBe(`Cal.com rejected the request: ${HELD}`);
		expect(held(uid)).toMatchObject({ slotStart: '2027-03-15T13:00:00.000Z' });
		expect(calls()).toEqual(['GET 200', 'PATCH 400', 'PATCH 422']);
	});

	it('when the new time cannot be held after the release, holds the old time again and names the new UID', async () => {
		const uid = await reserve('2027-03-15T13:00:00Z');
		await reserve('2027-03-15T13:30:00Z', 'lena'); // someone else, right after
		sandbox.requests.length = 0;
		const result = await runCalCom(sandbox, update(uid, '2027-03-15T13:15:00Z'));
		const restored = sandbox.state.reservations.find(
			(r) => r.slotStart === '2027-03-15T13:00:00.000Z',
		);
		expect(restored).toBeDefined();
		expect(restored?.uid).not.toBe(uid);
		expect(result.error?.message).toBe(
			`Could not move reservation ${uid} to 2027-03-15T13:15:00.000Z (Cal.com rejected the request: ${HELD.replace(/\.$/, '')}). ` +
				`The old time 2027-03-15T13:00:00.000Z is held again, under the new reservation UID ${String(restored?.uid)} until 2027-03-01T08:05:00.000Z: ` +
				`use that UID from now on (Cal.com cannot move a hold onto time it overlaps, so the node had released ${uid} to reserve anew).`,
		);
		// Event type 12 has one length: Cal.com refused slotDuration on the PATCH already, so the old time is asked for without it at once.
		expect(calls()).toEqual([
			'GET 200',
			'PATCH 400',
			'PATCH 422',
			'DELETE 200',
			'POST 422',
			'POST 201',
		]);
	});

	it('says that nothing is held when neither the new nor the old time can be held', async () => {
		const uid = await reserve('2027-03-15T13:00:00Z');
		clock += 6 * 60_000; // the 5-minute hold lapses; someone else takes the time
		await reserve('2027-03-15T13:00:00Z', 'lena');
		const result = await runCalCom(sandbox, update(uid, '2027-03-15T13:15:00Z'));
		expect(result.error?.message).toBe(
			`Could not move reservation ${uid} to 2027-03-15T13:15:00.000Z (Cal.com rejected the request: ${HELD.replace(/\.$/, '')}). ` +
				'To move it the node had released it (Cal.com cannot move a hold onto time it overlaps), and the old time 2027-03-15T13:00:00.000Z ' +
				`could not be held again (Cal.com rejected the request: ${HELD.replace(/\.$/, '')}): nothing is held now.`,
		);
		expect(sandbox.state.reservations).toHaveLength(1);
		expect(held(uid)).toBeUndefined();
	});
});
