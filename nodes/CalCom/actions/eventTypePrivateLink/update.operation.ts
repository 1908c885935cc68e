import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	limitBody,
	limitFields,
	linkIdField,
	linkNotFound,
	readEventTypeId,
	readLimit,
	readLinkId,
	simplifyPrivateLink,
} from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	linkIdField,
	...limitFields('update'),
	outputField,
	optionsCollection(),
];

/**
 * Sets the link's limit. Cal.com writes the expiry as given or clears it, so a link limited by
 * uses loses any expiry, and a link given an expiry keeps its uses count but is then timed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const eventTypeId = readEventTypeId(this, itemIndex);
	const linkId = readLinkId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/v2/event-types/${eventTypeId}/private-links/${linkId}`,
		body: limitBody(limit),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: linkNotFound(linkId, eventTypeId),
	});
	return { data: [asRecord(data)], simplify: simplifyPrivateLink };
}
