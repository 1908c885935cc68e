import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { shapeSchedules } from '../schedule/shared';
import type { CalComAnswer } from '../types';
import { readSchedulePath, userScheduleFields } from './shared';

export const description: INodeProperties[] = [
	...userScheduleFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const { path, notFoundMessage } = await readSchedulePath(this, itemIndex);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const data = await calComRequest.call(this, { method: 'GET', path, timeoutMs, notFoundMessage });
	return shapeSchedules(data);
}
