/**
 * What the organizer (or a team admin) does with an existing booking (API-NOTES §4.6, §4.7):
 *
 *   POST  /{uid}/cancel              200 (auth optional) cancelled booking; a recurringBookingUid cancels every occurrence
 *   POST  /{uid}/confirm | /decline  200 pending bookings only
 *   POST  /{uid}/mark-absent         200 only after the booking's start on the calendar clock
 *   POST  /{uid}/reassign[/{userId}] 200 round-robin bookings only; {bookingUid, reassignedTo}
 *   POST  /{uid}/guests              200 ≤ 10 per request, ≤ 30 per booking, 5 requests/min per key
 *   PATCH /{uid}/location            200 the booking with its new location
 *
 * The reassign answer follows Cal.com's 2024-08-13 output service (getOutputReassignedBooking:
 * {bookingUid, reassignedTo: {id, name, email, displayEmail}}; ReassignBookingOutput_2024_08_13
 * in packages/platform/types); the saved document's schema is broken there.
 * Texts marked [inferred] are ours where we found none of Cal.com's.
 */
import { addGuestsFailures } from '../dto-rules';
import { success } from '../envelope';
import { bookingByUid, recurringOccurrences, userById } from '../state';
import type { SandboxAttendee, SandboxBooking, SandboxLocation, SandboxUser } from '../types';
import { globalPipeAnswer } from '../validation-errors';
import { fail, managesBooking, recordEvent, scheduleCheck } from './booking-common';
import { locationString } from './booking-input';
import { bookingOutput, displayEmail, readOutput } from './booking-output';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';

const BASE = '/v2/bookings/{bookingUid}';

function touch(b: SandboxBooking, ctx: RouteContext): void {
	b.updatedAt = ctx.now().toISOString();
}

/** The booking of an owner-only action, or the 404/403 answer. */
function owned(
	req: RouteRequest,
	ctx: RouteContext,
	notFound: string,
): SandboxBooking | RouteResult {
	const booking = bookingByUid(ctx.state, req.params.bookingUid);
	if (!booking) return fail(404, notFound, req);
	// [inferred] text: Cal.com refuses users who neither host nor administer the event type.
	if (!managesBooking(ctx.state, booking, req.user))
		return fail(403, `You are not allowed to change booking with uid=${booking.uid}`, req);
	return booking;
}

interface CancelBody {
	cancellationReason?: string;
	cancelSubsequentBookings?: boolean;
	seatUid?: string;
}

/**
 * The seated cancel body: CancelBookingInputPipe (packages/platform/types, bookings/2024-08-13/
 * inputs/cancel-booking-input.pipe.ts) takes a body with an own `seatUid` property as
 * CancelSeatedBookingInput_2024_08_13 and validates it with forbidNonWhitelisted; its message is
 * `${property} property is wrong,${constraints} ` per field. The newest DTO allows seatUid and
 * cancellationReason, the earlier one seatUid only (SandboxBuild.seatedCancelInput).
 */
function seatedCancelRefusal(
	body: CancelBody,
	build: RouteContext['build'],
): { message: string; contract: boolean } | undefined {
	const allowed =
		build.seatedCancelInput === 'seatOnly' ? ['seatUid'] : ['seatUid', 'cancellationReason'];
	const extra = Object.keys(body).filter((key) => !allowed.includes(key));
	if (extra.length === 0) return undefined;
	return {
		message: extra
			.map((key) => `${key} property is wrong,property ${key} should not exist `)
			.join(', '),
		// A reason is in the newest DTO: an earlier build refusing it is not a contract violation.
		contract: extra.some((key) => key !== 'cancellationReason'),
	};
}

/**
 * Cancelling one seat (bookings.service.ts cancelBooking: the seat must exist and belong to the
 * booking, else 400; packages/features/bookings/lib/handleSeats/cancel/cancelAttendeeSeat.ts:
 * with at least two attendees only that attendee and seat go, the booking stays, and
 * BOOKING_CANCELLED goes out with that attendee alone; with one attendee left the whole booking
 * is cancelled as usual). The answer is the booking as it now is (getBooking).
 */
function cancelSeat(
	req: RouteRequest,
	ctx: RouteContext,
	booking: SandboxBooking | undefined,
	body: CancelBody,
): RouteResult | undefined {
	const refusal = seatedCancelRefusal(body, ctx.build);
	if (refusal)
		return {
			...fail(400, refusal.message, req),
			...(refusal.contract ? { problems: [refusal.message] } : {}),
		};
	const holder = ctx.state.bookings.find((b) =>
		b.attendees.some((a) => a.seatUid !== undefined && a.seatUid === body.seatUid),
	);
	if (!holder)
		return fail(
			400,
			'Invalid seatUid: this seat does not exist or has already been cancelled.',
			req,
		);
	if (holder !== booking)
		return fail(400, 'Invalid seatUid: this seat does not belong to this booking.', req);
	if (holder.attendees.length < 2) return undefined;
	const seat = holder.attendees.find((a) => a.seatUid === body.seatUid) as SandboxAttendee;
	holder.attendees.splice(holder.attendees.indexOf(seat), 1);
	touch(holder, ctx);
	const reason = body.cancellationReason ?? null;
	recordEvent(
		ctx,
		'BOOKING_CANCELLED',
		{ ...holder, attendees: [seat], status: 'cancelled', cancellationReason: reason },
		{ cancellationReason: reason },
	);
	return { status: 200, body: success(readOutput(holder, ctx.state, req.user)) };
}

const cancel: RouteHandler['handle'] = (req, ctx) => {
	const uid = req.params.bookingUid;
	const body = (req.body ?? {}) as CancelBody;
	const { state } = ctx;
	if (Object.prototype.hasOwnProperty.call(body, 'seatUid')) {
		const seated = cancelSeat(req, ctx, bookingByUid(state, uid), body);
		if (seated) return seated;
	}
	const single = bookingByUid(state, uid);
	const series = single ? [] : recurringOccurrences(state, uid);
	if (!single && series.length === 0) return fail(404, `Booking with uid=${uid} not found`, req);
	if (series.length > 0 && body.cancelSubsequentBookings) {
		return fail(
			400,
			'Cannot cancel subsequent bookings for recurring event - you have to provide uid of one of the individual bookings of a recurring booking.',
			req,
		);
	}
	const first = single ?? series[0];
	if (first.status === 'cancelled') {
		return fail(
			400,
			`Can't cancel booking with uid=${uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
			req,
		);
	}
	let targets = single ? [single] : series;
	if (single && body.cancelSubsequentBookings && single.recurringBookingUid) {
		targets = recurringOccurrences(state, single.recurringBookingUid).filter(
			(b) => Date.parse(b.start) >= Date.parse(single.start),
		);
	}
	for (const b of targets.filter((t) => t.status !== 'cancelled')) {
		Object.assign(b, {
			status: 'cancelled',
			cancellationReason: body.cancellationReason ?? null,
			cancelledByEmail: req.user?.email ?? null,
		});
		touch(b, ctx);
		recordEvent(ctx, 'BOOKING_CANCELLED', b, {
			cancellationReason: body.cancellationReason ?? null,
		});
	}
	if (series.length > 0)
		return { status: 200, body: success(series.map((b) => bookingOutput(b, state))) };
	if (body.cancelSubsequentBookings) {
		// As Cal.com: the booking is cancelled first, then the answer fails for a non-recurring one.
		if (!single?.recurringBookingUid)
			return fail(400, `Booking with bookingUid=${uid} is not part of a recurring booking.`, req);
		const all = recurringOccurrences(state, single.recurringBookingUid);
		return { status: 200, body: success(all.map((b) => bookingOutput(b, state))) };
	}
	return { status: 200, body: success(readOutput(single as SandboxBooking, state, req.user)) };
};

function decide(confirmed: boolean): RouteHandler['handle'] {
	return (req, ctx) => {
		const found = owned(
			req,
			ctx,
			`Booking with uid=${req.params.bookingUid} was not found in the database`,
		);
		if (!('uid' in found)) return found;
		const booking = found;
		// [inferred] texts for bookings that are not waiting for a decision.
		if (booking.status === 'accepted') return fail(400, 'Booking already confirmed', req);
		if (booking.status !== 'pending') return fail(400, 'Booking already rejected', req);
		const reason = (req.body as { reason?: string } | undefined)?.reason;
		const targets = booking.recurringBookingUid
			? recurringOccurrences(ctx.state, booking.recurringBookingUid).filter(
					(b) => b.status === 'pending',
				)
			: [booking];
		for (const b of targets) {
			b.status = confirmed ? 'accepted' : 'rejected';
			if (!confirmed) b.rejectionReason = reason ?? null;
			touch(b, ctx);
			// Cal.com has no "confirmed" trigger: a confirmed booking is announced as created.
			recordEvent(
				ctx,
				confirmed ? 'BOOKING_CREATED' : 'BOOKING_REJECTED',
				b,
				confirmed ? undefined : { rejectionReason: reason ?? null },
			);
		}
		return { status: 200, body: success(bookingOutput(booking, ctx.state)) };
	};
}

const markAbsent: RouteHandler['handle'] = (req, ctx) => {
	const found = owned(req, ctx, `Booking with uid=${req.params.bookingUid} not found.`);
	if (!('uid' in found)) return found;
	const now = ctx.now();
	if (now.getTime() < Date.parse(found.start)) {
		const iso = (d: Date) => d.toISOString();
		return fail(
			400,
			`Bookings can only be marked as absent after their scheduled start time. Current time in UTC+0: ${iso(now)}, Booking start time in UTC+0: ${iso(new Date(found.start))}`,
			req,
		);
	}
	const body = (req.body ?? {}) as {
		host?: boolean;
		attendees?: Array<{ email: string; absent: boolean }>;
	};
	if (body.host !== undefined) found.absentHost = body.host;
	for (const mark of body.attendees ?? []) {
		const attendee = found.attendees.find(
			(a) => a.email.toLowerCase() === mark.email.toLowerCase(),
		);
		if (attendee) attendee.absent = mark.absent;
	}
	touch(found, ctx);
	recordEvent(ctx, 'BOOKING_NO_SHOW_UPDATED', found, {
		noShowHost: body.host,
		attendees: (body.attendees ?? []).map((a) => ({ email: a.email, noShow: a.absent })),
	});
	return { status: 200, body: success(bookingOutput(found, ctx.state)) };
};

function reassignTo(
	booking: SandboxBooking,
	user: SandboxUser,
	req: RouteRequest,
	ctx: RouteContext,
	reason?: string,
): RouteResult {
	const previousUserId = booking.userId;
	booking.userId = user.id;
	booking.hostIds = undefined;
	touch(booking, ctx);
	recordEvent(ctx, 'BOOKING_REASSIGNED', booking, {
		reassignedById: req.user?.id,
		reason: reason ?? null,
		previousUserId,
	});
	return {
		status: 200,
		body: success({
			bookingUid: booking.uid,
			reassignedTo: {
				id: user.id,
				name: user.name ?? 'unknown',
				email: user.email,
				displayEmail: displayEmail(user.email),
			},
		}),
	};
}

/** The booking of a reassignment and its round-robin event type, or the error answer. */
function reassignable(req: RouteRequest, ctx: RouteContext) {
	const booking = bookingByUid(ctx.state, req.params.bookingUid);
	if (!booking)
		return fail(
			404,
			`Booking with uid=${req.params.bookingUid} was not found in the database`,
			req,
		);
	const et = ctx.state.eventTypes.find((e) => e.id === booking.eventTypeId);
	if (!et)
		return fail(
			400,
			`Event type with id=${booking.eventTypeId} was not found in the database`,
			req,
		);
	if (!managesBooking(ctx.state, { ...booking, userId: -1, hostIds: undefined }, req.user)) {
		return fail(403, 'You do not have permission to reassign this booking', req);
	}
	// [inferred] text: only round-robin bookings have other hosts to move to.
	if (et.schedulingType !== 'roundRobin')
		return fail(
			400,
			`Booking with uid=${booking.uid} is not a round robin booking and can't be reassigned.`,
			req,
		);
	return { booking, et };
}

const reassign: RouteHandler['handle'] = (req, ctx) => {
	const found = reassignable(req, ctx);
	if ('status' in found) return found;
	const { booking, et } = found;
	const others = { ...et, hosts: (et.hosts ?? []).filter((h) => h.userId !== booking.userId) };
	const length = (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000;
	const check = scheduleCheck(
		ctx.state,
		others,
		Date.parse(booking.start),
		length,
		ctx.now().getTime(),
		{
			allowOutOfBounds: true,
			excludeUid: booking.uid,
		},
	);
	if ('status' in check || others.hosts.length === 0)
		return fail(
			400,
			"Can't reassign the booking because no other host is available at that time.",
			req,
		);
	return reassignTo(booking, check.hosts[0], req, ctx);
};

const reassignToUser: RouteHandler['handle'] = (req, ctx) => {
	const found = reassignable(req, ctx);
	if ('status' in found) return found;
	const userId = Number(req.params.userId);
	const user = userById(ctx.state, userId);
	if (!user)
		return fail(404, `User with id=${req.params.userId} was not found in the database`, req);
	if (!(found.et.hosts ?? []).some((h) => h.userId === userId)) {
		return fail(
			400,
			`User with id=${userId} is not a valid Round Robin host - the user to which you reassign this booking must be one of the booking hosts. Fetch the booking using following endpoint and select id of one of the hosts: https://cal.com/docs/api-reference/v2/bookings/get-a-booking`,
			req,
		);
	}
	return reassignTo(
		found.booking,
		user,
		req,
		ctx,
		(req.body as { reason?: string } | undefined)?.reason,
	);
};

const addGuests: RouteHandler['handle'] = (req, ctx) => {
	const guests = (
		req.body as {
			guests: Array<{
				email: string;
				name?: string;
				timeZone?: string;
				phoneNumber?: string;
				language?: string;
			}>;
		}
	).guests;
	const refused = addGuestsFailures(req.body);
	// The DTO has only `guests`: the whitelist stripped anything else from the target.
	if (refused.length > 0) return globalPipeAnswer(req.url, { guests }, refused);
	const found = owned(req, ctx, `Booking with uid ${req.params.bookingUid} not found`);
	if (!('uid' in found)) return found;
	// [inferred] text for the per-booking limit.
	if (found.guests.length + guests.length > 30)
		return fail(
			400,
			`A booking can have at most 30 guests; booking with uid=${found.uid} has ${found.guests.length}.`,
			req,
		);
	const main = found.attendees[0];
	for (const g of guests) {
		if (found.attendees.some((a) => a.email.toLowerCase() === g.email.toLowerCase())) continue;
		found.guests.push(g.email);
		found.attendees.push({
			name: g.name ?? '',
			email: g.email,
			timeZone: g.timeZone ?? main?.timeZone ?? 'UTC',
			language: g.language ?? 'en',
			absent: false,
			...(g.phoneNumber ? { phoneNumber: g.phoneNumber } : {}),
		});
	}
	touch(found, ctx);
	return { status: 200, body: success(bookingOutput(found, ctx.state)) };
};

const updateLocation: RouteHandler['handle'] = (req, ctx) => {
	const found = owned(req, ctx, `Booking with uid=${req.params.bookingUid} not found`);
	if (!('uid' in found)) return found;
	const location = (req.body as { location?: SandboxLocation } | undefined)?.location;
	const et = ctx.state.eventTypes.find((e) => e.id === found.eventTypeId);
	const previousLocation = found.location;
	if (location && et) found.location = locationString(et, location);
	touch(found, ctx);
	recordEvent(ctx, 'BOOKING_LOCATION_UPDATED', found, { previousLocation });
	return { status: 200, body: success(bookingOutput(found, ctx.state)) };
};

export const bookingActionRoutes: RouteHandler[] = [
	{ method: 'POST', template: `${BASE}/cancel`, validation: 'pipe', handle: cancel },
	{ method: 'POST', template: `${BASE}/confirm`, validation: 'generic', handle: decide(true) },
	{ method: 'POST', template: `${BASE}/decline`, validation: 'generic', handle: decide(false) },
	{ method: 'POST', template: `${BASE}/mark-absent`, validation: 'generic', handle: markAbsent },
	{ method: 'POST', template: `${BASE}/reassign`, validation: 'generic', handle: reassign },
	{
		method: 'POST',
		template: `${BASE}/reassign/{userId}`,
		validation: 'generic',
		handle: reassignToUser,
	},
	// Follows apps/api/v2/src/ee/bookings/2024-08-13/controllers/booking-guests.controller.ts (@Throttle).
	{
		method: 'POST',
		template: `${BASE}/guests`,
		validation: 'generic',
		throttle: { name: 'booking_guests_add', limit: 5, ttl: 60_000, blockDuration: 60_000 },
		handle: addGuests,
	},
	{ method: 'PATCH', template: `${BASE}/location`, validation: 'generic', handle: updateLocation },
];
