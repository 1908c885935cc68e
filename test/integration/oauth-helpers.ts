/**
 * Running the nodes with the Cal.com OAuth2 credential through n8n-core, against the sandbox's
 * OAuth server: tokens are obtained in the spec's setup over HTTP (consent + token endpoint), as
 * n8n's OAuth callback would store them in `oauthTokenData`.
 */
import type { ICredentialType, IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { CalComOAuth2Api } from '../../credentials/CalComOAuth2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { CalComTrigger } from '../../nodes/CalComTrigger/CalComTrigger.node';
import type { RunNodeResult, TriggerOptions } from '../harness';
import { runNode } from '../harness';
import type { Sandbox } from '../sandbox';
import type { OAuthTokens } from '../sandbox/oauth';
import { obtainTokens } from '../sandbox/oauth-helpers';

/**
 * The fields of n8n's `oAuth2Api` (n8n-nodes-base 2.41, credentials/OAuth2Api.credentials.ts) that
 * n8n-core reads for requests and refreshes, with n8n's defaults. The package is n8n's, not a
 * dependency of ours; our credential extends it by name.
 */
class OAuth2ApiFields implements ICredentialType {
	name = 'oAuth2Api';
	displayName = 'OAuth2 API';
	properties: INodeProperties[] = [
		['grantType', 'authorizationCode'],
		['authUrl', ''],
		['accessTokenUrl', ''],
		['clientId', ''],
		['clientSecret', ''],
		['scope', ''],
		['authQueryParameters', ''],
		['authentication', 'header'],
	].map(([name, value]) => ({ displayName: name, name, type: 'string', default: value }));
}

export const OAUTH_CREDENTIAL_TYPES: ICredentialType[] = [
	new CalComOAuth2Api(),
	new OAuth2ApiFields(),
];

export const CONFIDENTIAL_SECRET = 'sbx-secret-0b7d6f3a9c2e4815';

/** The credential as n8n holds it after Connect: the user's fields and the stored token answer. */
export function oauthCredentialsFor(
	sandbox: Sandbox,
	tokens: OAuthTokens,
	scopes: string[],
): Record<string, IDataObject> {
	return {
		calComOAuth2Api: {
			environment: 'selfHosted',
			baseUrl: sandbox.url,
			bookingPageUrl: sandbox.url,
			clientId: 'n8n-confidential',
			clientSecret: CONFIDENTIAL_SECRET,
			scopes,
			// What the credential's expression resolves to for this Self-Hosted API URL.
			accessTokenUrl: `${sandbox.url}/v2/auth/oauth2/token`,
			oauthTokenData: tokens as unknown as IDataObject,
		},
	};
}

export async function connect(
	sandbox: Sandbox,
	scopes: string[],
	username = 'bailey',
): Promise<Record<string, IDataObject>> {
	const tokens = await obtainTokens(sandbox, { scopes, username });
	return oauthCredentialsFor(sandbox, tokens, scopes);
}

export async function runWithOAuth(
	credentials: Record<string, IDataObject>,
	parameters: INodeParameters,
): Promise<RunNodeResult> {
	return await runNode({
		node: new CalCom(),
		credentialTypes: OAUTH_CREDENTIAL_TYPES,
		parameters: { authentication: 'oAuth2', ...parameters },
		credentials: credentials as never,
	});
}

export function oauthTriggerOptions(
	credentials: Record<string, IDataObject>,
	parameters: INodeParameters,
	staticData?: IDataObject,
): TriggerOptions {
	return {
		node: new CalComTrigger(),
		credentialTypes: OAUTH_CREDENTIAL_TYPES,
		credentials: credentials as never,
		parameters: { authentication: 'oAuth2', ...parameters },
		staticData,
	};
}
