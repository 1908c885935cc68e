import type { IExecuteFunctions, INodeProperties, IDataObject } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { shapeSchedules } from './schedule.shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toPositiveInt(this.getNodeParameter('limit', itemIndex, 50), 'Limit', 'a number of schedules');
	// Cal.com answers the whole list at once (no paging on this endpoint).
	const data = await calComRequest.call(this, { method: 'GET', path: '/v2/schedules', timeoutMs: readTimeoutMs(this, itemIndex) });
	const list = Array.isArray(data) ? data : [];
	return shapeSchedules(this, itemIndex, limit === undefined ? list : list.slice(0, limit));
}
