import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteWebhook, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a webhook',
				description:
					'Subscribe a URL to Cal.com events, for the API key user, one event type, one team event type or an organization. Needs the subscriber URL and at least one trigger; the no-show triggers also need a delay. Returns the webhook without its secret.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook',
				description: 'Remove a webhook so Cal.com stops sending to it. Returns deleted: true and the webhook ID.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a webhook',
				description: 'Get one webhook by its ID: subscriber URL, triggers, active, payload version, and whether it has a secret',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many webhooks',
				description:
					'List the webhooks of the API key user, an event type, a team event type or an organization, one item each',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a webhook',
				description: 'Change only the fields given: subscriber URL, triggers, active, secret, payload template, version or no-show delay',
			},
		],
	},
];
