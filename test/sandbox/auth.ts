/**
 * Cal.com's ApiAuthStrategy, for what the sandbox supports: API keys.
 *
 * - `Authorization: Bearer cal_…` is an API key (Cal.com's prefix rule) looked up among the
 *   users' keys; unknown → 401 "ApiAuthStrategy - api key - Your api key is not valid".
 * - Any other Bearer token would be an OAuth/managed-user access token; the sandbox has
 *   none → 401 "ApiAuthStrategy - Invalid Bearer token".
 * - No credentials on an endpoint that needs them → 401 "ApiAuthStrategy - No authentication
 *   method provided. …". Endpoints with optional auth let anonymous calls through but still
 *   reject a bad key; endpoints without an auth guard (GET /v2/slots) ignore the header.
 */
import { TEXTS } from './envelope';
import type { AuthMode } from './operations';
import { userByApiKey } from './state';
import type { SandboxState, SandboxUser } from './types';

export type AuthOutcome = { ok: true; user?: SandboxUser } | { ok: false; message: string };

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	return match ? match[1].trim() : header.trim() || undefined;
}

export function authenticate(state: SandboxState, authorization: string | undefined, mode: AuthMode): AuthOutcome {
	if (mode === 'none') return { ok: true };
	const token = bearerToken(authorization);
	if (token === undefined) {
		return mode === 'required' ? { ok: false, message: TEXTS.noAuth } : { ok: true };
	}
	if (!token.startsWith('cal_')) return { ok: false, message: TEXTS.invalidBearer };
	const user = userByApiKey(state, token);
	return user ? { ok: true, user } : { ok: false, message: TEXTS.invalidApiKey };
}

/** Who the recorded Authorization header belonged to, without the key itself. */
export function redactAuthorization(state: SandboxState, authorization: string): string {
	const token = bearerToken(authorization);
	const user = token ? userByApiKey(state, token) : undefined;
	return `Bearer <redacted:${user ? user.username : 'unknown'}>`;
}
