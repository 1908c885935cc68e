/**
 * What Cal.com keeps beside a booking (API-NOTES §4.7), version 2024-08-13:
 *
 *   GET  /{uid}/attendees                 200 the attendees, with their ids
 *   GET  /{uid}/attendees/{attendeeId}    200 one attendee
 *   POST /{uid}/attendees                 201 the attendee added
 *   GET  /{uid}/recordings | /transcripts | /conferencing-sessions   Cal Video (Daily) records
 *   GET  /{uid}/references                200 calendar and video references (organizer only)
 *   GET  /{uid}/calendar-links            200 add-to-calendar links (calendar-links.ts)
 *   GET  /by-seat/{seatUid}               200 the booking of a seat
 *
 * Guards follow apps/api/v2/src/ee/bookings/2024-08-13/controllers/bookings.controller.ts and
 * booking-attendees.controller.ts: attendees, recordings, transcripts and sessions sit behind
 * BookingPbacGuard (guards/booking-pbac.guard.ts), which answers 403 before the service looks the
 * booking up, so an unknown UID is refused there too. References check the organizer in
 * services/booking-references.service.ts; calendar links only need an API key.
 */
import { success } from '../envelope';
import { bookingByUid } from '../state';
import type {
	SandboxAttendee,
	SandboxBooking,
	SandboxBookingRecords,
	SandboxState,
	SandboxUser,
} from '../types';
import { fail, managesBooking } from './booking-common';
import { displayEmail, readOutput, seatedBookingOutput } from './booking-output';
import { calendarLinks } from './calendar-links';
import type { RouteHandler, RouteRequest, RouteResult } from './route';

const BASE = '/v2/bookings/{bookingUid}';

/**
 * BookingAccessService.doesUserIdHaveAccessToBooking (packages/features/bookings/services/
 * BookingAccessService.ts, through @calcom/platform-libraries): the organizer, a host, an
 * administrator of the event type's team, or an attendee. [inferred] the attendee part: the
 * guard's caller reads the booking as attendees do in the web app; we did not read the service.
 */
function mayRead(state: SandboxState, booking: SandboxBooking, user: SandboxUser): boolean {
	const email = user.email.toLowerCase();
	return (
		managesBooking(state, booking, user) ||
		booking.attendees.some((a) => a.email.toLowerCase() === email)
	);
}

/** The booking behind BookingPbacGuard, or its 403 (also for a UID that names no booking). */
function guarded(req: RouteRequest, state: SandboxState): SandboxBooking | RouteResult {
	const booking = bookingByUid(state, req.params.bookingUid);
	if (!booking || !req.user || !mayRead(state, booking, req.user)) {
		return fail(
			403,
			`BookingPbacGuard - user with id=${req.user?.id ?? 0} does not have access to booking with uid=${req.params.bookingUid}`,
			req,
		);
	}
	return booking;
}

/** Attendee ids as Cal.com's Attendee rows have them: given once, in order, never reused. */
function withIds(booking: SandboxBooking): Array<SandboxAttendee & { id: number }> {
	let next = Math.max(booking.id * 100, ...booking.attendees.map((a) => a.id ?? 0)) + 1;
	for (const attendee of booking.attendees) attendee.id ??= next++;
	return booking.attendees as Array<SandboxAttendee & { id: number }>;
}

/** booking-attendees.service.ts getBookingAttendees: language and phone only when set. */
function attendeeItem(a: SandboxAttendee & { id: number }): Record<string, unknown> {
	return {
		id: a.id,
		name: a.name,
		email: a.email,
		displayEmail: displayEmail(a.email),
		timeZone: a.timeZone,
		...(a.language ? { language: a.language } : {}),
		absent: a.absent ?? false,
		...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
	};
}

const getAttendees: RouteHandler['handle'] = (req, ctx) => {
	const found = guarded(req, ctx.state);
	if (!('uid' in found)) return found;
	return { status: 200, body: success(withIds(found).map(attendeeItem)) };
};

const getAttendee: RouteHandler['handle'] = (req, ctx) => {
	const found = guarded(req, ctx.state);
	if (!('uid' in found)) return found;
	const id = Number(req.params.attendeeId);
	const attendee = withIds(found).find((a) => a.id === id);
	// BookingAttendeesService.getBookingAttendee: ErrorWithCode NotFound, answered 404.
	if (!attendee)
		return fail(
			404,
			`Attendee with id ${req.params.attendeeId} not found in booking ${found.uid}`,
			req,
		);
	return { status: 200, body: success(attendeeItem(attendee)) };
};

interface AddAttendeeBody {
	name: string;
	email: string;
	timeZone: string;
	phoneNumber?: string;
	language?: string;
}

/**
 * POST /{uid}/attendees: BookingAttendeesService.addAttendee (packages/features/bookings/services/
 * BookingAttendeesService.ts) with the add-guests checks it shares (packages/trpc/server/routers/
 * viewer/bookings/addGuests.handler.ts): who may add (organizer, attendee or team admin), an
 * attendee already on the booking → 400 "emails_must_be_unique_valid"; the new attendee also
 * joins the booking's guests, and absent is false.
 */
const addAttendee: RouteHandler['handle'] = (req, ctx) => {
	const booking = bookingByUid(ctx.state, req.params.bookingUid);
	// booking-attendees.service.ts addAttendee: the repository lookup's NotFoundException.
	if (!booking) return fail(404, `Booking with uid ${req.params.bookingUid} not found`, req);
	if (!req.user || !mayRead(ctx.state, booking, req.user))
		// [inferred] text: validateUserPermissions (bookingAttendees.utils.ts) was not read.
		return fail(403, 'You do not have permission to add attendees to this booking', req);
	// addGuests.handler.ts validateGuestsFieldEnabled: a hidden guests question refuses additions.
	const et = ctx.state.eventTypes.find((e) => e.id === booking.eventTypeId);
	const guestsField = et?.bookingFields.find((f) => (f as { slug?: string }).slug === 'guests') as
		| { hidden?: boolean }
		| undefined;
	if (et && guestsField?.hidden)
		return fail(
			400,
			`Cannot add guests to this booking. The guests field is disabled for event type "${et.title}" (ID: ${et.id}). Please contact the event organizer to enable guest additions.`,
			req,
		);
	const body = req.body as AddAttendeeBody;
	const base = body.email.toLowerCase();
	if (booking.attendees.some((a) => a.email.toLowerCase() === base))
		return fail(400, 'emails_must_be_unique_valid', req);
	const ids = withIds(booking);
	const added: SandboxAttendee & { id: number } = {
		id: Math.max(booking.id * 100, ...ids.map((a) => a.id)) + 1,
		name: body.name,
		email: body.email,
		timeZone: body.timeZone,
		language: body.language ?? 'en',
		absent: false,
		...(body.phoneNumber ? { phoneNumber: body.phoneNumber } : {}),
	};
	booking.attendees.push(added);
	booking.guests.push(body.email);
	booking.updatedAt = ctx.now().toISOString();
	return { status: 201, body: success({ ...attendeeItem(added), bookingId: booking.id }) };
};

function recordsOf(state: SandboxState, uid: string): SandboxBookingRecords | undefined {
	return state.bookingRecords.find((r) => r.bookingUid === uid);
}

/**
 * services/cal-video.service.ts: the room is the booking's last daily_video reference; none →
 * 404 "No Cal Video reference found with booking uid …"; then Daily's answer for that room.
 */
function calVideo(pick: (records: SandboxBookingRecords) => unknown[]): RouteHandler['handle'] {
	return (req, ctx) => {
		const found = guarded(req, ctx.state);
		if (!('uid' in found)) return found;
		const records = recordsOf(ctx.state, found.uid);
		if (!records?.references.some((r) => r.type === 'daily_video'))
			return fail(404, `No Cal Video reference found with booking uid ${found.uid}`, req);
		return { status: 200, body: success(structuredClone(pick(records))) };
	};
}

/** services/booking-references.service.ts and the type filter of booking-references-filter.input.ts. */
const getReferences: RouteHandler['handle'] = (req, ctx) => {
	const booking = bookingByUid(ctx.state, req.params.bookingUid);
	if (!booking) return fail(404, `Booking with uid ${req.params.bookingUid} not found`, req);
	if (booking.userId !== req.user?.id)
		return fail(400, `Booking with uid ${booking.uid} does not belong to user`, req);
	const type = typeof req.query.type === 'string' ? req.query.type : undefined;
	const references = (recordsOf(ctx.state, booking.uid)?.references ?? []).filter(
		(r) => !type || r.type === type,
	);
	// output.service.ts getOutputBookingReferences: id, type, eventUid, destinationCalendarId.
	const data = references.map((r) => ({
		id: r.id,
		type: r.type,
		eventUid: r.eventUid,
		destinationCalendarId: r.destinationCalendarId,
	}));
	return { status: 200, body: success(data) };
};

/** bookings.service.ts getCalendarLinks: any API key; unknown UID → 404. */
const getCalendarLinks: RouteHandler['handle'] = (req, ctx) => {
	const booking = bookingByUid(ctx.state, req.params.bookingUid);
	if (!booking) return fail(404, `Booking with uid ${req.params.bookingUid} not found`, req);
	const et = ctx.state.eventTypes.find((e) => e.id === booking.eventTypeId);
	if (!et) return fail(400, `Booking with uid ${booking.uid} has no event type`, req);
	return { status: 200, body: success(calendarLinks(booking, et, ctx.state)) };
};

/**
 * GET /by-seat/{seatUid} (bookings.service.ts getBookingBySeatUid; 404 text from
 * seated-bookings.e2e-spec.ts): the seat's booking; without the right to see every attendee
 * (event type admin or owner, or seatsShowAttendees) only the seat's own attendee.
 */
const getBySeat: RouteHandler['handle'] = (req, ctx) => {
	const seatUid = req.params.seatUid;
	const booking = ctx.state.bookings.find((b) => b.attendees.some((a) => a.seatUid === seatUid));
	if (!booking)
		return fail(404, `Booking with seatUid=${seatUid} was not found in the database`, req);
	const out = readOutput(booking, ctx.state, req.user);
	const et = ctx.state.eventTypes.find((e) => e.id === booking.eventTypeId);
	const showAll = managesBooking(ctx.state, booking, req.user) || et?.seatsShowAttendees === true;
	if (!showAll) {
		const all = seatedBookingOutput(booking, ctx.state, true).attendees as Array<
			Record<string, unknown>
		>;
		out.attendees = all.filter((a) => a.seatUid === seatUid);
	}
	return { status: 200, body: success(out) };
};

export const bookingExtraRoutes: RouteHandler[] = [
	// booking-attendees.controller.ts
	{ method: 'GET', template: `${BASE}/attendees`, validation: 'generic', handle: getAttendees },
	{
		method: 'GET',
		template: `${BASE}/attendees/{attendeeId}`,
		validation: 'generic',
		handle: getAttendee,
	},
	{ method: 'POST', template: `${BASE}/attendees`, validation: 'generic', handle: addAttendee },
	{
		method: 'GET',
		template: `${BASE}/recordings`,
		validation: 'generic',
		handle: calVideo((r) => r.recordings),
	},
	{
		method: 'GET',
		template: `${BASE}/transcripts`,
		validation: 'generic',
		handle: calVideo((r) => r.transcripts),
	},
	{
		method: 'GET',
		template: `${BASE}/conferencing-sessions`,
		validation: 'generic',
		handle: calVideo((r) => r.sessions),
	},
	{ method: 'GET', template: `${BASE}/references`, validation: 'generic', handle: getReferences },
	{
		method: 'GET',
		template: `${BASE}/calendar-links`,
		validation: 'generic',
		handle: getCalendarLinks,
	},
	{
		method: 'GET',
		template: '/v2/bookings/by-seat/{seatUid}',
		validation: 'generic',
		handle: getBySeat,
	},
];
