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
	const data = (await calComRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/v2/slots/reservations/${uid}`,
		body: reservationBody(this, itemIndex, eventTypeId),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Reservation ${uid} was not found`,
	})) as IDataObject;
	return [this.getNodeParameter('output', itemIndex) === 'raw' ? data : simplifyReservation(data)];
}
