/**
 * Bookings as Cal.com's 2024-08-13 output service prints them (BookingOutput_2024_08_13 and,
 * for occurrences of a recurring booking, RecurringBookingOutput_2024_08_13; read for
 * behaviour): lower-case status; cancellationReason and cancelledByEmail only on cancelled
 * bookings; `meetingUrl` (deprecated) repeats `location`; bookingFieldsResponses carry the
 * attendee's name and email besides the custom answers; absent optional values are left out.
 */
import { userById } from '../state';
import type { SandboxAttendee, SandboxBooking, SandboxState, SandboxUser } from '../types';
import { managesBooking } from './booking-common';

/**
 * Follows the 2024-08-13 output service (getDisplayEmail): the address without the
 * "+<25 letters or digits>" that Cal.com adds to managed users' emails.
 */
export function displayEmail(email: string): string {
	return email.replace(/\+[a-zA-Z0-9]{25}/, '');
}

function attendeeOutput(a: SandboxAttendee): Record<string, unknown> {
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
}

function host(state: SandboxState, id: number): Record<string, unknown> {
	const user = userById(state, id);
	if (!user)
		return {
			id,
			name: 'unknown',
			email: 'unknown',
			displayEmail: 'unknown',
			username: 'unknown',
			timeZone: 'UTC',
		};
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		displayEmail: displayEmail(user.email),
		username: user.username,
		timeZone: user.timeZone,
	};
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
		attendees: b.attendees.map(attendeeOutput),
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

/**
 * A booking of a seated event type, as getOutputSeatedBooking prints it (2024-08-13 output
 * service): no top-level guests or answers; each attendee carries its seatUid and its seat's
 * answers (email removed, "for privacy"); the attendees only when `showAttendees` (the caller
 * administers the event type, or the event type shows attendees to everyone).
 */
export function seatedBookingOutput(
	b: SandboxBooking,
	state: SandboxState,
	showAttendees: boolean,
): Record<string, unknown> {
	const out = bookingOutput(b, state);
	delete out.guests;
	delete out.bookingFieldsResponses;
	out.attendees = showAttendees
		? b.attendees.map((a) => {
				const { email: _email, ...answers } = a.seatResponses ?? { name: a.name };
				// A seat's attendee has no phoneNumber in Cal.com's seated output.
				const { phoneNumber: _phone, ...attendee } = attendeeOutput(a);
				return {
					...attendee,
					seatUid: a.seatUid ?? '',
					bookingFieldsResponses: answers,
					metadata: {},
				};
			})
		: [];
	return out;
}

/**
 * The booking as the reading endpoints print it (get, list, cancel): seated event types in the
 * seated shape. [inferred] who sees a seated booking's attendees on these endpoints: the rule
 * Cal.com's create uses (getOutputCreateSeatedBooking: event type admin or owner, or
 * seatsShowAttendees), as the source we read does not say it for them.
 */
export function readOutput(
	b: SandboxBooking,
	state: SandboxState,
	viewer: SandboxUser | undefined,
): Record<string, unknown> {
	const et = state.eventTypes.find((e) => e.id === b.eventTypeId);
	if (!et?.seatsPerTimeSlot) return bookingOutput(b, state);
	return seatedBookingOutput(
		b,
		state,
		managesBooking(state, b, viewer) || et.seatsShowAttendees === true,
	);
}
