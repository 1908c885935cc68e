/**
 * Cal.com's response envelopes (API-NOTES §1).
 *
 * Errors go through Cal.com's global Nest exception filter
 * (apps/api/v2/src/filters/http-exception.filter.ts, newest version), which wraps the exception as
 * { status: "error", timestamp, path: <url incl. query>, error: { code: <exception class>,
 * message, details } }. `details` is Nest's raw response (exception.getResponse()) only when
 * NODE_ENV is not "production"; a production server — hosted Cal.com — sends no `details` at
 * all (SandboxOptions.production, default true; the server drops them in `hosted`). For
 * exceptions built from a message (BadRequestException("…")) the raw response is
 * { message, error, statusCode }; for the ThrottlerException it is the bare string, because that
 * class passes a string to HttpException; for the global validation pipe it is { errors }
 * (validation-errors.ts).
 */

export interface ErrorEnvelope {
	status: 'error';
	timestamp: string;
	path: string;
	error: {
		code: string;
		message: string;
		details?: unknown;
	};
}

const EXCEPTIONS: Record<number, [code: string, reason: string]> = {
	400: ['BadRequestException', 'Bad Request'],
	401: ['UnauthorizedException', 'Unauthorized'],
	403: ['ForbiddenException', 'Forbidden'],
	404: ['NotFoundException', 'Not Found'],
	409: ['ConflictException', 'Conflict'],
	422: ['UnprocessableEntityException', 'Unprocessable Entity'],
	429: ['ThrottlerException', 'Too Many Requests'],
	500: ['InternalServerErrorException', 'Internal Server Error'],
	501: ['NotImplementedException', 'Not Implemented'],
	502: ['BadGatewayException', 'Bad Gateway'],
	503: ['ServiceUnavailableException', 'Service Unavailable'],
};

export function exceptionName(status: number): string {
	return EXCEPTIONS[status]?.[0] ?? 'HttpException';
}

/** `details`: Nest's raw response when it is not built from the message (the validation pipe's). */
export function errorEnvelope(
	status: number,
	message: string,
	url: string,
	raw?: unknown,
): ErrorEnvelope {
	const [code, reason] = EXCEPTIONS[status] ?? ['HttpException', 'Error'];
	const details =
		raw ?? (status === 429 ? message : { message, error: reason, statusCode: status });
	return {
		status: 'error',
		timestamp: new Date().toISOString(),
		path: url,
		error: { code, message, details },
	};
}

/**
 * The JSON text as a production server sends it: an error envelope loses `details`
 * (http-exception.filter.ts: `IS_PRODUCTION ? undefined : exception.getResponse()`).
 */
export function hosted(json: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		return json;
	}
	const envelope = parsed as Partial<ErrorEnvelope> | null;
	if (envelope?.status !== 'error' || typeof envelope.error !== 'object' || envelope.error === null)
		return json;
	if (!('details' in envelope.error)) return json;
	const { details: _dropped, ...error } = envelope.error;
	return JSON.stringify({ ...envelope, error });
}

export function success<T>(data: T): { status: 'success'; data: T } {
	return { status: 'success', data };
}

/** Texts Cal.com uses, kept in one place so tests and handlers quote the same words. */
export const TEXTS = {
	invalidApiKey: 'ApiAuthStrategy - api key - Your api key is not valid',
	/** apps/api/v2/src/modules/auth/strategies/api-auth/api-auth.strategy.ts (apiKeyStrategy). */
	expiredApiKey: 'ApiAuthStrategy - api key - Your api key is expired',
	/** apps/api/v2/src/lib/throttler-guard.ts: a `cal_` key that is not in the database. */
	throttlerInvalidApiKey: 'CustomThrottlerGuard - Invalid API Key',
	noAuth:
		"ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header " +
		"or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers",
	invalidBearer: 'ApiAuthStrategy - Invalid Bearer token',
	throttled: 'CustomThrottlerGuard - Too many requests. Please try again later.',
	/** Nest's not-found text; it uses the original URL, so a query string is part of it. */
	cannot: (method: string, url: string) => `Cannot ${method} ${url}`,
	internal: 'Internal server error',
} as const;
