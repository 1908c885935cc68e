import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeSchedules } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/schedules/default',
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	// Cal.com answers data: null for a user without a default schedule: then no item.
	return shapeSchedules(data);
}
