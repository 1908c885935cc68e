import { ParameterError } from '../../nodes/CalCom/helpers/errors';
import { labelOf } from '../../nodes/CalCom/actions/slot/shared';
import {
	dateInZone,
	formatInZone,
	parseDateTime,
	timeAsRead,
	validateTimeZone,
	wallTimeToUtc,
	zoneOffsetMinutes,
} from '../../nodes/CalCom/helpers/time';

describe('time zones', () => {
	it('accepts IANA names and returns their canonical spelling', () => {
		expect(validateTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
		expect(validateTimeZone(' UTC ')).toBe('UTC');
		expect(validateTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
		expect(validateTimeZone('America/Argentina/Buenos_Aires')).toBe(
			'America/Argentina/Buenos_Aires',
		);
	});

	it.each([
		['Europe/Berlinn', 'is not a known time zone'],
		['+02:00', 'is not an IANA time zone name'],
		['CEST', 'is not an IANA time zone name'],
		['', 'a time zone is required'],
	])('rejects %p naming the field and the expected form', (value, text) => {
		expect(() => validateTimeZone(value, 'Time Zone')).toThrow(ParameterError);
		expect(() => validateTimeZone(value, 'Time Zone')).toThrow(text);
		try {
			validateTimeZone(value, 'Time Zone');
		} catch (error) {
			expect((error as ParameterError).message).toMatch(/^Time Zone: /);
			expect(
				`${(error as ParameterError).message} ${(error as ParameterError).hint ?? ''}`,
			).toContain('Europe/Berlin');
		}
	});

	it('knows the offsets on both sides of a DST change', () => {
		expect(zoneOffsetMinutes(new Date('2027-03-28T00:59:00Z'), 'Europe/Berlin')).toBe(60);
		expect(zoneOffsetMinutes(new Date('2027-03-28T01:00:00Z'), 'Europe/Berlin')).toBe(120);
		expect(zoneOffsetMinutes(new Date('2026-11-01T05:59:00Z'), 'America/New_York')).toBe(-240);
		expect(zoneOffsetMinutes(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-300);
		expect(zoneOffsetMinutes(new Date('2027-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
	});

	it('converts wall time to UTC across DST, including skipped and repeated hours', () => {
		const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
			year,
			month,
			day,
			hour,
			minute,
			second: 0,
		});
		expect(wallTimeToUtc(wall(2027, 3, 26, 9), 'Europe/Berlin').toISOString()).toBe(
			'2027-03-26T08:00:00.000Z',
		);
		expect(wallTimeToUtc(wall(2027, 3, 29, 9), 'Europe/Berlin').toISOString()).toBe(
			'2027-03-29T07:00:00.000Z',
		);
		// 02:30 does not exist in Berlin on 2027-03-28: read with the winter offset, it is 03:30 CEST.
		expect(wallTimeToUtc(wall(2027, 3, 28, 2, 30), 'Europe/Berlin').toISOString()).toBe(
			'2027-03-28T01:30:00.000Z',
		);
		// 01:30 happens twice in New York on 2026-11-01: the first one (EDT) is taken.
		expect(wallTimeToUtc(wall(2026, 11, 1, 1, 30), 'America/New_York').toISOString()).toBe(
			'2026-11-01T05:30:00.000Z',
		);
	});

	it('converts wall time east of +12:00 on the night of its change (Chatham, New Zealand)', () => {
		const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
			year,
			month,
			day,
			hour,
			minute,
			second: 0,
		});
		// Chatham leaves +13:45 at 03:45 on 2027-04-04 (14:00Z): 02:00 is before it, once.
		expect(wallTimeToUtc(wall(2027, 4, 4, 2), 'Pacific/Chatham').toISOString()).toBe(
			'2027-04-03T12:15:00.000Z',
		);
		// 03:15 happens twice there, and 02:30 twice in Auckland (+13 → +12 at 03:00): the first ones.
		expect(wallTimeToUtc(wall(2027, 4, 4, 3, 15), 'Pacific/Chatham').toISOString()).toBe(
			'2027-04-03T13:30:00.000Z',
		);
		expect(wallTimeToUtc(wall(2027, 4, 4, 2, 30), 'Pacific/Auckland').toISOString()).toBe(
			'2027-04-03T13:30:00.000Z',
		);
	});

	it('formats an instant in a zone with its offset and local date', () => {
		const instant = new Date('2027-03-29T07:00:00Z');
		expect(formatInZone(instant, 'Europe/Berlin')).toBe('2027-03-29T09:00:00+02:00');
		expect(formatInZone(instant, 'America/New_York')).toBe('2027-03-29T03:00:00-04:00');
		expect(formatInZone(instant, 'UTC')).toBe('2027-03-29T07:00:00+00:00');
		expect(dateInZone(new Date('2027-03-29T23:30:00Z'), 'Asia/Tokyo')).toBe('2027-03-30');
	});
});

describe('reading date-time parameters', () => {
	it('takes ISO with an offset or Z as it is', () => {
		expect(parseDateTime('2027-03-29T09:00:00+02:00', 'Start', 'UTC').toISOString()).toBe(
			'2027-03-29T07:00:00.000Z',
		);
		expect(parseDateTime('2027-03-29T07:00:00.000Z', 'Start', 'Europe/Berlin').toISOString()).toBe(
			'2027-03-29T07:00:00.000Z',
		);
	});

	it('reads a time without offset in the given zone, and a bare date as the start or end of the day', () => {
		expect(parseDateTime('2027-03-29T09:00', 'Start', 'Europe/Berlin').toISOString()).toBe(
			'2027-03-29T07:00:00.000Z',
		);
		expect(parseDateTime('2027-03-29', 'Start', 'America/New_York').toISOString()).toBe(
			'2027-03-29T04:00:00.000Z',
		);
		expect(
			parseDateTime('2027-03-29', 'End', 'America/New_York', { endOfDay: true }).toISOString(),
		).toBe('2027-03-30T03:59:59.999Z');
	});

	it.each([
		['the old date picker (seconds, no offset)', '2027-03-29T09:00:00', '2027-03-29T07:00:00.000Z'],
		['a date and time without seconds', '2027-03-29T09:00', '2027-03-29T07:00:00.000Z'],
		['a space instead of T', '2027-03-29 09:00', '2027-03-29T07:00:00.000Z'],
		['fractions of a second (dropped)', '2027-03-29T09:00:00.250', '2027-03-29T07:00:00.000Z'],
		['a bare date (the start of the day)', '2027-03-29', '2027-03-28T22:00:00.000Z'],
		['Z', '2027-03-29T09:00:00Z', '2027-03-29T09:00:00.000Z'],
		['Z without seconds', '2027-03-29T09:00Z', '2027-03-29T09:00:00.000Z'],
		['an offset', '2027-03-29T09:00:00-04:00', '2027-03-29T13:00:00.000Z'],
		['an offset without seconds', '2027-03-29T09:00+05:30', '2027-03-29T03:30:00.000Z'],
		['an offset without a colon', '2027-03-29T09:00:00+0200', '2027-03-29T07:00:00.000Z'],
		['milliseconds and Z', '2027-03-29T09:00:00.000Z', '2027-03-29T09:00:00.000Z'],
		['spaces around it', '  2027-03-29T09:00  ', '2027-03-29T07:00:00.000Z'],
	])('reads %s: %p in Europe/Berlin', (_form, value, utc) => {
		expect(parseDateTime(value, 'Start', 'Europe/Berlin').toISOString()).toBe(utc);
		expect(parseDateTime(value, 'Start', 'Europe/Berlin', { exact: true }).toISOString()).toBe(utc);
	});

	it('shows a time in a message as typed and as read, with the zone', () => {
		const read = parseDateTime('2027-03-16T10:00', 'Start', 'America/New_York');
		expect(timeAsRead('2027-03-16T10:00', read, 'America/New_York')).toBe(
			'"2027-03-16T10:00", read as 2027-03-16T10:00:00-04:00 in America/New_York',
		);
		const luxonLike = { toISO: () => '2027-03-16T15:00:00.000+01:00' };
		expect(timeAsRead(luxonLike, parseDateTime(luxonLike, 'Start', 'UTC'), 'UTC')).toBe(
			'"2027-03-16T15:00:00.000+01:00", read as 2027-03-16T14:00:00+00:00 in UTC',
		);
	});

	it('accepts Date objects and Luxon-like values from expressions', () => {
		expect(parseDateTime(new Date('2027-01-01T00:00:00Z'), 'Start', 'UTC').toISOString()).toBe(
			'2027-01-01T00:00:00.000Z',
		);
		const luxonLike = { toISO: () => '2027-01-01T10:00:00.000+01:00' };
		expect(parseDateTime(luxonLike, 'Start', 'UTC').toISOString()).toBe('2027-01-01T09:00:00.000Z');
	});

	it.each([
		'tomorrow',
		'2027-02-30',
		'2027-03-29T25:00',
		'2027-03-29T09',
		'2027-03-29 09:00+02:00',
		'',
		42,
		null,
	])('rejects %p naming the field', (value) => {
		expect(() => parseDateTime(value, 'Start', 'UTC')).toThrow(/^Start: /);
	});
});

describe('slot labels', () => {
	it('names the day in the time zone with three-letter names, September included', () => {
		expect(
			labelOf(
				{ start: '2027-09-26T04:00:00.000Z', end: '2027-09-26T04:15:00.000Z' },
				'America/New_York',
			),
		).toBe('Sun 26 Sep, 00:00–00:15');
		expect(labelOf({ start: '2027-09-25T23:30:00.000Z' }, 'Asia/Kolkata')).toBe(
			'Sun 26 Sep, 05:00',
		);
		expect(
			labelOf(
				{ start: '2027-03-16T13:00:00.000Z', end: '2027-03-16T13:30:00.000Z' },
				'America/New_York',
			),
		).toBe('Tue 16 Mar, 09:00–09:30');
	});
});
