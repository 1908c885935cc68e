import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, ParameterError } from '../CalCom/helpers/errors';
import { hasNoShowTrigger, unknownTriggers } from '../CalCom/webhooks/events';
import type { WebhookScope } from '../CalCom/webhooks/scope';
import { isWebhookScopeName, webhookScope } from '../CalCom/webhooks/scope';
import {
	DEFAULT_PAYLOAD_VERSION,
	isNoShowTime,
	isPayloadVersion,
	isTimeUnit,
	PAYLOAD_VERSIONS,
} from '../CalCom/webhooks/settings';

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

/** The Scope parameter's scope; a value that names no scope keeps the User scope. */
function readScope(ctx: IHookFunctions): WebhookScope {
	const name = ctx.getNodeParameter('scope', 'user');
	let lastRead: unknown;
	try {
		return webhookScope(isWebhookScopeName(name) ? name : 'user', (parameter) => {
			lastRead = ctx.getNodeParameter(parameter, '', { extractValue: true });
			return lastRead;
		});
	} catch (error) {
		if (!(error instanceof ParameterError)) throw new NodeOperationError(ctx.getNode(), error as Error);
		const message = `${error.field} must be a positive whole number, not ${describeValue(lastRead)}`;
		throw new NodeOperationError(ctx.getNode(), message, {
			description: 'Enter the ID Cal.com shows for it (a number).',
		});
	}
}

function readEvents(ctx: IHookFunctions): string[] {
	const events = [...new Set(ctx.getNodeParameter('events', []) as string[])].sort();
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event', {
			description: 'Cal.com needs at least one event to send to this workflow.',
		});
	}
	const unknown = unknownTriggers(events);
	if (unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `Unknown Cal.com event: ${unknown.join(', ')}`);
	}
	return events;
}

function readVersion(ctx: IHookFunctions, chosen: string | undefined): string {
	const version = chosen || DEFAULT_PAYLOAD_VERSION;
	if (!isPayloadVersion(version)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Payload version must be one of ${PAYLOAD_VERSIONS.join(', ')}, not "${version}"`,
		);
	}
	return version;
}

/** The no-show delay, read only when one of the events needs it. */
function readNoShowDelay(ctx: IHookFunctions, events: string[]): Pick<WantedWebhook, 'time' | 'timeUnit'> {
	if (!hasNoShowTrigger(events)) return { time: null, timeUnit: null };
	const time = Number(ctx.getNodeParameter('noShowTime', 0));
	const timeUnit = String(ctx.getNodeParameter('noShowTimeUnit', ''));
	if (!isNoShowTime(time) || !isTimeUnit(timeUnit)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The no-show events need a delay: a whole number of minutes, hours or days, at least 1',
			{
				description:
					'Set "No-Show Delay" and "No-Show Delay Unit": Cal.com checks who joined the Cal Video call that long after the start.',
			},
		);
	}
	return { time, timeUnit };
}

/**
 * Reads and checks the node's parameters before any request, so a wrong setting stops the
 * activation with a message instead of a half-made subscription.
 */
export function wantedWebhook(ctx: IHookFunctions): WantedWebhook {
	const events = readEvents(ctx);
	const options = ctx.getNodeParameter('options', {}) as {
		payloadTemplate?: string;
		payloadVersion?: string;
	};
	const version = readVersion(ctx, options.payloadVersion);
	const delay = readNoShowDelay(ctx, events);
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
	const { key: scopeKey, basePath } = readScope(ctx);
	const payloadTemplate = (options.payloadTemplate ?? '').trim();
	return { scopeKey, basePath, url, events, payloadTemplate, version, ...delay };
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
