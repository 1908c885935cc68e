import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { hasNoShowTrigger } from '../../webhooks/events';
import {
	noShowTimeField,
	noShowTimeUnitField,
	payloadTemplateField,
	payloadVersionField,
} from '../../webhooks/fields';
import { writeWebhook } from '../../webhooks/olderServer';
import { webhookPath } from '../../webhooks/scope';
import { optionsCollection, outputField, updateFieldsCollection } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	activeField,
	checkNoShowDelay,
	checkSubscriberUrl,
	checkTriggers,
	checkVersion,
	explainConflict,
	notFound,
	readScope,
	readWebhookId,
	scopeFields,
	secretField,
	shapeWebhook,
	triggersField,
	webhookIdLocator,
} from './shared';

export const description: INodeProperties[] = [
	...scopeFields,
	webhookIdLocator,
	updateFieldsCollection([
		activeField,
		{
			...noShowTimeField,
			description: `${String(noShowTimeField.description)}. Needed with a no-show trigger unless the webhook has a delay already.`,
		},
		{ ...noShowTimeUnitField, description: 'The unit of the no-show delay' },
		{
			...payloadTemplateField,
			description: `${String(payloadTemplateField.description)}. Empty removes the template.`,
		},
		payloadVersionField('version'),
		{
			...secretField,
			description: `${String(secretField.description)} Empty removes the secret.`,
		},
		{
			displayName: 'Subscriber URL',
			name: 'subscriberUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/hooks/cal',
			description: 'Where Cal.com sends the events',
		},
		{
			...triggersField,
			required: false,
			description: `${String(triggersField.description)} Replaces the current list.`,
		},
	]),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const scope = readScope(this, itemIndex);
	const id = readWebhookId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const body: IDataObject = {};
	if (fields.subscriberUrl !== undefined)
		body.subscriberUrl = checkSubscriberUrl(fields.subscriberUrl);
	if (fields.triggers !== undefined) body.triggers = checkTriggers(fields.triggers);
	if (fields.active !== undefined) body.active = fields.active === true;
	if (fields.secret !== undefined) body.secret = String(fields.secret);
	if (fields.payloadTemplate !== undefined) body.payloadTemplate = String(fields.payloadTemplate);
	if (fields.version !== undefined) body.version = checkVersion(fields.version);
	const delayGiven = fields.noShowTime !== undefined || fields.noShowTimeUnit !== undefined;
	if (delayGiven)
		Object.assign(
			body,
			checkNoShowDelay(fields.noShowTime ?? 5, fields.noShowTimeUnit ?? 'MINUTE'),
		);
	if (Object.keys(body).length === 0) {
		throw new ParameterError('Update Fields', 'add at least one field to change.');
	}
	if (Array.isArray(body.triggers) && hasNoShowTrigger(body.triggers as string[]) && !delayGiven) {
		// A no-show trigger needs a delay: the webhook's own, when it has one.
		const current = (await calComRequest.call(this, {
			method: 'GET',
			path: webhookPath(scope, id),
			timeoutMs,
			notFoundMessage: notFound(scope, id),
		})) as IDataObject;
		if (typeof current?.time !== 'number' || typeof current?.timeUnit !== 'string')
			checkNoShowDelay(undefined, undefined);
	}
	let data: unknown;
	try {
		data = await writeWebhook(this, {
			method: 'PATCH',
			path: webhookPath(scope, id),
			body,
			timeoutMs,
			notFoundMessage: notFound(scope, id),
		});
	} catch (error) {
		throw explainConflict(
			error,
			typeof body.subscriberUrl === 'string' ? body.subscriberUrl : undefined,
		);
	}
	return { data: [shapeWebhook(data, 'raw')], simplify: () => shapeWebhook(data, 'simplified') };
}
