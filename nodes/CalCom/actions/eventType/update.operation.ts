import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readUpdateBody, requireSomeChange, eventTypeUpdateFields } from './body';
import { eventTypeNotFound, readEventTypeId, shapeEventTypes } from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	eventTypeUpdateFields(),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const id = readEventTypeId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const notFoundMessage = eventTypeNotFound(id);
	const path = apiPath`/v2/event-types/${id}`;
	const body = await readUpdateBody(fields, async () =>
		calComRequest.call(this, { method: 'GET', path, timeoutMs, notFoundMessage }),
	);
	requireSomeChange(body);
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path,
		body,
		timeoutMs,
		notFoundMessage,
	});
	return shapeEventTypes(data, true);
}
