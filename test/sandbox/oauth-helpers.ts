/**
 * Going through the sandbox's OAuth flow over HTTP, as a browser and n8n's callback would: the
 * consent form posted (allow), the code taken from the redirect, exchanged at the token endpoint.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { Sandbox } from './index';
import type { OAuthTokens } from './oauth';

export const N8N_CALLBACK = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export interface ConsentOptions {
	clientId?: string;
	username?: string;
	scopes: string[];
	redirectUri?: string;
	state?: string;
	/** A PKCE verifier: its S256 challenge goes with the consent. */
	verifier?: string;
}

export function newVerifier(): string {
	return randomBytes(32).toString('base64url');
}

export function challengeOf(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

/** Posts the consent form with "Allow"; resolves to the redirect's Location. */
export async function consent(sandbox: Sandbox, options: ConsentOptions): Promise<URL> {
	const form = new URLSearchParams({
		client_id: options.clientId ?? 'n8n-confidential',
		redirect_uri: options.redirectUri ?? N8N_CALLBACK,
		state: options.state ?? 'state-1',
		scope: options.scopes.join(' '),
		username: options.username ?? 'bailey',
		decision: 'allow',
	});
	if (options.verifier) {
		form.set('code_challenge', challengeOf(options.verifier));
		form.set('code_challenge_method', 'S256');
	}
	const response = await fetch(`${sandbox.url}/auth/oauth2/authorize`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
		redirect: 'manual',
	});
	const location = response.headers.get('location');
	if (response.status !== 303 || !location)
		throw new Error(`consent answered ${response.status}: ${await response.text()}`);
	return new URL(location);
}

export async function postToken(
	sandbox: Sandbox,
	body: Record<string, string>,
	as: 'json' | 'form' = 'form',
): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${sandbox.url}/v2/auth/oauth2/token`, {
		method: 'POST',
		headers: {
			'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
		},
		body: as === 'json' ? JSON.stringify(body) : new URLSearchParams(body).toString(),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Consent + code exchange for the confidential fixture client (PKCE too), as n8n does it. */
export async function obtainTokens(
	sandbox: Sandbox,
	options: ConsentOptions,
): Promise<OAuthTokens> {
	const verifier = options.verifier ?? newVerifier();
	const clientId = options.clientId ?? 'n8n-confidential';
	const redirect = await consent(sandbox, { ...options, verifier, clientId });
	const client = sandbox.oauth.client(clientId);
	const body: Record<string, string> = {
		grant_type: 'authorization_code',
		client_id: clientId,
		code: redirect.searchParams.get('code') ?? '',
		redirect_uri: options.redirectUri ?? N8N_CALLBACK,
		code_verifier: verifier,
	};
	if (client?.secret) body.client_secret = client.secret;
	const answer = await postToken(sandbox, body);
	if (answer.status !== 200) throw new Error(`token answered ${answer.status}`);
	return answer.json as unknown as OAuthTokens;
}
