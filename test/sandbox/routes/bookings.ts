/**
 * Creating, reading and rescheduling bookings (cal-api-version 2024-08-13 or 2026-02-25,
 * same shapes; API-NOTES §4.1, §4.3, §4.5):
 *
 *   POST /v2/bookings                       201 one booking, or an array for recurring event types
 *   GET  /v2/bookings/{bookingUid}          200 the booking, or every occurrence for a recurringBookingUid
 *   POST /v2/bookings/{bookingUid}/reschedule  201 a new booking; the old one is cancelled and points to it
 *
 * A booking "needs confirmation" (status pending, BOOKING_REQUESTED) when its event type
 * requires confirmation; otherwise it is accepted (BOOKING_CREATED). A reschedule by the
 * organizer (rescheduledBy = their email) is accepted at once.
 * `recurrenceCount` on an event type that does not recur is ignored, as Cal.com's service does
 * (it picks the path from the event type, not the body). Every occurrence must be free.
 */
import { randomUUID } from 'node:crypto';

import { success } from '../envelope';
import { newBookingUid, nextBookingId } from '../ids';
import { bookingByUid, recurringOccurrences } from '../state';
import type { SandboxAttendee, SandboxBooking, SandboxEventType, SandboxUser } from '../types';
import { fail, isHostOf, managesBooking, PAST, recordEvent, scheduleCheck } from './booking-common';
import {
	bookingFieldsProblem,
	findEventType,
	lengthProblem,
	locationString,
	metadataProblem,
} from './booking-input';
import type { CreateBody } from './booking-input';
import { bookingOutput, readOutput, seatedBookingOutput } from './booking-output';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';

const MINUTE = 60_000;

function addInterval(start: number, et: SandboxEventType, n: number): number {
	const r = et.recurrence;
	if (!r || n === 0) return start;
	const d = new Date(start);
	if (r.frequency === 'weekly') d.setUTCDate(d.getUTCDate() + 7 * r.interval * n);
	else if (r.frequency === 'monthly') d.setUTCMonth(d.getUTCMonth() + r.interval * n);
	else d.setUTCFullYear(d.getUTCFullYear() + r.interval * n);
	return d.getTime();
}

function title(et: SandboxEventType, organizer: SandboxUser, attendeeName: string): string {
	return `${et.title} between ${organizer.name ?? organizer.username} and ${attendeeName}`;
}

const create: RouteHandler['handle'] = (req, ctx) => {
	const body = req.body as CreateBody;
	const { state } = ctx;
	const metadata = metadataProblem(body.metadata);
	if (metadata) return fail(400, metadata, req);
	if (!body.attendee.email && !body.attendee.phoneNumber) {
		return fail(400, 'Attendee must have at least one contact method (email or phone number)', req);
	}
	const found = findEventType(state, body);
	if ('status' in found) return fail(found.status, found.message, req);
	const et = found.ok;
	if (et.teamId !== null && (et.hosts ?? []).length === 0) {
		return fail(
			422,
			`Can't book this team event type because it has no hosts. Please, add at least 1 host to event type with id=${et.id} belonging to team with id=${et.teamId} and try again.`,
			req,
		);
	}
	if (body.instant && et.teamId === null) {
		return fail(
			400,
			'Instant bookings are only supported for team event types, not individual user event types.',
			req,
		);
	}
	const fields = bookingFieldsProblem(et, body);
	if (fields) return fail(400, fields, req);
	const length = lengthProblem(et, body.lengthInMinutes);
	if (length) return fail(400, length, req);

	const seated = Boolean(et.seatsPerTimeSlot) && !et.recurrence && !body.instant;
	if (seated) {
		const joined = joinSeat(req, ctx, et, body);
		if (joined) return joined;
	}
	const recurring = Boolean(et.recurrence) && !body.instant;
	const count = recurring ? (body.recurrenceCount ?? et.recurrence?.occurrences ?? 1) : 1;
	if (recurring && et.recurrence && count > et.recurrence.occurrences) {
		// [unverified] text: Cal.com refuses more occurrences than the event type allows.
		return fail(
			400,
			`recurrenceCount ${count} is more than the ${et.recurrence.occurrences} occurrences event type ${et.id} allows.`,
			req,
		);
	}
	const host = req.apiVersion === '2026-02-25' && isHostOf(et, req.user);
	const minutes = body.lengthInMinutes ?? et.lengthInMinutes;
	const now = ctx.now().getTime();
	const start = Date.parse(body.start);
	const placed: Array<{ start: number; hosts: SandboxUser[] }> = [];
	for (let i = 0; i < count; i++) {
		const at = addInterval(start, et, i);
		const check = scheduleCheck(state, et, at, minutes, now, {
			allowOutOfBounds: host && body.allowBookingOutOfBounds === true,
			allowConflicts: host && body.allowConflicts === true,
			takenStatus: ctx.build.slotTakenStatus,
		});
		if ('status' in check) return fail(check.status, check.message, req);
		placed.push({ start: at, hosts: check.hosts });
	}

	const language = body.attendee.language ?? 'en';
	const attendees: SandboxAttendee[] = [
		{
			name: body.attendee.name,
			email: body.attendee.email ?? '',
			timeZone: body.attendee.timeZone,
			language,
			absent: false,
		},
		// Cal.com stores guests as attendees without a name.
		...(body.guests ?? []).map((email) => ({
			name: '',
			email,
			timeZone: body.attendee.timeZone,
			language,
			absent: false,
		})),
	];
	if (body.attendee.phoneNumber) attendees[0].phoneNumber = body.attendee.phoneNumber;
	if (seated) Object.assign(attendees[0], seatOf(body));
	const stamp = ctx.now().toISOString();
	const recurringBookingUid = recurring ? randomUUID() : undefined;
	const created = placed.map(({ start: at, hosts }) => {
		const booking: SandboxBooking = {
			id: nextBookingId(state),
			uid: newBookingUid(),
			title: title(et, hosts[0], body.attendee.name),
			description:
				typeof body.bookingFieldsResponses?.notes === 'string'
					? body.bookingFieldsResponses.notes
					: null,
			eventTypeId: et.id,
			userId: hosts[0].id,
			start: new Date(at).toISOString(),
			end: new Date(at + minutes * MINUTE).toISOString(),
			status: et.requiresConfirmation ? 'pending' : 'accepted',
			attendees: structuredClone(attendees),
			guests: [...(body.guests ?? [])],
			location: locationString(et, body.location, body.meetingUrl),
			bookingFieldsResponses: { ...(body.bookingFieldsResponses ?? {}) },
			metadata: { ...((body.metadata ?? {}) as Record<string, string>) },
			absentHost: false,
			createdAt: stamp,
			updatedAt: stamp,
			...(hosts.length > 1 ? { hostIds: hosts.map((h) => h.id) } : {}),
			...(recurringBookingUid ? { recurringBookingUid } : {}),
		};
		state.bookings.push(booking);
		recordEvent(
			ctx,
			booking.status === 'pending' ? 'BOOKING_REQUESTED' : 'BOOKING_CREATED',
			booking,
		);
		return booking;
	});
	if (seated) {
		const showAttendees =
			managesBooking(state, created[0], req.user) || et.seatsShowAttendees === true;
		return {
			status: 201,
			body: success({
				...seatedBookingOutput(created[0], state, showAttendees),
				seatUid: attendees[0].seatUid,
			}),
		};
	}
	const out = created.map((b) => bookingOutput(b, state));
	return { status: 201, body: success(recurring ? out : out[0]) };
};

/** A new seat for the body's attendee, with the answers Cal.com keeps per seat. */
function seatOf(body: CreateBody): Pick<SandboxAttendee, 'seatUid' | 'seatResponses'> {
	return {
		seatUid: randomUUID(),
		seatResponses: {
			name: body.attendee.name,
			email: body.attendee.email ?? '',
			...(body.bookingFieldsResponses ?? {}),
		},
	};
}

/**
 * Seated event types (packages/features/bookings/lib/handleSeats): a booking that already holds
 * this start takes the attendee on a new seat, without an availability check (the organizer is
 * busy with that very booking), unless every seat is taken — bookings.service.ts
 * createSeatedBooking answers booking_seats_full_error 409 "No more seats left at this seated
 * booking.". [inferred] the seat's BOOKING_CREATED carries only the new seat's attendee, as
 * API-NOTES §8 says of seated deliveries.
 */
function joinSeat(
	req: RouteRequest,
	ctx: RouteContext,
	et: SandboxEventType,
	body: CreateBody,
): RouteResult | undefined {
	const start = Date.parse(body.start);
	const held = ctx.state.bookings.find(
		(b) =>
			b.eventTypeId === et.id &&
			Date.parse(b.start) === start &&
			(b.status === 'accepted' || b.status === 'pending'),
	);
	if (!held) return undefined;
	if (held.attendees.length >= (et.seatsPerTimeSlot ?? 0))
		return fail(409, 'No more seats left at this seated booking.', req);
	const attendee: SandboxAttendee = {
		name: body.attendee.name,
		email: body.attendee.email ?? '',
		timeZone: body.attendee.timeZone,
		language: body.attendee.language ?? 'en',
		absent: false,
		...(body.attendee.phoneNumber ? { phoneNumber: body.attendee.phoneNumber } : {}),
		...seatOf(body),
	};
	held.attendees.push(attendee);
	held.updatedAt = ctx.now().toISOString();
	recordEvent(ctx, held.status === 'pending' ? 'BOOKING_REQUESTED' : 'BOOKING_CREATED', {
		...held,
		attendees: [attendee],
	});
	const showAttendees = managesBooking(ctx.state, held, req.user) || et.seatsShowAttendees === true;
	return {
		status: 201,
		body: success({
			...seatedBookingOutput(held, ctx.state, showAttendees),
			seatUid: attendee.seatUid,
		}),
	};
}

const get: RouteHandler['handle'] = (req, { state }) => {
	const uid = req.params.bookingUid;
	const booking = bookingByUid(state, uid);
	if (booking) return { status: 200, body: success(readOutput(booking, state, req.user)) };
	const occurrences = recurringOccurrences(state, uid);
	if (occurrences.length === 0)
		return fail(404, `Booking with uid=${uid} was not found in the database`, req);
	return { status: 200, body: success(occurrences.map((b) => bookingOutput(b, state))) };
};

interface RescheduleBody {
	start: string;
	rescheduledBy?: string;
	reschedulingReason?: string;
	seatUid?: string;
}

function reschedule(req: RouteRequest, ctx: RouteContext): RouteResult {
	const { state } = ctx;
	const uid = req.params.bookingUid;
	const body = req.body as RescheduleBody;
	const old = bookingByUid(state, uid);
	if (!old) return fail(404, `Booking with uid=${uid} was not found in the database`, req);
	const et = state.eventTypes.find((e) => e.id === old.eventTypeId);
	if (!et) return fail(404, `Event type with id=${old.eventTypeId} not found`, req);
	if (old.status === 'cancelled' && old.rescheduledToUid) {
		const to = old.rescheduledToUid;
		return fail(
			400,
			`Can't reschedule booking with uid=${uid} because it has been cancelled and rescheduled already to booking with uid=${to}. You probably want to reschedule ${to} instead by passing it within the request URL.`,
			req,
		);
	}
	if (old.status === 'cancelled') {
		return fail(
			400,
			`Can't reschedule booking with uid=${uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
			req,
		);
	}
	const now = ctx.now().getTime();
	const start = Date.parse(body.start);
	if (Number.isNaN(start)) return fail(400, PAST, req);
	// Cal.com books the new time with the event type's length, whatever the old booking had.
	const check = scheduleCheck(state, et, start, et.lengthInMinutes, now, {
		excludeUid: old.uid,
		preferUserId: old.userId,
		takenStatus: ctx.build.slotTakenStatus,
	});
	if ('status' in check) return fail(check.status, check.message, req);

	const organizer = check.hosts[0];
	const byOrganizer =
		body.rescheduledBy !== undefined &&
		body.rescheduledBy.toLowerCase() === organizer.email.toLowerCase();
	const stamp = ctx.now().toISOString();
	const fresh: SandboxBooking = {
		...structuredClone(old),
		id: nextBookingId(state),
		uid: newBookingUid(),
		userId: organizer.id,
		title: title(et, organizer, old.attendees[0]?.name ?? ''),
		start: new Date(start).toISOString(),
		end: new Date(start + et.lengthInMinutes * MINUTE).toISOString(),
		status: et.requiresConfirmation && !byOrganizer ? 'pending' : 'accepted',
		createdAt: stamp,
		updatedAt: stamp,
		rescheduledFromUid: old.uid,
		rescheduledToUid: null,
		reschedulingReason: body.reschedulingReason ?? null,
		rescheduledByEmail: body.rescheduledBy ?? null,
		cancellationReason: null,
		cancelledByEmail: null,
	};
	if (check.hosts.length > 1) fresh.hostIds = check.hosts.map((h) => h.id);
	else delete fresh.hostIds;
	Object.assign(old, {
		status: 'cancelled',
		rescheduledToUid: fresh.uid,
		rescheduledByEmail: body.rescheduledBy ?? null,
		updatedAt: stamp,
	});
	state.bookings.push(fresh);
	recordEvent(ctx, 'BOOKING_RESCHEDULED', fresh, {
		rescheduleUid: old.uid,
		rescheduleStartTime: old.start,
		rescheduleEndTime: old.end,
	});
	return { status: 201, body: success(bookingOutput(fresh, state)) };
}

export const bookingsRoutes: RouteHandler[] = [
	{ method: 'POST', template: '/v2/bookings', validation: 'pipe', handle: create },
	{ method: 'GET', template: '/v2/bookings/{bookingUid}', validation: 'generic', handle: get },
	{
		method: 'POST',
		template: '/v2/bookings/{bookingUid}/reschedule',
		validation: 'pipe',
		handle: reschedule,
	},
];
