import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTeam from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteTeam, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organizationTeam'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an organization team',
				description:
					'Create a team inside the organization with a name (and optionally slug, bio, time zone, branding); the API key’s user becomes its owner. Needs an organization admin’s API key. Returns the team.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an organization team',
				description:
					'Delete a team of the organization with its memberships and team event types. Needs an organization admin’s API key. Returns deleted: true and the team ID.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an organization team',
				description:
					'Get one team of the organization by ID: name, slug, bio, time zone, week start, privacy. Needs an organization admin’s key, or a team admin’s.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many organization teams',
				description:
					'List the teams of the organization (organization admin’s key), or only the teams the API key’s user is in, with their role (any member’s key). One item each.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an organization team',
				description:
					'Change only the fields given of a team of the organization: name, slug, bio, time zone, week start, branding, privacy. Needs an organization admin’s API key. Returns the team.',
			},
		],
	},
];
