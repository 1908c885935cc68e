/**
 * What the booking handlers share: Cal.com's scheduling checks for a start time, who may act
 * on a booking, and recording what happened (sandbox.events).
 */
import { hostsForBooking, planForEventType } from '../availability';
import { errorEnvelope } from '../envelope';
import type {
	SandboxBooking,
	SandboxEventType,
	SandboxState,
	SandboxTrigger,
	SandboxUser,
} from '../types';
import type { RouteContext, RouteRequest, RouteResult } from './route';

const MINUTE = 60_000;

export const TAKEN = 'User either already has booking at this time or is not available';
export const TEAM_TAKEN =
	'One of the hosts either already has booking at this time or is not available';
export const OUT_OF_BOUNDS =
	'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots';
export const PAST = 'Attempting to book a meeting in the past.';

export function fail(status: number, message: string, req: RouteRequest): RouteResult {
	return { status, body: errorEnvelope(status, message, req.url) };
}

export function recordEvent(
	ctx: RouteContext,
	type: SandboxTrigger,
	booking: SandboxBooking,
	details?: Record<string, unknown>,
): void {
	ctx.events.push({
		type,
		bookingUid: booking.uid,
		at: ctx.now().toISOString(),
		booking: structuredClone(booking),
		...(details ? { details } : {}),
	});
}

export interface SchedulingOptions {
	/** 2026-02-25, caller is a host: skip the notice/window check, or the availability check. */
	allowOutOfBounds?: boolean;
	allowConflicts?: boolean;
	/** The booking being rescheduled: its own time counts as free. */
	excludeUid?: string;
	/** Prefer this organizer when free (reschedules keep their host). */
	preferUserId?: number;
	/** The status of "slot taken": RouteContext.build.slotTakenStatus (default 400, the source's). */
	takenStatus?: 400 | 409;
}

/**
 * Cal.com's order: a start in the past, then the minimum notice ("out of bounds"; the fixture
 * has no booking windows), then free time for the hosts. No free host is Cal.com's
 * `no_available_users_found_error`, which errors.service.ts (ErrorsBookingsService_2024_08_13
 * .handleBookingError) answers 400 with the user or team text; hosted Cal.com answers 409
 * ConflictException with the same text (build.ts, slotTakenStatus). The hosts on success,
 * organizer first.
 */
export function scheduleCheck(
	state: SandboxState,
	et: SandboxEventType,
	start: number,
	lengthMinutes: number,
	now: number,
	options: SchedulingOptions = {},
): { hosts: SandboxUser[] } | { status: number; message: string } {
	if (start < now) return { status: 400, message: PAST };
	if (!options.allowOutOfBounds && start < now + et.minimumBookingNotice * MINUTE)
		return { status: 400, message: OUT_OF_BOUNDS };
	const plan = planForEventType(state, et);
	const taken = {
		status: options.takenStatus ?? 400,
		message: et.teamId !== null ? TEAM_TAKEN : TAKEN,
	};
	if (!plan) return taken;
	if (options.allowConflicts) {
		const all = [...plan.anyOf.slice(0, 1), ...plan.fixed];
		return all.length > 0 ? { hosts: all } : taken;
	}
	const end = start + lengthMinutes * MINUTE;
	if (options.preferUserId !== undefined && plan.anyOf.some((u) => u.id === options.preferUserId)) {
		const preferred = { ...plan, anyOf: plan.anyOf.filter((u) => u.id === options.preferUserId) };
		const kept = hostsForBooking(state, preferred, start, end, now, options.excludeUid);
		if (kept) return { hosts: kept };
	}
	const hosts = hostsForBooking(state, plan, start, end, now, options.excludeUid);
	return hosts ? { hosts } : taken;
}

/** Organizer, co-host, or an owner/admin of the event type's team. */
export function managesBooking(
	state: SandboxState,
	booking: SandboxBooking,
	user: SandboxUser | undefined,
): boolean {
	if (!user) return false;
	if (booking.userId === user.id || booking.hostIds?.includes(user.id)) return true;
	const et = state.eventTypes.find((e) => e.id === booking.eventTypeId);
	if (et?.ownerId === user.id) return true;
	const team = et?.teamId !== null ? state.teams.find((t) => t.id === et?.teamId) : undefined;
	return Boolean(
		team?.members.some((m) => m.userId === user.id && m.accepted && m.role !== 'MEMBER'),
	);
}

export function isHostOf(et: SandboxEventType, user: SandboxUser | undefined): boolean {
	if (!user) return false;
	return et.ownerId === user.id || (et.hosts ?? []).some((h) => h.userId === user.id);
}
