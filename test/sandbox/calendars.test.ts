/**
 * Connected calendars over HTTP: the list, busy times read as Cal.com reads them, the connection
 * check, and busy spans of calendars checked for conflicts removing slots.
 */
import type { Sandbox } from './index';
import { startSandbox } from './index';
import { responseProblems } from './response-check';
import { book } from './booking-helpers';
import { call, slots, utcStarts } from './test-helpers';

const bailey = 'cal_live_bb4ab184763274e6dfdab39073b12cba';
const lena = 'cal_live_8870f9fe649e79939dfce44176e8d593';
const kenji = 'cal_live_47baec3e329562170f43aafb8939eb5b';
const PRIMARY = 'bailey@example.com';
const FAMILY = 'family0123456789@group.calendar.google.com';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

const message = (res: { json: { error: { message: string } } }) => res.json.error.message;

function busyQuery(query: Record<string, string>, calendars: Array<[number, string]>): string {
	const params = new URLSearchParams(query);
	calendars.forEach(([credentialId, externalId], i) => {
		params.set(`calendarsToLoad[${i}][credentialId]`, String(credentialId));
		params.set(`calendarsToLoad[${i}][externalId]`, externalId);
	});
	return `/v2/calendars/busy-times?${params.toString()}`;
}

describe('sandbox calendars: the connected list', () => {
	it('lists each account with its calendars, the primary first, which are checked for conflicts, and the destination', async () => {
		const res = await call(sandbox, '/v2/calendars', { key: bailey });
		expect(res.status).toBe(200);
		expect(responseProblems('GET', '/v2/calendars', 200, res.json)).toEqual([]);
		const [google] = res.json.data.connectedCalendars;
		expect(google.credentialId).toBe(501);
		expect(google.integration.type).toBe('google_calendar');
		expect(google.primary.externalId).toBe(PRIMARY);
		expect(
			google.calendars.map((c: { externalId: string; isSelected: boolean }) => [
				c.externalId,
				c.isSelected,
			]),
		).toEqual([
			[PRIMARY, true],
			[FAMILY, false],
			['en.usa#holiday@group.v.calendar.google.com', false],
		]);
		expect(res.json.data.destinationCalendar).toMatchObject({
			externalId: PRIMARY,
			credentialId: 501,
			primaryEmail: PRIMARY,
			integrationTitle: 'Google Calendar',
		});
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('shows an account whose provider fails with only its error', async () => {
		const res = await call(sandbox, '/v2/calendars', { key: lena });
		expect(res.json.data.connectedCalendars).toEqual([
			expect.objectContaining({
				credentialId: 504,
				error: { message: 'Access token expired or revoked' },
			}),
		]);
		expect(res.json.data.connectedCalendars[0].calendars).toBeUndefined();
	});
});

describe('sandbox calendars: busy times', () => {
	it('gives the named calendars’ spans from 11 hours before dateFrom to 14 hours after dateTo, in UTC, with the app as source', async () => {
		const res = await call(
			sandbox,
			busyQuery(
				{
					timeZone: 'America/New_York',
					dateFrom: '2027-03-25T04:00:00.000Z',
					dateTo: '2027-03-26T03:59:59.999Z',
				},
				[[501, PRIMARY]],
			),
			{ key: bailey },
		);
		expect(res.status).toBe(200);
		expect(responseProblems('GET', '/v2/calendars/busy-times', 200, res.json)).toEqual([]);
		// CalendarManager.ts widens the range by 11 and 14 hours: the 23rd's span stays outside.
		expect(res.json.data).toEqual([
			{
				start: '2027-03-25T14:00:00.000Z',
				end: '2027-03-25T15:30:00.000Z',
				source: 'google-calendar',
			},
			{
				start: '2027-03-25T18:00:00.000Z',
				end: '2027-03-25T19:00:00.000Z',
				source: 'google-calendar',
			},
		]);
		const wider = await call(
			sandbox,
			busyQuery(
				{ timeZone: 'UTC', dateFrom: '2027-03-23T12:00:00Z', dateTo: '2027-03-25T06:30:00Z' },
				[
					[501, PRIMARY],
					[501, FAMILY],
				],
			),
			{ key: bailey },
		);
		// Up to 20:30 UTC: Family's 20:00–21:00 comes back cut at the end of the window.
		expect(wider.json.data.map((s: { start: string; end: string }) => [s.start, s.end])).toEqual([
			['2027-03-23T17:00:00.000Z', '2027-03-23T18:00:00.000Z'],
			['2027-03-25T14:00:00.000Z', '2027-03-25T15:30:00.000Z'],
			['2027-03-25T18:00:00.000Z', '2027-03-25T19:00:00.000Z'],
			['2027-03-25T20:00:00.000Z', '2027-03-25T20:30:00.000Z'],
		]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('refuses credentials that are not the user’s, a bad zone or date, and no zone, with Cal.com’s texts', async () => {
		const foreign = await call(
			sandbox,
			busyQuery({ timeZone: 'UTC', dateFrom: '2027-03-25', dateTo: '2027-03-26' }, [[504, 'x']]),
			{ key: bailey },
		);
		expect(foreign.status).toBe(401);
		expect(message(foreign)).toBe('These credentials do not belong to you');
		const noZone = await call(
			sandbox,
			busyQuery({ dateFrom: '2027-03-25', dateTo: '2027-03-26' }, [[501, PRIMARY]]),
			{ key: bailey },
		);
		expect(noZone.status).toBe(400);
		expect(message(noZone)).toBe('Either timeZone or loggedInUsersTz must be provided');
		const badZone = await call(
			sandbox,
			busyQuery({ timeZone: 'Mars/Olympus', dateFrom: '2027-03-25', dateTo: 'soon' }, [
				[501, PRIMARY],
			]),
			{ key: bailey },
		);
		expect(badZone.status).toBe(400);
		expect(message(badZone)).toBe('Bad Request Exception');
	});

	it('answers an unknown calendar of a known account with no spans, and an account whose provider fails with a 500', async () => {
		const unknown = await call(
			sandbox,
			busyQuery({ timeZone: 'UTC', dateFrom: '2027-03-25', dateTo: '2027-03-26' }, [
				[501, 'nobody@example.com'],
			]),
			{ key: bailey },
		);
		expect(unknown.json.data).toEqual([]);
		const failing = await call(
			sandbox,
			busyQuery({ timeZone: 'UTC', dateFrom: '2027-03-25', dateTo: '2027-03-26' }, [
				[504, 'lena@example.com'],
			]),
			{ key: lena },
		);
		expect([failing.status, message(failing)]).toEqual([
			500,
			'Unable to fetch connected calendars events. Please try again later.',
		]);
	});

	it('records the document’s flattened credentialId and externalId as stray parameters', async () => {
		await call(
			sandbox,
			'/v2/calendars/busy-times?timeZone=UTC&dateFrom=2027-03-25&dateTo=2027-03-26&credentialId=501&externalId=bailey@example.com',
			{ key: bailey },
		);
		expect(sandbox.invalidRequests().map((r) => r.problems.join('; '))).toEqual([
			expect.stringMatching(/calendarsToLoad.*unknown query parameter "credentialId"/s),
		]);
	});
});

describe('sandbox calendars: busy spans and slots', () => {
	it('takes the spans of calendars checked for conflicts out of the slots, not those of other calendars', async () => {
		const query = {
			eventTypeId: '12',
			start: '2027-03-25T13:00:00Z',
			end: '2027-03-25T21:00:00Z',
			timeZone: 'America/New_York',
		};
		const before = utcStarts(await slots(sandbox, query));
		// 10:00–11:30 and 14:00–15:00 New York are busy on the primary calendar (checked).
		expect(before).not.toContain('2027-03-25T14:00:00.000Z');
		expect(before).not.toContain('2027-03-25T15:00:00.000Z');
		expect(before).not.toContain('2027-03-25T18:00:00.000Z');
		// 16:00–17:00 on Family is not checked for conflicts: still offered.
		expect(before).toContain('2027-03-25T20:00:00.000Z');
		expect(before).toContain('2027-03-25T15:30:00.000Z');
		// consultation (13) has 15-minute buffers: getBusyTimes.ts widens the spans by them.
		const buffered = utcStarts(await slots(sandbox, { ...query, eventTypeId: '13' }));
		expect(buffered).not.toContain('2027-03-25T15:30:00.000Z');
		expect(buffered).toContain('2027-03-25T16:00:00.000Z');
		sandbox.state.credentials[0].calendars![0].isSelected = false;
		const after = utcStarts(await slots(sandbox, query));
		expect(after).toContain('2027-03-25T14:00:00.000Z');
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});

describe('sandbox calendars: busy spans and bookings', () => {
	it('refuses a booking over a busy span of a calendar checked for conflicts, as a taken slot', async () => {
		const busy = await book(sandbox, { eventTypeId: 11, start: '2027-03-25T14:30:00.000Z' });
		expect(busy.status).toBe(400);
		expect(message(busy)).toBe('User either already has booking at this time or is not available');
		// The Family calendar is not checked for conflicts: its span does not block.
		const family = await book(sandbox, { eventTypeId: 11, start: '2027-03-25T20:00:00.000Z' });
		expect(family.status).toBe(201);
	});
});

describe('sandbox calendars: checking a connection', () => {
	it('answers success for a working account and refuses as each calendar service does', async () => {
		const ok = await call(sandbox, '/v2/calendars/google/check', { key: bailey });
		expect([ok.status, ok.json]).toEqual([200, { status: 'success' }]);
		const missing = await call(sandbox, '/v2/calendars/google/check', { key: kenji });
		expect([missing.status, message(missing)]).toEqual([
			400,
			'Credentials for google_calendar not found.',
		]);
		const failing = await call(sandbox, '/v2/calendars/office365/check', { key: lena });
		expect([failing.status, message(failing)]).toEqual([401, 'Access token expired or revoked']);
		const apple = await call(sandbox, '/v2/calendars/apple/check', { key: bailey });
		expect(message(apple)).toBe('Credentials for apple calendar not found.');
		const unknown = await call(sandbox, '/v2/calendars/yahoo/check', { key: bailey });
		expect([unknown.status, message(unknown)]).toEqual([
			400,
			'Invalid calendar type, available calendars are: ',
		]);
	});
});
