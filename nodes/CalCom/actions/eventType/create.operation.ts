import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { createAdditionalFields, createBasics, readCreateBody } from './body';
import { shapeEventTypes } from './shared';

export const description: INodeProperties[] = [
	...createBasics,
	createAdditionalFields(),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/event-types',
		body: readCreateBody(this, itemIndex, fields),
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeEventTypes(data, true);
}
