import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { readScope, scopeFields, shapeWebhook } from './webhook.shared';

/** Cal.com's largest `take` for webhook lists. */
const PAGE_SIZE = 250;

export const description: INodeProperties[] = [
	...scopeFields,
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
	const scope = readScope(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : toPositiveInt(this.getNodeParameter('limit', itemIndex, 50), 'Limit', 'a number of webhooks');
	const hooks = await paginateOffset.call(
		this,
		{ method: 'GET', path: scope.basePath, timeoutMs: readTimeoutMs(this, itemIndex) },
		{ limit, pageSize: PAGE_SIZE },
	);
	const output = this.getNodeParameter('output', itemIndex) as string;
	return hooks.map((hook) => shapeWebhook(hook, output));
}
