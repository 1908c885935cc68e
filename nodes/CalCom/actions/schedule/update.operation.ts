import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readScheduleUpdateBody, scheduleUpdateFields } from './scheduleInput';
import { readScheduleId, scheduleIdLocator, scheduleNotFound, shapeSchedules } from './shared';

export const description: INodeProperties[] = [
	scheduleIdLocator,
	scheduleUpdateFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const id = readScheduleId(this, itemIndex);
	const body = readScheduleUpdateBody(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/v2/schedules/${id}`,
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: scheduleNotFound(id),
	});
	return shapeSchedules(data);
}
