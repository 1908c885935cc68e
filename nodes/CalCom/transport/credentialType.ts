import type { INode, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const API_KEY_CREDENTIAL = 'calComV2Api';
export const OAUTH2_CREDENTIAL = 'calComOAuth2Api';

/** n8n's convention for a node with two kinds of credential: one `authentication` choice. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	// Existing workflows have no value here and keep using their API key.
	default: 'apiKey',
	description:
		'How n8n signs in to Cal.com: an API key pasted into the credential, or OAuth2 (connect once in the browser, no key to paste)',
};

export const calComCredentials: INodeCredentialDescription[] = [
	{
		name: API_KEY_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
	{
		name: OAUTH2_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

/**
 * The credential type the node is set to. Read from the node's saved parameters so it works the
 * same in every context (execute, hooks, webhooks, load options); absent means the default.
 */
export function credentialTypeOf(node: INode): string {
	return node.parameters?.authentication === 'oAuth2' ? OAUTH2_CREDENTIAL : API_KEY_CREDENTIAL;
}
