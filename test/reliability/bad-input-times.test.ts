import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../integration/helpers';
import { expectRefusedByName, expr, run } from './bad-input';

const sandbox = useSandbox();

/** [operation in VALID, field name, parameters carrying the bad time]. */
const TIME_FIELDS: Array<[string, string, (bad: string) => INodeParameters]> = [
	['bookingCreate', 'Start', (bad) => ({ start: bad })],
	['bookingReschedule', 'New Start', (bad) => ({ start: bad })],
	['slotGetAvailable', 'Start', (bad) => ({ start: bad })],
	['slotGetAvailable', 'End', (bad) => ({ end: bad })],
	['slotFindNextFree', 'After', (bad) => ({ after: bad })],
	['slotReserve', 'Slot Start', (bad) => ({ slotStart: bad })],
	['slotUpdateReservation', 'Slot Start', (bad) => ({ slotStart: bad })],
	['bookingGetMany', 'Starts After', (bad) => ({ filters: { afterStart: bad } })],
	['bookingGetMany', 'Created Before', (bad) => ({ filters: { beforeCreatedAt: bad } })],
];

/** Not a time, or a time nobody can read one way only; as text and as other types from expressions. */
const BAD_TIMES: Array<[string, string]> = [
	['a word', 'tomorrow'],
	['30 February', '2027-02-30T10:00'],
	['hour 25', '2027-03-15T25:00'],
	['month 13', '2027-13-01'],
	['day/month or month/day', '03/04/2027 10:00'],
	['a 12-hour clock', '2027-03-15 10am'],
	['an offset past 24 h', '2027-03-15T10:00:00+25:00'],
	['a Unix time as text', '1773580800'],
	['a number (seconds or milliseconds?)', expr('1773580800000')],
	['an object', expr('{ start: "2027-03-15T10:00" }')],
	['a list', expr('["2027-03-15T10:00"]')],
	['a boolean', expr('true')],
];

describe.each(TIME_FIELDS)('R2 bad input: invalid times, %s → %s', (operation, field, place) => {
	it.each(BAD_TIMES)('refuses %s by name before any request', async (_what, bad) => {
		expectRefusedByName(sandbox(), await run(sandbox(), operation, place(bad)), field);
	});
});

/** A wall time the clocks skip, or show twice: booking it would be a guess an hour either way. */
const DST: Array<[string, string, INodeParameters, RegExp]> = [
	['bookingCreate', 'Start', { start: '2027-03-14T02:30' }, /does not exist in America\/New_York/],
	[
		'bookingCreate',
		'Start',
		{ start: '2027-11-07T01:30' },
		/happens twice in America\/New_York \(2027-11-07T01:30:00-04:00 and 2027-11-07T01:30:00-05:00\)/,
	],
	[
		'bookingReschedule',
		'New Start',
		{ start: '2027-03-14T02:30' },
		/does not exist in America\/New_York/,
	],
	[
		'bookingReschedule',
		'New Start',
		{ start: '2027-11-07T01:30' },
		/happens twice in America\/New_York/,
	],
	[
		'bookingCreate',
		'Start',
		{ start: '2027-03-28T02:15', attendeeTimeZone: 'Europe/Berlin' },
		/does not exist in Europe\/Berlin/,
	],
	[
		'bookingCreate',
		'Start',
		{ start: '2027-10-31T02:45', attendeeTimeZone: 'Europe/Berlin' },
		/happens twice in Europe\/Berlin/,
	],
];

describe('R2 bad input: ambiguous times around a clock change, for what books', () => {
	it.each(DST)('%s → %s %j', async (operation, field, changes, mentions) => {
		expectRefusedByName(sandbox(), await run(sandbox(), operation, changes), field, mentions);
	});

	it('books the repeated hour once its offset says which one is meant', async () => {
		sandbox().state.bookings.length = 0;
		const result = await run(sandbox(), 'bookingCreate', {
			start: '2027-11-07T01:30:00-05:00',
			options: { checkAvailability: false },
		});
		// Past the fixture's bookable window or not, what Cal.com saw was the one instant asked for.
		const post = sandbox().requests.find((r) => r.method === 'POST' && r.path === '/v2/bookings');
		expect(post?.body).toMatchObject({ start: '2027-11-07T06:30:00.000Z' });
		expect(result.error?.message ?? '').not.toMatch(/^Start:/);
	});
});

/** [operation, field, parameters carrying the zone]. */
const ZONE_FIELDS: Array<[string, string, (bad: string) => INodeParameters]> = [
	['bookingCreate', 'Attendee Time Zone', (bad) => ({ attendeeTimeZone: bad })],
	['bookingReschedule', 'Time Zone', (bad) => ({ timeZone: bad })],
	['slotGetAvailable', 'Time Zone', (bad) => ({ timeZone: bad })],
	['slotFindNextFree', 'Time Zone', (bad) => ({ timeZone: bad })],
	['scheduleCreate', 'Time Zone', (bad) => ({ timeZone: bad })],
	['userUpdate', 'Time Zone', (bad) => ({ updateFields: { timeZone: bad } })],
];

const BAD_ZONES: string[] = [
	'Eastern Time',
	'CEST',
	'+02:00',
	'GMT+2',
	'Mars/Olympus_Mons',
	'America/New_Yrok',
	'Europe/Berlin; DROP TABLE',
	'../../etc/passwd',
	expr('-5'),
	expr('{ zone: "Europe/Berlin" }'),
	expr('["Europe/Berlin"]'),
];

describe.each(ZONE_FIELDS)(
	'R2 bad input: unknown time zones, %s → %s',
	(operation, field, place) => {
		it.each(BAD_ZONES)('refuses %j by name before any request', async (bad) => {
			expectRefusedByName(sandbox(), await run(sandbox(), operation, place(bad)), field);
		});
	},
);

describe('R2 bad input: end before start, and ranges over a year', () => {
	it.each([
		[
			'slotGetAvailable',
			'End',
			{ start: '2027-03-16T10:00', end: '2027-03-16T09:00' },
			/must be after Start/,
		],
		[
			'slotGetAvailable',
			'End',
			{ start: '2027-03-16T10:00', end: '2027-03-16T10:00' },
			/must be after Start/,
		],
		[
			'slotGetAvailable',
			'End',
			{ start: '2027-03-15', end: '2028-03-16' },
			/more than a year after Start/,
		],
		[
			'slotGetAvailable',
			'End',
			{ start: '2027-03-15T00:00:00Z', end: '2037-03-15T00:00:00Z' },
			/more than a year after Start/,
		],
		[
			'slotFindNextFree',
			'Search Up To (Days)',
			{ options: { horizonDays: 400 } },
			/more than a year/,
		],
		[
			'slotFindNextFree',
			'Daily Window To',
			{ options: { windowStart: '17:00', windowEnd: '09:00' } },
			/must be after Daily Window From/,
		],
		[
			'bookingGetMany',
			'Ends Before',
			{ filters: { afterStart: '2027-03-20', beforeEnd: '2027-03-10' } },
			/must be after Starts After/,
		],
		[
			'bookingGetMany',
			'Created Before',
			{ filters: { afterCreatedAt: '2027-03-20', beforeCreatedAt: '2027-03-20' } },
			/must be after Created After/,
		],
		[
			'bookingGetMany',
			'Updated Before',
			{ filters: { afterUpdatedAt: '2027-03-20T10:00Z', beforeUpdatedAt: '2027-01-01' } },
			/must be after Updated After/,
		],
		[
			'scheduleCreate',
			'Availability 1 → End Time',
			{ availability: { entries: [{ days: ['Monday'], startTime: '12:00', endTime: '08:00' }] } },
			/after|before/,
		],
	] as Array<[string, string, INodeParameters, RegExp]>)(
		'%s → %s %j',
		async (operation, field, changes, mentions) => {
			expectRefusedByName(sandbox(), await run(sandbox(), operation, changes), field, mentions);
		},
	);
});
