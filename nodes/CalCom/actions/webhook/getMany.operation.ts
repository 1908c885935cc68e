import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { webhookPath } from '../../webhooks/scope';
import { WEBHOOK_PAGE_SIZE } from '../../webhooks/settings';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readScope, scopeFields, shapeWebhook } from './shared';

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
		{ method: 'GET', path: webhookPath(scope), timeoutMs: readTimeoutMs(this, itemIndex) },
		{ limit, pageSize: WEBHOOK_PAGE_SIZE },
	);
	// Raw already hides the secret, so its simplified form takes hasSecret from it.
	const simplify = (hook: IDataObject) => ({
		...shapeWebhook(hook, 'simplified'),
		hasSecret: hook.hasSecret,
	});
	return { data: hooks.map((hook) => shapeWebhook(hook, 'raw')), simplify };
}
