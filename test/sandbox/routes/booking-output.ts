/**
 * Bookings as Cal.com's 2024-08-13 output service prints them (BookingOutput_2024_08_13 and,
 * for occurrences of a recurring booking, RecurringBookingOutput_2024_08_13; read for
 * behaviour): lower-case status; cancellationReason and cancelledByEmail only on cancelled
 * bookings; `meetingUrl` (deprecated) repeats `location`; bookingFieldsResponses carry the
 * attendee's name and email besides the custom answers; absent optional values are left out.
 */
import { userById } from '../state';
import type { SandboxBooking, SandboxState } from '../types';

/**
 * Follows the 2024-08-13 output service (getDisplayEmail): the address without the
 * "+<25 letters or digits>" that Cal.com adds to managed users' emails.
 */
export function displayEmail(email: string): string {
	return email.replace(/\+[a-zA-Z0-9]{25}/, '');
}

function host(state: SandboxState, id: number): Record<string, unknown> {
	const user = userById(state, id);
	if (!user) return { id, name: 'unknown', email: 'unknown', displayEmail: 'unknown', username: 'unknown', timeZone: 'UTC' };
	return { id: user.id, name: user.name, email: user.email, displayEmail: displayEmail(user.email), username: user.username, timeZone: user.timeZone };
}

export function bookingOutput(b: SandboxBooking, state: SandboxState): Record<string, unknown> {
	const et = state.eventTypes.find((e) => e.id === b.eventTypeId);
	const main = b.attendees[0];
	const out: Record<string, unknown> = {
		id: b.id,
		uid: b.uid,
		title: b.title,
		description: b.description,
		hosts: (b.hostIds ?? [b.userId]).map((id) => host(state, id)),
		status: b.status,
		start: new Date(b.start).toISOString(),
		end: new Date(b.end).toISOString(),
		duration: Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000),
		eventTypeId: b.eventTypeId,
		eventType: { id: b.eventTypeId, slug: et?.slug ?? 'unknown' },
		location: b.location,
		meetingUrl: b.location,
		absentHost: b.absentHost,
		createdAt: b.createdAt,
		updatedAt: b.updatedAt,
		attendees: b.attendees.map((a) => {
			const attendee: Record<string, unknown> = {
				name: a.name,
				email: a.email,
				displayEmail: displayEmail(a.email),
				timeZone: a.timeZone,
				language: a.language ?? 'en',
				absent: a.absent ?? false,
			};
			if (a.phoneNumber) attendee.phoneNumber = a.phoneNumber;
			return attendee;
		}),
		guests: b.guests,
		bookingFieldsResponses: {
			...(main ? { name: main.name, email: main.email } : {}),
			...(b.guests.length > 0 ? { guests: b.guests } : {}),
			...b.bookingFieldsResponses,
		},
		metadata: b.metadata,
	};
	if (b.location === null) delete out.meetingUrl;
	if (b.status === 'cancelled') {
		if (b.cancellationReason) out.cancellationReason = b.cancellationReason;
		if (b.cancelledByEmail) out.cancelledByEmail = b.cancelledByEmail;
	}
	if (b.reschedulingReason) out.reschedulingReason = b.reschedulingReason;
	if (b.rescheduledFromUid) out.rescheduledFromUid = b.rescheduledFromUid;
	if (b.rescheduledToUid) out.rescheduledToUid = b.rescheduledToUid;
	if (b.rescheduledByEmail) out.rescheduledByEmail = b.rescheduledByEmail;
	if (b.recurringBookingUid) out.recurringBookingUid = b.recurringBookingUid;
	return out;
}
