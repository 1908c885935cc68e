import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { eventOptions, EVENT_VALUES, NO_SHOW_DELAY_EVENTS } from '../../../CalComTrigger/events';
import { ParameterError } from '../../helpers/errors';
import { toPositiveInt } from '../../helpers/parameters';
import { apiPath } from '../../transport';
import { eventTypeIdLocator } from '../common.descriptions';

export const PAYLOAD_VERSIONS = ['2021-10-20', '2026-07-27'];
export const TIME_UNITS = ['DAY', 'HOUR', 'MINUTE'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the webhook lives: the API key user's own webhooks, or one event type's. */
export const scopeFields: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'user',
		options: [
			{
				name: 'User',
				value: 'user',
				description: 'The API key user’s own webhooks, for all their event types',
			},
			{
				name: 'Event Type',
				value: 'eventType',
				description: 'The webhooks of one of your event types',
			},
		],
		description: 'Whose webhooks to manage',
	},
	{
		...eventTypeIdLocator,
		displayOptions: { show: { scope: ['eventType'] } },
		description: 'The event type whose webhooks to manage',
	},
];

export const webhookIdLocator: INodeProperties = {
	displayName: 'Webhook',
	name: 'webhookId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The webhook, in the scope chosen above',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34',
			validation: [
				{
					type: 'regex',
					properties: {
						regex:
							'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$',
						errorMessage: 'A webhook ID is a UUID, e.g. 6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34',
					},
				},
			],
		},
	],
};

export const triggersField: INodeProperties = {
	displayName: 'Triggers',
	name: 'triggers',
	type: 'multiOptions',
	required: true,
	default: [],
	options: eventOptions(),
	description:
		'The Cal.com events that are sent to the subscriber URL. Each name starts with its group: Booking, Meeting & Recording, Form & Routing, Out of Office, No-Show, Instant Meeting, Administrative.',
};

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

export const secretField: INodeProperties = {
	displayName: 'Secret',
	name: 'secret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Cal.com signs each delivery with it (X-Cal-Signature-256: HMAC-SHA256 of the body). Never shown in the output.',
};

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

export const payloadVersionField: INodeProperties = {
	displayName: 'Payload Version',
	name: 'version',
	type: 'options',
	default: '2021-10-20',
	options: [
		{ name: '2021-10-20 (Default)', value: '2021-10-20' },
		{
			name: '2026-07-27 (Adds Calendar Files)',
			value: '2026-07-27',
			description: 'Adds attendeeIcsContent and organizerIcsContent; newer Cal.com versions only',
		},
	],
	description: 'The shape of the bodies Cal.com sends',
};

export const activeField: INodeProperties = {
	displayName: 'Active',
	name: 'active',
	type: 'boolean',
	default: true,
	description: 'Whether Cal.com sends deliveries to this webhook',
};

export interface WebhookScope {
	scope: 'user' | 'eventType';
	/** The scope's webhook collection, e.g. '/v2/event-types/11/webhooks'. */
	basePath: string;
	eventTypeId?: number;
}

function scopeFrom(scope: unknown, eventTypeId: () => unknown): WebhookScope {
	if (scope === 'eventType') {
		const id = toPositiveInt(eventTypeId(), 'Event Type', 'an event type ID');
		return {
			scope: 'eventType',
			basePath: apiPath`/v2/event-types/${id}/webhooks`,
			eventTypeId: id,
		};
	}
	if (scope !== undefined && scope !== 'user')
		throw new ParameterError('Scope', `"${String(scope)}" is not User or Event Type.`);
	return { scope: 'user', basePath: '/v2/webhooks' };
}

export function readScope(ctx: IExecuteFunctions, itemIndex: number): WebhookScope {
	return scopeFrom(ctx.getNodeParameter('scope', itemIndex, 'user'), () =>
		ctx.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
	);
}

/** The scope as the editor has it now, for the webhook list; undefined while it is incomplete. */
export function currentScope(ctx: ILoadOptionsFunctions): WebhookScope | undefined {
	try {
		return scopeFrom(ctx.getCurrentNodeParameter('scope') ?? 'user', () =>
			ctx.getCurrentNodeParameter('eventTypeId', { extractValue: true }),
		);
	} catch {
		return undefined;
	}
}

export function readWebhookId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('webhookId', itemIndex, '', { extractValue: true });
	const id = typeof raw === 'string' ? raw.trim() : '';
	if (!UUID.test(id)) {
		throw new ParameterError(
			'Webhook',
			id
				? `"${id}" is not a webhook ID (a UUID such as 6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34).`
				: 'a webhook is required.',
		);
	}
	return id;
}

export function webhookPath(scope: WebhookScope, id: string): string {
	return scope.basePath + apiPath`/${id}`;
}

export function notFound(scope: WebhookScope, id: string): string {
	return scope.scope === 'eventType'
		? `Webhook ${id} was not found among the webhooks of event type ${scope.eventTypeId}`
		: `Webhook ${id} was not found among your webhooks`;
}

/** The chosen triggers, checked against Cal.com's list; at least one. */
export function checkTriggers(value: unknown): string[] {
	const triggers = [
		...new Set(
			Array.isArray(value)
				? value.map(String)
				: typeof value === 'string' && value
					? value.split(',').map((t) => t.trim())
					: [],
		),
	];
	if (triggers.length === 0) throw new ParameterError('Triggers', 'choose at least one trigger.');
	const unknown = triggers.filter((trigger) => !EVENT_VALUES.has(trigger));
	if (unknown.length > 0)
		throw new ParameterError('Triggers', `unknown Cal.com trigger: ${unknown.join(', ')}.`);
	return triggers;
}

export function hasNoShowTrigger(triggers: string[]): boolean {
	return triggers.some((trigger) => NO_SHOW_DELAY_EVENTS.includes(trigger));
}

/** The no-show delay a no-show trigger needs: a whole number ≥ 1 and a unit. */
export function checkNoShowDelay(
	time: unknown,
	timeUnit: unknown,
): { time: number; timeUnit: string } {
	const hint =
		'The no-show triggers need a delay: Cal.com checks who joined the Cal Video call that long after the start.';
	const amount = Number(time);
	if (
		time === undefined ||
		time === null ||
		time === '' ||
		!Number.isInteger(amount) ||
		amount < 1
	) {
		throw new ParameterError(
			'No-Show Delay',
			`a whole number of at least 1 is required with ${NO_SHOW_DELAY_EVENTS.join(' or ')}.`,
			hint,
		);
	}
	const unit = String(timeUnit ?? '');
	if (!TIME_UNITS.includes(unit)) {
		throw new ParameterError(
			'No-Show Delay Unit',
			`choose Minutes, Hours or Days (${TIME_UNITS.join(', ')}), not "${unit}".`,
			hint,
		);
	}
	return { time: amount, timeUnit: unit };
}

export function checkVersion(value: unknown): string {
	const version = String(value);
	if (!PAYLOAD_VERSIONS.includes(version)) {
		throw new ParameterError(
			'Payload Version',
			`must be one of ${PAYLOAD_VERSIONS.join(', ')}, not "${version}".`,
		);
	}
	return version;
}

export function checkSubscriberUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text)
		throw new ParameterError(
			'Subscriber URL',
			'a URL is required, e.g. https://example.com/hooks/cal.',
		);
	if (!URL.canParse(text))
		throw new ParameterError(
			'Subscriber URL',
			`"${text}" is not a URL, e.g. https://example.com/hooks/cal.`,
		);
	const url = new URL(text);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ParameterError(
			'Subscriber URL',
			`must start with https:// (or http:// on self-hosted Cal.com), not "${url.protocol}".`,
		);
	}
	return text;
}

/** Adds what to do to Cal.com's 409 for a subscriber URL the scope already has. */
export function explainConflict(error: unknown, url: string | undefined): unknown {
	if (error instanceof NodeApiError && error.httpCode === '409') {
		error.description = `A webhook for ${url ?? 'this subscriber URL'} already exists in this scope, and Cal.com takes each URL once per scope. Update that webhook instead (Get Many lists it), delete it first, or use another URL.`;
	}
	return error;
}

/**
 * The webhook without its secret. Simplified keeps what a person or an agent needs; Raw keeps
 * Cal.com's answer. Neither shows the secret: n8n keeps execution data, and the secret is what
 * lets anyone forge a Cal.com delivery. `hasSecret` says whether one is set.
 */
export function shapeWebhook(data: unknown, output: string): IDataObject {
	const hook = typeof data === 'object' && data !== null ? { ...(data as IDataObject) } : {};
	const hasSecret = typeof hook.secret === 'string' && hook.secret !== '';
	delete hook.secret;
	if (output === 'raw') return { ...hook, hasSecret };
	const out: IDataObject = { id: hook.id ?? null };
	if (hook.userId !== undefined) out.userId = hook.userId;
	if (hook.eventTypeId !== undefined) out.eventTypeId = hook.eventTypeId;
	Object.assign(out, {
		subscriberUrl: hook.subscriberUrl ?? null,
		triggers: Array.isArray(hook.triggers) ? hook.triggers : [],
		active: hook.active ?? null,
		payloadTemplate: hook.payloadTemplate ?? null,
		version: hook.version ?? null,
		time: hook.time ?? null,
		timeUnit: hook.timeUnit ?? null,
		hasSecret,
	});
	return out;
}
