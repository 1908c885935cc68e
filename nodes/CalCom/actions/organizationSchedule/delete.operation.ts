import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { readSchedulePath, userScheduleFields } from './shared';

export const description: INodeProperties[] = [...userScheduleFields, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { id, path, notFoundMessage } = await readSchedulePath(this, itemIndex);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	await calComRequest.call(this, { method: 'DELETE', path, timeoutMs, notFoundMessage });
	return [{ deleted: true, id }];
}
