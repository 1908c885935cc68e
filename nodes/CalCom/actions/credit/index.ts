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
					"Spend Cal.com credits for an SMS, a Cal AI phone call or an AI agent; when the user is in a team or organization, it pays, never the user. Cal.com charges an external reference once across all accounts; without one, a reference is derived from this n8n instance, execution and item. Cal.com answers alike for a new charge, a reference seen before (nothing charged) and a balance too low (at most what is left is taken), so the output says it was accepted, the credits requested, and the balance Cal.com returned (the team's, or the user's own when it names no team).",
			},
			{
				name: 'Get Available',
				value: 'getAvailable',
				action: 'Get available credits',
				description:
					"Get whether the API key's user can spend credits (their team's or organization's, else their own) and the user's own balance: monthly remaining (always 0 for a user) and additional credits",
			},
		],
	},
];
