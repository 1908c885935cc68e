import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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
		displayName: 'Host Absent',
		name: 'hostAbsent',
		type: 'boolean',
		default: false,
		description: 'Whether the host did not show up',
	},
	{
		displayName: 'Absent Attendee Emails',
		name: 'absentAttendees',
		type: 'string',
		default: '',
		placeholder: 'e.g. ana@example.com, bo@example.com',
		description: 'Comma-separated emails of the attendees who did not show up',
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const host = this.getNodeParameter('hostAbsent', itemIndex, false) === true;
	const emails = parseEmailList(
		this.getNodeParameter('absentAttendees', itemIndex, ''),
		'Absent Attendee Emails',
	);
	if (!host && emails.length === 0) {
		throw new ParameterError(
			'Absent Attendee Emails',
			'name at least one absent attendee, or switch on Host Absent.',
		);
	}
	const body: IDataObject = {};
	if (host) body.host = true;
	if (emails.length) body.attendees = emails.map((email) => ({ email, absent: true }));
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: apiPath`/v2/bookings/${uid}/mark-absent`,
		body,
		// Marking absent twice sets the same flags: safe to repeat.
		retry: 'safe',
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	});
	return shapeBookings(data);
}
