import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	readReservationUid,
	reservationBody,
	reservationBodyFields,
	reservationOptions,
	reservationUidField,
	simplifyReservation,
} from './shared';
import { isOneLengthError, moveByReservingAnew, readHold } from './reservationMove';
import type { MovedReservation, MoveRequest } from './reservationMove';

export const description: INodeProperties[] = [
	reservationUidField,
	eventTypeIdLocator,
	...reservationBodyFields,
	outputField,
	optionsCollection(...reservationOptions),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readReservationUid(this, itemIndex);
	const eventTypeId = toPositiveInt(
		this.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
		'Event Type',
		'an event type ID',
	);
	const body = reservationBody(this, itemIndex, eventTypeId);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const moved = await updateKeepingLength(this, { uid, body, timeoutMs, itemIndex });
	// Simplified also tells whether the hold was made anew under another UID.
	const simplify = (data: IDataObject): IDataObject => {
		const out: IDataObject = {
			...simplifyReservation(data),
			reservationUidChanged: moved.previousReservationUid !== undefined,
		};
		if (moved.previousReservationUid !== undefined)
			out.previousReservationUid = moved.previousReservationUid;
		return out;
	};
	return { data: [moved.data], simplify };
}

async function patch(
	ctx: IExecuteFunctions,
	{ uid, timeoutMs }: MoveRequest,
	body: IDataObject,
): Promise<IDataObject> {
	return (await calComRequest.call(ctx, {
		method: 'PATCH',
		path: apiPath`/v2/slots/reservations/${uid}`,
		body,
		timeoutMs,
		notFoundMessage: `Reservation ${uid} was not found`,
	})) as IDataObject;
}

/** The hold's length in minutes, when the update stays on the hold's event type. */
function heldLength(hold: IDataObject | null, body: IDataObject): number | undefined {
	const minutes = hold?.slotDuration;
	if (hold?.eventTypeId !== body.eventTypeId || typeof minutes !== 'number') return undefined;
	return Number.isInteger(minutes) && minutes > 0 ? minutes : undefined;
}

/**
 * PATCH without slotDuration gives the hold the event type's default length (Cal.com's
 * updateReservedSlot), so a 60-minute hold on a 30/60 event type would shrink to 30 minutes when
 * the user only meant to shift it. Without Slot Duration the node reads the hold and sends its
 * length; an event type with one length refuses any slotDuration (400, nothing changed) and is
 * asked again without, its one length being what the hold gets. When Cal.com counts the hold
 * itself against the new time (extending it, or shifting it onto time it overlaps), the node
 * reserves anew; other errors pass through.
 */
async function updateKeepingLength(
	ctx: IExecuteFunctions,
	request: MoveRequest,
): Promise<MovedReservation> {
	const hold =
		request.body.slotDuration === undefined
			? await readHold(ctx, request.uid, request.timeoutMs)
			: undefined;
	const minutes = hold === undefined ? undefined : heldLength(hold, request.body);
	let oneLength = false;
	if (minutes !== undefined) {
		const body: IDataObject = { ...request.body, slotDuration: minutes };
		try {
			return { data: await patch(ctx, request, body) };
		} catch (error) {
			if (!isOneLengthError(error))
				return await moveByReservingAnew(ctx, { ...request, body }, error, hold);
			oneLength = true;
		}
	}
	try {
		return { data: await patch(ctx, request, request.body) };
	} catch (error) {
		return await moveByReservingAnew(ctx, { ...request, oneLength }, error, hold);
	}
}
