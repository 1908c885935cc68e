import { startSandbox } from './index';
import type { Sandbox } from './index';
import { consent, N8N_CALLBACK, newVerifier, obtainTokens, postToken } from './oauth-helpers';
import { call } from './test-helpers';

// Behaviours follow packages/features/oauth/services/OAuthService.ts and
// apps/api/v2/src/modules/auth/oauth2/** (see oauth.ts for each file).
let sandbox: Sandbox;
let clock = 1_000_000;

beforeAll(async () => {
	sandbox = await startSandbox({ timeScale: 0.01, oauthClock: () => clock });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	clock = 1_000_000;
});

const SECRET = 'sbx-secret-0b7d6f3a9c2e4815';

function exchangeBody(code: string, extra: Record<string, string> = {}): Record<string, string> {
	return {
		grant_type: 'authorization_code',
		client_id: 'n8n-confidential',
		client_secret: SECRET,
		code,
		redirect_uri: N8N_CALLBACK,
		...extra,
	};
}

async function codeFor(scopes: string[], clientId = 'n8n-confidential', verifier?: string) {
	const redirect = await consent(sandbox, { scopes, clientId, verifier });
	return redirect.searchParams.get('code') ?? '';
}

describe('sandbox OAuth consent page', () => {
	it('shows a form a browser can submit, listing the scopes asked for', async () => {
		const query = new URLSearchParams({
			client_id: 'n8n-confidential',
			redirect_uri: N8N_CALLBACK,
			response_type: 'code',
			state: 'abc',
			scope: 'BOOKING_READ PROFILE_READ',
		});
		const page = await call(sandbox, `/auth/oauth2/authorize?${query}`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		expect(page.text).toContain('<form method="post" action="/auth/oauth2/authorize">');
		expect(page.text).toContain('<li>BOOKING_READ</li><li>PROFILE_READ</li>');
		expect(page.text).toContain('name="state" value="abc"');
	});

	it('allowing redirects (303) to the redirect URI with a code and the state', async () => {
		const redirect = await consent(sandbox, { scopes: ['BOOKING_READ'], state: 'xyz' });
		expect(`${redirect.origin}${redirect.pathname}`).toBe(N8N_CALLBACK);
		expect(redirect.searchParams.get('state')).toBe('xyz');
		expect(redirect.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
	});

	it('shows an unregistered redirect URI instead of redirecting to it', async () => {
		const query = new URLSearchParams({
			client_id: 'n8n-confidential',
			redirect_uri: 'https://evil.example/cb',
			response_type: 'code',
			scope: 'BOOKING_READ',
		});
		const page = await call(sandbox, `/auth/oauth2/authorize?${query}`);
		expect(page.status).toBe(400);
		expect(page.text).toContain('redirect_uri_mismatch');
	});

	it('redirects a scope beyond the client registration back with invalid_scope', async () => {
		sandbox.oauth.clients[0].scopes = ['BOOKING_READ'];
		const query = new URLSearchParams({
			client_id: 'n8n-confidential',
			redirect_uri: N8N_CALLBACK,
			response_type: 'code',
			state: 's',
			scope: 'BOOKING_WRITE',
		});
		const response = await fetch(`${sandbox.url}/auth/oauth2/authorize?${query}`, {
			redirect: 'manual',
		});
		const location = new URL(response.headers.get('location') ?? '');
		expect(response.status).toBe(303);
		expect(location.searchParams.get('error')).toBe('invalid_scope');
		expect(location.searchParams.get('error_description')).toBe(
			'scope_exceeds_client_registration',
		);
		expect(location.searchParams.get('state')).toBe('s');
	});

	it('a public client without a code challenge is sent back with pkce_required', async () => {
		await expect(
			consent(sandbox, { scopes: ['BOOKING_READ'], clientId: 'n8n-public' }),
		).resolves.toEqual(
			expect.objectContaining({
				search: expect.stringContaining('error_description=pkce_required'),
			}),
		);
	});
});

describe('sandbox OAuth token endpoint', () => {
	it('exchanges a code for tokens with the client secret (form body)', async () => {
		const code = await codeFor(['BOOKING_READ', 'PROFILE_READ']);
		const answer = await postToken(sandbox, exchangeBody(code));
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			access_token: expect.any(String),
			refresh_token: expect.any(String),
			token_type: 'bearer',
			expires_in: 1800,
			scope: 'BOOKING_READ PROFILE_READ',
		});
		expect(sandbox.oauth.grants.authorization_code).toBe(1);
	});

	it('a public client exchanges with its PKCE verifier (JSON body)', async () => {
		const verifier = newVerifier();
		const code = await codeFor(['BOOKING_READ'], 'n8n-public', verifier);
		const answer = await postToken(
			sandbox,
			{
				grant_type: 'authorization_code',
				client_id: 'n8n-public',
				code,
				redirect_uri: N8N_CALLBACK,
				code_verifier: verifier,
			},
			'json',
		);
		expect(answer.status).toBe(200);
		expect(answer.json.scope).toBe('BOOKING_READ');
	});

	it('refuses a wrong client secret with invalid_client (401)', async () => {
		const code = await codeFor(['BOOKING_READ']);
		const answer = await postToken(sandbox, exchangeBody(code, { client_secret: 'wrong' }));
		expect(answer).toEqual({
			status: 401,
			json: { error: 'invalid_client', error_description: 'invalid_client_credentials' },
		});
	});

	it('refuses a wrong PKCE verifier with pkce_verification_failed', async () => {
		const code = await codeFor(['BOOKING_READ'], 'n8n-public', newVerifier());
		const answer = await postToken(sandbox, {
			grant_type: 'authorization_code',
			client_id: 'n8n-public',
			code,
			redirect_uri: N8N_CALLBACK,
			code_verifier: newVerifier(),
		});
		expect(answer).toEqual({
			status: 400,
			json: { error: 'invalid_grant', error_description: 'pkce_verification_failed' },
		});
	});

	it('a public client without a verifier is refused by the input check', async () => {
		const code = await codeFor(['BOOKING_READ'], 'n8n-public', newVerifier());
		const answer = await postToken(sandbox, {
			grant_type: 'authorization_code',
			client_id: 'n8n-public',
			code,
			redirect_uri: N8N_CALLBACK,
		});
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({
			error: 'invalid_request',
			error_description: 'code_verifier property is wrong,code_verifier must be a string ',
		});
	});

	it('refuses another redirect URI than the registered one', async () => {
		const code = await codeFor(['BOOKING_READ']);
		const answer = await postToken(
			sandbox,
			exchangeBody(code, { redirect_uri: 'http://127.0.0.1:9/other' }),
		);
		expect(answer).toEqual({
			status: 400,
			json: { error: 'invalid_grant', error_description: 'redirect_uri_mismatch' },
		});
	});

	it('a code works once: the second exchange is invalid_grant', async () => {
		const code = await codeFor(['BOOKING_READ']);
		expect((await postToken(sandbox, exchangeBody(code))).status).toBe(200);
		expect(await postToken(sandbox, exchangeBody(code))).toEqual({
			status: 400,
			json: { error: 'invalid_grant', error_description: 'code_invalid_or_expired' },
		});
	});

	it('refreshes, and the used refresh token is revoked', async () => {
		const tokens = await obtainTokens(sandbox, { scopes: ['BOOKING_READ'] });
		const body = {
			grant_type: 'refresh_token',
			client_id: 'n8n-confidential',
			client_secret: SECRET,
			refresh_token: tokens.refresh_token,
		};
		const refreshed = await postToken(sandbox, body);
		expect(refreshed.status).toBe(200);
		expect(refreshed.json.access_token).not.toBe(tokens.access_token);
		expect(refreshed.json.scope).toBe('BOOKING_READ');
		expect(await postToken(sandbox, body)).toEqual({
			status: 400,
			json: { error: 'invalid_grant', error_description: 'refresh_token_revoked' },
		});
		expect(sandbox.oauth.grants.refresh_token).toBe(1);
	});

	it('names a missing client_id and an unknown grant type', async () => {
		expect((await postToken(sandbox, { grant_type: 'refresh_token' })).json).toEqual({
			error: 'invalid_request',
			error_description: 'client_id is required',
		});
		expect(
			(await postToken(sandbox, { grant_type: 'password', client_id: 'n8n-public' })).json
				.error_description,
		).toBe("grant_type must be 'authorization_code' or 'refresh_token'");
	});

	it('keeps secrets and codes out of the request log', async () => {
		await obtainTokens(sandbox, { scopes: ['BOOKING_READ'] });
		const logged = JSON.stringify(sandbox.requests);
		expect(logged).not.toContain(SECRET);
		expect(sandbox.requests.at(-1)?.body).toEqual(
			expect.objectContaining({ client_secret: '<redacted>', code: '<redacted>' }),
		);
	});
});

describe('sandbox OAuth access tokens on the API', () => {
	it('are accepted as Bearer beside API keys and act for the consenting user', async () => {
		const tokens = await obtainTokens(sandbox, { scopes: ['PROFILE_READ'], username: 'lena' });
		const me = await call(sandbox, '/v2/me', { key: tokens.access_token });
		expect(me.status).toBe(200);
		expect(me.json.data.username).toBe('lena');
	});

	it('expire after 1800 s scaled by timeScale: then 401 Invalid Bearer token', async () => {
		const tokens = await obtainTokens(sandbox, { scopes: ['PROFILE_READ'] });
		clock += 1800 * 1000 * 0.01 - 1;
		expect((await call(sandbox, '/v2/me', { key: tokens.access_token })).status).toBe(200);
		clock += 2;
		const expired = await call(sandbox, '/v2/me', { key: tokens.access_token });
		expect(expired.status).toBe(401);
		expect(expired.json.error.message).toBe('ApiAuthStrategy - Invalid Bearer token');
	});

	it('a call outside the token scopes is refused with the scope it needs', async () => {
		const tokens = await obtainTokens(sandbox, { scopes: ['BOOKING_READ'] });
		const refused = await call(sandbox, '/v2/event-types', {
			key: tokens.access_token,
			version: '2024-06-14',
		});
		expect(refused.status).toBe(403);
		expect(refused.json.error.message).toBe(
			'insufficient_scope: token does not have the required scopes. Required: EVENT_TYPE_READ. Token has: BOOKING_READ',
		);
		const allowed = await call(sandbox, '/v2/bookings', {
			key: tokens.access_token,
			version: '2024-08-13',
		});
		expect(allowed.status).toBe(200);
	});

	it('an ORG_ scope covers the TEAM_ scope of the same resource', async () => {
		const tokens = await obtainTokens(sandbox, { scopes: ['ORG_PROFILE_READ'] });
		const teams = await call(sandbox, '/v2/teams', { key: tokens.access_token });
		expect(teams.status).toBe(200);
	});
});

describe('sandbox OAuth scopes of the organization and team families', () => {
	// oauth-scopes.ts: Cal.com's OAuth docs ("Available Scopes") and teams.controller.ts.
	it.each([
		['/v2/organizations/900/users', 'ORG_MEMBERSHIP_READ', 'ORG_PROFILE_READ'],
		['/v2/organizations/900/memberships', 'ORG_MEMBERSHIP_READ', 'ORG_PROFILE_READ'],
		['/v2/organizations/900/routing-forms', 'ORG_ROUTING_FORM_READ', 'ORG_PROFILE_READ'],
		['/v2/organizations/900/ooo', 'ORG_SCHEDULE_READ', 'SCHEDULE_READ'],
		['/v2/organizations/900/webhooks', 'ORG_WEBHOOK_READ', 'WEBHOOK_READ'],
		['/v2/event-types/11/webhooks', 'EVENT_TYPE_READ', 'WEBHOOK_READ', 'bailey'],
	])('GET %s needs %s (%s is not enough)', async (path, needed, other, username = 'maya') => {
		const refused = await obtainTokens(sandbox, { scopes: [other], username });
		const denied = await call(sandbox, path, { key: refused.access_token });
		expect(denied.status).toBe(403);
		expect(denied.json.error.message).toBe(
			`insufficient_scope: token does not have the required scopes. Required: ${needed}. Token has: ${other}`,
		);
		const granted = await obtainTokens(sandbox, { scopes: [needed], username });
		expect((await call(sandbox, path, { key: granted.access_token })).status).toBe(200);
	});

	it('an organization team is read with TEAM_PROFILE_READ and changed with ORG_PROFILE_WRITE', async () => {
		const team = await obtainTokens(sandbox, { scopes: ['TEAM_PROFILE_READ'], username: 'maya' });
		const read = await call(sandbox, '/v2/organizations/900/teams/99', { key: team.access_token });
		expect(read.status).toBe(200);
		const change = await call(sandbox, '/v2/organizations/900/teams/99', {
			key: team.access_token,
			method: 'PATCH',
			body: { name: 'Renamed' },
		});
		expect(change.status).toBe(403);
		expect(change.json.error.message).toContain('Required: ORG_PROFILE_WRITE.');
		const list = await call(sandbox, '/v2/organizations/900/teams', { key: team.access_token });
		expect(list.json.error.message).toContain('Required: ORG_PROFILE_READ.');
	});
});
