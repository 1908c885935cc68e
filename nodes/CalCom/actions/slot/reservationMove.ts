// Moving a slot hold where Cal.com's PATCH cannot: updateReservedSlot checks the new time against
// every live reservation of the event type, the one being moved included, so extending a hold or
// shifting it onto time it overlaps answers 422 "This time slot is already reserved by another
// user…". The node then releases the hold and reserves the new time anew (a new reservation UID);
// when that fails it takes the old time again, so a failed move never silently loses the hold.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath, calComRequest, isCalComRefusal } from '../../transport';

const MINUTE_MS = 60_000;
const HELD = /already reserved by another user/i;
const NOT_VARIABLE = /not a variable length event type/i;

export interface MoveRequest {
	uid: string;
	/** The body PATCH was given: eventTypeId, slotStart and the options. */
	body: IDataObject;
	timeoutMs: number;
	itemIndex: number;
	/** Set when Cal.com has already refused slotDuration for the hold's event type (it has one length). */
	oneLength?: boolean;
}

export interface MovedReservation {
	/** Cal.com's answer for the reservation that now holds the new time. */
	data: IDataObject;
	/** Set when the hold had to be made anew: the UID the caller gave, now released. */
	previousReservationUid?: string;
}

/** Cal.com's 422 for a time a live reservation (maybe the caller's own) already holds. */
function isHeldByReservationError(error: unknown): boolean {
	return isCalComRefusal(error, [422], HELD);
}

function messageOf(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
}

/** Whether the new time would touch the hold's own [slotStart, slotEnd). */
function overlapsOwnHold(hold: IDataObject, body: IDataObject): boolean {
	const start = Date.parse(String(body.slotStart));
	const holdStart = Date.parse(String(hold.slotStart));
	const holdEnd = Date.parse(String(hold.slotEnd));
	// Without slotDuration (an event type with one length, or another event type than the hold's)
	// Cal.com takes the event type's length, which the node does not know; the hold's own length
	// stands in for it (the same on the hold's own one-length event type).
	const minutes = Number(body.slotDuration ?? hold.slotDuration);
	return start < holdEnd && start + minutes * MINUTE_MS > holdStart;
}

async function reserveAnew(
	ctx: IExecuteFunctions,
	body: IDataObject,
	timeoutMs: number,
): Promise<IDataObject> {
	return (await calComRequest.call(ctx, {
		method: 'POST',
		path: '/v2/slots/reservations',
		body,
		// Each POST makes a new hold: a blind repeat could hold the slot twice.
		retry: 'never',
		timeoutMs,
	})) as IDataObject;
}

/**
 * The old time held again after a failed move. Slot Duration keeps the old end on event types
 * with several lengths; Cal.com refuses it (400, nothing held) on the others, which then get
 * their one length back without it (at once when the PATCH already met that refusal).
 */
async function reserveOldTimeAgain(
	ctx: IExecuteFunctions,
	hold: IDataObject,
	request: MoveRequest,
): Promise<IDataObject> {
	const body: IDataObject = { eventTypeId: hold.eventTypeId, slotStart: hold.slotStart };
	if (request.body.reservationDuration !== undefined)
		body.reservationDuration = request.body.reservationDuration;
	if (request.oneLength) return await reserveAnew(ctx, body, request.timeoutMs);
	body.slotDuration = hold.slotDuration;
	try {
		return await reserveAnew(ctx, body, request.timeoutMs);
	} catch (error) {
		rethrowUnlessOneLength(error);
	}
	delete body.slotDuration;
	return await reserveAnew(ctx, body, request.timeoutMs);
}

function rethrowUnlessOneLength(error: unknown): void {
	if (!isOneLengthError(error)) throw error;
}

/** Cal.com's 400 for slotDuration on an event type with one length; validation refused it, nothing changed. */
export function isOneLengthError(error: unknown): boolean {
	return isCalComRefusal(error, [400], NOT_VARIABLE);
}

/** The hold as Cal.com stores it now (slotStart, slotEnd, slotDuration…), or null for an unknown UID. */
export async function readHold(
	ctx: IExecuteFunctions,
	uid: string,
	timeoutMs: number,
): Promise<IDataObject | null> {
	return (await calComRequest.call(ctx, {
		method: 'GET',
		path: apiPath`/v2/slots/reservations/${uid}`,
		timeoutMs,
	})) as IDataObject | null;
}

/**
 * After PATCH failed: any error but "already reserved" passes through. When the new time overlaps the caller's own hold,
 * release it and reserve the new time anew; otherwise someone else holds it and `refusal` (the
 * PATCH error) stands, the hold unchanged. `known` is the hold as read before the PATCH, if it was
 * (undefined: read it now); `request.body` is the body that PATCH last sent.
 */
export async function moveByReservingAnew(
	ctx: IExecuteFunctions,
	request: MoveRequest,
	refusal: unknown,
	known?: IDataObject | null,
): Promise<MovedReservation> {
	if (!isHeldByReservationError(refusal)) throw refusal;
	const { uid, body, timeoutMs, itemIndex } = request;
	const path = apiPath`/v2/slots/reservations/${uid}`;
	const hold = known === undefined ? await readHold(ctx, uid, timeoutMs) : known;
	if (!hold || !overlapsOwnHold(hold, body)) throw refusal;

	const fail = (message: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex });
	const target = `${String(body.slotStart)}`;
	try {
		await calComRequest.call(ctx, { method: 'DELETE', path, timeoutMs });
	} catch (error) {
		throw fail(
			`Could not move reservation ${uid} to ${target}: Cal.com cannot move a hold onto time it overlaps, and releasing it to reserve anew failed (${messageOf(error)}). Check with Slot → Get Reservation whether ${uid} still holds ${String(hold.slotStart)}.`,
		);
	}
	try {
		return { data: await reserveAnew(ctx, body, timeoutMs), previousReservationUid: uid };
	} catch (error) {
		const why = `Could not move reservation ${uid} to ${target} (${messageOf(error)})`;
		let restored: IDataObject;
		try {
			restored = await reserveOldTimeAgain(ctx, hold, request);
		} catch (restoreError) {
			throw fail(
				`${why}. To move it the node had released it (Cal.com cannot move a hold onto time it overlaps), and the old time ${String(hold.slotStart)} could not be held again (${messageOf(restoreError)}): nothing is held now.`,
			);
		}
		throw fail(
			`${why}. The old time ${String(hold.slotStart)} is held again, under the new reservation UID ${String(restored.reservationUid)} until ${String(restored.reservationUntil)}: use that UID from now on (Cal.com cannot move a hold onto time it overlaps, so the node had released ${uid} to reserve anew).`,
		);
	}
}
