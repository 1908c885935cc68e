import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { hasNoShowTrigger } from '../../webhooks/events';
import {
	noShowDelayFields,
	payloadTemplateField,
	payloadVersionField,
} from '../../webhooks/fields';
import { writeWebhook } from '../../webhooks/olderServer';
import { webhookPath } from '../../webhooks/scope';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	activeField,
	checkNoShowDelay,
	checkSubscriberUrl,
	checkTriggers,
	checkVersion,
	explainConflict,
	readScope,
	scopeFields,
	secretField,
	shapeWebhook,
	triggersField,
} from './shared';

export const description: INodeProperties[] = [
	...scopeFields,
	{
		displayName: 'Subscriber URL',
		name: 'subscriberUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/hooks/cal',
		description:
			'Where Cal.com sends the events (Cal.com’s hosted service accepts only public https URLs)',
	},
	triggersField,
	...noShowDelayFields('triggers'),
	outputField,
	optionsCollection(activeField, payloadTemplateField, payloadVersionField('version'), secretField),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const scope = readScope(this, itemIndex);
	const subscriberUrl = checkSubscriberUrl(this.getNodeParameter('subscriberUrl', itemIndex, ''));
	const triggers = checkTriggers(this.getNodeParameter('triggers', itemIndex, []));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { subscriberUrl, triggers, active: options.active !== false };
	if (hasNoShowTrigger(triggers)) {
		Object.assign(
			body,
			checkNoShowDelay(
				this.getNodeParameter('noShowTime', itemIndex, undefined),
				this.getNodeParameter('noShowTimeUnit', itemIndex, undefined),
			),
		);
	}
	if (typeof options.secret === 'string' && options.secret !== '') body.secret = options.secret;
	if (typeof options.payloadTemplate === 'string' && options.payloadTemplate.trim() !== '')
		body.payloadTemplate = options.payloadTemplate;
	if (options.version !== undefined) body.version = checkVersion(options.version);
	let data: unknown;
	try {
		data = await writeWebhook(this, {
			method: 'POST',
			path: webhookPath(scope),
			body,
			// A repeat after a lost answer would meet Cal.com's 409 or make a second webhook.
			retry: 'never',
			timeoutMs: readTimeoutMs(this, itemIndex),
		});
	} catch (error) {
		throw explainConflict(error, subscriberUrl);
	}
	return { data: [shapeWebhook(data, 'raw')], simplify: () => shapeWebhook(data, 'simplified') };
}
