import type { INodeProperties } from 'n8n-workflow';

import * as charge from './charge.operation';
import * as getAvailable from './getAvailable.operation';

export const operations = { getAvailable, charge };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['credit'] } },
		default: 'getAvailable',
		options: [
			{
				name: 'Charge',
				value: 'charge',
				action: 'Charge credits',
				description:
					'Spend Cal.com credits for an SMS, a Cal AI phone call or an AI agent. Never charges twice for the same external reference; without one, a reference is derived from the execution and item. Returns whether it was charged and the remaining balance.',
			},
			{
				name: 'Get Available',
				value: 'getAvailable',
				action: 'Get available credits',
				description:
					"Get the credits the API key's user (or their team) can spend: whether any are left, the monthly remaining and the additional credits",
			},
		],
	},
];
