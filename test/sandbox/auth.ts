/**
 * Cal.com's ApiAuthStrategy (apps/api/v2/src/modules/auth/strategies/api-auth/api-auth.strategy.ts),
 * for what the sandbox supports: API keys. It runs after the throttler (throttler.ts), which has
 * already answered an unknown `cal_` key with "CustomThrottlerGuard - Invalid API Key".
 *
 * - `Authorization: Bearer cal_…` is an API key (Cal.com's prefix rule) looked up among the
 *   users' keys; unknown → 401 "ApiAuthStrategy - api key - Your api key is not valid" (reached
 *   only where the throttler did not look the key up: endpoints with their own limit).
 * - A key whose expiry date lies before today → 401 "ApiAuthStrategy - api key - Your api key is
 *   expired". Cal.com compares the dates at midnight on the server's clock, so a key is still good
 *   on its expiry day; here the calendar clock (SandboxOptions.now) in UTC (inferred: hosted
 *   Cal.com runs in UTC).
 * - Any other Bearer token is an access token: a live third-party OAuth token (oauth.ts;
 *   Cal.com's validateThirdPartyAccessToken in the same strategy) acts for its user, with its
 *   scopes checked next (oauth-scopes.ts); anything else (unknown, expired: its JWT no longer
 *   verifies, apps/api/v2/src/modules/tokens/tokens.service.ts) → 401
 *   "ApiAuthStrategy - Invalid Bearer token" (inferred: the strategy's last answer for a Bearer
 *   token that is neither an API key nor a token it knows).
 * - No credentials on an endpoint that needs them → 401 "ApiAuthStrategy - No authentication
 *   method provided. …". Endpoints with optional auth let anonymous calls through but still
 *   reject a bad key; endpoints without an auth guard (GET /v2/slots) ignore the header.
 */
import { TEXTS } from './envelope';
import type { OAuthProvider } from './oauth';
import type { AuthMode } from './operations';
import { apiKeyRecord, userById, userByApiKey } from './state';
import type { SandboxState, SandboxUser } from './types';

export type AuthOutcome =
	| { ok: true; user?: SandboxUser; scopes?: string[] }
	| { ok: false; message: string };

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	return match ? match[1].trim() : header.trim() || undefined;
}

export function authenticate(
	state: SandboxState,
	authorization: string | undefined,
	mode: AuthMode,
	now: Date,
	issuers: { oauth?: OAuthProvider } = {},
): AuthOutcome {
	if (mode === 'none') return { ok: true };
	const token = bearerToken(authorization);
	if (token === undefined) {
		return mode === 'required' ? { ok: false, message: TEXTS.noAuth } : { ok: true };
	}
	if (!token.startsWith('cal_')) {
		const access = issuers.oauth?.accessToken(token);
		const owner = access ? userById(state, access.userId) : undefined;
		if (!access || !owner) return { ok: false, message: TEXTS.invalidBearer };
		return { ok: true, user: owner, scopes: access.scopes };
	}
	const key = apiKeyRecord(state, token);
	const user = key ? userById(state, key.userId) : undefined;
	if (!key || !user) return { ok: false, message: TEXTS.invalidApiKey };
	if (key.expiresAt && utcDay(now.getTime()) > utcDay(Date.parse(key.expiresAt))) {
		return { ok: false, message: TEXTS.expiredApiKey };
	}
	return { ok: true, user };
}

function utcDay(ms: number): number {
	return Math.floor(ms / 86_400_000);
}

/** Who the recorded Authorization header belonged to, without the key itself. */
export function redactAuthorization(state: SandboxState, authorization: string): string {
	const token = bearerToken(authorization);
	const user = token ? userByApiKey(state, token) : undefined;
	return `Bearer <redacted:${user ? user.username : 'unknown'}>`;
}
