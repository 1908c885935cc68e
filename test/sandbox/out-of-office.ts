/**
 * What an out-of-office entry does to a user's availability, as Cal.com computes it:
 *
 * - packages/features/availability/lib/getUserAvailability.ts (calculateOutOfOfficeRanges): an
 *   entry blocks each calendar date from its start's UTC date to its end's UTC date (Cal.com
 *   stores 00:00:00.000Z and 23:59:59.999Z of those dates), keyed "YYYY-MM-DD", skipping dates
 *   whose weekday is on no weekly availability row of the schedule.
 * - packages/features/schedules/lib/date-ranges.ts (buildDateRanges, processOOO): each such date
 *   replaces that date's ranges in the organizer's zone (the schedule's) with nothing, giving
 *   `oooExcludedDateRanges`, which the slots and booking paths use.
 * - packages/features/bookings/lib/handleNewBooking/ensureAvailableUsers.ts checks a booking
 *   against `oooExcludedDateRanges`, so a booking on an out-of-office day finds no available user
 *   (the slot-taken answer of POST /v2/bookings).
 *
 * Simplified: Cal.com drops the whole group of ranges that starts on the date; the sandbox takes
 * out the date's 24 local hours, which differs only for a working range that crosses midnight.
 * Cal.com also moves a start before today to today; for slots that changes nothing.
 */
import type { Interval } from './slots-engine';
import { addDays, dayNameOf, wallToInstant } from './tz';
import type { SandboxSchedule, SandboxState } from './types';

/** The blocked dates ('YYYY-MM-DD', ascending) of the user's entries, on the schedule's weekdays. */
export function outOfOfficeDates(
	state: SandboxState,
	userId: number,
	schedule: SandboxSchedule,
): string[] {
	const weekdays = new Set(schedule.availability.flatMap((a) => a.days));
	const dates = new Set<string>();
	for (const entry of state.outOfOffice) {
		if (entry.userId !== userId) continue;
		const last = entry.end.slice(0, 10);
		for (let date = entry.start.slice(0, 10); date <= last; date = addDays(date, 1)) {
			if (weekdays.has(dayNameOf(date))) dates.add(date);
		}
	}
	return [...dates].sort();
}

/** The blocked dates as instants: each date's local day in the schedule's zone. */
export function outOfOfficeIntervals(
	state: SandboxState,
	userId: number,
	schedule: SandboxSchedule,
): Interval[] {
	return outOfOfficeDates(state, userId, schedule).map((date) => ({
		start: wallToInstant(date, 0, 0, schedule.timeZone),
		end: wallToInstant(addDays(date, 1), 0, 0, schedule.timeZone),
	}));
}
