/**
 * Wall-clock ↔ UTC conversion with nothing but Intl.DateTimeFormat.
 *
 * Why our own: the sandbox must not pull a date library into the package, and the slot
 * engine needs exactly three things — "what does this instant look like in zone Z",
 * "which instant is 09:00 on this date in zone Z" (DST gaps and overlaps included), and
 * ISO strings with the zone's offset the way Cal.com (luxon) prints them.
 */

export interface WallClock {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		// hourCycle h23: some ICU builds print midnight as "24" with hour12:false.
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Whether `timeZone` is an IANA name this runtime knows (what class-validator's IsTimeZone checks). */
export function isValidTimeZone(timeZone: string): boolean {
	if (!timeZone) return false;
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall clock of `instantMs` in `timeZone`. */
export function wallClockOf(instantMs: number, timeZone: string): WallClock {
	const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
	const get = (type: Intl.DateTimeFormatPartTypes): number =>
		Number(parts.find((p) => p.type === type)?.value ?? NaN);
	return {
		year: get('year'),
		month: get('month'),
		day: get('day'),
		hour: get('hour'),
		minute: get('minute'),
		second: get('second'),
	};
}

/** Offset of `timeZone` from UTC at `instantMs`, in minutes (Berlin in summer: +120). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
	const w = wallClockOf(instantMs, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
	return Math.round((asUtc - wholeSeconds) / MINUTE);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hh:mm`.
 * - In a DST gap (02:30 on a spring-forward day) the time moves forward by the gap,
 *   as luxon and dayjs do: 02:30 becomes 03:30 local.
 * - In an overlap (01:30 on a fall-back day) the earlier of the two instants is taken.
 */
export function wallToInstant(
	date: string,
	hour: number,
	minute: number,
	timeZone: string,
): number {
	const [y, m, d] = date.split('-').map(Number);
	const naive = Date.UTC(y, m - 1, d, hour, minute);
	const candidates = new Set([
		offsetMinutes(naive - DAY, timeZone),
		offsetMinutes(naive, timeZone),
		offsetMinutes(naive + DAY, timeZone),
	]);
	const valid: number[] = [];
	for (const offset of candidates) {
		const t = naive - offset * MINUTE;
		if (offsetMinutes(t, timeZone) === offset) valid.push(t);
	}
	if (valid.length > 0) return Math.min(...valid);
	// Gap: read the wall time with the offset in force before the change.
	return naive - offsetMinutes(naive - DAY, timeZone) * MINUTE;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of `instantMs` in `timeZone` (UTC when no zone is given). */
export function localDate(instantMs: number, timeZone?: string): string {
	if (!timeZone) return new Date(instantMs).toISOString().slice(0, 10);
	const w = wallClockOf(instantMs, timeZone);
	return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * Zones luxon treats as a fixed UTC offset and therefore prints with 'Z'.
 * Cal.com formats slots with luxon's `setZone(tz).toISO()`: 'UTC' gives '…Z', while an IANA
 * zone that happens to sit at offset 0 (Europe/London in winter, Etc/UTC) gives '+00:00'.
 */
function printsAsZ(timeZone: string): boolean {
	const lowered = timeZone.toLowerCase();
	return lowered === 'utc' || lowered === 'gmt';
}

/**
 * ISO 8601 with milliseconds and the zone's offset: '2027-03-29T09:00:00.000+02:00'.
 * Without a zone the instant is printed in UTC with 'Z' (Cal.com returns its internal
 * UTC strings untouched when the caller passes no timeZone).
 */
export function formatInZone(instantMs: number, timeZone?: string): string {
	if (!timeZone || printsAsZ(timeZone)) return new Date(instantMs).toISOString();
	const w = wallClockOf(instantMs, timeZone);
	const offset = offsetMinutes(instantMs, timeZone);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const ms = ((instantMs % 1000) + 1000) % 1000;
	return (
		`${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(ms, 3)}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

/** Calendar arithmetic on 'YYYY-MM-DD' strings (no zone involved). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

const DAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** English day name of a calendar date, as Cal.com schedules spell them. */
export function dayNameOf(date: string): DayName {
	const [y, m, d] = date.split('-').map(Number);
	return DAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** 'HH:MM' → [hours, minutes]; '24:00' is allowed and means the end of the day. */
export function parseHHMM(value: string): [number, number] {
	const match = /^(\d{1,2}):(\d{2})/.exec(value);
	if (!match) throw new Error(`Not a time of day: "${value}"`);
	return [Number(match[1]), Number(match[2])];
}
