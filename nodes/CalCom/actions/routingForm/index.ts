import type { INodeProperties } from 'n8n-workflow';

import * as calculateSlots from './calculateSlots.operation';
import * as createResponse from './createResponse.operation';
import * as getMany from './getMany.operation';
import * as getResponses from './getResponses.operation';
import * as updateResponse from './updateResponse.operation';

export const operations = { calculateSlots, createResponse, getMany, getResponses, updateResponse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['routingForm'] } },
		default: 'getMany',
		options: [
			{
				name: 'Calculate Slots',
				value: 'calculateSlots',
				action: 'Calculate slots from routing form answers',
				description:
					'Send answers to a routing form without saving them: Cal.com picks the route, and when it leads to an event type returns its free slots in a time range. Needs the form ID and the answers by field. Returns one item per free slot (UTC and local times, label, eventTypeId), as Slot → Get Available.',
			},
			{
				name: 'Create Response',
				value: 'createResponse',
				action: 'Create a routing form response',
				description:
					'Submit answers to an organization’s or team’s routing form: Cal.com stores the response and routes it. Returns the response ID and where it leads: an event type with its free slots in the time range, a custom page’s message, or an external URL.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many routing forms',
				description:
					'List the routing forms of an organization’s teams, or of one team, with date filters. One item each: ID, name, fields (what to answer, with choices) and routes (where each leads).',
			},
			{
				name: 'Get Many Responses',
				value: 'getResponses',
				action: 'Get many routing form responses',
				description:
					'List the responses of one routing form, by creation or change date, or the one that led to a booking. One item each: ID, answers by field label, booking UID, created time.',
			},
			{
				name: 'Update Response',
				value: 'updateResponse',
				action: 'Update a routing form response',
				description:
					'Replace the answers of a stored response (by field ID). Returns the response with its answers.',
			},
		],
	},
];
