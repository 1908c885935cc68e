import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingNotFound, bookingUidField, readBookingUid, shapeBookings } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [bookingUidField, outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/bookings/${uid}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	});
	// A recurring series' UID answers every occurrence: one item each.
	return shapeBookings(data);
}
