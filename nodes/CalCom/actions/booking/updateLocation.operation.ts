import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingNotFound, bookingUidField, readBookingUid, shapeBookings } from './shared';
import { buildLocation, locationFields } from './location';

export const description: INodeProperties[] = [
	bookingUidField,
	...locationFields('update'),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const location = buildLocation(
		this.getNodeParameter('locationType', itemIndex),
		this.getNodeParameter('locationValue', itemIndex, ''),
		'update',
	);
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/v2/bookings/${uid}/location`,
		body: { location },
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	});
	// Cal.com does not move the calendar event itself (a limitation it documents).
	return shapeBookings(data);
}
