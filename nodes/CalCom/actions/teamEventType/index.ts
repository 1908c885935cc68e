import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTeamEventType from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteTeamEventType, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['teamEventType'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a team event type',
				description:
					'Create a meeting kind of a team: title, slug, length, scheduling type (round robin, collective, managed) and hosts from the team’s members (or all members), plus the personal event type’s settings. Needs an admin or the owner of the team. Returns the event type with its hosts.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a team event type',
				description:
					'Delete one event type of a team. Needs an admin or the owner of the team. Returns deleted: true and the ID.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a team event type',
				description:
					'Get one event type of a team by ID, with its hosts, scheduling type and booking questions. Needs an admin or the owner of the team.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many team event types',
				description:
					'List the event types of a team, one item each, with their hosts and scheduling type; optionally only the one with a given slug',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a team event type',
				description:
					'Change only the given settings, hosts or scheduling type of a team event type; adding, changing or removing one booking question keeps all the others. Needs an admin or the owner of the team.',
			},
		],
	},
];
