import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch, runLoadOptions } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const eventType12 = { __rl: true, mode: 'id', value: '12' };

describe('Slot reservations', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	async function freeOn15th(): Promise<string[]> {
		const result = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'eventTypeId',
			eventTypeId: eventType12,
			start: '2027-03-15',
			end: '2027-03-15',
			timeZone: 'UTC',
		});
		return result.items.map((item) => String(item.json.start));
	}

	it('reserves a slot (it leaves availability), reads, moves and releases the hold', async () => {
		const reserved = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'reserve',
			eventTypeId: eventType12,
			slotStart: '2027-03-15T13:00:00Z',
			options: { reservationDuration: 10 },
		});
		expect(reserved.error).toBeUndefined();
		const hold = reserved.items[0].json;
		expect(hold).toMatchObject({
			eventTypeId: 12,
			slotStart: '2027-03-15T13:00:00.000Z',
			reservationDuration: 10,
		});
		expect(typeof hold.reservationUid).toBe('string');
		expect(await freeOn15th()).not.toContain('2027-03-15T13:00:00.000Z');

		const read = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getReservation',
			reservationUid: hold.reservationUid as string,
		});
		expect(read.items[0].json).toMatchObject({
			reservationUid: hold.reservationUid,
			slotStart: '2027-03-15T13:00:00.000Z',
		});

		const moved = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'updateReservation',
			reservationUid: hold.reservationUid as string,
			eventTypeId: eventType12,
			slotStart: '2027-03-15T15:00:00Z',
		});
		expect(moved.error).toBeUndefined();
		expect(moved.items[0].json).toMatchObject({
			reservationUid: hold.reservationUid,
			slotStart: '2027-03-15T15:00:00.000Z',
			reservationUidChanged: false,
		});
		const afterMove = await freeOn15th();
		expect(afterMove).toContain('2027-03-15T13:00:00.000Z');
		expect(afterMove).not.toContain('2027-03-15T15:00:00.000Z');

		const released = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'releaseReservation',
			reservationUid: hold.reservationUid as string,
		});
		expect(released.items[0].json).toEqual({ deleted: true, reservationUid: hold.reservationUid });
		expect(await freeOn15th()).toContain('2027-03-15T15:00:00.000Z');
		const gone = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getReservation',
			reservationUid: hold.reservationUid as string,
		});
		expect(gone.error?.message).toBe(
			`Reservation UID: no reservation ${String(hold.reservationUid)} exists (it may have expired or been released).`,
		);
	});

	it('releases a reservation that holds nothing without an error, as Cal.com answers 200 for any UID', async () => {
		const uid = '00000000-0000-4000-8000-000000000000';
		const released = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'releaseReservation',
			reservationUid: uid,
		});
		expect(released.error).toBeUndefined();
		expect(released.items.map((item) => item.json)).toEqual([
			{ deleted: true, reservationUid: uid },
		]);
		expect(sandbox.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['DELETE', `/v2/slots/reservations/${uid}`, 200],
		]);
	});
});

describe('Editor pickers', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it("lists the key owner's event types for the Event Type locator, filtered by the search text", async () => {
		const all = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'searchEventTypes',
		);
		expect(all.results.map((result) => result.value)).toEqual(
			expect.arrayContaining(['11', '12', '13', '14']),
		);
		expect(all.results.find((result) => result.value === '12')?.name).toBe(
			'30 Min Meeting (30 min)',
		);
		const filtered = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'searchEventTypes',
			'consult',
		);
		expect(filtered.results.map((result) => result.value)).toEqual(['13']);
		expect(sandbox.requests.every((r) => r.headers['cal-api-version'] === '2024-06-14')).toBe(true);
	});

	it("offers the chosen event type's own booking questions, required ones marked", async () => {
		const options = await runLoadOptions(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'getBookingQuestions',
			{
				resource: 'booking',
				operation: 'create',
				lookup: 'eventTypeId',
				eventTypeId: eventType12,
			},
		);
		const values = options.map((option) => option.value);
		expect(values).toEqual(
			expect.arrayContaining([
				'company',
				'team-size',
				'topics',
				'seats-needed',
				'accept-terms',
				'notes',
			]),
		);
		expect(values).not.toContain('email');
		expect(values).not.toContain('title');
		expect(options.find((option) => option.value === 'team-size')).toMatchObject({
			name: 'Team size *',
			description: '"Team size" (team-size): select, required; options: 1-10, 11-50, 51-200, 200+',
		});
	});
});
