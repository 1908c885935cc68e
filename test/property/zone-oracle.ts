/**
 * How an instant reads in a time zone, straight from Intl.DateTimeFormat: the oracle the
 * property specs hold the node's local times and labels to. It shares no code with the node's
 * helpers/time.ts or the sandbox's tz.ts, and takes the offset from Intl's own `longOffset`
 * name rather than from wall-clock arithmetic.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface LocalReading {
	/** 'YYYY-MM-DD' */
	date: string;
	/** 'HH:MM' */
	time: string;
	/** 'HH:MM:SS' */
	clock: string;
	/** '+05:30', '-04:00', '+00:00' */
	offset: string;
	/** 'Tue' */
	weekday: string;
	/** 'Mar' */
	month: string;
	day: number;
}

const readers = new Map<string, Intl.DateTimeFormat>();

function readerFor(zone: string): Intl.DateTimeFormat {
	let reader = readers.get(zone);
	if (!reader) {
		reader = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			weekday: 'short',
			year: 'numeric',
			month: 'short',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			timeZoneName: 'longOffset',
		});
		readers.set(zone, reader);
	}
	return reader;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function readInZone(instant: number, zone: string): LocalReading {
	const parts: Record<string, string> = {};
	for (const part of readerFor(zone).formatToParts(new Date(instant)))
		parts[part.type] = part.value;
	// 'GMT+05:30', 'GMT-04:00', or plain 'GMT' at offset zero.
	const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace(/^GMT/, '');
	const month = String(MONTHS.indexOf(parts.month) + 1).padStart(2, '0');
	return {
		date: `${parts.year}-${month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}`,
		clock: `${parts.hour}:${parts.minute}:${parts.second}`,
		offset,
		weekday: parts.weekday,
		month: parts.month,
		day: Number(parts.day),
	};
}

/** '2027-03-29T09:00:00+02:00' */
export function isoInZone(instant: number, zone: string): string {
	const local = readInZone(instant, zone);
	return `${local.date}T${local.clock}${local.offset}`;
}

/** Minutes after local midnight. */
export function minuteOfDay(instant: number, zone: string): number {
	const [hours, minutes] = readInZone(instant, zone).time.split(':').map(Number);
	return hours * 60 + minutes;
}

/**
 * Every instant at which the zone's clock shows `date` at `minute` minutes after midnight, by
 * trying each offset from −12:00 to +14:00 in quarter hours: none in a spring-forward gap,
 * two in a fall-back overlap.
 */
export function instantsOfWallTime(date: string, minute: number, zone: string): number[] {
	const [y, m, d] = date.split('-').map(Number);
	const naive = Date.UTC(y, m - 1, d) + minute * MINUTE;
	const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
	const found: number[] = [];
	for (let offset = -12 * 60; offset <= 14 * 60; offset += 15) {
		const instant = naive - offset * MINUTE;
		const local = readInZone(instant, zone);
		if (local.date === date && local.time === hhmm) found.push(instant);
	}
	return found.sort((a, b) => a - b);
}

/** The zone's offset from UTC at the instant, in minutes (+330 for +05:30). */
export function offsetMinutesOf(instant: number, zone: string): number {
	const [, sign, hours, minutes] =
		/^([+-])(\d{2}):(\d{2})$/.exec(readInZone(instant, zone).offset) ?? [];
	return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The instant the node documents for a wall time without an offset: a repeated time is its first
 * occurrence; a skipped one is read with the offset in force before the change (so it lands as far
 * after the gap as it was into it).
 */
export function documentedInstantOf(date: string, minute: number, zone: string): number {
	const candidates = instantsOfWallTime(date, minute, zone);
	if (candidates.length > 0) return candidates[0];
	const [y, m, d] = date.split('-').map(Number);
	const naive = Date.UTC(y, m - 1, d) + minute * MINUTE;
	return naive - offsetMinutesOf(naive - DAY, zone) * MINUTE;
}

/** 'YYYY-MM-DD' plus whole days. */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/**
 * Cal.com's slot step for a slot frequency: the largest of 60, 30, 20, 15, 10 and 5 minutes that
 * divides it, else 1. Each free stretch's first start is rounded up to a multiple of it on the
 * booker's clock (packages/features/schedules/lib/slots.ts, buildSlotsWithDateRanges).
 */
export function slotStep(frequencyMinutes: number): number {
	return [60, 30, 20, 15, 10, 5].find((step) => frequencyMinutes % step === 0) ?? 1;
}
