import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { ParameterError } from '../helpers/errors';
import { toPositiveInt } from '../helpers/parameters';
import { apiPath } from '../transport';

/** Where a webhook lives, which decides whose events Cal.com sends to it. */
export type WebhookScopeName = 'user' | 'eventType' | 'teamEventType' | 'organization';

const WEBHOOK_SCOPES: readonly WebhookScopeName[] = [
	'user',
	'eventType',
	'teamEventType',
	'organization',
];

export interface WebhookScope {
	name: WebhookScopeName;
	/** 'user', 'eventType:11', 'team:100/eventType:51' or 'organization:7'. */
	key: string;
	/** The scope's webhook collection, e.g. '/v2/event-types/11/webhooks'. */
	basePath: string;
	eventTypeId?: number;
	teamId?: number;
	organizationId?: number;
}

/** Reads a scope's ID parameter by its name (`eventTypeId`, `teamId`, …). */
export type ReadParameter = (name: string) => unknown;

export function isWebhookScopeName(value: unknown): value is WebhookScopeName {
	return typeof value === 'string' && (WEBHOOK_SCOPES as readonly string[]).includes(value);
}

function eventTypeScope(read: ReadParameter): WebhookScope {
	const eventTypeId = toPositiveInt(read('eventTypeId'), 'Event Type', 'an event type ID');
	return {
		name: 'eventType',
		key: `eventType:${eventTypeId}`,
		basePath: apiPath`/v2/event-types/${eventTypeId}/webhooks`,
		eventTypeId,
	};
}

function teamEventTypeScope(read: ReadParameter): WebhookScope {
	const teamId = toPositiveInt(read('teamId'), 'Team ID', 'a team ID');
	const eventTypeId = toPositiveInt(
		read('teamEventTypeId'),
		'Team Event Type ID',
		'a team event type ID',
	);
	return {
		name: 'teamEventType',
		key: `team:${teamId}/eventType:${eventTypeId}`,
		basePath: apiPath`/v2/teams/${teamId}/event-types/${eventTypeId}/webhooks`,
		teamId,
		eventTypeId,
	};
}

function organizationScope(read: ReadParameter): WebhookScope {
	const organizationId = toPositiveInt(read('organizationId'), 'Organization ID', 'an organization ID');
	return {
		name: 'organization',
		key: `organization:${organizationId}`,
		basePath: apiPath`/v2/organizations/${organizationId}/webhooks`,
		organizationId,
	};
}

/**
 * The scope named by the Scope parameter, with the IDs it needs read through `read` and checked
 * before any request: a bad ID is a ParameterError naming its field.
 */
export function webhookScope(name: unknown, read: ReadParameter): WebhookScope {
	if (name === 'eventType') return eventTypeScope(read);
	if (name === 'teamEventType') return teamEventTypeScope(read);
	if (name === 'organization') return organizationScope(read);
	if (name !== undefined && name !== 'user') {
		throw new ParameterError(
			'Scope',
			`"${String(name)}" is not User, Event Type, Team Event Type or Organization.`,
		);
	}
	return { name: 'user', key: 'user', basePath: '/v2/webhooks' };
}

/** The scope's webhook collection, or with an ID the one webhook in it. */
export function webhookPath(scope: Pick<WebhookScope, 'basePath'>, webhookId?: string): string {
	return webhookId === undefined ? scope.basePath : scope.basePath + apiPath`/${webhookId}`;
}

/** The scope as the editor has it now, for a webhook list; undefined while it is incomplete. */
export function currentWebhookScope(ctx: ILoadOptionsFunctions): WebhookScope | undefined {
	try {
		return webhookScope(ctx.getCurrentNodeParameter('scope') ?? 'user', (name) =>
			ctx.getCurrentNodeParameter(name, { extractValue: true }),
		);
	} catch {
		return undefined;
	}
}
