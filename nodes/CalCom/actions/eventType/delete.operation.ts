import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection } from '../common.descriptions';
import { eventTypeNotFound, readEventTypeId } from './shared';

export const description: INodeProperties[] = [eventTypeIdLocator, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readEventTypeId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/v2/event-types/${id}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: eventTypeNotFound(id),
	});
	return [{ deleted: true, id }];
}
