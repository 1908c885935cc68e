import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isRecord } from '../../helpers/json';
import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { bookingNotFound, bookingUidField, readBookingUid } from './shared';

export const description: INodeProperties[] = [
	bookingUidField,
	{
		displayName: 'Reassign To',
		name: 'reassignMode',
		type: 'options',
		default: 'automatic',
		description: 'Who becomes the new host of the booking',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'Cal.com picks another available host (round-robin event types)',
			},
			{ name: 'A Specific User', value: 'user', description: 'Give the user ID of the new host' },
		],
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ID of the Cal.com user who becomes the host',
		displayOptions: { show: { reassignMode: ['user'] } },
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why the booking is reassigned',
		displayOptions: { show: { reassignMode: ['user'] } },
	},
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const uid = readBookingUid(this, itemIndex);
	const common = {
		method: 'POST' as const,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	};
	let data: unknown;
	if (this.getNodeParameter('reassignMode', itemIndex) === 'user') {
		const userId = toPositiveInt(
			this.getNodeParameter('userId', itemIndex, 0),
			'User ID',
			'a user ID',
		);
		const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
		data = await calComRequest.call(this, {
			...common,
			path: apiPath`/v2/bookings/${uid}/reassign/${userId}`,
			body: reason ? { reason } : {},
		});
	} else {
		data = await calComRequest.call(this, {
			...common,
			path: apiPath`/v2/bookings/${uid}/reassign`,
		});
	}
	// Cal.com's documented schema for this answer is broken; pass on what it sends.
	const result = isRecord(data) ? data : { result: data as IDataObject[] };
	return [{ bookingUid: uid, ...result }];
}
