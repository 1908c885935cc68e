import { describeValue, ParameterError } from './errors';

// Time-zone arithmetic on the built-in Intl API (node code may not carry date libraries).
// Offsets are looked up per instant, so DST changes come out right.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export const DAY_MS = 24 * 60 * 60_000;

const IANA_SHAPE = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * The zone name as given (trimmed) when Intl knows it, or a ParameterError naming the field. The
 * user's spelling is kept: ICU would turn some current names into old aliases (Asia/Kolkata →
 * Asia/Calcutta).
 */
export function validateTimeZone(value: unknown, field = 'Time Zone'): string {
	const text = typeof value === 'string' ? value.trim() : '';
	const hint = 'Use an IANA time zone name such as Europe/Berlin, America/New_York or UTC.';
	if (value !== undefined && value !== null && typeof value !== 'string') {
		throw new ParameterError(field, `${describeValue(value)} is not a time zone name. ${hint}`);
	}
	if (!text) throw new ParameterError(field, 'a time zone is required.', hint);
	if (!IANA_SHAPE.test(text)) {
		throw new ParameterError(field, `"${text}" is not an IANA time zone name. ${hint}`);
	}
	if (!isKnownTimeZone(text)) {
		throw new ParameterError(field, `"${text}" is not a known time zone. ${hint}`);
	}
	return text;
}

/** Intl refuses to make a formatter for a zone it does not know; a known zone's is kept for reuse. */
function isKnownTimeZone(name: string): boolean {
	try {
		partsFormatter(name);
		return true;
	} catch {
		return false;
	}
}

interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** What partsFormatter's format() gives for years 1000-9999: 03/29/2027, 09:00:00. */
const US_WALL_TIME = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

export function wallTime(date: Date, timeZone: string): WallTime {
	const formatter = partsFormatter(timeZone);
	// format() costs a few times less than formatToParts(), which matters over thousands of
	// bookings; any other shape (far years, another ICU's spacing) is read part by part.
	const us = US_WALL_TIME.exec(formatter.format(date));
	if (us) {
		const [month, day, year, hour, minute, second] = us.slice(1).map(Number);
		return { year, month, day, hour, minute, second };
	}
	const parts: Record<string, number> = {};
	for (const part of formatter.formatToParts(date)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
	};
}

/** The offset the zone's wall clock `wall` shows at `date` (read from that same instant). */
function offsetOfWall(date: Date, wall: WallTime): number {
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	const whole = Math.floor(date.getTime() / 1000) * 1000;
	return Math.round((asUtc - whole) / 60_000);
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (+60 for Berlin in winter). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
	return offsetOfWall(date, wallTime(date, timeZone));
}

/**
 * The instant at which the zone's clock shows the given wall time. A repeated time (autumn)
 * resolves to its first occurrence; a skipped one (spring) is read with the offset before the
 * change, which lands the same distance after the gap (02:30 in Berlin on the change day → 03:30).
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
	const fits = wallTimeInstants(wall, timeZone);
	if (fits.length) return fits[0];
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	return new Date(asUtc - zoneOffsetMinutes(new Date(asUtc - DAY_MS), timeZone) * 60_000);
}

/**
 * Every instant at which the zone's clock shows the wall time, earliest first: none in a spring
 * gap, two in an autumn repeat. The candidate offsets are read a day either side: offsets reach
 * +14:00, so half a day before a wall time east of +12:00 (Chatham, New Zealand in summer) can
 * already lie past that night's change.
 */
export function wallTimeInstants(wall: WallTime, timeZone: string): Date[] {
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	const offsets = new Set([
		zoneOffsetMinutes(new Date(asUtc - DAY_MS), timeZone),
		zoneOffsetMinutes(new Date(asUtc + DAY_MS), timeZone),
	]);
	return [...offsets]
		.map((offset) => asUtc - offset * 60_000)
		.filter(
			(instant) => asUtc - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000 === instant,
		)
		.sort((a, b) => a - b)
		.map((instant) => new Date(instant));
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset, e.g. 2027-03-29T09:00:00+02:00. */
export function formatInZone(date: Date, timeZone: string): string {
	// One reading of the zone's clock gives both the wall time and the offset.
	const wall = wallTime(date, timeZone);
	const offset = offsetOfWall(date, wall);
	return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${formatOffset(offset)}`;
}

/** The calendar date in the zone, YYYY-MM-DD. */
export function dateInZone(date: Date, timeZone: string): string {
	const wall = wallTime(date, timeZone);
	return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;

/**
 * For a time that acts (a booking, a hold): a wall time the clocks skip, or show twice, is refused
 * rather than moved or picked, because either guess can book an hour away from what was meant.
 */
function checkExactWallTime(wall: WallTime, text: string, field: string, timeZone: string): void {
	const fits = wallTimeInstants(wall, timeZone);
	if (fits.length === 0) {
		throw new ParameterError(
			field,
			`"${text}" does not exist in ${timeZone}: the clocks skip that time. Give a time outside the change, or one with an offset.`,
		);
	}
	if (fits.length > 1) {
		const [first, second] = fits.map((instant) => formatInZone(instant, timeZone));
		throw new ParameterError(
			field,
			`"${text}" happens twice in ${timeZone} (${first} and ${second}). Give the one you mean with its offset, e.g. ${first}.`,
		);
	}
}

/** Luxon DateTime (what n8n expressions such as $now give) without importing Luxon. */
function isDateTimeLike(value: unknown): value is { toISO(): string | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

const DATE_TIME_EXAMPLE =
	'Use ISO 8601, e.g. 2027-03-29T09:00:00+02:00, or 2027-03-29T09:00 read in the time zone.';

/**
 * A time in a message, as the user gave it and as the node read it, so that the error shows what
 * the field holds: "2027-03-16T10:00", read as 2027-03-16T10:00:00-04:00 in America/New_York.
 */
export function timeAsRead(value: unknown, read: Date, timeZone: string): string {
	const given = isDateTimeLike(value)
		? value.toISO()
		: value instanceof Date
			? value.toISOString()
			: String(value).trim();
	return `"${given}", read as ${formatInZone(read, timeZone)} in ${timeZone}`;
}

/** A date, and a time when one was given, without an offset; undefined when no such day or time. */
function readNaive(text: string): { wall: WallTime; hasTime: boolean } | undefined {
	const naive = NAIVE.exec(text);
	if (!naive) return undefined;
	const [, y, mo, d, h, mi, s] = naive;
	const wall = {
		year: Number(y),
		month: Number(mo),
		day: Number(d),
		hour: h === undefined ? 0 : Number(h),
		minute: mi === undefined ? 0 : Number(mi),
		second: s === undefined ? 0 : Number(s),
	};
	const check = new Date(
		Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
	);
	const valid =
		check.getUTCFullYear() === wall.year &&
		check.getUTCMonth() === wall.month - 1 &&
		check.getUTCDate() === wall.day &&
		wall.hour < 24 &&
		wall.minute < 60 &&
		wall.second < 60;
	return valid ? { wall, hasTime: h !== undefined } : undefined;
}

/** The last millisecond of the day in the zone: just before the next day's midnight. */
function endOfDayInZone(wall: WallTime, timeZone: string): Date {
	const nextDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
	const start = wallTimeToUtc(
		{
			year: nextDay.getUTCFullYear(),
			month: nextDay.getUTCMonth() + 1,
			day: nextDay.getUTCDate(),
			hour: 0,
			minute: 0,
			second: 0,
		},
		timeZone,
	);
	return new Date(start.getTime() - 1);
}

/** The text of a date-time parameter, or a ParameterError for a value that cannot be one. */
function dateTimeText(value: unknown, field: string): string {
	if (value !== undefined && value !== null && typeof value !== 'string') {
		// A number could be seconds or milliseconds since 1970: guessing could book the wrong day.
		throw new ParameterError(
			field,
			`${describeValue(value)} is not a date and time. ${DATE_TIME_EXAMPLE}`,
		);
	}
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ParameterError(field, `a date and time is required. ${DATE_TIME_EXAMPLE}`);
	}
	return value.trim();
}

/**
 * Reads a date-time parameter. ISO with Z or an offset is taken as is; a time without an offset
 * (what n8n's date picker gives) is read in `timeZone`; a bare date means the start of that day,
 * or its end with `endOfDay`.
 */
export function parseDateTime(
	value: unknown,
	field: string,
	timeZone: string,
	{ endOfDay = false, exact = false } = {},
): Date {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime()))
			throw new ParameterError(field, `not a valid date. ${DATE_TIME_EXAMPLE}`);
		return value;
	}
	if (isDateTimeLike(value))
		return parseDateTime(value.toISO(), field, timeZone, { endOfDay, exact });
	const text = dateTimeText(value, field);
	// The calendar day is checked too: Date would roll 2027-02-30T10:00Z over to 2 March.
	if (WITH_OFFSET.test(text) && readNaive(text.slice(0, 10))) {
		const parsed = new Date(text);
		if (!Number.isNaN(parsed.getTime())) return parsed;
	}
	const naive = readNaive(text);
	if (!naive)
		throw new ParameterError(field, `"${text}" is not a date and time. ${DATE_TIME_EXAMPLE}`);
	if (!naive.hasTime && endOfDay) return endOfDayInZone(naive.wall, timeZone);
	if (exact && naive.hasTime) checkExactWallTime(naive.wall, text, field, timeZone);
	return wallTimeToUtc(naive.wall, timeZone);
}
