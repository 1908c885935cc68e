import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, readUid } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeBookings } from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Seat UID',
		name: 'seatUid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3be561a9-31f1-4b8e-aefc-9d9a085f0dd1',
		description:
			'The seat’s UID (the "seatUid" a seated booking gives each attendee). Returns the booking that seat belongs to.',
	},
	outputField,
	optionsCollection(),
];

/**
 * A seated booking found by one of its seats. Without the right to see every attendee (the event
 * type's owner or an admin, or "show attendees" on) Cal.com shows only that seat's attendee.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const seatUid = readUid(
		this.getNodeParameter('seatUid', itemIndex, ''),
		'Seat UID',
		'a seat UID',
		'3be561a9-31f1-4b8e-aefc-9d9a085f0dd1',
	);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/bookings/by-seat/${seatUid}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `No booking has the seat ${seatUid}. Check the Seat UID (the "seatUid" of a seated booking's attendee).`,
	});
	return shapeBookings(data);
}
