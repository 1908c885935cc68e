import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { notFound, readScope, readWebhookId, scopeFields, webhookIdLocator } from './shared';
import { webhookPath } from '../../webhooks/scope';

export const description: INodeProperties[] = [
	...scopeFields,
	webhookIdLocator,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readScope(this, itemIndex);
	const id = readWebhookId(this, itemIndex);
	// Cal.com answers with the deleted webhook, secret included: none of it is passed on.
	await calComRequest.call(this, {
		method: 'DELETE',
		path: webhookPath(scope, id),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: notFound(scope, id),
	});
	return [{ deleted: true, id }];
}
