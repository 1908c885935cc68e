import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { NO_SHOW_DELAY_EVENTS, unknownTriggers } from '../../webhooks/events';
import { eventsField, scopeFields as webhookScopeFields } from '../../webhooks/fields';
import type { WebhookScope } from '../../webhooks/scope';
import { webhookScope } from '../../webhooks/scope';
import {
	isNoShowTime,
	isPayloadVersion,
	isTimeUnit,
	PAYLOAD_VERSIONS,
	TIME_UNITS,
} from '../../webhooks/settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the webhook lives (User, Event Type, Team Event Type, Organization) and the IDs it needs. */
export const scopeFields: INodeProperties[] = webhookScopeFields(
	'Whose webhooks to manage',
	'The event type whose webhooks to manage',
);

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

export const triggersField: INodeProperties = eventsField(
	'triggers',
	'Triggers',
	'The Cal.com events that are sent to the subscriber URL',
);

export const secretField: INodeProperties = {
	displayName: 'Secret',
	name: 'secret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Cal.com signs each delivery with it (X-Cal-Signature-256: HMAC-SHA256 of the body). Never shown in the output.',
};

export const activeField: INodeProperties = {
	displayName: 'Active',
	name: 'active',
	type: 'boolean',
	default: true,
	description: 'Whether Cal.com sends deliveries to this webhook',
};

export function readScope(ctx: IExecuteFunctions, itemIndex: number): WebhookScope {
	return webhookScope(ctx.getNodeParameter('scope', itemIndex, 'user'), (name) =>
		ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }),
	);
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

/** What a 404 for this webhook means in its scope. */
export function notFound(scope: WebhookScope, id: string): string {
	const among = {
		user: 'your webhooks',
		eventType: `the webhooks of event type ${scope.eventTypeId}`,
		teamEventType: `the webhooks of team ${scope.teamId}’s event type ${scope.eventTypeId}`,
		organization: `the webhooks of organization ${scope.organizationId}`,
	}[scope.name];
	return `Webhook ${id} was not found among ${among}`;
}

/** The chosen triggers, checked against Cal.com's list; at least one. */
export function checkTriggers(value: unknown): string[] {
	const list = Array.isArray(value)
		? value.map(String)
		: typeof value === 'string' && value
			? value.split(',').map((t) => t.trim())
			: [];
	const triggers = [...new Set(list)];
	if (triggers.length === 0) throw new ParameterError('Triggers', 'choose at least one trigger.');
	const unknown = unknownTriggers(triggers);
	if (unknown.length > 0) {
		throw new ParameterError('Triggers', `unknown Cal.com trigger: ${unknown.join(', ')}.`);
	}
	return triggers;
}

/** The no-show delay a no-show trigger needs: a whole number ≥ 1 and a unit. */
export function checkNoShowDelay(
	time: unknown,
	timeUnit: unknown,
): { time: number; timeUnit: string } {
	const hint =
		'The no-show triggers need a delay: Cal.com checks who joined the Cal Video call that long after the start.';
	if (!isNoShowTime(time)) {
		const needs = `a whole number of at least 1 is required with ${NO_SHOW_DELAY_EVENTS.join(' or ')}.`;
		throw new ParameterError('No-Show Delay', needs, hint);
	}
	const unit = String(timeUnit ?? '');
	if (!isTimeUnit(unit)) {
		const units = `choose Minutes, Hours or Days (${TIME_UNITS.join(', ')}), not "${unit}".`;
		throw new ParameterError('No-Show Delay Unit', units, hint);
	}
	return { time: Number(time), timeUnit: unit };
}

export function checkVersion(value: unknown): string {
	const version = String(value);
	if (!isPayloadVersion(version)) {
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
	if (hook.teamId !== undefined) out.teamId = hook.teamId;
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
