/**
 * Cal.com's CustomThrottlerGuard (apps/api/v2/src/lib/throttler-guard.ts): the global guard
 * (APP_GUARD in apps/api/v2/src/app.module.ts) that runs on every route — GET /v2/slots included —
 * before any auth guard. The counting itself is rate-limit.ts.
 *
 * - Tracker (getTracker): a Bearer token that starts with the API-key prefix `cal_` is an API key;
 *   any other Bearer token an access token; without one, the caller's address.
 * - An endpoint with its own limit (Cal.com's @Throttle decorator, endpoint-throttler-decorator.ts;
 *   RouteHandler.throttle here) counts only that limit, under the tracker plus its name, and looks
 *   nothing up: a wrong key passes on to the auth guard.
 * - An API key is looked up first: an unknown one is refused with 401 "CustomThrottlerGuard -
 *   Invalid API Key" before anything is counted, so the answer carries no rate-limit header. An
 *   expired key is found (it still exists), is counted, and is turned away by the auth guard.
 *   A key counts against its own stored limits (Cal.com's RateLimit rows; the fixture's
 *   `apiKeys[].rateLimits`), every one of them, and is refused only when all are blocked; a key
 *   without stored limits has one, "default": SandboxOptions.rateLimit (Cal.com's
 *   RATE_LIMIT_DEFAULT_LIMIT_API_KEY, 120) per 60 s, 60 s block.
 * - Access tokens: "default", 500 per 60 s (RATE_LIMIT_DEFAULT_LIMIT_ACCESS_TOKEN); anonymous
 *   callers: "default", SandboxOptions.rateLimit (RATE_LIMIT_DEFAULT_LIMIT, 120).
 *
 * Not modelled (no such callers here): OAuth-client trackers (x-cal-client-id, 500), the
 * cf-connecting-ip address, and Cal.com's one-hour cache of a key's limits (which lets a key deleted
 * within that hour through to the auth guard's "Your api key is not valid").
 */
import { TEXTS } from './envelope';
import type { RateLimitDecision, RateLimiter, RateLimitRule } from './rate-limit';
import { apiKeyRecord } from './state';
import type { SandboxState } from './types';

const ACCESS_TOKEN_LIMIT = 500;

export type ThrottleOutcome =
	| { ok: true; tracker: string; decision: RateLimitDecision }
	| { ok: false; message: string };

export function throttle(
	limiter: RateLimiter,
	state: SandboxState,
	token: string | undefined,
	remoteAddress: string,
	endpointRule: RateLimitRule | undefined,
): ThrottleOutcome {
	const tracker = token ?? `ip:${remoteAddress}`;
	if (endpointRule) {
		return {
			ok: true,
			tracker,
			decision: limiter.hit(`${tracker}_${endpointRule.name}`, [endpointRule]),
		};
	}
	if (token === undefined)
		return { ok: true, tracker, decision: limiter.hit(tracker, [limiter.defaultRule()]) };
	if (!token.startsWith('cal_')) {
		return {
			ok: true,
			tracker,
			decision: limiter.hit(tracker, [limiter.defaultRule(ACCESS_TOKEN_LIMIT)]),
		};
	}
	const key = apiKeyRecord(state, token);
	if (!key) return { ok: false, message: TEXTS.throttlerInvalidApiKey };
	const rules = key.rateLimits?.length ? key.rateLimits : [limiter.defaultRule()];
	return { ok: true, tracker, decision: limiter.hit(tracker, rules) };
}
