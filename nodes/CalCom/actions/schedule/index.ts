import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteSchedule from './delete.operation';
import * as get from './get.operation';
import * as getDefault from './getDefault.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteSchedule, get, getDefault, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['schedule'] } },
		default: 'getMany',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a schedule',
				description:
					'Create working hours: a name, a time zone, weekly hours per day and date overrides; optionally make it the default',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a schedule',
				description: 'Delete a schedule (not the default one); returns {deleted: true}',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a schedule',
				description: 'Get a schedule by ID with its weekly hours and date overrides',
			},
			{
				name: 'Get Default',
				value: 'getDefault',
				action: 'Get the default schedule',
				description: "Get the user's default schedule, used by event types without their own",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many schedules',
				description: "List the API key user's schedules",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a schedule',
				description:
					'Change only the given parts of a schedule: name, time zone, weekly hours, date overrides, default',
			},
		],
	},
];
