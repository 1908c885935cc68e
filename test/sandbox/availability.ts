/**
 * Who must be free for an event type, and whether they are — shared by GET /v2/slots (which
 * lists the free starts) and the booking handlers (which check one start), so that "the slot
 * is offered" and "the booking is accepted" can never disagree.
 *
 * Slot reservations (POST /v2/slots/reservations) block their time for the event type they
 * were made for, for everyone, until reservationUntil on the calendar clock.
 */
import {
	buildSlotStarts,
	busyIntervals,
	intersectIntervals,
	mergeIntervals,
	subtractIntervals,
	workingIntervals,
} from './slots-engine';
import type { Interval } from './slots-engine';
import { conflictIntervals } from './calendars';
import { outOfOfficeIntervals } from './out-of-office';
import { scheduleFor } from './state';
import type { SandboxEventType, SandboxState, SandboxUser } from './types';

export type PlanEventType = Pick<
	SandboxEventType,
	| 'lengthInMinutes'
	| 'slotInterval'
	| 'minimumBookingNotice'
	| 'beforeEventBuffer'
	| 'afterEventBuffer'
>;

export interface Plan {
	eventType: PlanEventType;
	/** Users who must all be free (owner, collective or fixed hosts, dynamic group). */
	fixed: SandboxUser[];
	/** Round-robin hosts: one free host is enough. */
	anyOf: SandboxUser[];
	/** Dynamic group booking: no event type of its own, everyone's default schedule. */
	dynamic?: boolean;
	/** The real event type, when there is one (reservations are per event type). */
	eventTypeId?: number;
}

const MINUTE = 60_000;

/**
 * Whether a host takes part for the given rrHostSubsetIds: only a round-robin event type with
 * rrHostSubsetEnabled honours a non-empty list, and then for fixed hosts too. Follows
 * packages/features/bookings/lib/host-filtering/findQualifiedHostsWithDelegationCredentials.ts
 * (isWithinRRHostSubset).
 */
function withinHostSubset(
	et: SandboxEventType,
	userId: number,
	rrHostSubsetIds: number[] | undefined,
): boolean {
	if (!rrHostSubsetIds?.length || !et.rrHostSubsetEnabled || et.schedulingType !== 'roundRobin')
		return true;
	return rrHostSubsetIds.includes(userId);
}

/** The plan for a stored event type; undefined when its owner no longer exists. */
export function planForEventType(
	state: SandboxState,
	et: SandboxEventType,
	rrHostSubsetIds?: number[],
): Plan | undefined {
	if (et.teamId === null) {
		const owner = state.users.find((u) => u.id === et.ownerId);
		return owner ? { eventType: et, fixed: [owner], anyOf: [], eventTypeId: et.id } : undefined;
	}
	const hosts = (et.hosts ?? [])
		.filter((h) => withinHostSubset(et, h.userId, rrHostSubsetIds))
		.flatMap((h) => {
			const user = state.users.find((u) => u.id === h.userId);
			return user
				? [{ user, isFixed: et.schedulingType === 'collective' || h.isFixed === true }]
				: [];
		});
	return {
		eventType: et,
		fixed: hosts.filter((h) => h.isFixed).map((h) => h.user),
		anyOf: hosts.filter((h) => !h.isFixed).map((h) => h.user),
		eventTypeId: et.id,
	};
}

/** One user's free time for the plan's event type within [from, to]. */
export function userFreeIntervals(
	state: SandboxState,
	plan: Plan,
	user: SandboxUser,
	from: number,
	to: number,
	excludeUid?: string,
): Interval[] {
	const et = plan.eventType;
	// The event type's own schedule (for team event types: for every host), else the user's default.
	const schedule = scheduleFor(state, user, plan.dynamic ? undefined : (et as SandboxEventType));
	if (!schedule) return [];
	const busy = busyIntervals(user.id, user.email, state.bookings, state.eventTypes, et, excludeUid);
	// Out-of-office days offer nothing, for slots and bookings alike (out-of-office.ts).
	const away = outOfOfficeIntervals(state, user.id, schedule);
	// Busy spans of calendars checked for conflicts, for slots and bookings alike (calendars.ts).
	const calendarBusy = conflictIntervals(state, user.id, from, to, et);
	return subtractIntervals(workingIntervals(schedule, from, to), [
		...busy,
		...away,
		...calendarBusy,
	]);
}

/**
 * Time in [from, to] when the plan's hosts can take a booking (fixed: all; round robin: any).
 * Follows packages/features/availability/lib/getAggregatedAvailability/getAggregatedAvailability.ts:
 * collective hosts and round-robin hosts marked mandatory (isFixed) are intersected, the other
 * round-robin hosts' free time is united and intersected with that; when the fixed hosts share no
 * free time nothing is offered. Round-robin host groups are not modelled (one group).
 */
export function freeIntervals(
	state: SandboxState,
	plan: Plan,
	from: number,
	to: number,
	excludeUid?: string,
): Interval[] {
	let ranges: Interval[] | undefined;
	for (const user of plan.fixed) {
		const free = userFreeIntervals(state, plan, user, from, to, excludeUid);
		ranges = ranges === undefined ? free : intersectIntervals(ranges, free);
	}
	if (plan.anyOf.length > 0) {
		const union = mergeIntervals(
			plan.anyOf.flatMap((u) => userFreeIntervals(state, plan, u, from, to, excludeUid)),
		);
		ranges = ranges === undefined ? union : intersectIntervals(ranges, union);
	}
	return ranges ?? [];
}

export function covers(ranges: Interval[], start: number, end: number): boolean {
	return ranges.some((r) => r.start <= start && r.end >= end);
}

/** Intervals held by live reservations of an event type (reservationUntil after `now`). */
export function reservedIntervals(
	state: SandboxState,
	eventTypeId: number | undefined,
	now: number,
): Interval[] {
	if (eventTypeId === undefined) return [];
	return state.reservations
		.filter((r) => r.eventTypeId === eventTypeId && Date.parse(r.reservationUntil) > now)
		.map((r) => ({ start: Date.parse(r.slotStart), end: Date.parse(r.slotEnd) }));
}

export function overlapsAny(intervals: Interval[], start: number, end: number): boolean {
	return intervals.some((i) => i.start < end && i.end > start);
}

export interface SlotQuery {
	/** Instants, epoch ms, as GET /v2/slots has read `start` and `end`. */
	start: number;
	end: number;
	/** The calendar clock. */
	now: number;
	/** `duration`: the slot length for event types with several. */
	lengthMinutes?: number;
	/** The booker's zone: the slot grid is aligned to its clock. */
	timeZone?: string;
	bookingUidToReschedule?: string;
}

/**
 * The free slot starts (epoch ms, ascending) GET /v2/slots lists for a plan: what the route
 * answers once the query is read, callable without HTTP (property specs compare against it).
 */
export function slotStarts(state: SandboxState, plan: Plan, query: SlotQuery): number[] {
	const et = plan.eventType;
	const length = query.lengthMinutes ?? et.lengthInMinutes;
	const frequency = et.slotInterval ?? query.lengthMinutes ?? et.lengthInMinutes;
	// Cal.com never offers a start earlier than one minute from now, whatever the notice.
	const earliest = Math.max(query.start, query.now + Math.max(et.minimumBookingNotice, 1) * MINUTE);
	const ranges =
		earliest < query.end
			? freeIntervals(state, plan, earliest, query.end, query.bookingUidToReschedule)
			: [];
	// Reserved slots are taken out afterwards rather than subtracted as busy time, so the slot
	// grid after a reservation stays where it was.
	const reserved = reservedIntervals(state, plan.eventTypeId, query.now);
	return buildSlotStarts(ranges, {
		lengthMinutes: length,
		frequencyMinutes: frequency,
		earliest,
		alignTimeZone: query.timeZone ?? 'UTC',
	}).filter((t) => !overlapsAny(reserved, t, t + length * MINUTE));
}

/**
 * The hosts a booking of [start, end) would get, or undefined when the time is not free:
 * all fixed hosts plus, for round robin, the free host with the fewest bookings of this event
 * type (Cal.com's "least recently booked" fairness, simplified). Reserved time is never free.
 */
export function hostsForBooking(
	state: SandboxState,
	plan: Plan,
	start: number,
	end: number,
	now: number,
	excludeUid?: string,
): SandboxUser[] | undefined {
	if (overlapsAny(reservedIntervals(state, plan.eventTypeId, now), start, end)) return undefined;
	const from = start - 24 * 60 * MINUTE;
	const to = end + 24 * 60 * MINUTE;
	const free = (u: SandboxUser) =>
		covers(userFreeIntervals(state, plan, u, from, to, excludeUid), start, end);
	if (!plan.fixed.every(free)) return undefined;
	if (plan.anyOf.length === 0) return plan.fixed.length > 0 ? [...plan.fixed] : undefined;
	const candidates = plan.anyOf.filter(free);
	if (candidates.length === 0) return undefined;
	const load = (u: SandboxUser) =>
		state.bookings.filter((b) => b.userId === u.id && b.eventTypeId === plan.eventTypeId).length;
	const chosen = candidates.reduce((best, u) => (load(u) < load(best) ? u : best));
	// The round-robin host comes first: it becomes the organizer.
	return [chosen, ...plan.fixed];
}
