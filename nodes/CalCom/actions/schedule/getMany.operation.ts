import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeSchedules } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'schedules');
	// Cal.com answers the whole list at once (no paging on this endpoint).
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/schedules',
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	const list = Array.isArray(data) ? data : [];
	return shapeSchedules(limit === undefined ? list : list.slice(0, limit));
}
