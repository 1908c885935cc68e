import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, readUid } from '../../helpers/parameters';
import { apiPath, calComRequest, isCalComRefusal } from '../../transport';
import type { CalComRequestOptions } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingNotFound, bookingUidField, readBookingUid, shapeBookings } from './shared';

export const description: INodeProperties[] = [
	bookingUidField,
	{
		displayName: 'Reason',
		name: 'cancellationReason',
		type: 'string',
		default: '',
		placeholder: 'e.g. The customer asked to cancel',
		description:
			"Why the booking is cancelled; shown to the attendees. With a Seat UID it goes with that seat's cancellation; a Cal.com server that does not take a reason with a seat (older builds) cancels the seat without it, and the run shows a hint saying so.",
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

/** An older Cal.com's CancelSeatedBookingInput takes seatUid alone and refuses a reason beside it. */
const REASON_REFUSED = /cancellationReason property is wrong/;

function refusesReasonWithSeat(error: unknown): boolean {
	return isCalComRefusal(error, [400], REASON_REFUSED);
}

interface SeatCancel {
	request: Omit<CalComRequestOptions, 'body'>;
	seatUid: string;
	reason: string;
}

/**
 * After Cal.com refused the reason beside a seat, cancels the seat without it and says so in a
 * hint. Cal.com validates the body before it cancels anything, so sending it again is safe. Any
 * other error passes through unchanged.
 */
async function cancelSeatWithoutReason(
	this: IExecuteFunctions,
	error: unknown,
	{ request, seatUid, reason }: SeatCancel,
): Promise<unknown> {
	if (!(seatUid && reason && refusesReasonWithSeat(error))) throw error;
	const data = await calComRequest.call(this, { ...request, body: { seatUid } });
	this.addExecutionHints({
		message: `This Cal.com server does not take a reason when cancelling a seat: seat ${seatUid} was cancelled without the Reason.`,
		type: 'warning',
		location: 'outputPane',
	});
	return data;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const reason = String(this.getNodeParameter('cancellationReason', itemIndex, '') ?? '').trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	// A seat UID that is not text must not fall through to cancelling the whole booking.
	const seatUid =
		options.seatUid === undefined || options.seatUid === ''
			? ''
			: readUid(options.seatUid, 'Seat UID', 'a seat UID', 'a2f3c4d5-…');
	if (reason) body.cancellationReason = reason;
	// Cal.com reads a body with seatUid as a seat cancel (CancelSeatedBookingInput_2024_08_13),
	// which allows no cancelSubsequentBookings.
	if (seatUid) body.seatUid = seatUid;
	else if (options.cancelSubsequentBookings === true) body.cancelSubsequentBookings = true;
	const request = {
		method: 'POST' as const,
		path: apiPath`/v2/bookings/${uid}/cancel`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	};
	let data: unknown;
	try {
		data = await calComRequest.call(this, { ...request, body });
	} catch (error) {
		data = await cancelSeatWithoutReason.call(this, error, { request, seatUid, reason });
	}
	return shapeBookings(data);
}
