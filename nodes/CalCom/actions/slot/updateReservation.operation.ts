import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import {
	readReservationUid,
	reservationBody,
	reservationBodyFields,
	reservationOptions,
	reservationUidField,
	simplifyReservation,
} from './reservation.shared';
import { moveByReservingAnew } from './reservationMove';
import type { MovedReservation } from './reservationMove';

export const description: INodeProperties[] = [
	reservationUidField,
	eventTypeIdLocator,
	...reservationBodyFields,
	outputField,
	optionsCollection(...reservationOptions),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const uid = readReservationUid(this, itemIndex);
	const eventTypeId = toPositiveInt(
		this.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
		'Event Type',
		'an event type ID',
	);
	const body = reservationBody(this, itemIndex, eventTypeId);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	let moved: MovedReservation;
	try {
		const data = (await calComRequest.call(this, {
			method: 'PATCH',
			path: apiPath`/v2/slots/reservations/${uid}`,
			body,
			timeoutMs,
			notFoundMessage: `Reservation ${uid} was not found`,
		})) as IDataObject;
		moved = { data };
	} catch (error) {
		// Cal.com counts the hold itself when checking the new time: extending it, or shifting it onto
		// time it overlaps, needs a new hold. Other errors pass through.
		moved = await moveByReservingAnew(this, { uid, body, timeoutMs, itemIndex }, error);
	}
	if (this.getNodeParameter('output', itemIndex) === 'raw') return [moved.data];
	const out: IDataObject = { ...simplifyReservation(moved.data), reservationUidChanged: moved.previousReservationUid !== undefined };
	if (moved.previousReservationUid !== undefined) out.previousReservationUid = moved.previousReservationUid;
	return [out];
}
