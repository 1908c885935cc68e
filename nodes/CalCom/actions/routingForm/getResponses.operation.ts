import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs, readUid } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import type { CalComAnswer } from '../types';
import {
	listFields,
	formLocator,
	PAGE_SIZE,
	readListQuery,
	readResponsesPath,
	scopeFields,
	simplifyResponse,
} from './shared';

export const description: INodeProperties[] = [
	...scopeFields,
	formLocator,
	...listFields({
		displayName: 'Routed to Booking UID',
		name: 'routedToBookingUid',
		type: 'string',
		default: '',
		placeholder: 'e.g. kEQ6lyUVxK9sKQNFvjgrCv',
		description: 'Only the response that led to this booking',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = readListQuery(filters, this.getNodeParameter('options.sort', itemIndex, ''));
	if (typeof filters.routedToBookingUid === 'string' && filters.routedToBookingUid.trim())
		qs.routedToBookingUid = readUid(
			filters.routedToBookingUid,
			'Routed to Booking UID',
			'a booking UID',
			'kEQ6lyUVxK9sKQNFvjgrCv',
		);
	const limit = readLimit(this, itemIndex, 'responses');
	const path = await readResponsesPath(this, itemIndex);
	const responses = await paginateOffset.call(
		this,
		{
			method: 'GET',
			path,
			qs,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: 'The routing form was not found in this organization or team.',
		},
		{ limit, pageSize: PAGE_SIZE },
	);
	return { data: responses as IDataObject[], simplify: simplifyResponse };
}
