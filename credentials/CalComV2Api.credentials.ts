import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Cal.com API v2 with an API key. The type name is `calComV2Api` so it never clashes with
 * n8n's built-in `calApi` or other community packages' `calComApi`.
 */
export class CalComV2Api implements ICredentialType {
	name = 'calComV2Api';

	displayName = 'Cal.com API';

	icon: Icon = {
		light: 'file:../nodes/CalCom/calcom.svg',
		dark: 'file:../nodes/CalCom/calcom.dark.svg',
	};

	documentationUrl = 'https://cal.com/docs/api-reference/v2/introduction#authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. cal_live_0123456789abcdef',
			description:
				'Create one in Cal.com under Settings → Developer → API Keys. It starts with cal_.',
		},
		{
			displayName: 'Cal.com Instance',
			name: 'environment',
			type: 'options',
			default: 'cloud',
			options: [
				{
					name: 'Cal.com Cloud',
					value: 'cloud',
					description: 'Accounts at cal.com (API at https://api.cal.com)',
				},
				{
					name: 'Cal.com EU',
					value: 'eu',
					description: 'Accounts at cal.eu (API at https://api.cal.eu)',
				},
				{
					name: 'Self-Hosted',
					value: 'selfHosted',
					description: 'Your own Cal.com API v2 server',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://cal.example.com',
			description:
				'Address of your Cal.com API v2 server with http:// or https://, e.g. http://localhost:5555. A trailing / or /v2 is dropped; any other path is kept (for a proxy that serves the API under it).',
			displayOptions: { show: { environment: ['selfHosted'] } },
		},
		{
			displayName: 'Booking Page URL',
			name: 'bookingPageUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://cal.example.com',
			description:
				'Address of your Cal.com web app, where its booking pages are (https://cal.example.com/<user>/<event type>), not of the API server. Needed only by Booking → Create Booking Link; Cal.com Cloud (https://cal.com) and EU (https://cal.eu) need none.',
			displayOptions: { show: { environment: ['selfHosted'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{ String($credentials.apiKey).trim() }}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// Keep in step with resolveBaseUrl() in nodes/CalCom/transport/baseUrl.ts.
			baseURL:
				"={{ $credentials.environment === 'eu' ? 'https://api.cal.eu' : $credentials.environment === 'selfHosted' ? String($credentials.baseUrl).trim().replace(/\\/+$/, '').replace(/\\/v2$/, '') : 'https://api.cal.com' }}",
			url: '/v2/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cal.com did not accept this API key. Check the key (it starts with cal_), that the Cal.com instance or base URL is the one the key was created on, and that the key has not expired (if it has, create a new one in Cal.com under Settings → Developer → API Keys).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Cal.com refused this API key (403). Check that the key is active and belongs to this Cal.com instance or base URL.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'This base URL does not look like a Cal.com API v2 server: it has no GET /v2/me. Check the Cal.com Instance and, for Self-Hosted, the Base URL: the address of your Cal.com API v2 server (e.g. http://localhost:5555 or https://cal-api.example.com), not of the Cal.com web app, with no path after the host (a trailing /v2 is fine) unless a proxy serves the API under one.',
				},
			},
		],
	};
}
