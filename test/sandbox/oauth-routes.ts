/**
 * The OAuth pages and the token endpoint over HTTP (the behaviours and the Cal.com files they
 * follow are in oauth.ts). These routes are outside Cal.com's OpenAPI document (its controllers
 * are excluded from it), so the server answers them before contract validation.
 *
 *   GET  /auth/oauth2/authorize   the consent page (web app); errors as Cal.com shows or redirects them
 *   POST /auth/oauth2/authorize   the consent form: allow → 303 to redirect_uri?code&state; deny → access_denied
 *   POST /v2/auth/oauth2/token    authorization_code / refresh_token, JSON or form
 */
import { OAuthFailure } from './oauth';
import type { OAuthProvider } from './oauth';
import type { SandboxState } from './types';

export interface OAuthAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export const AUTHORIZE_PATH = '/auth/oauth2/authorize';
export const TOKEN_PATH = '/v2/auth/oauth2/token';

/** oauth2-error.service.ts: these are shown to the user, never sent to the redirect URI. */
const NON_REDIRECTABLE = new Set([
	'client_not_found',
	'client_not_approved',
	'redirect_uri_mismatch',
]);

function json(status: number, body: unknown): OAuthAnswer {
	return {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			pragma: 'no-cache',
		},
		body: JSON.stringify(body),
	};
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function html(status: number, body: string): OAuthAnswer {
	return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

function redirect(location: string): OAuthAnswer {
	return { status: 303, headers: { location }, body: '' };
}

function withParams(base: string, params: Record<string, string | undefined>): string {
	const url = new URL(base);
	for (const [key, value] of Object.entries(params)) {
		if (value !== undefined) url.searchParams.set(key, value);
	}
	return url.toString();
}

/** OAuthService.parseScopeParam: scopes split on spaces or commas. */
function parseScopes(value: string | undefined): string[] {
	return (value ?? '').split(/[, ]+/).filter(Boolean);
}

function readForm(raw: string, contentType: string): Record<string, unknown> | undefined {
	if (/json/i.test(contentType)) {
		try {
			const parsed: unknown = JSON.parse(raw);
			return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
		} catch {
			return undefined;
		}
	}
	return Object.fromEntries(new URLSearchParams(raw));
}

function failure(error: unknown, params: Record<string, string>): OAuthAnswer {
	if (!(error instanceof OAuthFailure)) throw error;
	const redirectUri = params.redirect_uri;
	if (NON_REDIRECTABLE.has(error.reason) || !redirectUri) {
		return html(
			error.status,
			`<!doctype html><title>Cal.com</title><h1>${escapeHtml(error.error)}</h1><p id="reason">${escapeHtml(error.reason)}</p>`,
		);
	}
	return redirect(
		withParams(redirectUri, {
			error: error.error,
			error_description: error.reason,
			state: params.state,
		}),
	);
}

const PASSED_ON = [
	'client_id',
	'redirect_uri',
	'state',
	'scope',
	'code_challenge',
	'code_challenge_method',
];

function consentPage(
	state: SandboxState,
	clientName: string,
	params: Record<string, string>,
): string {
	const hidden = PASSED_ON.filter((name) => params[name] !== undefined)
		.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name])}">`)
		.join('\n');
	const users = state.users
		.map((u) => `<option value="${escapeHtml(u.username)}">${escapeHtml(u.username)}</option>`)
		.join('');
	const scopes = parseScopes(params.scope)
		.map((s) => `<li>${escapeHtml(s)}</li>`)
		.join('');
	return `<!doctype html>
<html><head><title>Authorize ${escapeHtml(clientName)} – Cal.com sandbox</title></head>
<body>
<h1>${escapeHtml(clientName)} would like to access your Cal.com account</h1>
<ul id="scopes">${scopes}</ul>
<form method="post" action="${AUTHORIZE_PATH}">
${hidden}
<label>Signed in as <select name="username">${users}</select></label>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
<button type="submit" name="decision" value="allow" id="allow">Allow</button>
</form>
</body></html>`;
}

function showConsent(
	provider: OAuthProvider,
	state: SandboxState,
	params: Record<string, string>,
): OAuthAnswer {
	try {
		const client = provider.checkAuthorization(
			params.client_id ?? '',
			params.redirect_uri ?? '',
			parseScopes(params.scope),
		);
		if (params.response_type !== 'code')
			throw new OAuthFailure('unsupported_response_type', 'unsupported_response_type', 400);
		return html(200, consentPage(state, client.name, params));
	} catch (error) {
		return failure(error, params);
	}
}

function submitConsent(
	provider: OAuthProvider,
	state: SandboxState,
	params: Record<string, string>,
): OAuthAnswer {
	try {
		if (params.decision !== 'allow') {
			provider.checkAuthorization(params.client_id ?? '', params.redirect_uri ?? '', ['x']);
			throw new OAuthFailure('access_denied', 'access_denied', 401);
		}
		const user = state.users.find((u) => u.username === params.username);
		if (!user) throw new OAuthFailure('access_denied', 'access_denied', 401);
		const code = provider.authorize({
			clientId: params.client_id ?? '',
			redirectUri: params.redirect_uri ?? '',
			scopes: parseScopes(params.scope),
			userId: user.id,
			codeChallenge: params.code_challenge || undefined,
			codeChallengeMethod: params.code_challenge_method || undefined,
		});
		return redirect(withParams(params.redirect_uri, { code, state: params.state }));
	} catch (error) {
		return failure(error, params);
	}
}

const EXCHANGE_FIELDS = ['client_id', 'grant_type', 'code', 'redirect_uri', 'code_verifier'];
const REFRESH_FIELDS = ['client_id', 'grant_type', 'refresh_token'];

/** token.input.pipe.ts: the body's shape, before any look-up. */
function tokenInputProblem(body: Record<string, unknown>): string | undefined {
	if (typeof body.client_id !== 'string' || !body.client_id) return 'client_id is required';
	const grant = body.grant_type;
	if (grant !== 'authorization_code' && grant !== 'refresh_token')
		return "grant_type must be 'authorization_code' or 'refresh_token'";
	const confidential = 'client_secret' in body;
	const base = grant === 'authorization_code' ? EXCHANGE_FIELDS : REFRESH_FIELDS;
	const allowed = confidential ? [...base, 'client_secret'] : base;
	const optional = new Set(confidential ? ['code_verifier'] : []);
	const problems: string[] = [];
	for (const name of allowed) {
		if (optional.has(name) && body[name] === undefined) continue;
		if (typeof body[name] !== 'string')
			problems.push(`${name} property is wrong,${name} must be a string `);
	}
	for (const name of Object.keys(body)) {
		if (!allowed.includes(name))
			problems.push(`${name} property is wrong,property ${name} should not exist `);
	}
	return problems.length > 0 ? problems.join(', ') : undefined;
}

function token(provider: OAuthProvider, raw: string, contentType: string): OAuthAnswer {
	const body = readForm(raw, contentType);
	if (!body) return json(400, { error: 'invalid_request', error_description: 'Body is required' });
	const problem = tokenInputProblem(body);
	if (problem) return json(400, { error: 'invalid_request', error_description: problem });
	const fields = body as Record<string, string>;
	try {
		const tokens =
			fields.grant_type === 'authorization_code'
				? provider.exchange(fields)
				: provider.refresh(fields);
		return json(200, tokens);
	} catch (error) {
		if (!(error instanceof OAuthFailure)) throw error;
		return json(error.status, { error: error.error, error_description: error.reason });
	}
}

/** The answer for an OAuth route, or undefined when the request is for the API. */
export function oauthAnswer(
	provider: OAuthProvider,
	state: SandboxState,
	request: {
		method: string;
		path: string;
		query: URLSearchParams;
		raw: string;
		contentType: string;
	},
): OAuthAnswer | undefined {
	const { method, path } = request;
	if (path === AUTHORIZE_PATH && method === 'GET')
		return showConsent(provider, state, Object.fromEntries(request.query));
	if (path === AUTHORIZE_PATH && method === 'POST') {
		const form = readForm(request.raw, request.contentType) ?? {};
		return submitConsent(provider, state, form as Record<string, string>);
	}
	if (path === TOKEN_PATH && method === 'POST')
		return token(provider, request.raw, request.contentType);
	return undefined;
}

const SECRET_FIELDS = new Set(['client_secret', 'code', 'code_verifier', 'refresh_token']);

/** A token or consent request as the request log keeps it: secrets and codes replaced. */
export function redactOAuthBody(raw: string, contentType: string): unknown {
	const form = readForm(raw, contentType);
	if (!form) return raw ? '<unreadable>' : undefined;
	return Object.fromEntries(
		Object.entries(form).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? '<redacted>' : v]),
	);
}
