/**
 * Connected calendars: what Cal.com lists for a user and which busy spans it reads — shared by
 * the calendar routes (routes/calendars.ts) and availability (availability.ts), so "busy" in
 * GET /v2/calendars/busy-times and "not offered" in GET /v2/slots come from the same spans.
 */
import type { Interval } from './slots-engine';
import type { SandboxCalendar, SandboxCredential, SandboxState } from './types';

/** A user's calendar accounts (credential types ending in `_calendar`), in fixture order. */
export function calendarCredentials(state: SandboxState, userId: number): SandboxCredential[] {
	return state.credentials.filter((c) => c.userId === userId && c.type.endsWith('_calendar'));
}

/** Whether the provider answers for this account: a valid credential that lists its calendars. */
export function readable(credential: SandboxCredential): boolean {
	return !credential.invalid && credential.error === undefined;
}

/**
 * Busy spans of the named calendars of one account between from and to, clipped to that window.
 * An external ID the account does not have gives nothing: Google's free/busy answers such an ID
 * with a per-calendar "notFound" error and no busy times, which Cal.com's GoogleCalendarService
 * does not read (inferred: the provider's answer is not in Cal.com's source).
 */
export function busySpans(
	credential: SandboxCredential,
	externalIds: string[],
	from: number,
	to: number,
): Interval[] {
	if (!readable(credential)) return [];
	const calendars = (credential.calendars ?? []).filter((c) => externalIds.includes(c.externalId));
	return calendars.flatMap((calendar) =>
		calendar.busy
			.map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) }))
			.filter((span) => span.start < to && span.end > from)
			.map((span) => ({ start: Math.max(span.start, from), end: Math.min(span.end, to) })),
	);
}

/**
 * The busy time that counts against a user's availability: the spans of every calendar checked
 * for conflicts (Cal.com's SelectedCalendar rows, `isSelected` in GET /v2/calendars), widened by
 * the booked event type's buffers. Follows packages/features/availability/lib/getUserAvailability.ts,
 * which passes the user's selectedCalendars to packages/features/busyTimes/services/getBusyTimes.ts
 * (getBusyCalendarTimes in packages/features/calendars/lib/CalendarManager.ts, then each span's
 * start moved back by beforeEventBuffer and its end on by afterEventBuffer); getCalendarsEvents.ts
 * skips an account with no selected calendar and any invalid credential.
 */
export function conflictIntervals(
	state: SandboxState,
	userId: number,
	from: number,
	to: number,
	buffers: { beforeEventBuffer: number; afterEventBuffer: number },
): Interval[] {
	const MINUTE = 60_000;
	return calendarCredentials(state, userId)
		.flatMap((credential) =>
			busySpans(
				credential,
				(credential.calendars ?? []).filter((c) => c.isSelected).map((c) => c.externalId),
				from,
				to,
			),
		)
		.map((span) => ({
			start: span.start - buffers.beforeEventBuffer * MINUTE,
			end: span.end + buffers.afterEventBuffer * MINUTE,
		}));
}

export function destinationOf(credential: SandboxCredential): SandboxCalendar | undefined {
	return credential.calendars?.find((c) => c.destination);
}
