import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	notFound,
	readScope,
	readWebhookId,
	scopeFields,
	shapeWebhook,
	webhookIdLocator,
} from './shared';
import { webhookPath } from '../../webhooks/scope';

export const description: INodeProperties[] = [
	...scopeFields,
	webhookIdLocator,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const scope = readScope(this, itemIndex);
	const id = readWebhookId(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: webhookPath(scope, id),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: notFound(scope, id),
	});
	return { data: [shapeWebhook(data, 'raw')], simplify: () => shapeWebhook(data, 'simplified') };
}
