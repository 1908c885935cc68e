/**
 * The Cal.com OAuth2 credential's default scopes against the scope each endpoint needs
 * (test/sandbox/oauth-scopes.ts, from Cal.com's controllers and OAuth docs), over every route the
 * sandbox serves: what a read needs is in the defaults, and whatever scope Cal.com may name in a
 * refusal can be picked in the credential.
 */
import { CalComOAuth2Api, DEFAULT_SCOPES } from '../../credentials/CalComOAuth2Api.credentials';
import { fixtureClients } from '../sandbox/oauth';
import { NOT_FOR_OAUTH, requiredScope } from '../sandbox/oauth-scopes';
import { ROUTES } from '../sandbox/routes';

const offered = (
	(new CalComOAuth2Api().properties.find((p) => p.name === 'scopes')?.options ?? []) as Array<{
		value: string;
	}>
).map((option) => option.value);

/** The routes an OAuth token reaches with its scopes checked (not the unauthenticated ones). */
const checked = ROUTES.filter((route) => route.auth !== 'none');

/** Route → the scope Cal.com asks of an OAuth token there, for the routes that take OAuth tokens. */
function scopesOf(routes: typeof ROUTES): Array<[string, string]> {
	return routes.flatMap((route): Array<[string, string]> => {
		const scope = requiredScope(route.method, route.template);
		return scope ? [[`${route.method} ${route.template}`, scope]] : [];
	});
}

describe('the Cal.com OAuth2 credential’s default scopes', () => {
	it('hold the scope of every read endpoint (GET) the node can reach, derived from the route table', () => {
		const reads = scopesOf(checked.filter((route) => route.method === 'GET'));
		expect(reads.length).toBeGreaterThan(40);
		const missing = reads.filter(([, scope]) => !DEFAULT_SCOPES.includes(scope));
		expect(missing).toEqual([]);
	});

	it('hold every personal scope and no team or organization write', () => {
		const personal = offered.filter((scope) => !/^(TEAM|ORG)_/.test(scope));
		expect(personal.filter((scope) => !DEFAULT_SCOPES.includes(scope))).toEqual([]);
		expect(DEFAULT_SCOPES.filter((scope) => /^(TEAM|ORG)_.*_WRITE$/.test(scope))).toEqual([]);
	});

	it('offer every scope Cal.com may name in a refusal, on any route', () => {
		const named = new Set(scopesOf(checked).map(([, scope]) => scope));
		expect([...named].filter((scope) => !offered.includes(scope))).toEqual([]);
	});

	it('are all registered on the sandbox’s Cal.com OAuth clients, as a real client must be', () => {
		for (const client of fixtureClients()) {
			expect(offered.filter((scope) => !client.scopes.includes(scope))).toEqual([]);
		}
	});

	it('leave out no route by accident: only unauthenticated routes and Calculate Slots take no scope', () => {
		const unscoped = checked
			.filter((route) => requiredScope(route.method, route.template) === undefined)
			.map((route) => `${route.method} ${route.template}`);
		// Refused to every OAuth token with NOT_FOR_OAUTH (no @OAuthPermissions in Cal.com).
		expect(unscoped).toEqual(['POST /v2/routing-forms/{routingFormId}/calculate-slots']);
		expect(NOT_FOR_OAUTH).toContain('not available for third-party OAuth tokens');
	});
});
