import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyAttendee } from './records';
import { bookingUidField, readBookingUid } from './shared';
import { asRecord } from '../../helpers/json';

export const description: INodeProperties[] = [
	bookingUidField,
	{
		displayName: 'Attendee ID',
		name: 'attendeeId',
		type: 'number',
		default: 0,
		required: true,
		placeholder: 'e.g. 251',
		description:
			'The numeric ID of the attendee in this booking (Booking → Get Attendees gives each attendee’s ID)',
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const id = toPositiveInt(
		this.getNodeParameter('attendeeId', itemIndex, ''),
		'Attendee ID',
		'an attendee ID',
	);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/bookings/${uid}/attendees/${id}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Attendee ${id} was not found in booking ${uid}. Booking → Get Attendees lists its attendees with their IDs.`,
	});
	return { data: [asRecord(data)], simplify: simplifyAttendee };
}
