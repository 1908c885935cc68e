import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export const operations = { add, get, getMany, remove, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organizationMembership'] } },
		default: 'getMany',
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add an organization membership',
				description:
					'Make an existing Cal.com user a member of the organization with a role (MEMBER, ADMIN or OWNER); adding someone who is already a member changes their membership. Returns the membership.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an organization membership',
				description:
					'Get one membership by its ID: user, role, whether it is accepted. Needs an organization admin’s API key.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many organization memberships',
				description:
					'List the memberships of the organization, one item each: membership ID, user ID, email, role, accepted',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove an organization membership',
				description:
					'Take a user out of the organization by their membership ID. Returns deleted: true and the membership ID.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an organization membership',
				description:
					'Change a membership’s role, whether it is accepted, or whether impersonation is disabled. Returns the membership.',
			},
		],
	},
];
