import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { readScheduleId, scheduleIdLocator, scheduleNotFound } from './shared';

export const description: INodeProperties[] = [scheduleIdLocator, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readScheduleId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/v2/schedules/${id}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: scheduleNotFound(id),
	});
	return [{ deleted: true, id }];
}
