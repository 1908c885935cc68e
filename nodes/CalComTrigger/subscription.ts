import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { timeoutSecondsToMs } from '../CalCom/helpers/parameters';
import { calComRequest, paginateOffset } from '../CalCom/transport';
import { explainOlderServer } from '../CalCom/webhooks/olderServer';
import { webhookPath } from '../CalCom/webhooks/scope';
import { DEFAULT_PAYLOAD_VERSION, WEBHOOK_PAGE_SIZE } from '../CalCom/webhooks/settings';
import type { WantedWebhook } from './config';
import { wantedWebhook, webhookBody } from './config';
import { generateSecret } from './signature';

/** A webhook of ours whose removal failed, retried on the next create or delete. */
interface Orphan {
	basePath: string;
	webhookId: string;
	attempts: number;
}

/**
 * The subscription, kept in the workflow's static data (node scope) under these keys, beside
 * `orphans`. The secret never leaves static data except in the body that registers it with Cal.com.
 */
const SUBSCRIPTION_KEYS = [
	'webhookId',
	'secret',
	'scopeKey',
	'basePath',
	'url',
	'events',
	'payloadTemplate',
	'version',
	'time',
	'timeUnit',
];
/** After this many failed removals an orphan is dropped from the retry list, with a warning. */
const MAX_ORPHAN_ATTEMPTS = 5;

interface CalComWebhook {
	id?: unknown;
	subscriberUrl?: unknown;
	triggers?: unknown;
	active?: unknown;
	payloadTemplate?: unknown;
	secret?: unknown;
	version?: unknown;
	time?: unknown;
	timeUnit?: unknown;
}

/** The transport's errors are NodeApiErrors already; anything else is wrapped as one. */
function asNodeError(ctx: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

function httpCode(error: unknown): string | undefined {
	return error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
}

/** The Timeout option, read as the action node reads it: how long one subscription request may take. */
function timeoutMs(ctx: IHookFunctions): number {
	return timeoutSecondsToMs(ctx.getNodeParameter('options.timeoutSeconds', 30));
}

async function listWebhooks(ctx: IHookFunctions, basePath: string): Promise<CalComWebhook[]> {
	const items = await paginateOffset.call(
		ctx,
		{ method: 'GET', path: basePath, timeoutMs: timeoutMs(ctx) },
		{ pageSize: WEBHOOK_PAGE_SIZE },
	);
	return items.filter((item): item is CalComWebhook => typeof item === 'object' && item !== null);
}

function sameEvents(actual: unknown, wanted: string[]): boolean {
	if (!Array.isArray(actual)) return false;
	const set = [...new Set(actual.map(String))].sort();
	return set.length === wanted.length && set.every((event, i) => event === wanted[i]);
}

/** Whether Cal.com's webhook is exactly what we want, registered with the secret we hold. */
function isCurrent(hook: CalComWebhook, wanted: WantedWebhook, secret: string): boolean {
	if (
		hook.subscriberUrl !== wanted.url ||
		hook.active !== true ||
		!sameEvents(hook.triggers, wanted.events)
	)
		return false;
	if (
		(typeof hook.payloadTemplate === 'string' ? hook.payloadTemplate : '') !==
		wanted.payloadTemplate
	)
		return false;
	// Older servers do not return a version: they only know the default one.
	if (
		(typeof hook.version === 'string' ? hook.version : DEFAULT_PAYLOAD_VERSION) !== wanted.version
	)
		return false;
	if (
		wanted.time !== null &&
		'time' in hook &&
		(hook.time !== wanted.time || hook.timeUnit !== wanted.timeUnit)
	)
		return false;
	// Cal.com may return the secret; if it does, it must be ours.
	return typeof hook.secret !== 'string' || hook.secret === secret;
}

/** Deletes one webhook. 404 counts as done (someone removed it, or its event type went). */
async function removeWebhook(
	ctx: IHookFunctions,
	basePath: string,
	webhookId: string,
): Promise<boolean> {
	try {
		const path = webhookPath({ basePath }, webhookId);
		await calComRequest.call(ctx, { method: 'DELETE', path, timeoutMs: timeoutMs(ctx) });
		return true;
	} catch (error) {
		if (httpCode(error) === '404') {
			ctx.logger.info(`Cal.com webhook ${webhookId} was already gone`, { basePath });
			return true;
		}
		ctx.logger.warn(
			`Could not remove Cal.com webhook ${webhookId}; will retry on the next activation or deactivation`,
			{
				basePath,
				error: (error as Error).message,
			},
		);
		return false;
	}
}

function orphansOf(data: IDataObject): Orphan[] {
	return Array.isArray(data.orphans) ? (data.orphans as unknown as Orphan[]) : [];
}

/** Removes the stored webhook and earlier orphans; the ones that fail stay orphans. */
async function removeOurs(ctx: IHookFunctions, data: IDataObject): Promise<boolean> {
	const targets = [...orphansOf(data)];
	if (typeof data.webhookId === 'string' && typeof data.basePath === 'string') {
		targets.unshift({ basePath: data.basePath, webhookId: data.webhookId, attempts: 0 });
	}
	const left: Orphan[] = [];
	for (const target of targets) {
		if (await removeWebhook(ctx, target.basePath, target.webhookId)) continue;
		const attempts = target.attempts + 1;
		if (attempts < MAX_ORPHAN_ATTEMPTS) left.push({ ...target, attempts });
		else
			ctx.logger.error(
				`Gave up removing Cal.com webhook ${target.webhookId} after ${attempts} attempts: remove it in Cal.com`,
				{ basePath: target.basePath },
			);
	}
	for (const key of SUBSCRIPTION_KEYS) delete data[key];
	if (left.length > 0) data.orphans = left as unknown as IDataObject[];
	else delete data.orphans;
	return left.length === 0;
}

function store(data: IDataObject, wanted: WantedWebhook, webhookId: string, secret: string): void {
	Object.assign(data, {
		webhookId,
		secret,
		scopeKey: wanted.scopeKey,
		basePath: wanted.basePath,
		url: wanted.url,
		events: wanted.events,
		payloadTemplate: wanted.payloadTemplate,
		version: wanted.version,
		time: wanted.time,
		timeUnit: wanted.timeUnit,
	});
	const orphans = orphansOf(data).filter((orphan) => orphan.webhookId !== webhookId);
	if (orphans.length > 0) data.orphans = orphans as unknown as IDataObject[];
	else delete data.orphans;
}

/**
 * True only when static data names a webhook that Cal.com still has in this scope with our URL,
 * exact event set, template, version and no-show delay, and we hold its secret. Anything else
 * (no secret, another scope, changed events) is false, and create() replaces it.
 */
export async function subscriptionExists(ctx: IHookFunctions): Promise<boolean> {
	const wanted = wantedWebhook(ctx);
	const data = ctx.getWorkflowStaticData('node');
	if (typeof data.webhookId !== 'string' || typeof data.secret !== 'string' || data.secret === '')
		return false;
	if (data.scopeKey !== wanted.scopeKey || data.url !== wanted.url) return false;
	const hook = (await listWebhooks(ctx, wanted.basePath)).find(
		(item) => item.id === data.webhookId,
	);
	return hook !== undefined && isCurrent(hook, wanted, data.secret);
}

/**
 * Removes what we registered before (it no longer matches), then registers the wanted webhook
 * with a new secret. Cal.com answers 409 when a webhook with our URL already exists in the scope
 * (a stale one whose removal failed or whose static data was lost): that one is adopted, i.e.
 * updated to our events and a new secret.
 */
export async function createSubscription(ctx: IHookFunctions): Promise<boolean> {
	const wanted = wantedWebhook(ctx);
	const data = ctx.getWorkflowStaticData('node');
	await removeOurs(ctx, data);
	const secret = generateSecret();
	let created: CalComWebhook;
	const body = webhookBody(wanted, secret);
	try {
		created = (await calComRequest.call(ctx, {
			method: 'POST',
			path: wanted.basePath,
			body,
			timeoutMs: timeoutMs(ctx),
		})) as CalComWebhook;
	} catch (error) {
		// An older self-hosted Cal.com: name the newer events or payload version it lacks. No
		// fallback here: the subscription keeps the version the user chose (olderServer.ts).
		if (httpCode(error) !== '409')
			throw asNodeError(ctx, explainOlderServer(ctx.getNode(), error, body));
		const stale = (await listWebhooks(ctx, wanted.basePath)).find(
			(hook) => hook.subscriberUrl === wanted.url,
		);
		if (typeof stale?.id !== 'string') throw asNodeError(ctx, error);
		ctx.logger.info(`Adopting the existing Cal.com webhook ${stale.id} for this trigger's URL`, {
			basePath: wanted.basePath,
		});
		const clearTemplate = typeof stale.payloadTemplate === 'string' && stale.payloadTemplate !== '';
		created = (await calComRequest.call(ctx, {
			method: 'PATCH',
			path: webhookPath(wanted, stale.id),
			body: webhookBody(wanted, secret, clearTemplate),
			timeoutMs: timeoutMs(ctx),
		})) as CalComWebhook;
	}
	if (typeof created?.id !== 'string' && typeof created?.id !== 'number') {
		throw new NodeApiError(
			ctx.getNode(),
			{ request: `POST ${wanted.basePath}` },
			{ message: 'Cal.com did not return the new webhook’s id' },
		);
	}
	store(data, wanted, String(created.id), secret);
	return true;
}

/** Removes our webhook (and any orphans); 404 is fine, other failures are logged and retried later. */
export async function deleteSubscription(ctx: IHookFunctions): Promise<boolean> {
	return await removeOurs(ctx, ctx.getWorkflowStaticData('node'));
}
