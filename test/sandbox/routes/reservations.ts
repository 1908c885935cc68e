/**
 * Slot reservations (cal-api-version 2024-09-04), as Cal.com's 2024-09-04 slots service
 * handles them (read for behaviour; API-NOTES §3.3):
 *
 *   POST   /v2/slots/reservations        201 {eventTypeId, slotStart, slotEnd, slotDuration, reservationUid, reservationDuration, reservationUntil}
 *   GET    /v2/slots/reservations/{uid}  200 the reservation without reservationDuration, or data: null
 *   PATCH  /v2/slots/reservations/{uid}  200 same body and answer as POST
 *   DELETE /v2/slots/reservations/{uid}  200 {status: "success"}
 *
 * - reservationDuration defaults to 5 minutes. On POST, anonymous callers may not set it (401); an
 *   authenticated caller must own the event type, share a team with its owner, or belong to its
 *   team (403 otherwise). PATCH checks neither (updateReservedSlot has no such step).
 * - slotDuration only for event types with several lengths, and only one of them (400). Without
 *   it the event type's default length applies, on PATCH as well: a 60-minute hold on a 30/60
 *   event type moved without slotDuration becomes 30 minutes.
 * - Overlapping an active booking of the event type or a live reservation → 422. On PATCH the
 *   reservation being moved counts too: updateReservedSlot runs the same overlap query as
 *   reserveSlot (slots.repository.ts getOverlappingSlotReservation, live = releaseAt after now)
 *   without leaving out its own row, so moving or extending a live hold onto time that overlaps
 *   itself answers 422 "This time slot is already reserved by another user. …".
 * - DELETE of a uid that does not exist answers 200 {status: "success"} (deleteSlot is a
 *   deleteMany, whose count nobody reads).
 * - Whatever the reservation's creator, anyone may PATCH or DELETE it by uid (no guard).
 * - A live reservation (until reservationUntil on the calendar clock) takes its time out of
 *   GET /v2/slots and makes POST /v2/bookings at that time a conflict — for everyone, the
 *   reserver included: whether Cal.com lets the reserver's own v2 booking through is unverified,
 *   so the sandbox takes the strict reading (delete the reservation, then book).
 */
import { overlapsAny, reservedIntervals } from '../availability';
import { errorEnvelope, success } from '../envelope';
import { newReservationUid } from '../ids';
import { eventTypeById } from '../state';
import type { SandboxEventType, SandboxReservation, SandboxState, SandboxUser } from '../types';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';

const MINUTE = 60_000;
const DEFAULT_RESERVATION_MINUTES = 5;

interface ReserveBody {
	eventTypeId: number;
	slotStart: string;
	slotDuration?: number;
	reservationDuration?: number;
}

function fail(status: number, message: string, req: RouteRequest): RouteResult {
	return { status, body: errorEnvelope(status, message, req.url) };
}

function mayChooseDuration(state: SandboxState, user: SandboxUser, et: SandboxEventType): boolean {
	const teamsOf = (userId: number) =>
		new Set(
			state.teams
				.filter((t) => t.members.some((m) => m.userId === userId && m.accepted))
				.map((t) => t.id),
		);
	if (et.teamId !== null) return teamsOf(user.id).has(et.teamId);
	if (et.ownerId === user.id) return true;
	const mine = teamsOf(user.id);
	return [...teamsOf(et.ownerId as number)].some((id) => mine.has(id));
}

function output(r: SandboxReservation, withDuration: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {
		eventTypeId: r.eventTypeId,
		slotStart: r.slotStart,
		slotEnd: r.slotEnd,
		slotDuration: r.slotDuration,
		reservationUid: r.uid,
		reservationUntil: r.reservationUntil,
	};
	if (withDuration) out.reservationDuration = r.reservationDuration;
	return out;
}

/**
 * Checks shared by POST and PATCH (`updating`); the reservation's fields, or the error answer.
 * Follows apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts (reserveSlot,
 * updateReservedSlot, checkSlotOverlap).
 */
function reservationFields(
	req: RouteRequest,
	ctx: RouteContext,
	updating = false,
): Omit<SandboxReservation, 'uid' | 'userId'> | RouteResult {
	const body = req.body as ReserveBody;
	if (!updating && body.reservationDuration !== undefined && !req.user) {
		return fail(
			401,
			'reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials',
			req,
		);
	}
	const et = eventTypeById(ctx.state, body.eventTypeId);
	if (!et) return fail(404, `Event Type with ID=${body.eventTypeId} not found`, req);
	if (
		!updating &&
		body.reservationDuration !== undefined &&
		req.user &&
		!mayChooseDuration(ctx.state, req.user, et)
	) {
		return fail(
			403,
			"authenticated user is not owner of event type, does not have memberships in common with owner of the event type, nor does belong to event type's team or org.",
			req,
		);
	}
	const start = Date.parse(body.slotStart);
	if (Number.isNaN(start)) return fail(400, 'Invalid start date', req);
	if (body.slotDuration !== undefined) {
		if (!et.lengthInMinutesOptions)
			return fail(
				400,
				"You passed 'slotDuration' but this event type is not a variable length event type.",
				req,
			);
		if (!et.lengthInMinutesOptions.includes(body.slotDuration)) {
			return fail(
				400,
				`Provided 'slotDuration' is not one of the possible lengths for the event type. The possible lengths for this variable length event type are: ${et.lengthInMinutesOptions.join(', ')}`,
				req,
			);
		}
	}
	// Follows slots.service.ts reserveSlot and updateReservedSlot alike: without slotDuration the slot
	// takes the event type's default length, on PATCH too — whatever length the hold had before.
	const slotDuration = body.slotDuration ?? et.lengthInMinutes;
	const end = start + slotDuration * MINUTE;
	const booked = ctx.state.bookings.some(
		(b) =>
			b.eventTypeId === et.id &&
			(b.status === 'accepted' || b.status === 'pending') &&
			Date.parse(b.start) < end &&
			Date.parse(b.end) > start,
	);
	if (booked) return fail(422, "Can't reserve a slot if the event is already booked.", req);
	const now = ctx.now().getTime();
	// Every live reservation of the event type, on PATCH the one being updated included.
	if (overlapsAny(reservedIntervals(ctx.state, et.id, now), start, end)) {
		return fail(
			422,
			'This time slot is already reserved by another user. Please choose a different time.',
			req,
		);
	}
	const reservationDuration = body.reservationDuration ?? DEFAULT_RESERVATION_MINUTES;
	return {
		eventTypeId: et.id,
		slotStart: new Date(start).toISOString(),
		slotEnd: new Date(end).toISOString(),
		slotDuration,
		reservationDuration,
		reservationUntil: new Date(now + reservationDuration * MINUTE).toISOString(),
	};
}

const reserve: RouteHandler['handle'] = (req, ctx) => {
	const fields = reservationFields(req, ctx);
	if ('status' in fields) return fields;
	const reservation: SandboxReservation = {
		uid: newReservationUid(),
		userId: req.user?.id ?? null,
		...fields,
	};
	ctx.state.reservations.push(reservation);
	return { status: 201, body: success(output(reservation, true)) };
};

const getReservation: RouteHandler['handle'] = (req, { state }) => {
	const reservation = state.reservations.find((r) => r.uid === req.params.uid);
	return { status: 200, body: success(reservation ? output(reservation, false) : null) };
};

const updateReservation: RouteHandler['handle'] = (req, ctx) => {
	const reservation = ctx.state.reservations.find((r) => r.uid === req.params.uid);
	if (!reservation) return fail(404, `Slot with uid=${req.params.uid} not found`, req);
	const fields = reservationFields(req, ctx, true);
	if ('status' in fields) return fields;
	Object.assign(reservation, fields);
	return { status: 200, body: success(output(reservation, true)) };
};

const deleteReservation: RouteHandler['handle'] = (req, { state }) => {
	// Follows slots.repository.ts deleteSlot (a deleteMany by uid) and the controller, which
	// answers success whether or not a row was deleted.
	const index = state.reservations.findIndex((r) => r.uid === req.params.uid);
	if (index >= 0) state.reservations.splice(index, 1);
	return { status: 200, body: { status: 'success' } };
};

const RESERVATIONS = '/v2/slots/reservations';

export const reservationsRoutes: RouteHandler[] = [
	{ method: 'POST', template: RESERVATIONS, validation: 'generic', handle: reserve },
	{
		method: 'GET',
		template: `${RESERVATIONS}/{uid}`,
		validation: 'generic',
		handle: getReservation,
	},
	{
		method: 'PATCH',
		template: `${RESERVATIONS}/{uid}`,
		validation: 'generic',
		handle: updateReservation,
	},
	{
		method: 'DELETE',
		template: `${RESERVATIONS}/{uid}`,
		validation: 'generic',
		handle: deleteReservation,
	},
];
