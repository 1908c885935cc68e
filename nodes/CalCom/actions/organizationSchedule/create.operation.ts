import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { organizationFields } from '../organization';
import { readScheduleCreateBody, scheduleCreateFields } from '../schedule/scheduleInput';
import { shapeSchedules } from '../schedule/shared';
import type { CalComAnswer } from '../types';
import { readUserPath, scheduleOwnerField } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	scheduleOwnerField,
	...scheduleCreateFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const body = readScheduleCreateBody(this, itemIndex);
	const { path } = await readUserPath(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'POST',
		path,
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeSchedules(data);
}
