import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { CalComOAuth2Api, DEFAULT_SCOPES } from '../../credentials/CalComOAuth2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { HarnessNodeTypes } from '../harness';

/**
 * The credential's hidden fields as n8n resolves them before the OAuth flow: its defaults, then
 * expressions with `$self` = the credential's own data (n8n's CredentialsHelper
 * applyDefaultsAndOverwrites passes the data as the expression's self data).
 */
function resolved(data: INodeParameters): ICredentialDataDecryptedObject {
	const type = new CalComOAuth2Api();
	const withDefaults = NodeHelpers.getNodeParameters(
		type.properties,
		data,
		true,
		false,
		null,
		null,
	);
	const node = {
		id: 'n',
		name: 'Cal.com',
		type: 'calCom',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes([new CalCom()]),
	});
	const values = { ...(withDefaults ?? {}) } as INodeParameters;
	return workflow.expression.getParameterValue(
		values,
		null,
		0,
		0,
		node.name,
		[],
		'internal',
		{},
		undefined,
		false,
		values as ICredentialDataDecryptedObject,
	) as ICredentialDataDecryptedObject;
}

describe('Cal.com OAuth2 credential', () => {
	it('Cloud: authorizes on app.cal.com, takes tokens from api.cal.com, with PKCE and body credentials', () => {
		const data = resolved({ clientId: 'abc' });
		expect(data).toMatchObject({
			authUrl: 'https://app.cal.com/auth/oauth2/authorize',
			accessTokenUrl: 'https://api.cal.com/v2/auth/oauth2/token',
			grantType: 'authorizationCode',
			usePkce: true,
			authentication: 'body',
			scope: DEFAULT_SCOPES.join(' '),
		});
	});

	it('EU: app.cal.eu and api.cal.eu', () => {
		expect(resolved({ environment: 'eu' })).toMatchObject({
			authUrl: 'https://app.cal.eu/auth/oauth2/authorize',
			accessTokenUrl: 'https://api.cal.eu/v2/auth/oauth2/token',
		});
	});

	it('Self-Hosted: the web app URL for consent, the API URL (without /v2) for tokens', () => {
		expect(
			resolved({
				environment: 'selfHosted',
				bookingPageUrl: 'https://cal.example.com/',
				baseUrl: 'https://cal-api.example.com/v2/',
			}),
		).toMatchObject({
			authUrl: 'https://cal.example.com/auth/oauth2/authorize',
			accessTokenUrl: 'https://cal-api.example.com/v2/auth/oauth2/token',
		});
	});

	it('joins the chosen scopes with spaces, as Cal.com reads them', () => {
		expect(resolved({ scopes: ['BOOKING_READ', 'WEBHOOK_WRITE'] }).scope).toBe(
			'BOOKING_READ WEBHOOK_WRITE',
		);
	});

	it('asks for the default scopes when Scopes was saved empty, as n8n’s editor saves a new credential', () => {
		expect(resolved({ scopes: [] }).scope).toBe(DEFAULT_SCOPES.join(' '));
		expect(DEFAULT_SCOPES).toContain('BOOKING_WRITE');
	});
});
