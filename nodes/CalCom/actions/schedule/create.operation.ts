import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readScheduleCreateBody, scheduleCreateFields } from './scheduleInput';
import { shapeSchedules } from './shared';

export const description: INodeProperties[] = [
	...scheduleCreateFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/schedules',
		body: readScheduleCreateBody(this, itemIndex),
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeSchedules(data);
}
