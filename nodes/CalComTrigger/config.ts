import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiPath } from '../CalCom/transport';
import { EVENT_VALUES, NO_SHOW_DELAY_EVENTS } from './events';

export const DEFAULT_PAYLOAD_VERSION = '2021-10-20';
export const PAYLOAD_VERSIONS = [DEFAULT_PAYLOAD_VERSION, '2026-07-27'];
const TIME_UNITS = ['DAY', 'HOUR', 'MINUTE'];

/** The webhook this node wants Cal.com to have: what checkExists compares and create registers. */
export interface WantedWebhook {
	/** 'user', 'eventType:11', 'team:100/eventType:51', 'organization:7'. */
	scopeKey: string;
	/** The scope's webhook collection, e.g. '/v2/event-types/11/webhooks'. */
	basePath: string;
	url: string;
	/** Sorted, without duplicates. */
	events: string[];
	/** '' = none. */
	payloadTemplate: string;
	version: string;
	/** Set only with a no-show delay event. */
	time: number | null;
	timeUnit: string | null;
}

function positiveId(ctx: IHookFunctions, value: unknown, what: string): number {
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${what} must be a positive whole number, not "${text}"`,
			{
				description: 'Enter the ID Cal.com shows for it (a number).',
			},
		);
	}
	return Number(text);
}

function scopeOf(ctx: IHookFunctions): Pick<WantedWebhook, 'scopeKey' | 'basePath'> {
	const scope = ctx.getNodeParameter('scope', 'user') as string;
	if (scope === 'eventType') {
		const id = positiveId(
			ctx,
			ctx.getNodeParameter('eventTypeId', '', { extractValue: true }),
			'Event Type',
		);
		return { scopeKey: `eventType:${id}`, basePath: apiPath`/v2/event-types/${id}/webhooks` };
	}
	if (scope === 'teamEventType') {
		const team = positiveId(ctx, ctx.getNodeParameter('teamId', ''), 'Team ID');
		const id = positiveId(ctx, ctx.getNodeParameter('teamEventTypeId', ''), 'Team Event Type ID');
		return {
			scopeKey: `team:${team}/eventType:${id}`,
			basePath: apiPath`/v2/teams/${team}/event-types/${id}/webhooks`,
		};
	}
	if (scope === 'organization') {
		const org = positiveId(ctx, ctx.getNodeParameter('organizationId', ''), 'Organization ID');
		return {
			scopeKey: `organization:${org}`,
			basePath: apiPath`/v2/organizations/${org}/webhooks`,
		};
	}
	return { scopeKey: 'user', basePath: '/v2/webhooks' };
}

/**
 * Reads and checks the node's parameters before any request, so a wrong setting stops the
 * activation with a message instead of a half-made subscription.
 */
export function wantedWebhook(ctx: IHookFunctions): WantedWebhook {
	const node = ctx.getNode();
	const events = [...new Set(ctx.getNodeParameter('events', []) as string[])].sort();
	if (events.length === 0) {
		throw new NodeOperationError(node, 'Choose at least one event', {
			description: 'Cal.com needs at least one event to send to this workflow.',
		});
	}
	const unknown = events.filter((event) => !EVENT_VALUES.has(event));
	if (unknown.length > 0)
		throw new NodeOperationError(node, `Unknown Cal.com event: ${unknown.join(', ')}`);

	const options = ctx.getNodeParameter('options', {}) as {
		payloadTemplate?: string;
		payloadVersion?: string;
	};
	const version = options.payloadVersion || DEFAULT_PAYLOAD_VERSION;
	if (!PAYLOAD_VERSIONS.includes(version)) {
		throw new NodeOperationError(
			node,
			`Payload version must be one of ${PAYLOAD_VERSIONS.join(', ')}, not "${version}"`,
		);
	}

	let time: number | null = null;
	let timeUnit: string | null = null;
	if (events.some((event) => NO_SHOW_DELAY_EVENTS.includes(event))) {
		time = Number(ctx.getNodeParameter('noShowTime', 0));
		timeUnit = String(ctx.getNodeParameter('noShowTimeUnit', ''));
		if (!Number.isInteger(time) || time < 1 || !TIME_UNITS.includes(timeUnit)) {
			throw new NodeOperationError(
				node,
				'The no-show events need a delay: a whole number of minutes, hours or days, at least 1',
				{
					description:
						'Set "No-Show Delay" and "No-Show Delay Unit": Cal.com checks who joined the Cal Video call that long after the start.',
				},
			);
		}
	}

	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(node, 'n8n gave this trigger no webhook URL');
	return {
		...scopeOf(ctx),
		url,
		events,
		payloadTemplate: (options.payloadTemplate ?? '').trim(),
		version,
		time,
		timeUnit,
	};
}

/** The POST/PATCH body for the wanted webhook with this secret. */
export function webhookBody(wanted: WantedWebhook, secret: string, clearTemplate = false) {
	const body: Record<string, string | number | boolean | string[]> = {
		subscriberUrl: wanted.url,
		triggers: wanted.events,
		active: true,
		secret,
		version: wanted.version,
	};
	if (wanted.payloadTemplate || clearTemplate) body.payloadTemplate = wanted.payloadTemplate;
	if (wanted.time !== null && wanted.timeUnit !== null) {
		body.time = wanted.time;
		body.timeUnit = wanted.timeUnit;
	}
	return body;
}
