import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingNotFound, bookingUidField, readBookingUid, shapeBookings } from './shared';
import { parseEmailList } from './emails';

export const description: INodeProperties[] = [
	bookingUidField,
	{
		displayName: 'Guest Emails',
		name: 'guestEmails',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ana@example.com, bo@example.com',
		description:
			'Comma-separated emails of the guests to add (at most 10 at once, 30 per booking). Cal.com emails each guest.',
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const emails = parseEmailList(
		this.getNodeParameter('guestEmails', itemIndex, ''),
		'Guest Emails',
	);
	if (emails.length === 0)
		throw new ParameterError('Guest Emails', 'give at least one email address.');
	if (emails.length > 10) {
		throw new ParameterError(
			'Guest Emails',
			`Cal.com adds at most 10 guests per request; ${emails.length} were given.`,
		);
	}
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: apiPath`/v2/bookings/${uid}/guests`,
		body: { guests: emails.map((email) => ({ email })) },
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	});
	return shapeBookings(data);
}
