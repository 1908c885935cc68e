import type { INodeProperties } from 'n8n-workflow';

import { eventTypeIdLocator, timeoutOption } from '../CalCom/actions/common.descriptions';
import { eventOptions, NO_SHOW_DELAY_EVENTS } from './events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions(),
		description:
			'The Cal.com events that start this workflow. Each name starts with its group: Booking, Meeting & Recording, Form & Routing, Out of Office, No-Show, Instant Meeting, Administrative.',
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'user',
		options: [
			{
				name: 'Event Type',
				value: 'eventType',
				description: 'Only bookings of one of your event types',
			},
			{
				name: 'Organization',
				value: 'organization',
				description: 'Everything in an organization (needs an organization admin’s API key)',
			},
			{
				name: 'Team Event Type',
				value: 'teamEventType',
				description:
					'Only bookings of one team event type (needs a team admin’s or owner’s API key)',
			},
			{
				name: 'User',
				value: 'user',
				description: 'Everything of the API key’s user, across all their event types',
			},
		],
		description: 'Where Cal.com registers the webhook, which decides whose events arrive',
	},
	{
		...eventTypeIdLocator,
		displayOptions: { show: { scope: ['eventType'] } },
		description: 'One of your own event types; its bookings start this workflow',
	},
	{
		displayName: 'Team ID',
		name: 'teamId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { scope: ['teamEventType'] } },
		description: 'The ID of the team that owns the event type',
	},
	{
		displayName: 'Team Event Type ID',
		name: 'teamEventTypeId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { scope: ['teamEventType'] } },
		description: 'The ID of the team event type',
	},
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { scope: ['organization'] } },
		description: 'The ID of the organization',
	},
	{
		displayName: 'No-Show Delay',
		name: 'noShowTime',
		type: 'number',
		default: 5,
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { events: NO_SHOW_DELAY_EVENTS } },
		description: 'How long after the meeting’s start Cal.com checks who joined the Cal Video call',
	},
	{
		displayName: 'No-Show Delay Unit',
		name: 'noShowTimeUnit',
		type: 'options',
		default: 'MINUTE',
		required: true,
		displayOptions: { show: { events: NO_SHOW_DELAY_EVENTS } },
		options: [
			{ name: 'Days', value: 'DAY' },
			{ name: 'Hours', value: 'HOUR' },
			{ name: 'Minutes', value: 'MINUTE' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Body and Headers',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the body exactly as received (`rawBody`) and the request headers (`headers`) to each item',
			},
			{
				displayName: 'Payload Template',
				name: 'payloadTemplate',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				placeholder: 'e.g. {"title":"{{title}}","organizer":"{{organizer.name}}"}',
				description:
					'Cal.com sends this template, filled in, instead of its own body (not for Meeting Started/Ended; for form, no-show and instant-meeting events the fields are under payload., e.g. {{payload.formName}}). Values arrive HTML-escaped (& as &amp;). Items hold the template’s fields; a template that is not JSON gives templateText, a render that broke the JSON gives templateError.',
			},
			{
				displayName: 'Payload Version',
				name: 'payloadVersion',
				type: 'options',
				default: '2021-10-20',
				options: [
					{ name: '2021-10-20 (Default)', value: '2021-10-20' },
					{
						name: '2026-07-27 (Adds Calendar Files)',
						value: '2026-07-27',
						description:
							'Adds attendeeIcsContent and organizerIcsContent; newer Cal.com versions only',
					},
				],
				description: 'The shape of Cal.com’s webhook bodies',
			},
			{
				displayName: 'Start Workflow on Ping',
				name: 'startOnPing',
				type: 'boolean',
				default: false,
				description:
					'Whether a ping signed with this trigger’s secret starts the workflow. Cal.com’s "Ping test" button sends it unsigned: it is always answered 200 and nothing runs.',
			},
			{
				...timeoutOption,
				description:
					'How long to wait for Cal.com to answer one request while subscribing or unsubscribing (on activation and deactivation)',
			},
		],
	},
];
