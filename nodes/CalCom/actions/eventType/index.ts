import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteEventType from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteEventType, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['eventType'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an event type',
				description:
					'Create a kind of meeting people can book: title, slug, length, and optionally locations, notice, buffers, schedule and booking questions',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an event type',
				description: 'Delete one of your event types; returns {deleted: true}',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an event type',
				description:
					'Get an event type by ID with its booking questions (slug, type, required, choices)',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many event types',
				description: "List your event types, a user's public ones by username, or a team's",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an event type',
				description:
					'Change only the given settings; adding, changing or removing one booking question keeps all the others',
			},
		],
	},
];
