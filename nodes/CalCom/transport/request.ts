import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { readOnce } from '../helpers/executionCache';
import { isRecord } from '../helpers/json';
import { baseUrlProblem, resolveBaseUrl } from './baseUrl';
import type { FailureContext, NetworkFailure } from './errors';
import { httpError, networkError } from './errors';
import { paceBeforeRequest, settleAnswer, settleNoAnswer } from './pacing';
import { reserveShareOf } from './reserve';
import { sentInput } from './rejection';
import type { HeaderMap } from './retry';
import {
	backoffMs,
	MAX_ATTEMPTS_RATE_LIMITED,
	MAX_ATTEMPTS_TRANSIENT,
	rateLimitWaitMs,
} from './retry';
import { credentialTypeOf, OAUTH2_CREDENTIAL } from './credentialType';
import { isReconnectError, operationLabel } from './scopes';
import { apiVersionForPath } from './versions';

/** The API-key credential; credentialTypeOf(node) says which one a node uses. */
export const CREDENTIAL_TYPE = 'calComV2Api';
export const DEFAULT_TIMEOUT_MS = 30_000;

export type CalComContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface CalComRequestOptions {
	method: IHttpRequestMethods;
	/** Starts with /v2/; build it with apiPath() so ids are encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Overrides the version table; null sends no header. */
	apiVersion?: string | null;
	/**
	 * 'safe': 5xx, timeouts and dropped connections are retried. 'never': only 429 is retried
	 * (Cal.com did not process a throttled request). Default: safe for GET, PUT, PATCH and
	 * DELETE, never for POST, which creates bookings and charges credits.
	 */
	retry?: 'safe' | 'never';
	timeoutMs?: number;
	notFoundMessage?: string;
}

export interface CalComResponse {
	/** The envelope's `data`. */
	data: unknown;
	/** The whole success body, for `pagination` and friends. */
	body: IDataObject;
	headers: HeaderMap;
	statusCode: number;
}

interface FullResponse {
	statusCode: number;
	headers: HeaderMap;
	body: unknown;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

function contentType(headers: HeaderMap): string {
	const raw = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
	return (Array.isArray(raw) ? raw[0] : (raw ?? '')).toLowerCase();
}

function looksLikeHtml(headers: HeaderMap, body: unknown): boolean {
	if (contentType(headers).includes('text/html')) return true;
	return typeof body === 'string' && /^\s*</.test(body);
}

/**
 * The HTTP answer inside an error thrown for its status (OAuth2 requests throw on 4xx/5xx; n8n-core
 * wraps the HTTP client's error, which holds `response`, in a NodeApiError's `cause`).
 */
function answerOfError(error: unknown): FullResponse | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (isRecord(current) && !seen.has(current)) {
		seen.add(current);
		const response = current.response;
		if (isRecord(response) && typeof response.status === 'number') {
			const headers = isRecord(response.headers) ? (response.headers as HeaderMap) : {};
			return { statusCode: response.status, headers, body: response.data };
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** n8n's "needs to be reconnected" error, with its own words, as this node's error. */
function reconnect(node: INode, error: unknown): NodeOperationError {
	const { message, description } = error as { message?: unknown; description?: unknown };
	return new NodeOperationError(node, String(message), {
		description: typeof description === 'string' ? description : undefined,
	});
}

/** Finds the Node/axios error code anywhere in the cause chain n8n-core wraps around it. */
function classifyNetworkError(error: unknown): NetworkFailure | 'cancelled' {
	const seen = new Set<unknown>();
	let current: unknown = error;
	const texts: string[] = [];
	while (isRecord(current) && !seen.has(current)) {
		seen.add(current);
		const code = typeof current.code === 'string' ? current.code.toUpperCase() : '';
		if (code === 'ERR_CANCELED') return 'cancelled';
		if (['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(code)) return 'timeout';
		if (['ECONNRESET', 'EPIPE'].includes(code)) return 'reset';
		if (code === 'ECONNREFUSED') return 'refused';
		if (['ENOTFOUND', 'EAI_AGAIN'].includes(code)) return 'dns';
		if (typeof current.message === 'string') texts.push(current.message.toLowerCase());
		current = (current as { cause?: unknown }).cause;
	}
	const text = texts.join(' ');
	if (text.includes('timeout')) return 'timeout';
	if (text.includes('socket hang up') || text.includes('econnreset')) return 'reset';
	if (text.includes('econnrefused')) return 'refused';
	return 'other';
}

/**
 * The credential, read once per execution context: in n8n every read is a database query and a
 * decryption, and a run over many items would repeat it for each request (n8n's own
 * httpRequestWithAuthentication reads it again to authenticate; that read is n8n's).
 */
export function credentialsOf(context: CalComContext): Promise<ICredentialDataDecryptedObject> {
	return readOnce(context, 'credentials', '', () =>
		context.getCredentials(credentialTypeOf(context.getNode())),
	);
}

/** What one request needs on every attempt: fixed before the first. */
interface RequestPlan {
	options: CalComRequestOptions;
	node: INode;
	credentialType: string;
	request: IHttpRequestOptions;
	baseUrl: string;
	apiVersion?: string;
	retryable: boolean;
	timeoutMs: number;
	paceKey: string;
	/** The share of each rate limit left unused while other processes use the key. */
	reserveShare: number;
}

/** An attempt either answers, or says how long to wait before the next one; failures throw. */
type AttemptOutcome = { response: CalComResponse } | { waitMs: number };

async function planRequest(
	this: CalComContext,
	options: CalComRequestOptions,
): Promise<RequestPlan> {
	const credentials = await credentialsOf(this);
	// n8n-core's getNode() deep-copies the node (all its parameters): one copy serves the request.
	const node = this.getNode();
	const credentialType = credentialTypeOf(node);
	const baseUrl = resolveBaseUrl(credentials);
	const problem = baseUrlProblem(baseUrl);
	if (problem) throw new NodeOperationError(node, problem);
	const apiVersion =
		options.apiVersion === null
			? undefined
			: (options.apiVersion ?? apiVersionForPath(options.path));
	const retryable =
		(options.retry ?? (SAFE_METHODS.has(options.method) ? 'safe' : 'never')) === 'safe';
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const request: IHttpRequestOptions = {
		method: options.method,
		url: `${baseUrl}${options.path}`,
		qs: options.qs,
		// A list in the query goes as repeated names (emails=a&emails=b), as the document describes.
		arrayFormat: 'repeat',
		body: options.body,
		headers: apiVersion ? { 'cal-api-version': apiVersion } : {},
		json: true,
		returnFullResponse: true,
		// n8n refreshes an OAuth2 token only when the request throws on its 401: let it throw, and
		// read the answer from the error (answerOfError).
		ignoreHttpStatusErrors: credentialType !== OAUTH2_CREDENTIAL,
		timeout: timeoutMs,
	};
	const paceKey = `${baseUrl}|${hashKey(String(credentials.apiKey ?? credentials.clientId ?? ''))}`;
	const reserveShare = reserveShareOf(this);
	return {
		options,
		node,
		credentialType,
		request,
		baseUrl,
		apiVersion,
		retryable,
		timeoutMs,
		paceKey,
		reserveShare,
	};
}

/** What an error names about the request; only a failure needs it, so it is made then. */
function failureContext(plan: RequestPlan, attempt: number): FailureContext {
	const { options } = plan;
	return {
		method: options.method,
		path: options.path,
		apiVersion: plan.apiVersion,
		attempts: attempt,
		retryable: plan.retryable,
		notFoundMessage: options.notFoundMessage,
		sent: sentInput(options.body, options.qs),
		operation: operationLabel(plan.node, options.method, options.path),
		oauth: plan.credentialType === OAUTH2_CREDENTIAL,
	};
}

/** The back-off before the next attempt when a transient failure may be retried, else undefined. */
function transientWait(plan: RequestPlan, attempt: number): number | undefined {
	return plan.retryable && attempt < MAX_ATTEMPTS_TRANSIENT ? backoffMs(attempt) : undefined;
}

/** A request that got no answer: wait and try again when that is safe, else say what happened. */
function noAnswer(node: INode, plan: RequestPlan, attempt: number, error: unknown): AttemptOutcome {
	const { method, path } = plan.options;
	const failure = classifyNetworkError(error);
	if (failure === 'cancelled') {
		throw new NodeApiError(
			node,
			{ request: `${method} ${path}` },
			{
				message: 'The execution was cancelled while waiting for Cal.com',
			},
		);
	}
	const definite = failure === 'refused' || failure === 'dns';
	const waitMs = definite ? undefined : transientWait(plan, attempt);
	if (waitMs !== undefined) return { waitMs };
	const { baseUrl, timeoutMs } = plan;
	throw networkError(node, failure, { ...failureContext(plan, attempt), baseUrl, timeoutMs });
}

/** Reads Cal.com's answer: the envelope on success, a wait before a retry, or an error. */
function readAnswer(
	node: INode,
	plan: RequestPlan,
	attempt: number,
	response: FullResponse,
): AttemptOutcome {
	const { statusCode, headers, body } = response;
	const ctx = () => failureContext(plan, attempt);
	const network = () => ({
		...ctx(),
		baseUrl: plan.baseUrl,
		timeoutMs: plan.timeoutMs,
		statusCode,
	});
	if (statusCode === 429) {
		if (attempt < MAX_ATTEMPTS_RATE_LIMITED)
			return { waitMs: rateLimitWaitMs(headers, attempt, Date.now()) };
		throw httpError(node, statusCode, body, ctx());
	}
	if (statusCode >= 500) {
		const waitMs = transientWait(plan, attempt);
		if (waitMs !== undefined) return { waitMs };
		throw httpError(node, statusCode, looksLikeHtml(headers, body) ? undefined : body, ctx());
	}
	if (statusCode >= 200 && statusCode < 300 && looksLikeHtml(headers, body)) {
		throw networkError(node, 'html', network());
	}
	if (statusCode >= 300) throw httpError(node, statusCode, body, ctx());
	if (!isRecord(body)) {
		// A 2xx whose JSON did not parse: the answer was cut or garbled on the way.
		const waitMs = transientWait(plan, attempt);
		if (waitMs !== undefined) return { waitMs };
		throw networkError(node, 'malformed', network());
	}
	return { response: { data: body.data, body, headers, statusCode } };
}

async function attemptRequest(
	this: CalComContext,
	plan: RequestPlan,
	attempt: number,
): Promise<AttemptOutcome> {
	const ticket = await paceBeforeRequest(plan.paceKey, plan.reserveShare);
	let response: FullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			plan.credentialType,
			plan.request,
		)) as FullResponse;
	} catch (error) {
		const answered = answerOfError(error);
		if (!answered) {
			settleNoAnswer(plan.paceKey);
			if (isReconnectError(error)) throw reconnect(plan.node, error);
			return noAnswer(plan.node, plan, attempt, error);
		}
		response = answered;
	}
	settleAnswer(plan.paceKey, ticket, response.headers ?? {}, response.statusCode, Date.now());
	return readAnswer(plan.node, plan, attempt, response);
}

/**
 * The one function that talks to Cal.com. Sets the base URL and `cal-api-version`, unwraps the
 * `{status, data}` envelope, retries what is safe to retry, and turns failures into errors a user
 * can act on. Every operation, load-options method and trigger hook goes through it.
 */
export async function calComRequestFull(
	this: CalComContext,
	options: CalComRequestOptions,
): Promise<CalComResponse> {
	const plan = await planRequest.call(this, options);
	for (let attempt = 1; ; attempt++) {
		const outcome = await attemptRequest.call(this, plan, attempt);
		if ('response' in outcome) return outcome.response;
		await sleep(outcome.waitMs);
	}
}

/** Like calComRequestFull, returning only the envelope's `data`. */
export async function calComRequest<T = unknown>(
	this: CalComContext,
	options: CalComRequestOptions,
): Promise<T> {
	const response = await calComRequestFull.call(this, options);
	return response.data as T;
}

/**
 * FNV-1a: a fingerprint of the key for the pacing table, so the API key itself is neither kept
 * nor printable from it (node code may not import node:crypto; collisions only merge budgets).
 */
function hashKey(value: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < value.length; i++) {
		hash ^= value.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16);
}
