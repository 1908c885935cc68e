import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { eventTypeNotFound, readEventTypeId, shapeEventTypes } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const id = readEventTypeId(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/event-types/${id}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: eventTypeNotFound(id),
	});
	return shapeEventTypes(data, true);
}
