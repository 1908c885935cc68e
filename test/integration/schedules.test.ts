import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch, runLoadOptions } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const schedule = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Schedules', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists the user’s schedules, simplified into readable hours, with the 2024-06-11 version', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: 1,
				ownerId: 1,
				name: 'Working hours',
				timeZone: 'America/New_York',
				isDefault: true,
				weeklyHours: ['Mon, Tue, Wed, Thu, Fri 09:00–17:00'],
				dateOverrides: ['2027-03-19 unavailable'],
			},
			{
				id: 4,
				ownerId: 1,
				name: 'Evenings',
				timeZone: 'America/New_York',
				isDefault: false,
				weeklyHours: ['Tue, Thu 18:00–21:00'],
				dateOverrides: [],
			},
		]);
		expect(sandbox.requests.map((r) => r.headers['cal-api-version'])).toEqual(['2024-06-11']);
		const limited = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
			output: 'raw',
		});
		expect(limited.items).toHaveLength(1);
		expect(limited.items[0].json.availability).toEqual([
			{
				days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
				startTime: '09:00',
				endTime: '17:00',
			},
		]);
	});

	it('gets the default schedule and one schedule by ID', async () => {
		const fallback = await runCalCom(
			sandbox,
			{ resource: 'schedule', operation: 'getDefault' },
			{ username: 'lena' },
		);
		expect(fallback.items[0].json).toMatchObject({
			id: 2,
			name: 'Arbeitszeit',
			isDefault: true,
			dateOverrides: ['2027-03-27 10:00–12:00', '2027-03-31 13:00–15:00', '2027-04-01 unavailable'],
		});
		const one = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'get',
			scheduleId: schedule(4),
		});
		expect(one.items[0].json).toMatchObject({ id: 4, name: 'Evenings' });
		const foreign = await runCalCom(
			sandbox,
			{ resource: 'schedule', operation: 'get', scheduleId: schedule(4) },
			{ username: 'lena' },
		);
		expect(foreign.error?.message).toMatch(/403|permission|not own|forbidden/i);
	});

	it('creates a default schedule from days and hours; the old default stops being the default', async () => {
		const result = await runCalCom(
			sandbox,
			{
				resource: 'schedule',
				operation: 'create',
				name: 'Mornings',
				timeZone: 'Europe/Berlin',
				isDefault: true,
				availability: {
					entries: [
						{ days: ['Monday', 'Wednesday'], startTime: '8:00', endTime: '12:00' },
						{ days: ['friday'], startTime: '09:30', endTime: '11:00' },
					],
				},
				overrides: {
					entries: [
						{ date: '2027-03-24', unavailable: true },
						{ date: '2027-03-26', unavailable: false, startTime: '14:00', endTime: '16:00' },
					],
				},
			},
			{ username: 'lena' },
		);
		expect(result.error).toBeUndefined();
		const post = sandbox.requests.find((r) => r.method === 'POST');
		expect(post?.body).toEqual({
			name: 'Mornings',
			timeZone: 'Europe/Berlin',
			isDefault: true,
			availability: [
				{ days: ['Monday', 'Wednesday'], startTime: '08:00', endTime: '12:00' },
				{ days: ['Friday'], startTime: '09:30', endTime: '11:00' },
			],
			overrides: [
				{ date: '2027-03-24', startTime: '00:00', endTime: '00:00' },
				{ date: '2027-03-26', startTime: '14:00', endTime: '16:00' },
			],
		});
		expect(result.items[0].json).toMatchObject({
			name: 'Mornings',
			isDefault: true,
			weeklyHours: ['Mon, Wed 08:00–12:00', 'Fri 09:30–11:00'],
		});
		expect(sandbox.state.schedules.find((s) => s.id === 2)?.isDefault).toBe(false);
	});

	it.each([
		[
			{
				entries: [
					{ days: ['Monday'], startTime: '09:00', endTime: '25:00' },
					{ days: ['Tuesday'], startTime: '09:00', endTime: '25:00' },
				],
			},
			'Availability 1 → End Time: "25:00" is not a time (HH:MM, 24-hour), e.g. 09:00 or 17:30.',
		],
		[
			{
				entries: [
					{ days: ['Monday'], startTime: '09:00', endTime: '17:00' },
					{ days: ['Tuesday'], startTime: '09:00', endTime: '25:00' },
				],
			},
			'Availability 2 → End Time: "25:00" is not a time (HH:MM, 24-hour), e.g. 09:00 or 17:30.',
		],
		[
			{ entries: [{ days: ['Monday'], startTime: '17:00', endTime: '09:00' }] },
			'Availability 1 → End Time: "09:00" is not after the start time "17:00".',
		],
		[
			{ entries: [{ days: ['Funday'], startTime: '09:00', endTime: '17:00' }] },
			'Availability 1 → Days: "Funday" is not a day name (Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday).',
		],
		[
			{ entries: [{ days: [], startTime: '09:00', endTime: '17:00' }] },
			'Availability 1 → Days: choose at least one day (Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday).',
		],
		[
			{ entries: [{ days: ['Monday'], startTime: 'noon', endTime: '17:00' }] },
			'Availability 1 → Start Time: "noon" is not a time (HH:MM, 24-hour), e.g. 09:00 or 17:30.',
		],
	])(
		'refuses wrong availability before any request, naming the field (%#)',
		async (availability, message) => {
			const result = await runCalCom(sandbox, {
				resource: 'schedule',
				operation: 'create',
				name: 'Bad',
				timeZone: 'UTC',
				availability,
			});
			expect(result.error?.message).toBe(message);
			expect(sandbox.requests).toEqual([]);
		},
	);

	it('refuses a wrong date override, an unknown time zone and an empty update before any request', async () => {
		const date = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'update',
			scheduleId: schedule(1),
			updateFields: { overrides: { entries: [{ date: '2027-02-30', unavailable: true }] } },
		});
		expect(date.error?.message).toBe(
			'Date Override 1 → Date: "2027-02-30" is not a date (YYYY-MM-DD), e.g. 2027-03-19.',
		);
		const zone = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'create',
			name: 'Zone',
			timeZone: 'Mars/Olympus',
		});
		expect(zone.error?.message).toMatch(/^Time Zone: "Mars\/Olympus" is not a known time zone/);
		const empty = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'update',
			scheduleId: schedule(1),
			updateFields: {},
		});
		expect(empty.error?.message).toMatch(/^Update Fields: nothing to change/);
		expect(sandbox.requests).toEqual([]);
	});

	it('updates only the given parts, and the slots follow the new hours', async () => {
		const slotsOn29th = async () => {
			const result = await runCalCom(
				sandbox,
				{
					resource: 'slot',
					operation: 'getAvailable',
					lookup: 'eventTypeId',
					eventTypeId: { __rl: true, mode: 'id', value: '21' },
					start: '2027-03-29',
					end: '2027-03-29',
					timeZone: 'Europe/Berlin',
				},
				{ username: 'lena' },
			);
			return result.items.map((item) => String(item.json.start));
		};
		expect((await slotsOn29th())[0]).toBe('2027-03-29T07:00:00.000Z');
		sandbox.requests.length = 0;
		const result = await runCalCom(
			sandbox,
			{
				resource: 'schedule',
				operation: 'update',
				scheduleId: schedule(2),
				updateFields: {
					availability: { entries: [{ days: ['Monday'], startTime: '13:00', endTime: '14:00' }] },
				},
			},
			{ username: 'lena' },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'PATCH',
			path: '/v2/schedules/2',
			body: { availability: [{ days: ['Monday'], startTime: '13:00', endTime: '14:00' }] },
		});
		expect(result.items[0].json).toMatchObject({
			name: 'Arbeitszeit',
			timeZone: 'Europe/Berlin',
			weeklyHours: ['Mon 13:00–14:00'],
		});
		expect(await slotsOn29th()).toEqual(['2027-03-29T11:00:00.000Z', '2027-03-29T11:30:00.000Z']);
	});

	it('deletes a schedule with {deleted: true}, and passes on Cal.com’s refusal to delete the default', async () => {
		const deleted = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'delete',
			scheduleId: schedule(4),
		});
		expect(deleted.items[0].json).toEqual({ deleted: true, id: 4 });
		expect(sandbox.state.schedules.map((s) => s.id)).not.toContain(4);
		const refused = await runCalCom(sandbox, {
			resource: 'schedule',
			operation: 'delete',
			scheduleId: schedule(1),
		});
		expect(JSON.stringify(refused.error)).toContain('Cannot delete the default schedule');
	});

	it('offers the schedules in the picker, filtered by the search text, and the time zones', async () => {
		const all = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'searchSchedules',
		);
		expect(all.results).toEqual([
			{ name: 'Working hours (America/New_York, default)', value: '1' },
			{ name: 'Evenings (America/New_York)', value: '4' },
		]);
		const filtered = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'searchSchedules',
			'even',
		);
		expect(filtered.results.map((r) => r.value)).toEqual(['4']);
		const zones = await runLoadOptions(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'getTimeZones',
			{ resource: 'schedule', operation: 'create' },
		);
		expect(zones.map((z) => z.value)).toEqual(
			expect.arrayContaining(['Europe/Berlin', 'America/New_York', 'UTC']),
		);
		expect(zones.find((z) => z.value === 'America/New_York')?.name).toBe('America/New York');
	});
});
