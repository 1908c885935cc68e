import {
	addDays,
	dayNameOf,
	formatInZone,
	isValidTimeZone,
	localDate,
	offsetMinutes,
	wallToInstant,
} from './tz';

const iso = (ms: number) => new Date(ms).toISOString();

describe('sandbox time-zone math (Intl only)', () => {
	it('reads 09:00 in Berlin as 08:00Z in winter and 07:00Z in summer, also on the change days', () => {
		expect(iso(wallToInstant('2027-03-26', 9, 0, 'Europe/Berlin'))).toBe(
			'2027-03-26T08:00:00.000Z',
		);
		expect(iso(wallToInstant('2027-03-28', 9, 0, 'Europe/Berlin'))).toBe(
			'2027-03-28T07:00:00.000Z',
		);
		expect(iso(wallToInstant('2027-03-29', 9, 0, 'Europe/Berlin'))).toBe(
			'2027-03-29T07:00:00.000Z',
		);
		expect(iso(wallToInstant('2026-10-25', 9, 0, 'Europe/Berlin'))).toBe(
			'2026-10-25T08:00:00.000Z',
		);
		expect(iso(wallToInstant('2026-10-24', 9, 0, 'Europe/Berlin'))).toBe(
			'2026-10-24T07:00:00.000Z',
		);
	});

	it('reads 09:00 in New York as 14:00Z before and 13:00Z after the March change', () => {
		expect(iso(wallToInstant('2027-03-13', 9, 0, 'America/New_York'))).toBe(
			'2027-03-13T14:00:00.000Z',
		);
		expect(iso(wallToInstant('2027-03-14', 9, 0, 'America/New_York'))).toBe(
			'2027-03-14T13:00:00.000Z',
		);
		expect(iso(wallToInstant('2026-11-01', 9, 0, 'America/New_York'))).toBe(
			'2026-11-01T14:00:00.000Z',
		);
		expect(iso(wallToInstant('2026-10-31', 9, 0, 'America/New_York'))).toBe(
			'2026-10-31T13:00:00.000Z',
		);
	});

	it('moves a wall time inside the spring-forward gap forward by the gap', () => {
		// 02:30 does not exist in Berlin on 2027-03-28; luxon and dayjs give 03:30 CEST.
		expect(iso(wallToInstant('2027-03-28', 2, 30, 'Europe/Berlin'))).toBe(
			'2027-03-28T01:30:00.000Z',
		);
		expect(iso(wallToInstant('2027-03-14', 2, 30, 'America/New_York'))).toBe(
			'2027-03-14T07:30:00.000Z',
		);
	});

	it('takes the earlier instant of a wall time that happens twice when clocks fall back', () => {
		expect(iso(wallToInstant('2026-10-25', 2, 30, 'Europe/Berlin'))).toBe(
			'2026-10-25T00:30:00.000Z',
		);
		expect(iso(wallToInstant('2026-11-01', 1, 30, 'America/New_York'))).toBe(
			'2026-11-01T05:30:00.000Z',
		);
	});

	it('knows offsets, including zones without DST and half-hour zones', () => {
		expect(offsetMinutes(Date.parse('2027-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
		expect(offsetMinutes(Date.parse('2027-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
		expect(offsetMinutes(Date.parse('2027-07-15T12:00:00Z'), 'Asia/Tokyo')).toBe(540);
		expect(offsetMinutes(Date.parse('2027-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
		expect(offsetMinutes(Date.parse('2027-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
	});

	it('prints instants like luxon: the zone offset, Z for UTC and no zone, +00:00 for London in winter', () => {
		const t = Date.parse('2027-03-29T07:00:00Z');
		expect(formatInZone(t, 'Europe/Berlin')).toBe('2027-03-29T09:00:00.000+02:00');
		expect(formatInZone(t, 'America/New_York')).toBe('2027-03-29T03:00:00.000-04:00');
		expect(formatInZone(t, 'Asia/Kolkata')).toBe('2027-03-29T12:30:00.000+05:30');
		expect(formatInZone(t, 'UTC')).toBe('2027-03-29T07:00:00.000Z');
		expect(formatInZone(t)).toBe('2027-03-29T07:00:00.000Z');
		expect(formatInZone(Date.parse('2027-01-10T07:00:00Z'), 'Europe/London')).toBe(
			'2027-01-10T07:00:00.000+00:00',
		);
	});

	it('gives the calendar date in a zone, day names and date arithmetic', () => {
		const t = Date.parse('2027-03-28T23:30:00Z');
		expect(localDate(t)).toBe('2027-03-28');
		expect(localDate(t, 'Europe/Berlin')).toBe('2027-03-29');
		expect(localDate(t, 'America/Los_Angeles')).toBe('2027-03-28');
		expect(dayNameOf('2027-03-28')).toBe('Sunday');
		expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
	});

	it('accepts IANA names and rejects abbreviations and offsets', () => {
		expect(isValidTimeZone('Europe/Berlin')).toBe(true);
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
		expect(isValidTimeZone('+02:00')).toBe(false);
		expect(isValidTimeZone('')).toBe(false);
	});
});
