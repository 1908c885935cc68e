import type { INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, MARCH, runCalCom } from './helpers';

/**
 * Slot → Update Reservation keeps the hold's length: Cal.com's updateReservedSlot gives a hold
 * PATCHed without slotDuration the event type's default length (slots.service.ts), and refuses
 * slotDuration on an event type with one length (400).
 */
const byId = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const VARIABLE = 21; // lena, 30 or 60 minutes (30 by default)
const FIXED = 12; // bailey, 30 minutes
const ONE_LENGTH =
	"You passed 'slotDuration' but this event type is not a variable length event type.";

describe('Slot → Update Reservation keeps the hold’s length', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: () => new Date(MARCH) });
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expectOnlyValidRequests(sandbox));

	async function reserve(
		eventTypeId: number,
		slotStart: string,
		username: string,
		options: INodeParameters = {},
	): Promise<string> {
		const result = await runCalCom(
			sandbox,
			{
				resource: 'slot',
				operation: 'reserve',
				eventTypeId: byId(eventTypeId),
				slotStart,
				options,
			},
			{ username },
		);
		expect(result.error).toBeUndefined();
		sandbox.requests.length = 0;
		return String(result.items[0].json.reservationUid);
	}

	const update = (
		reservationUid: string,
		eventTypeId: number,
		slotStart: string,
		options: INodeParameters = {},
	) =>
		runCalCom(sandbox, {
			resource: 'slot',
			operation: 'updateReservation',
			reservationUid,
			eventTypeId: byId(eventTypeId),
			slotStart,
			options,
		});
	const held = (uid: string) => sandbox.state.reservations.find((r) => r.uid === uid);
	const calls = () =>
		sandbox.requests
			.filter((r) => r.path.startsWith('/v2/slots/reservations'))
			.map((r) => `${r.method} ${r.status}`);
	const patchBodies = () => sandbox.requests.filter((r) => r.method === 'PATCH').map((r) => r.body);

	it('shifts a 60-minute hold on a 30/60-minute event type and it stays 60 minutes, same UID', async () => {
		const uid = await reserve(VARIABLE, '2027-03-15T09:00:00Z', 'lena', { slotDuration: 60 });
		const result = await update(uid, VARIABLE, '2027-03-15T11:00:00Z');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			reservationUid: uid,
			slotStart: '2027-03-15T11:00:00.000Z',
			slotEnd: '2027-03-15T12:00:00.000Z',
			slotDuration: 60,
			reservationUidChanged: false,
		});
		expect(held(uid)).toMatchObject({ slotDuration: 60, slotEnd: '2027-03-15T12:00:00.000Z' });
		expect(calls()).toEqual(['GET 200', 'PATCH 200']);
		expect(patchBodies()).toEqual([
			{ eventTypeId: VARIABLE, slotStart: '2027-03-15T11:00:00.000Z', slotDuration: 60 },
		]);
	});

	it('keeps the 60 minutes when the shift overlaps the hold and it is reserved anew, reading the hold once', async () => {
		const uid = await reserve(VARIABLE, '2027-03-15T09:00:00Z', 'lena', { slotDuration: 60 });
		const result = await update(uid, VARIABLE, '2027-03-15T09:30:00Z');
		expect(result.error).toBeUndefined();
		const out = result.items[0].json;
		expect(out).toMatchObject({
			slotStart: '2027-03-15T09:30:00.000Z',
			slotEnd: '2027-03-15T10:30:00.000Z',
			slotDuration: 60,
			reservationUidChanged: true,
			previousReservationUid: uid,
		});
		expect(held(String(out.reservationUid))).toMatchObject({ slotDuration: 60 });
		expect(calls()).toEqual(['GET 200', 'PATCH 422', 'DELETE 200', 'POST 201']);
	});

	it('shifts a hold on an event type with one length: Cal.com refuses slotDuration, the node asks again without it and the hold keeps its 30 minutes', async () => {
		const uid = await reserve(FIXED, '2027-03-15T13:00:00Z', 'bailey');
		const result = await update(uid, FIXED, '2027-03-15T15:00:00Z');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			reservationUid: uid,
			slotStart: '2027-03-15T15:00:00.000Z',
			slotEnd: '2027-03-15T15:30:00.000Z',
			slotDuration: 30,
			reservationUidChanged: false,
		});
		expect(calls()).toEqual(['GET 200', 'PATCH 400', 'PATCH 200']);
		expect(patchBodies()).toEqual([
			{ eventTypeId: FIXED, slotStart: '2027-03-15T15:00:00.000Z', slotDuration: 30 },
			{ eventTypeId: FIXED, slotStart: '2027-03-15T15:00:00.000Z' },
		]);
	});

	it('lets a Slot Duration the user sets win over the hold’s length, without reading the hold', async () => {
		const uid = await reserve(VARIABLE, '2027-03-15T09:00:00Z', 'lena', { slotDuration: 60 });
		const result = await update(uid, VARIABLE, '2027-03-15T11:00:00Z', { slotDuration: 30 });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			reservationUid: uid,
			slotEnd: '2027-03-15T11:30:00.000Z',
			slotDuration: 30,
		});
		expect(calls()).toEqual(['PATCH 200']);
	});

	it('passes Cal.com’s refusal on when the user sets Slot Duration on an event type with one length, the hold unchanged', async () => {
		const uid = await reserve(FIXED, '2027-03-15T13:00:00Z', 'bailey');
		const result = await update(uid, FIXED, '2027-03-15T15:00:00Z', { slotDuration: 30 });
		expect(result.error?.message).toBe(`Cal.com rejected the request: ${ONE_LENGTH}`);
		expect(held(uid)).toMatchObject({ slotStart: '2027-03-15T13:00:00.000Z', slotDuration: 30 });
		expect(calls()).toEqual(['PATCH 400']);
	});

	it('says the reservation was not found when the UID holds nothing, after reading no hold to keep', async () => {
		const uid = '00000000-0000-4000-8000-000000000000';
		const result = await update(uid, VARIABLE, '2027-03-15T11:00:00Z');
		expect(result.error?.message).toBe(`Reservation ${uid} was not found`);
		expect(calls()).toEqual(['GET 200', 'PATCH 404']);
		expect(sandbox.state.reservations).toHaveLength(0);
	});

	it('gives a hold moved to another event type that event type’s default length', async () => {
		const uid = await reserve(VARIABLE, '2027-03-15T09:00:00Z', 'lena', { slotDuration: 60 });
		const result = await update(uid, 22, '2027-03-15T11:00:00Z'); // lena's 90-minute deep-dive
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			reservationUid: uid,
			eventTypeId: 22,
			slotEnd: '2027-03-15T12:30:00.000Z',
			slotDuration: 90,
		});
		expect(calls()).toEqual(['GET 200', 'PATCH 200']);
	});
});
