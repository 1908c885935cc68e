import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, readTimeZone } from '../../helpers/parameters';
import { parseDateTime } from '../../helpers/time';
import { apiPath, calComRequest } from '../../transport';
import {
	optionsCollection,
	outputField,
	timeParameter,
	timeZoneField,
} from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingNotFound, bookingUidField, readBookingUid, shapeBookings } from './shared';
import { rethrowSlotTaken } from './freeSlots';

export const description: INodeProperties[] = [
	bookingUidField,
	timeParameter({
		displayName: 'New Start',
		name: 'start',
		purpose: 'The new start, a free slot from Slot → Get Available',
		readIn: 'node',
		required: true,
	}),
	timeZoneField,
	outputField,
	optionsCollection(
		{
			displayName: 'Reason',
			name: 'reschedulingReason',
			type: 'string',
			default: '',
			description: 'Why the booking moves; shown to the attendees',
		},
		{
			displayName: 'Rescheduled By (Email)',
			name: 'rescheduledBy',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			description:
				"Email of who moves it. The organizer's email confirms a booking that needs confirmation at once.",
		},
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const timeZone = readTimeZone(this, itemIndex);
	const start = parseDateTime(
		this.getNodeParameter('start', itemIndex, ''),
		'New Start',
		timeZone,
		{ exact: true },
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { start: start.toISOString() };
	for (const key of ['reschedulingReason', 'rescheduledBy']) {
		const value = typeof options[key] === 'string' ? (options[key] as string).trim() : '';
		if (value) body[key] = value;
	}
	try {
		const data = await calComRequest.call(this, {
			method: 'POST',
			path: apiPath`/v2/bookings/${uid}/reschedule`,
			body,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: bookingNotFound(uid),
		});
		// Cal.com answers the NEW booking (new uid, rescheduledFromUid points back).
		return shapeBookings(data);
	} catch (error) {
		return await rethrowSlotTaken.call(this, error, {
			bookingUid: uid,
			start,
			timeZone,
			itemIndex,
			timeoutMs: readTimeoutMs(this, itemIndex),
		});
	}
}
