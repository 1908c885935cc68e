/**
 * Calendar through n8n-core against the sandbox: connected calendars, busy times read as Cal.com
 * reads them (in UTC and the asked zone, only the range asked), a busy span taking the slot out of
 * Get Available, and a connection check.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runLoadOptions } from '../harness';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const current = useSandbox();
const PRIMARY = '501:bailey@example.com';
const FAMILY = '501:family0123456789@group.calendar.google.com';

const busy = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'calendar',
	operation: 'getBusyTimes',
	start: '2027-03-25',
	end: '2027-03-25',
	timeZone: 'America/New_York',
	...extra,
});

describe('Calendar → Get Many', () => {
	it('lists every calendar: provider, the value Get Busy Times takes, primary, checked for conflicts, destination', async () => {
		const sandbox = current();
		const result = await runCalCom(sandbox, {
			resource: 'calendar',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				calendar: PRIMARY,
				credentialId: 501,
				externalId: 'bailey@example.com',
				name: 'bailey@example.com',
				provider: 'Google Calendar',
				integration: 'google_calendar',
				email: 'bailey@example.com',
				primary: true,
				checkedForConflicts: true,
				readOnly: false,
				destination: true,
			},
			expect.objectContaining({ calendar: FAMILY, name: 'Family', checkedForConflicts: false }),
			expect.objectContaining({ name: 'Holidays in United States', readOnly: true }),
		]);
		expect(result.items.every((i) => i.pairedItem)).toBe(true);
	});

	it('lists an account whose provider fails with its error, and Raw gives Cal.com’s answer', async () => {
		const sandbox = current();
		const lena = await runCalCom(
			sandbox,
			{ resource: 'calendar', operation: 'getMany', returnAll: true },
			{ username: 'lena' },
		);
		expect(lena.items.map((i) => i.json)).toEqual([
			{
				credentialId: 504,
				provider: 'Outlook Calendar',
				integration: 'office365_calendar',
				error: 'Access token expired or revoked',
			},
		]);
		const raw = await runCalCom(sandbox, {
			resource: 'calendar',
			operation: 'getMany',
			limit: 1,
			output: 'raw',
		});
		expect(raw.items).toHaveLength(1);
		expect(Object.keys(raw.items[0].json).sort()).toEqual([
			'connectedCalendars',
			'destinationCalendar',
		]);
		const limited = await runCalCom(sandbox, {
			resource: 'calendar',
			operation: 'getMany',
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});

	it('offers the connected calendars in Get Busy Times’ list, with their values', async () => {
		const sandbox = current();
		const options = await runLoadOptions(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'getCalendars',
			{ resource: 'calendar', operation: 'getBusyTimes' },
		);
		expect(options.map((o) => [o.name, o.value, o.description])).toEqual([
			['bailey@example.com (Google Calendar)', PRIMARY, 'Checked for conflicts, primary'],
			['Family (Google Calendar)', FAMILY, 'Not checked for conflicts'],
			[
				'Holidays in United States (Google Calendar)',
				'501:en.usa#holiday@group.v.calendar.google.com',
				'Not checked for conflicts',
			],
		]);
	});
});

describe('Calendar → Get Busy Times', () => {
	it('gives the busy spans of the calendars checked for conflicts, in UTC and the asked zone, only within the range', async () => {
		const sandbox = current();
		const result = await runCalCom(sandbox, busy());
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				start: '2027-03-25T14:00:00.000Z',
				end: '2027-03-25T15:30:00.000Z',
				startLocal: '2027-03-25T10:00:00-04:00',
				endLocal: '2027-03-25T11:30:00-04:00',
				date: '2027-03-25',
				timeZone: 'America/New_York',
				durationMinutes: 90,
				source: 'google-calendar',
				label: 'Thu 25 Mar, 10:00–11:30',
			},
			expect.objectContaining({ label: 'Thu 25 Mar, 14:00–15:00', durationMinutes: 60 }),
		]);
		// Cal.com got the calendars as its qs parser reads them, and the range as instants.
		const request = sandbox.requests.find((r) => r.path === '/v2/calendars/busy-times');
		expect(request?.query).toEqual({
			timeZone: 'America/New_York',
			dateFrom: '2027-03-25T04:00:00.000Z',
			dateTo: expect.stringMatching(/^2027-03-26T03:59:59/),
			'calendarsToLoad[0][credentialId]': '501',
			'calendarsToLoad[0][externalId]': 'bailey@example.com',
		});
		expect(result.items.every((i) => i.pairedItem)).toBe(true);
	});

	it('reads the chosen calendars, a calendar not checked for conflicts included', async () => {
		const sandbox = current();
		const result = await runCalCom(
			sandbox,
			busy({ calendars: [FAMILY], timeZone: 'Europe/Berlin' }),
		);
		expect(result.items.map((i) => i.json.label)).toEqual(['Thu 25 Mar, 21:00–22:00']);
	});

	it('gives no items for a free range; Raw gives Cal.com’s spans as it answered them', async () => {
		const sandbox = current();
		const free = await runCalCom(sandbox, busy({ start: '2027-03-24', end: '2027-03-24' }));
		expect(free.error).toBeUndefined();
		expect(free.items).toHaveLength(0);
		const raw = await runCalCom(
			sandbox,
			busy({ start: '2027-03-24', end: '2027-03-24', output: 'raw' }),
		);
		// Cal.com reads from 11 hours before the start to 14 hours after the end: the 23rd's span
		// (ending 14:00 that day, New York) and the 25th's morning one come back raw.
		expect(raw.items.map((i) => i.json)).toEqual([
			{
				start: '2027-03-23T17:00:00.000Z',
				end: '2027-03-23T18:00:00.000Z',
				source: 'google-calendar',
			},
			{
				start: '2027-03-25T14:00:00.000Z',
				end: '2027-03-25T15:30:00.000Z',
				source: 'google-calendar',
			},
		]);
	});

	it('refuses a calendar that is not connected, and an account that cannot be read, naming the field', async () => {
		const sandbox = current();
		const unknown = await runCalCom(sandbox, busy({ calendars: ['501:nobody@example.com'] }));
		expect(unknown.error?.message).toBe(
			'Calendar Names or IDs: "501:nobody@example.com" is not one of the connected calendars of this Cal.com user. Connected calendars: 501:bailey@example.com (bailey@example.com), 501:family0123456789@group.calendar.google.com (Family), 501:en.usa#holiday@group.v.calendar.google.com (Holidays in United States).',
		);
		const lena = await runCalCom(sandbox, busy({ calendars: ['504:lena@example.com'] }), {
			username: 'lena',
		});
		expect(lena.error?.message).toBe(
			'Calendar Names or IDs: the Outlook Calendar account (credential 504) cannot be read: Access token expired or revoked. Reconnect it in Cal.com (Settings → Calendars); until then Cal.com cannot give its busy times.',
		);
		const none = await runCalCom(sandbox, busy(), { username: 'kenji' });
		expect(none.error?.message).toBe(
			'Calendar Names or IDs: none chosen, and no connected calendar is checked for conflicts in Cal.com, so there is nothing to read. Connected calendars: none.',
		);
		expect(sandbox.requests.some((r) => r.path === '/v2/calendars/busy-times')).toBe(false);
	});

	it('sends a range of two years as it is: Cal.com sets no limit on busy times', async () => {
		const sandbox = current();
		const result = await runCalCom(sandbox, busy({ start: '2027-03-01', end: '2029-02-28' }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		const request = sandbox.requests.find((r) => r.path === '/v2/calendars/busy-times');
		expect([request?.query.dateFrom, request?.status]).toEqual(['2027-03-01T05:00:00.000Z', 200]);
	});

	it('a busy span removes the slot from Get Available', async () => {
		const sandbox = current();
		const slotsOf = async () =>
			(
				await runCalCom(sandbox, {
					resource: 'slot',
					operation: 'getAvailable',
					eventTypeId: { __rl: true, mode: 'id', value: '11' },
					start: '2027-03-25T09:00',
					end: '2027-03-25T12:00',
					timeZone: 'America/New_York',
				})
			).items.map((i) => String(i.json.label));
		const busyLabels = (await runCalCom(sandbox, busy())).items.map((i) => i.json.label);
		expect(busyLabels).toContain('Thu 25 Mar, 10:00–11:30');
		const offered = await slotsOf();
		expect(offered).toContain('Thu 25 Mar, 09:45–10:00');
		expect(offered).not.toContain('Thu 25 Mar, 10:00–10:15');
		expect(offered).not.toContain('Thu 25 Mar, 11:15–11:30');
		expect(offered).toContain('Thu 25 Mar, 11:30–11:45');
		// Unchecked for conflicts in Cal.com, the calendar's spans no longer take slots.
		sandbox.state.credentials[0].calendars![0].isSelected = false;
		expect(await slotsOf()).toContain('Thu 25 Mar, 10:00–10:15');
	});

	it('continues on fail with a paired error item', async () => {
		const sandbox = current();
		const result = await runCalCom(
			sandbox,
			{ ...busy(), calendars: '={{ $json.calendar }}' },
			{ continueOnFail: true, inputItems: [{ calendar: PRIMARY }, { calendar: 'family' }] },
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.label ?? i.json.error])).toEqual([
			[{ item: 0 }, 'Thu 25 Mar, 10:00–11:30'],
			[{ item: 0 }, 'Thu 25 Mar, 14:00–15:00'],
			[
				{ item: 1 },
				'Calendar Names or IDs: each calendar is "<credential ID>:<external ID>" as the list gives it, e.g. "501:bailey@example.com"; got "family".',
			],
		]);
	});
});

describe('Calendar → Check Connection', () => {
	it('says connected, or not with Cal.com’s reason; a wrong API key stays an error', async () => {
		const sandbox = current();
		const check = (provider: string, username = 'bailey') =>
			runCalCom(sandbox, { resource: 'calendar', operation: 'check', provider }, { username });
		expect((await check('google')).items[0].json).toEqual({
			provider: 'google',
			providerName: 'Google Calendar',
			connected: true,
			reason: null,
		});
		expect((await check('apple')).items[0].json).toMatchObject({
			connected: false,
			reason: 'Credentials for apple calendar not found.',
		});
		expect((await check('office365', 'lena')).items[0].json).toMatchObject({
			connected: false,
			reason: 'Access token expired or revoked',
		});
		const wrongKey = await runCalCom(
			sandbox,
			{ resource: 'calendar', operation: 'check', provider: 'google' },
			{ apiKey: 'cal_live_00000000000000000000000000000000' },
		);
		expect(wrongKey.error?.message).toMatch(/^Cal.com did not accept the API key/);
		const bad = await runCalCom(sandbox, {
			resource: 'calendar',
			operation: 'check',
			provider: 'yahoo',
		});
		expect(bad.error?.message).toBe(
			'Calendar Provider: must be google, office365 or apple; got "yahoo".',
		);
	});
});
