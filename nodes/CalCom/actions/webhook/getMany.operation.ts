import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readScope, scopeFields, shapeWebhook } from './webhook.shared';

/** Cal.com's largest `take` for webhook lists. */
const PAGE_SIZE = 250;

export const description: INodeProperties[] = [
	...scopeFields,
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const scope = readScope(this, itemIndex);
	const limit = readLimit(this, itemIndex, 'webhooks');
	const hooks = await paginateOffset.call(
		this,
		{ method: 'GET', path: scope.basePath, timeoutMs: readTimeoutMs(this, itemIndex) },
		{ limit, pageSize: PAGE_SIZE },
	);
	// Raw already hides the secret, so its simplified form takes hasSecret from it.
	const simplify = (hook: IDataObject) => ({ ...shapeWebhook(hook, 'simplified'), hasSecret: hook.hasSecret });
	return { data: hooks.map((hook) => shapeWebhook(hook, 'raw')), simplify };
}
