/**
 * Availability and slot arithmetic, written from how Cal.com describes and computes it
 * (packages/lib/slots.ts and getUserAvailability, read for behaviour only):
 *
 * 1. A schedule gives working intervals: each date (in the schedule's zone) takes its date
 *    overrides if it has any (00:00–00:00 = not available), else the weekly rows for its day.
 * 2. Busy time is subtracted: every accepted or pending booking of the user, widened by that
 *    booking's event-type buffers plus the buffers of the event type being booked
 *    (before: its before + our after; after: its after + our before).
 * 3. Hosts combine: all must be free (collective, dynamic) or any (round robin).
 * 4. Slot starts: from each free interval's start (or the earliest allowed instant — now +
 *    minimum notice), moved up to a "nice" minute (the largest of 60/30/20/15/10/5 dividing the
 *    interval) on the booker's clock, then every `frequency` minutes while start + length − 1 s
 *    still fits. Follows packages/features/schedules/lib/slots.ts (buildSlotsWithDateRanges, the
 *    newest version): the start is moved into the booker's zone (GET /v2/slots `timeZone`, UTC
 *    without one) before the rounding, so in Asia/Kolkata (+05:30) or Asia/Kathmandu (+05:45) hour
 *    slots start on the local hour, not on the UTC hour. (The older packages/lib/slots.ts rounded
 *    on the UTC clock.) Inferred: Cal.com drops the seconds of "now + notice" (rounds down); the
 *    sandbox rounds up to the next whole minute so that no start lies before the notice.
 *
 * All instants are epoch milliseconds.
 */
import { addDays, dayNameOf, localDate, parseHHMM, wallClockOf, wallToInstant } from './tz';
import type { SandboxBooking, SandboxEventType, SandboxSchedule } from './types';

export interface Interval {
	start: number;
	end: number;
}

const MINUTE = 60_000;

export function mergeIntervals(list: Interval[]): Interval[] {
	const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
	const out: Interval[] = [];
	for (const i of sorted) {
		const last = out[out.length - 1];
		if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
		else out.push({ ...i });
	}
	return out;
}

export function subtractIntervals(ranges: Interval[], busy: Interval[]): Interval[] {
	let free = mergeIntervals(ranges);
	for (const b of mergeIntervals(busy)) {
		free = free.flatMap((r) => {
			if (b.end <= r.start || b.start >= r.end) return [r];
			const parts: Interval[] = [];
			if (b.start > r.start) parts.push({ start: r.start, end: b.start });
			if (b.end < r.end) parts.push({ start: b.end, end: r.end });
			return parts;
		});
	}
	return free;
}

export function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
	const out: Interval[] = [];
	for (const x of mergeIntervals(a)) {
		for (const y of mergeIntervals(b)) {
			const start = Math.max(x.start, y.start);
			const end = Math.min(x.end, y.end);
			if (end > start) out.push({ start, end });
		}
	}
	return mergeIntervals(out);
}

/** Working intervals of a schedule that overlap [from, to], clipped to it. */
export function workingIntervals(schedule: SandboxSchedule, from: number, to: number): Interval[] {
	const zone = schedule.timeZone;
	const out: Interval[] = [];
	const last = addDays(localDate(to, zone), 1);
	for (let date = addDays(localDate(from, zone), -1); date <= last; date = addDays(date, 1)) {
		const overrides = schedule.overrides.filter((o) => o.date === date);
		const rows =
			overrides.length > 0
				? overrides
				: schedule.availability.filter((a) => a.days.includes(dayNameOf(date)));
		for (const row of rows) {
			const [sh, sm] = parseHHMM(row.startTime);
			const [eh, em] = parseHHMM(row.endTime);
			if (sh * 60 + sm === eh * 60 + em) continue; // 00:00–00:00: unavailable that day
			const start = wallToInstant(date, sh, sm, zone);
			// An end at or before the start (…–00:00) runs to that time on the next day.
			const endDate = eh * 60 + em > sh * 60 + sm ? date : addDays(date, 1);
			const end = wallToInstant(endDate, eh, em, zone);
			const clipped = { start: Math.max(start, from), end: Math.min(end, to) };
			if (clipped.end > clipped.start) out.push(clipped);
		}
	}
	return mergeIntervals(out);
}

const BLOCKING = new Set(['accepted', 'pending']);

/**
 * Busy intervals of one user for booking `eventType`: their accepted/pending bookings as
 * organizer, co-host or attendee, widened by both event types' buffers.
 */
export function busyIntervals(
	userId: number,
	userEmail: string,
	bookings: SandboxBooking[],
	eventTypes: SandboxEventType[],
	booked: { beforeEventBuffer: number; afterEventBuffer: number },
	excludeUid?: string,
): Interval[] {
	return bookings
		.filter((b) => BLOCKING.has(b.status) && b.uid !== excludeUid)
		.filter(
			(b) =>
				b.userId === userId ||
				b.hostIds?.includes(userId) === true ||
				b.attendees.some((a) => a.email.toLowerCase() === userEmail.toLowerCase()),
		)
		.map((b) => {
			const own = eventTypes.find((e) => e.id === b.eventTypeId);
			const before = (own?.beforeEventBuffer ?? 0) + booked.afterEventBuffer;
			const after = (own?.afterEventBuffer ?? 0) + booked.beforeEventBuffer;
			return {
				start: Date.parse(b.start) - before * MINUTE,
				end: Date.parse(b.end) + after * MINUTE,
			};
		});
}

export interface SlotOptions {
	lengthMinutes: number;
	frequencyMinutes: number;
	/** No slot starts before this instant (range start, now + notice). */
	earliest: number;
	/** Zone whose clock the "nice minute" alignment uses: the booker's (slots.ts, see above). */
	alignTimeZone: string;
}

/** The largest of 60/30/20/15/10/5 that divides the frequency, else 1 (Cal.com's rule). */
function alignmentStep(frequency: number): number {
	return [60, 30, 20, 15, 10, 5].find((step) => frequency % step === 0) ?? 1;
}

function alignUp(t: number, step: number, zone: string): number {
	// Whole minutes first: a start of "now + notice" carries seconds that no booker sees.
	const whole = Math.ceil(t / MINUTE) * MINUTE;
	const minute = wallClockOf(whole, zone).minute;
	if (minute % step === 0) return whole;
	const hourStart = whole - minute * MINUTE;
	return hourStart + Math.ceil(minute / step) * step * MINUTE;
}

export function buildSlotStarts(ranges: Interval[], options: SlotOptions): number[] {
	const length = Math.max(1, options.lengthMinutes) * MINUTE;
	const frequency = Math.max(1, options.frequencyMinutes) * MINUTE;
	const step = alignmentStep(Math.max(1, options.frequencyMinutes));
	const slots: number[] = [];
	for (const range of mergeIntervals(ranges)) {
		let start = alignUp(Math.max(range.start, options.earliest), step, options.alignTimeZone);
		// A start inside an earlier slot snaps to that slot (if it still lies in this range)
		// or to the slot after it, so slots of neighbouring ranges stay on one grid.
		for (const existing of slots) {
			if (existing < start && existing + frequency > start) {
				start = existing >= range.start ? existing : existing + frequency;
			}
		}
		for (; start + length - 1000 <= range.end; start += frequency) {
			if (!slots.includes(start)) slots.push(start);
		}
	}
	return slots.sort((a, b) => a - b);
}
