import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as update from './update.operation';

export const operations = { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the current user',
				description:
					'Get the Cal.com user the API key belongs to: ID, username, email, time zone and default schedule',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update the current user',
				description:
					'Change the API key user’s time zone, default schedule, name, bio, time format, week start or locale. Only the fields given change. Returns the updated profile.',
			},
		],
	},
];
