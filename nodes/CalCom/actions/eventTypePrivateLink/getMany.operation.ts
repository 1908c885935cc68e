import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readLimit as readReturnLimit, readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import {
	eventTypeIdLocator,
	optionsCollection,
	outputField,
	returnAllFields,
} from '../common.descriptions';
import { eventTypeNotFound } from '../eventType/shared';
import type { CalComAnswer } from '../types';
import { readEventTypeId, simplifyPrivateLink } from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	...returnAllFields,
	outputField,
	optionsCollection(),
];

/** Cal.com answers every link at once (no paging); Limit keeps the first ones. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const eventTypeId = readEventTypeId(this, itemIndex);
	const limit = readReturnLimit(this, itemIndex, 'private links');
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/event-types/${eventTypeId}/private-links`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: eventTypeNotFound(eventTypeId),
	});
	const links = (Array.isArray(data) ? data : []).map(asRecord);
	return {
		data: limit === undefined ? links : links.slice(0, limit),
		simplify: simplifyPrivateLink,
	};
}
