import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { readScheduleId, scheduleIdLocator, scheduleNotFound, shapeSchedules } from './shared';

export const description: INodeProperties[] = [scheduleIdLocator, outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readScheduleId(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/schedules/${id}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: scheduleNotFound(id),
	});
	return shapeSchedules(this, itemIndex, data);
}
