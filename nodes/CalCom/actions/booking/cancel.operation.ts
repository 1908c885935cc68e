import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, readUid } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { bookingUidField, notFound, readBookingUid, shapeBookings } from './booking.shared';

export const description: INodeProperties[] = [
	bookingUidField,
	{
		displayName: 'Reason',
		name: 'cancellationReason',
		type: 'string',
		default: '',
		placeholder: 'e.g. The customer asked to cancel',
		description: 'Why the booking is cancelled; shown to the attendees',
	},
	outputField,
	optionsCollection(
		{
			displayName: 'Cancel Subsequent Bookings',
			name: 'cancelSubsequentBookings',
			type: 'boolean',
			default: false,
			description: 'Whether to also cancel the later occurrences of a recurring booking',
		},
		{
			displayName: 'Seat UID',
			name: 'seatUid',
			type: 'string',
			default: '',
			description: "For seated event types: cancel only this attendee's seat",
		},
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const uid = readBookingUid(this, itemIndex);
	const reason = String(this.getNodeParameter('cancellationReason', itemIndex, '') ?? '').trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	// A seat UID that is not text must not fall through to cancelling the whole booking.
	const seatUid = options.seatUid === undefined || options.seatUid === '' ? '' : readUid(options.seatUid, 'Seat UID', 'a seat UID', 'a2f3c4d5-…');
	if (reason) body.cancellationReason = reason;
	if (seatUid) body.seatUid = seatUid;
	else if (options.cancelSubsequentBookings === true) body.cancelSubsequentBookings = true;
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: apiPath`/v2/bookings/${uid}/cancel`,
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: notFound(uid),
	});
	return shapeBookings(this, itemIndex, data);
}
