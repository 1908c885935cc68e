import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isRecord } from '../helpers/json';
import type { SentInput } from './rejection';
import {
	GLOBAL_PIPE_MESSAGE,
	maskPersonal,
	namesProperty,
	sentNames,
	validationChecks,
} from './rejection';
import { scopeExplanation } from './scopes';

export interface FailureContext {
	method: string;
	path: string;
	apiVersion?: string;
	attempts: number;
	/** Whether the transport may repeat this request (false for e.g. booking creates). */
	retryable: boolean;
	/** Message for a 404 that names the missing thing, e.g. "Booking abc was not found". */
	notFoundMessage?: string;
	/** Names of what was sent, and the personal values never to repeat (rejection.ts). */
	sent?: SentInput;
	/** What the user ran, e.g. "Booking → Create" (scopes.ts operationLabel). */
	operation?: string;
	/** true with the OAuth2 credential: a 401 is then about the connection, not an API key. */
	oauth?: boolean;
}

/** Cal.com's own message, from whichever place this build put it. */
export function calComMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 300) : undefined;
	if (!isRecord(body)) return undefined;
	const { error } = body;
	if (isRecord(error) && typeof error.message === 'string') return error.message;
	if (typeof error === 'string' && typeof body.message !== 'string') return error;
	if (typeof body.message === 'string') return body.message;
	return undefined;
}

/**
 * Whether `error` is Cal.com refusing with one of `statuses` and words matching `said`: Cal.com's
 * own text where the error kept it, and the message the user reads.
 */
export function isCalComRefusal(
	error: unknown,
	statuses: readonly number[],
	said: RegExp,
): boolean {
	if (
		!(error instanceof NodeApiError) ||
		!statuses.some((code) => error.httpCode === String(code))
	) {
		return false;
	}
	const own = error.errorResponse?.calComMessage;
	return said.test(
		`${typeof own === 'string' ? own : ''} ${error.message} ${error.description ?? ''}`,
	);
}

function calComDetails(body: unknown): unknown {
	return isRecord(body) && isRecord(body.error) ? body.error.details : undefined;
}

/** A message and a description for a status, from what Cal.com said about it. */
type Explanation = [message: string, description: string | undefined];

const CHECK_INPUT =
	'Check each against what Cal.com accepts: types, required fields, allowed values, and formats (email addresses, phone numbers in international format, IANA time zones, ISO 8601 dates).';

/**
 * A 400/422 message and description. Cal.com's global validation pipe says only "Bad Request
 * Exception" on a production server (hosted Cal.com); then the error names the request and the
 * fields sent, and says what to check. A non-production server's class-validator errors give the
 * wrong property paths and rules; their `target` and `value` (the body) are never read.
 */
function rejection(
	calMessage: string | undefined,
	body: unknown,
	ctx: FailureContext,
): Explanation {
	const where = `${ctx.method} ${ctx.path.split('?')[0]}`;
	const sent = sentNames(ctx.sent);
	const checks = validationChecks(calComDetails(body), ctx.sent);
	if (checks.length > 0) {
		return [`Cal.com rejected the input of ${where}: ${checks.join('; ')}`, sent];
	}
	if (calMessage === GLOBAL_PIPE_MESSAGE) {
		const version = ctx.apiVersion ? ` (cal-api-version ${ctx.apiVersion})` : '';
		return [
			`Cal.com rejected the input of ${where} without naming the field ("${GLOBAL_PIPE_MESSAGE}")`,
			`${sent} ${CHECK_INPUT} Cal.com's API reference for this endpoint${version} lists its rules; a self-hosted Cal.com that does not run in production mode names the field.`,
		];
	}
	const said = calMessage?.trim() || 'invalid input';
	if (namesProperty(calMessage)) {
		return [
			`Cal.com rejected the request: ${said}`,
			`${sent} "should not exist" means Cal.com does not take that field; otherwise correct the value of the field named.`,
		];
	}
	return [`Cal.com rejected the request: ${said}`, undefined];
}

function errorCode(body: unknown): string | undefined {
	return isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string'
		? body.error.code
		: undefined;
}

/** `404 Cannot GET /v2/…` means no such route for this version, not a missing record. */
function isMissingRoute(message: string | undefined): boolean {
	return !!message && /^Cannot (GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS) \//.test(message);
}

const NOT_REPEATED =
	'It was not repeated automatically, because repeating it could do the work twice. Check in Cal.com whether it took effect before running it again.';

/** 401: an expired key, or one this Cal.com does not know. */
function unauthorized(calMessage: string | undefined, said: string | undefined): Explanation {
	if (calMessage && /\bexpired\b/i.test(calMessage)) {
		// ApiAuthStrategy: "ApiAuthStrategy - api key - Your api key is expired".
		return [
			'Cal.com did not accept the API key: it has expired. Create a new API key in Cal.com (Settings → Developer → API Keys) and put it in the Cal.com API credential.',
			said,
		];
	}
	// An unknown key is refused by Cal.com's throttler ("CustomThrottlerGuard - Invalid API Key")
	// on every route, before anything else: a typo, a deleted key, or a key of another instance.
	return [
		'Cal.com did not accept the API key. Check the API key and the base URL (Cal.com instance) in the Cal.com API credential.',
		`${said ? `${said}. ` : ''}A key works only on the Cal.com instance it was created on (cal.com, cal.eu or your own server), and stops working when it is deleted or has expired; then create a new one in Cal.com under Settings → Developer → API Keys.`,
	];
}

/** A 401 that n8n's token renewal did not cure (n8n renews on the first 401 and asks again). */
function oauthUnauthorized(said: string | undefined): Explanation {
	return [
		'Cal.com did not accept the OAuth2 connection, even after n8n renewed its access token. Reconnect the Cal.com OAuth2 credential (Connect my account).',
		`${said ? `${said}. ` : ''}The connection stops working when it is revoked in Cal.com, when the OAuth client is rejected or deleted, or when the credential points at another Cal.com instance than the one you connected.`,
	];
}

/**
 * Cal.com API v2 answers every error in its envelope `{status: "error", error: {…}}`
 * (apps/api/v2/src/filters/http-exception.filter.ts and the other filters beside it).
 */
function isCalComErrorAnswer(body: unknown): boolean {
	return isRecord(body) && body.status === 'error' && isRecord(body.error);
}

/** What to check when the base URL does not lead to Cal.com API v2 (the credential test says it too). */
const CHECK_BASE_URL =
	'Check the Cal.com API credential: the Cal.com Instance (Cloud, EU or Self-Hosted) and, for Self-Hosted, the Base URL. It is the address of your Cal.com API v2 server (e.g. http://localhost:5555 or https://cal-api.example.com), not of the Cal.com web app, with no path after the host (a trailing /v2 is fine) unless a proxy serves the API under one.';

/** Served by every Cal.com API v2, whatever its version (the credential test asks for it). */
const ME_PATH = '/v2/me';

const NOT_CAL_COM = 'The base URL does not look like a Cal.com API v2 server';

/**
 * A 404 that shows the base URL does not lead to Cal.com API v2: an answer that is not Cal.com's
 * (a web page, another server's JSON); a route the server saw under a path the base URL added
 * ("Cannot GET /api/v2/me" when /v2/me was asked); or no /v2/me at all.
 */
function notCalComServer(
	body: unknown,
	calMessage: string | undefined,
	ctx: FailureContext,
): Explanation | undefined {
	const asked = ctx.path.split('?')[0];
	if (!isCalComErrorAnswer(body)) {
		const what = typeof body === 'string' && /^\s*</.test(body) ? 'a web page' : 'an answer';
		return [
			`${NOT_CAL_COM}: it answered ${ctx.method} ${asked} with "404 Not Found" and ${what} that is not Cal.com's`,
			CHECK_BASE_URL,
		];
	}
	if (!calMessage || !isMissingRoute(calMessage)) return undefined;
	const seen = calMessage.split(' ')[2].split('?')[0];
	if (seen === asked && seen !== ME_PATH) return undefined;
	return [`${NOT_CAL_COM}: it has no ${seen} (it said "${calMessage}")`, CHECK_BASE_URL];
}

/** 404: not Cal.com at all, a route this version lacks, or a missing record (named by the caller). */
function notFound(
	body: unknown,
	calMessage: string | undefined,
	said: string | undefined,
	ctx: FailureContext,
): Explanation {
	const notCalCom = notCalComServer(body, calMessage, ctx);
	if (notCalCom) return notCalCom;
	if (isMissingRoute(calMessage)) {
		const version = ctx.apiVersion
			? `with cal-api-version ${ctx.apiVersion}`
			: 'without a cal-api-version';
		return [
			`This Cal.com server has no ${ctx.method} ${ctx.path.split('?')[0]} ${version}`,
			`It may run a Cal.com version older than this endpoint. ${said ?? ''}`.trim(),
		];
	}
	return [ctx.notFoundMessage ?? `Not found: ${calMessage ?? ctx.path}`, said];
}

function serverError(
	statusCode: number,
	calMessage: string | undefined,
	ctx: FailureContext,
): Explanation {
	return [
		`Cal.com had a server error (HTTP ${statusCode})${calMessage && !calMessage.startsWith('<') ? `: ${calMessage}` : ''}`,
		ctx.retryable
			? `It still failed after ${ctx.attempts} attempts. Try again later.`
			: NOT_REPEATED,
	];
}

function explain(
	statusCode: number,
	body: unknown,
	calMessage: string | undefined,
	ctx: FailureContext,
): Explanation {
	const said = calMessage ? `Cal.com said: ${calMessage}` : undefined;
	if (statusCode === 400 || statusCode === 422) return rejection(calMessage, body, ctx);
	if (statusCode === 401 && ctx.oauth) return oauthUnauthorized(said);
	if (statusCode === 401) return unauthorized(calMessage, said);
	if (statusCode === 403) {
		const scope = scopeExplanation(calMessage, ctx.operation ?? `${ctx.method} ${ctx.path}`);
		if (scope) return scope;
		return [
			`Cal.com refused the request (403 Forbidden)${calMessage ? `: ${calMessage}` : ''}`,
			'The API key works, but its user may not own this resource or lack the permission for it.',
		];
	}
	if (statusCode === 404) return notFound(body, calMessage, said, ctx);
	if (statusCode === 409) {
		return [
			`Cal.com reported a conflict: ${calMessage ?? 'the resource already exists or changed'}`,
			undefined,
		];
	}
	if (statusCode === 429) {
		return [
			`Cal.com's rate limit was still exceeded after ${ctx.attempts} attempts`,
			'Cal.com allows about 120 requests a minute per API key (unless the key has limits of its own). Wait a minute, or slow the workflow down (fewer items per run, or a Wait node between batches).',
		];
	}
	if (statusCode >= 500) return serverError(statusCode, calMessage, ctx);
	return [`Cal.com answered HTTP ${statusCode}${calMessage ? `: ${calMessage}` : ''}`, undefined];
}

/**
 * Turns a Cal.com error answer into a NodeApiError a user can act on. Only the status, Cal.com's
 * code, message and request path go into the error: never the request headers, so the API key
 * cannot leak into the UI, logs or error items, and never the body or Cal.com's copies of it
 * (`details` target/value), so attendee emails and phone numbers cannot either.
 */
export function httpError(
	node: INode,
	statusCode: number,
	body: unknown,
	ctx: FailureContext,
): NodeApiError {
	// Cal.com's text may quote what was sent: its emails and phone numbers are masked everywhere.
	const rawMessage = calComMessage(body);
	const calMessage = rawMessage === undefined ? undefined : maskPersonal(rawMessage, ctx.sent);
	const errorResponse: JsonObject = {
		httpCode: String(statusCode),
		calComCode: errorCode(body) ?? null,
		calComMessage: calMessage ?? null,
		request: `${ctx.method} ${ctx.path}`,
	};
	const [message, description] = explain(statusCode, body, calMessage, ctx);
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(statusCode),
	});
}

export type NetworkFailure =
	| 'timeout'
	| 'reset'
	| 'refused'
	| 'dns'
	| 'malformed'
	| 'html'
	| 'other';

/** Marks errors after which the request may or may not have taken effect at Cal.com. */
export const AMBIGUOUS_MARK = 'calComAmbiguous';

export function networkError(
	node: INode,
	failure: NetworkFailure,
	ctx: FailureContext & { baseUrl: string; timeoutMs: number; statusCode?: number },
): NodeApiError {
	const where = `${ctx.method} ${ctx.path.split('?')[0]}`;
	const messages: Record<NetworkFailure, string> = {
		timeout: `Cal.com did not answer ${where} within ${Math.round(ctx.timeoutMs / 1000)} s`,
		reset: `The connection to Cal.com was closed before it answered ${where}`,
		refused: `Could not connect to ${ctx.baseUrl}: nothing is listening there. Check the base URL in the Cal.com API credential.`,
		dns: `Could not find the host of ${ctx.baseUrl}. Check the base URL in the Cal.com API credential.`,
		malformed: `Cal.com answered ${where} with a response that is not valid JSON`,
		html: `The base URL answered ${where} with a web page, not the Cal.com API. Check the base URL: it is the API host (e.g. https://api.cal.com), not the web app.`,
		other: `The request ${where} to Cal.com failed before an answer arrived`,
	};
	const retried = ctx.attempts > 1 ? ` It still failed after ${ctx.attempts} attempts.` : '';
	const definite = failure === 'refused' || failure === 'dns';
	const description = definite
		? undefined
		: ctx.retryable
			? `Try again later.${retried}`
			: NOT_REPEATED;
	const errorResponse: JsonObject = {
		failure,
		request: where,
		[AMBIGUOUS_MARK]: !definite && failure !== 'html',
	};
	const error = new NodeApiError(node, errorResponse, {
		message: messages[failure],
		description,
		httpCode: ctx.statusCode ? String(ctx.statusCode) : undefined,
	});
	error.context[AMBIGUOUS_MARK] = errorResponse[AMBIGUOUS_MARK];
	return error;
}

/** Whether the request may have reached Cal.com and taken effect although no answer came back. */
export function isAmbiguousFailure(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.context[AMBIGUOUS_MARK] === true) return true;
	const code = Number(error.httpCode);
	return code >= 500;
}
