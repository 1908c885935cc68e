import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readScheduleId, scheduleIdLocator, scheduleNotFound, shapeSchedules } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [scheduleIdLocator, outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const id = readScheduleId(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/schedules/${id}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: scheduleNotFound(id),
	});
	return shapeSchedules(data);
}
