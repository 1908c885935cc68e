import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteUser, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organizationUser'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an organization user',
				description:
					'Add a new user to the organization by email (Cal.com emails them to set a password). Optional username, time zone, role and profile fields. Needs an organization admin’s API key. Returns the user.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an organization user',
				description:
					'Delete a user of the organization from Cal.com, with their event types and schedules. Returns deleted: true and the user ID.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many organization users',
				description:
					'List the users of the organization, optionally only those with the given emails. Needs an organization admin’s API key. One item per user: ID, username, name, email, time zone.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an organization user',
				description:
					'Change only the given fields of an organization user: username, email, time zone, time format, week start, locale, bio, avatar. Returns the user.',
			},
		],
	},
];
