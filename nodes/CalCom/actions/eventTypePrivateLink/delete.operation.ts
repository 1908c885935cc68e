import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection } from '../common.descriptions';
import { linkIdField, linkNotFound, readEventTypeId, readLinkId } from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	linkIdField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const eventTypeId = readEventTypeId(this, itemIndex);
	const linkId = readLinkId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/v2/event-types/${eventTypeId}/private-links/${linkId}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: linkNotFound(linkId, eventTypeId),
	});
	return [{ deleted: true, linkId, eventTypeId }];
}
