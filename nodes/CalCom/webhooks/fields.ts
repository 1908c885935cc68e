import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventTypeIdLocator } from '../actions/common.descriptions';
import { eventOptions, NO_SHOW_DELAY_EVENTS } from './events';
import { DEFAULT_PAYLOAD_VERSION } from './settings';

/** The multi-select of Cal.com's triggers: `events` in the trigger, `triggers` in the action. */
export function eventsField(name: string, displayName: string, purpose: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions(),
		description: `${purpose}. Listed bookings first, then meetings and Cal Video, routing forms, out of office, no-shows, and administrative events last.`,
	};
}

/** The four scopes a Cal.com webhook can belong to. */
const SCOPE_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Event Type',
		value: 'eventType',
		description: 'The webhooks of one of your event types, for its bookings only',
	},
	{
		name: 'Organization',
		value: 'organization',
		description:
			'The webhooks of an organization, for everything in it (needs an organization admin’s API key)',
	},
	{
		name: 'Team Event Type',
		value: 'teamEventType',
		description:
			'The webhooks of one team event type, for its bookings only (needs a team admin’s or owner’s API key)',
	},
	{
		name: 'User',
		value: 'user',
		description: 'The API key user’s own webhooks, for all their event types',
	},
];

/**
 * The Scope parameter and the IDs each scope needs. `purpose` describes the Scope parameter,
 * `eventType` the event type picker of the Event Type scope.
 */
export function scopeFields(purpose: string, eventType: string): INodeProperties[] {
	return [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'user',
			options: SCOPE_OPTIONS,
			description: purpose,
		},
		{
			...eventTypeIdLocator,
			displayOptions: { show: { scope: ['eventType'] } },
			description: eventType,
		},
		scopeIdField(
			'Team ID',
			'teamId',
			'teamEventType',
			'The ID of the team that owns the event type',
		),
		scopeIdField(
			'Team Event Type ID',
			'teamEventTypeId',
			'teamEventType',
			'The ID of the team event type',
		),
		scopeIdField('Organization ID', 'organizationId', 'organization', 'The ID of the organization'),
	];
}

/** A numeric ID shown for one scope. */
function scopeIdField(
	displayName: string,
	name: string,
	scope: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { scope: [scope] } },
		description,
	};
}

export const noShowTimeField: INodeProperties = {
	displayName: 'No-Show Delay',
	name: 'noShowTime',
	type: 'number',
	default: 5,
	typeOptions: { minValue: 1, numberPrecision: 0 },
	description:
		'How long after the meeting’s start Cal.com checks who joined the Cal Video call (no-show triggers only)',
};

export const noShowTimeUnitField: INodeProperties = {
	displayName: 'No-Show Delay Unit',
	name: 'noShowTimeUnit',
	type: 'options',
	default: 'MINUTE',
	description: 'The unit of the no-show delay',
	options: [
		{ name: 'Days', value: 'DAY' },
		{ name: 'Hours', value: 'HOUR' },
		{ name: 'Minutes', value: 'MINUTE' },
	],
};

/** The no-show delay, required and shown once one of the chosen events (`parameter`) needs it. */
export function noShowDelayFields(parameter: string): INodeProperties[] {
	const displayOptions = { show: { [parameter]: NO_SHOW_DELAY_EVENTS } };
	return [
		{ ...noShowTimeField, required: true, displayOptions },
		{ ...noShowTimeUnitField, required: true, displayOptions },
	];
}

export const payloadTemplateField: INodeProperties = {
	displayName: 'Payload Template',
	name: 'payloadTemplate',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'e.g. {"title":"{{title}}","organizer":"{{organizer.name}}"}',
	description:
		'Cal.com sends this template, filled in, instead of its own body (not for Meeting Started/Ended)',
};

/** The Payload Version option: `version` in the action (Cal.com's name), `payloadVersion` in the trigger. */
export function payloadVersionField(name: string): INodeProperties {
	return {
		displayName: 'Payload Version',
		name,
		type: 'options',
		default: DEFAULT_PAYLOAD_VERSION,
		options: [
			{ name: '2021-10-20 (Default)', value: DEFAULT_PAYLOAD_VERSION },
			{
				name: '2026-07-27 (Adds Calendar Files)',
				value: '2026-07-27',
				description: 'Adds attendeeIcsContent and organizerIcsContent; newer Cal.com versions only',
			},
		],
		description: 'The shape of the bodies Cal.com sends',
	};
}
