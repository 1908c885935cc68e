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
		displayOptions: { show: { resource: ['teamMembership'] } },
		default: 'getMany',
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a team member',
				description:
					'Add a Cal.com user to a team by user ID, as Member, Admin or Owner, accepted at once or as an invitation. Needs an admin or the owner of the team. Returns the membership.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a team membership',
				description:
					'Get one membership of a team: user ID, name, email, role and whether it is accepted. Needs an admin or the owner of the team.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many team memberships',
				description:
					'List the members of a team with their role and whether they accepted, one item each, optionally only some emails. Needs an admin or the owner of the team.',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a team member',
				description:
					'Remove a member from a team; Cal.com also takes them off the team’s event types. Returns deleted: true, the membership ID and the user ID.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a team membership',
				description:
					'Change a member’s role (Member, Admin, Owner) or accept their membership. Needs an admin or the owner of the team. Returns the membership.',
			},
		],
	},
];
