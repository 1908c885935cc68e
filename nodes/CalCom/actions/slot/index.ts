import type { INodeProperties } from 'n8n-workflow';

import * as getAvailable from './getAvailable.operation';

export const operations = { getAvailable };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['slot'] } },
		default: 'getAvailable',
		options: [
			{
				name: 'Get Available',
				value: 'getAvailable',
				action: 'Get available slots',
				description:
					'List the free start times of an event type between two times. Returns one item per slot with start and end in UTC and in the requested time zone.',
			},
		],
	},
];
