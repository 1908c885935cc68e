import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { readScheduleUpdateBody, scheduleUpdateFields } from '../schedule/scheduleInput';
import { shapeSchedules } from '../schedule/shared';
import type { CalComAnswer } from '../types';
import { readSchedulePath, userScheduleFields } from './shared';

export const description: INodeProperties[] = [
	...userScheduleFields,
	scheduleUpdateFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const body = readScheduleUpdateBody(this, itemIndex);
	const { path, notFoundMessage } = await readSchedulePath(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path,
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage,
	});
	return shapeSchedules(data);
}
