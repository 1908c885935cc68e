import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organizationBooking'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many organization bookings',
				description:
					'List the bookings of the whole organization (optionally some user IDs), of one organization user, or of one organization team, filtered by status, attendee, event type or time, one item each. Needs an organization admin’s API key (a team admin’s for one team).',
			},
		],
	},
];
