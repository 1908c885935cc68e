/**
 * Cal.com as an OAuth2 authorization server for third-party apps: the consent page, the token
 * endpoint and the access tokens the API then accepts as Bearer beside API keys.
 *
 * Read in calcom/cal.com:
 * - packages/features/oauth/services/OAuthService.ts: the checks and their order, the error codes
 *   and reasons, tokens (access 1800 s, refresh 30 days, `tokenType: "bearer"`, `scope` the granted
 *   scopes joined by spaces), refresh-token rotation (the old one is revoked: "refresh_token_revoked").
 * - apps/api/v2/src/modules/auth/oauth2/inputs/token.input.pipe.ts, exchange.input.ts,
 *   refresh.input.ts: JSON or form bodies; client_id required; a body with `client_secret` is the
 *   confidential form (code_verifier optional there), without it the public form (code_verifier
 *   required); unknown properties refused; errors `{error: "invalid_request", error_description}`.
 * - apps/api/v2/src/modules/auth/oauth2/services/oauth2-error.service.ts and
 *   filters/oauth2-http-exception.filter.ts: token errors answer `{error, error_description}` (no
 *   envelope) with the error's status; authorize errors redirect to redirect_uri with `error`,
 *   `error_description` and `state`, except client_not_found / client_not_approved /
 *   redirect_uri_mismatch, which are shown, never redirected.
 * - apps/api/v2/src/modules/auth/oauth2/controllers/oauth2.controller.ts: the consent answer is a
 *   303 redirect to redirect_uri with `code` and `state`; token answers carry Cache-Control no-store.
 *
 * Inferred: the token path /v2/auth/oauth2/token (Cal.com's docs and CLI; the stored controller
 * also serves /v2/auth/oauth2/clients/{clientId}/token) answering the plain token object as the
 * newer controller does; the consent page itself (Cal.com's is a Next.js page of its web app,
 * apps/web/app/auth/oauth2/authorize, behind its login: here a form with a "signed in as" choice);
 * the code lifetime (10 minutes); ErrorCode → status (Unauthorized 401, BadRequest 400, NotFound 404).
 * Several redirect URIs per client follow the reading of Cal.com's settings page (the
 * stored service compares one). An expired or unknown access token answers the auth guard's
 * "Invalid Bearer token" 401 (a JWT that fails verification is no third-party token there).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface OAuthClient {
	clientId: string;
	name: string;
	clientType: 'CONFIDENTIAL' | 'PUBLIC';
	/** Confidential clients only; Cal.com keeps a hash, the sandbox the text. */
	secret?: string;
	redirectUris: string[];
	scopes: string[];
	status: 'APPROVED' | 'PENDING' | 'REJECTED';
}

interface AccessCode {
	clientId: string;
	userId: number;
	scopes: string[];
	codeChallenge?: string;
	codeChallengeMethod?: string;
	expiresAt: number;
}

export interface OAuthAccessToken {
	clientId: string;
	userId: number;
	scopes: string[];
	expiresAt: number;
}

interface RefreshToken {
	clientId: string;
	userId: number;
	scopes: string[];
}

/** A failure as Cal.com's ErrorWithCode carries it: OAuth error, reason, HTTP status. */
export class OAuthFailure extends Error {
	constructor(
		readonly error: string,
		readonly reason: string,
		readonly status: number,
	) {
		super(error);
	}
}

export const ACCESS_TOKEN_SECONDS = 1800;
const CODE_SECONDS = 600;
const ALL_SCOPES = [
	'EVENT_TYPE_READ',
	'EVENT_TYPE_WRITE',
	'BOOKING_READ',
	'BOOKING_WRITE',
	'SCHEDULE_READ',
	'SCHEDULE_WRITE',
	'APPS_READ',
	'APPS_WRITE',
	'PROFILE_READ',
	'PROFILE_WRITE',
	'WEBHOOK_READ',
	'WEBHOOK_WRITE',
	'CREDITS_READ',
	'CREDITS_WRITE',
	'TEAM_EVENT_TYPE_READ',
	'TEAM_EVENT_TYPE_WRITE',
	'TEAM_BOOKING_READ',
	'TEAM_BOOKING_WRITE',
	'TEAM_SCHEDULE_READ',
	'TEAM_SCHEDULE_WRITE',
	'TEAM_PROFILE_READ',
	'TEAM_PROFILE_WRITE',
	'TEAM_MEMBERSHIP_READ',
	'TEAM_MEMBERSHIP_WRITE',
	// Named by Cal.com's OAuth docs ("Available Scopes"), newer than the stored constants.ts.
	'TEAM_APPS_READ',
	'TEAM_APPS_WRITE',
	'TEAM_ROUTING_FORM_READ',
	'TEAM_ROUTING_FORM_WRITE',
	'ORG_EVENT_TYPE_READ',
	'ORG_EVENT_TYPE_WRITE',
	'ORG_BOOKING_READ',
	'ORG_BOOKING_WRITE',
	'ORG_SCHEDULE_READ',
	'ORG_SCHEDULE_WRITE',
	'ORG_PROFILE_READ',
	'ORG_PROFILE_WRITE',
	'ORG_MEMBERSHIP_READ',
	'ORG_MEMBERSHIP_WRITE',
	'ORG_ROUTING_FORM_READ',
	'ORG_ROUTING_FORM_WRITE',
	'ORG_WEBHOOK_READ',
	'ORG_WEBHOOK_WRITE',
];

const N8N_CALLBACKS = [
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
	'http://localhost:5678/rest/oauth2-credential/callback',
];

/** The registry's fixture: one confidential and one public client, both approved. */
export function fixtureClients(): OAuthClient[] {
	return [
		{
			clientId: 'n8n-confidential',
			name: 'n8n (confidential)',
			clientType: 'CONFIDENTIAL',
			secret: 'sbx-secret-0b7d6f3a9c2e4815',
			redirectUris: [...N8N_CALLBACKS],
			scopes: [...ALL_SCOPES],
			status: 'APPROVED',
		},
		{
			clientId: 'n8n-public',
			name: 'n8n (public, PKCE)',
			clientType: 'PUBLIC',
			redirectUris: [...N8N_CALLBACKS],
			scopes: [...ALL_SCOPES],
			status: 'APPROVED',
		},
	];
}

function newToken(prefix: string): string {
	return `${prefix}${randomBytes(24).toString('base64url')}`;
}

/** S256: base64url(sha256(verifier)) = challenge (RFC 7636; packages/lib/pkce). */
function s256(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

export interface OAuthTokens {
	access_token: string;
	token_type: string;
	refresh_token: string;
	expires_in: number;
	scope: string;
}

export interface AuthorizeRequest {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	userId: number;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

/**
 * The registry and the grants. `clock` is real milliseconds; lifetimes are multiplied by
 * `timeScale` (0.01 → an access token lives 18 s).
 */
export class OAuthProvider {
	clients: OAuthClient[] = fixtureClients();
	private codes = new Map<string, AccessCode>();
	private accessTokens = new Map<string, OAuthAccessToken>();
	private refreshTokens = new Map<string, RefreshToken>();
	/** How many tokens each grant issued: `refresh_token` counts refreshes n8n made. */
	grants = { authorization_code: 0, refresh_token: 0 };

	constructor(
		private readonly timeScale: number,
		private readonly clock: () => number,
	) {}

	reset(): void {
		this.clients = fixtureClients();
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.grants = { authorization_code: 0, refresh_token: 0 };
	}

	client(clientId: string): OAuthClient | undefined {
		return this.clients.find((c) => c.clientId === clientId);
	}

	/** OAuthService.getClientForAuthorization: what the consent page checks before it shows. */
	checkAuthorization(clientId: string, redirectUri: string, scopes: string[]): OAuthClient {
		const client = this.client(clientId);
		if (!client) throw new OAuthFailure('unauthorized_client', 'client_not_found', 404);
		if (!client.redirectUris.includes(redirectUri))
			throw new OAuthFailure('invalid_request', 'redirect_uri_mismatch', 400);
		if (client.status === 'REJECTED')
			throw new OAuthFailure('unauthorized_client', 'client_rejected', 401);
		if (client.status !== 'APPROVED')
			throw new OAuthFailure('unauthorized_client', 'client_not_approved', 401);
		if (scopes.length === 0) throw new OAuthFailure('invalid_scope', 'scope_required', 400);
		if (scopes.some((s) => !client.scopes.includes(s)))
			throw new OAuthFailure('invalid_scope', 'scope_exceeds_client_registration', 400);
		return client;
	}

	/** OAuthService.generateAuthorizationCode: after the user allowed it on the consent page. */
	authorize(request: AuthorizeRequest): string {
		const client = this.checkAuthorization(request.clientId, request.redirectUri, request.scopes);
		const { codeChallenge, codeChallengeMethod } = request;
		if (client.clientType === 'PUBLIC' && !codeChallenge)
			throw new OAuthFailure('invalid_request', 'pkce_required', 400);
		if ((client.clientType === 'PUBLIC' || codeChallenge) && codeChallengeMethod !== 'S256')
			throw new OAuthFailure('invalid_request', 'invalid_code_challenge_method', 400);
		const code = randomBytes(40).toString('base64url');
		this.codes.set(code, {
			clientId: client.clientId,
			userId: request.userId,
			scopes: request.scopes,
			codeChallenge,
			codeChallengeMethod,
			expiresAt: this.clock() + CODE_SECONDS * 1000 * this.timeScale,
		});
		return code;
	}

	/** OAuthService.validateClient: a confidential client must send its secret. */
	private checkSecret(client: OAuthClient, secret: string | undefined): void {
		if (client.clientType === 'CONFIDENTIAL' && (!secret || secret !== client.secret))
			throw new OAuthFailure('invalid_client', 'invalid_client_credentials', 401);
	}

	/** OAuthService.exchangeCodeForTokens, in its order. */
	exchange(body: Record<string, string>): OAuthTokens {
		const client = this.client(body.client_id);
		if (!client) throw new OAuthFailure('invalid_client', 'client_not_found', 401);
		if (!client.redirectUris.includes(body.redirect_uri))
			throw new OAuthFailure('invalid_grant', 'redirect_uri_mismatch', 400);
		this.checkSecret(client, body.client_secret);
		const code = this.codes.get(body.code);
		// Cal.com deletes the code whether or not what follows succeeds: a code works once.
		this.codes.delete(body.code);
		if (!code || code.clientId !== client.clientId || code.expiresAt <= this.clock())
			throw new OAuthFailure('invalid_grant', 'code_invalid_or_expired', 400);
		if (client.status !== 'APPROVED')
			throw new OAuthFailure('unauthorized_client', 'client_not_approved', 401);
		this.verifyPkce(client, code, body.code_verifier);
		this.grants.authorization_code += 1;
		return this.mint(client.clientId, code.userId, code.scopes);
	}

	/** OAuthService.verifyPKCE: public clients always, confidential ones when the code had a challenge. */
	private verifyPkce(client: OAuthClient, code: AccessCode, verifier: string | undefined): void {
		if (client.clientType !== 'PUBLIC' && !code.codeChallenge) return;
		const method = code.codeChallengeMethod || 'S256';
		if (!code.codeChallenge || !verifier || method !== 'S256')
			throw new OAuthFailure('invalid_request', 'pkce_missing_parameters_or_invalid_method', 400);
		if (s256(verifier) !== code.codeChallenge)
			throw new OAuthFailure('invalid_grant', 'pkce_verification_failed', 400);
	}

	/** OAuthService.refreshAccessToken: the refresh token is rotated, the old one revoked. */
	refresh(body: Record<string, string>): OAuthTokens {
		const client = this.client(body.client_id);
		if (!client) throw new OAuthFailure('invalid_client', 'client_not_found', 401);
		this.checkSecret(client, body.client_secret);
		const stored = this.refreshTokens.get(body.refresh_token);
		if (!stored) throw new OAuthFailure('invalid_grant', 'refresh_token_revoked', 400);
		if (stored.clientId !== client.clientId)
			throw new OAuthFailure('invalid_grant', 'client_id_mismatch', 400);
		this.refreshTokens.delete(body.refresh_token);
		this.grants.refresh_token += 1;
		return this.mint(client.clientId, stored.userId, stored.scopes);
	}

	private mint(clientId: string, userId: number, scopes: string[]): OAuthTokens {
		const access = newToken('eyJzYngiOiJhY2Nlc3MifQ.');
		const refresh = newToken('eyJzYngiOiJyZWZyZXNoIn0.');
		const lifetime = ACCESS_TOKEN_SECONDS * 1000 * this.timeScale;
		this.accessTokens.set(access, { clientId, userId, scopes, expiresAt: this.clock() + lifetime });
		this.refreshTokens.set(refresh, { clientId, userId, scopes });
		return {
			access_token: access,
			token_type: 'bearer',
			refresh_token: refresh,
			expires_in: ACCESS_TOKEN_SECONDS,
			scope: scopes.join(' '),
		};
	}

	/** A live access token, or undefined (unknown or expired: both are no third-party token). */
	accessToken(token: string): OAuthAccessToken | undefined {
		const found = this.accessTokens.get(token);
		return found && found.expiresAt > this.clock() ? found : undefined;
	}

	/** For specs: every access token issued so far is past its lifetime. */
	expireAccessTokens(): void {
		for (const token of this.accessTokens.values()) token.expiresAt = this.clock() - 1;
	}
}
