import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteLink from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, getMany, update, delete: deleteLink };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['eventTypePrivateLink'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a private link',
				description:
					'Make a private booking link for one of your event types that stops working after N bookings (1: single-use) or at a time; returns its booking URL',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a private link',
				description: 'Remove a private link by its link ID; its URL stops working at once',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many private links',
				description:
					'List the private links of one of your event types with URL, limit, uses so far and whether each still works',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a private link',
				description: 'Change when a private link stops working: after N bookings, or at a new time',
			},
		],
	},
];
