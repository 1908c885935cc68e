import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteSchedule from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteSchedule, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organizationSchedule'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a schedule for an organization user',
				description:
					'Give an organization user a new working-hours schedule: name, IANA time zone, weekly hours (default Mon–Fri 09:00–17:00), date overrides, and whether it becomes their default. Needs an organization admin’s API key. Returns the schedule.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a schedule of an organization user',
				description:
					'Delete one of an organization user’s schedules. Returns deleted: true and the schedule ID.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a schedule of an organization user',
				description:
					'Get one of an organization user’s schedules, with readable weekly hours and date overrides',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many organization schedules',
				description:
					'List the working-hours schedules of one organization user, or of every user of the organization, one item each, with readable weekly hours. Needs an organization admin’s API key.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a schedule of an organization user',
				description:
					'Change only the fields given of an organization user’s schedule: name, time zone, weekly hours, date overrides, or make it their default. Returns the schedule.',
			},
		],
	},
];
