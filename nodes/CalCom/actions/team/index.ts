import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createInviteLink from './createInviteLink.operation';
import * as deleteTeam from './delete.operation';
import * as get from './get.operation';
import * as getBookings from './getBookings.operation';
import * as getMany from './getMany.operation';
import * as getSchedules from './getSchedules.operation';
import * as update from './update.operation';

export const operations = {
	create,
	createInviteLink,
	delete: deleteTeam,
	get,
	getBookings,
	getMany,
	getSchedules,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a team',
				description:
					'Create a team with a name (and optionally slug, bio, time zone, branding); the API key’s user becomes its owner. Returns the team.',
			},
			{
				name: 'Create Invite Link',
				value: 'createInviteLink',
				action: 'Create a team invite link',
				description:
					'Make a link anyone can open to sign up and join the team. Needs an admin or the owner of the team. Returns the link and its token.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a team',
				description:
					'Delete a team with its memberships and team event types. Only the team’s owner may. Returns deleted: true and the team ID.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a team',
				description:
					'Get one team by ID: name, slug, bio, time zone, week start, privacy. Needs a member of the team.',
			},
			{
				name: 'Get Bookings',
				value: 'getBookings',
				action: 'Get bookings of a team',
				description:
					'List the bookings of a team’s event types, filtered by status, attendee, event type or time, one item each. Needs an admin or the owner of the team.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many teams',
				description: 'List the teams the API key’s user belongs to, one item each',
			},
			{
				name: 'Get Schedules',
				value: 'getSchedules',
				action: 'Get schedules of a team',
				description:
					'List the working-hours schedules of every member of a team, one item each, with readable weekly hours. Needs an admin or the owner of the team.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a team',
				description:
					'Change only the fields given: name, slug, bio, time zone, week start, branding, privacy. Only the team’s owner may. Returns the team.',
			},
		],
	},
];
