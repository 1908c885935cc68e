import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Cal.com API v2 through OAuth2: n8n runs the authorization-code flow and refreshes the access
 * token (Cal.com's live 1800 s) on a 401.
 *
 * From Cal.com's source and docs: authorize on the web app, `/auth/oauth2/authorize`
 * (apps/web/app/auth/oauth2/authorize); tokens from the API, `POST /v2/auth/oauth2/token`
 * (apps/api/v2/src/modules/auth/oauth2/**), which reads `client_id` from the body (token.input.pipe.ts):
 * hence client credentials sent in the body. PKCE (S256) is always used: a public client needs it
 * and a confidential one accepts it beside its secret (packages/features/oauth/services/
 * OAuthService.ts verifyPKCE; exchange.input.ts allows both), so leaving the secret empty is all a
 * public client needs. n8n 2.41 sends the PKCE verifier when `usePkce` is true with
 * `grantType: authorizationCode` (its OAuth2 credential controller and OAuthService.shouldUsePkce).
 * Scopes: packages/features/oauth/constants.ts, and the newer WEBHOOK_, CREDITS_,
 * TEAM_ROUTING_FORM_, ORG_MEMBERSHIP_, ORG_ROUTING_FORM_ and ORG_WEBHOOK_ as Cal.com's OAuth docs
 * name them ("Available Scopes", cal.com/docs/api-reference/v2/oauth). Inferred: the EU
 * instance's web app at https://app.cal.eu beside its API at https://api.cal.eu, as Cloud's
 * app.cal.com / api.cal.com.
 */
const SCOPES: Array<[string, string]> = [
	['BOOKING_READ', 'Bookings: Read'],
	['BOOKING_WRITE', 'Bookings: Write'],
	['EVENT_TYPE_READ', 'Event Types: Read'],
	['EVENT_TYPE_WRITE', 'Event Types: Write'],
	['SCHEDULE_READ', 'Schedules: Read'],
	['SCHEDULE_WRITE', 'Schedules: Write'],
	['PROFILE_READ', 'Profile: Read'],
	['PROFILE_WRITE', 'Profile: Write'],
	['APPS_READ', 'Apps (Calendars, Conferencing): Read'],
	['APPS_WRITE', 'Apps (Calendars, Conferencing): Write'],
	['WEBHOOK_READ', 'Webhooks: Read'],
	['WEBHOOK_WRITE', 'Webhooks: Write'],
	['CREDITS_READ', 'Credits: Read'],
	['CREDITS_WRITE', 'Credits: Write'],
	['TEAM_BOOKING_READ', 'Team Bookings: Read'],
	['TEAM_BOOKING_WRITE', 'Team Bookings: Write'],
	['TEAM_EVENT_TYPE_READ', 'Team Event Types: Read'],
	['TEAM_EVENT_TYPE_WRITE', 'Team Event Types: Write'],
	['TEAM_SCHEDULE_READ', 'Team Schedules: Read'],
	['TEAM_SCHEDULE_WRITE', 'Team Schedules: Write'],
	['TEAM_PROFILE_READ', 'Teams: Read'],
	['TEAM_PROFILE_WRITE', 'Teams: Write'],
	['TEAM_MEMBERSHIP_READ', 'Team Memberships: Read'],
	['TEAM_MEMBERSHIP_WRITE', 'Team Memberships: Write'],
	['TEAM_ROUTING_FORM_READ', 'Team Routing Forms: Read'],
	['TEAM_ROUTING_FORM_WRITE', 'Team Routing Forms: Write'],
	['ORG_BOOKING_READ', 'Organization Bookings: Read'],
	['ORG_BOOKING_WRITE', 'Organization Bookings: Write'],
	['ORG_EVENT_TYPE_READ', 'Organization Event Types: Read'],
	['ORG_EVENT_TYPE_WRITE', 'Organization Event Types: Write'],
	['ORG_SCHEDULE_READ', 'Organization Schedules: Read'],
	['ORG_SCHEDULE_WRITE', 'Organization Schedules: Write'],
	['ORG_PROFILE_READ', 'Organization Teams: Read'],
	['ORG_PROFILE_WRITE', 'Organization Teams: Write'],
	['ORG_MEMBERSHIP_READ', 'Organization Users and Memberships: Read'],
	['ORG_MEMBERSHIP_WRITE', 'Organization Users and Memberships: Write'],
	['ORG_ROUTING_FORM_READ', 'Organization Routing Forms: Read'],
	['ORG_ROUTING_FORM_WRITE', 'Organization Routing Forms: Write'],
	['ORG_WEBHOOK_READ', 'Organization Webhooks: Read'],
	['ORG_WEBHOOK_WRITE', 'Organization Webhooks: Write'],
];

/**
 * Every personal scope (what the personal operations and the trigger need) and the read scopes of
 * teams and organizations, so every read operation of the node works with the defaults; team and
 * organization writes are opt-in.
 */
export const DEFAULT_SCOPES = SCOPES.map(([value]) => value).filter(
	(value) => !/^(TEAM|ORG)_/.test(value) || value.endsWith('_READ'),
);

/**
 * The API root as an expression over the credential's fields (`$self` while n8n resolves the
 * credential, `$credentials` in its test request). Keep in step with resolveBaseUrl() in
 * nodes/CalCom/transport/baseUrl.ts.
 */
function apiBase(data: string): string {
	return `${data}.environment === 'eu' ? 'https://api.cal.eu' : ${data}.environment === 'selfHosted' ? String(${data}.baseUrl).trim().replace(/\\/+$/, '').replace(/\\/v2$/, '') : 'https://api.cal.com'`;
}

const APP_BASE =
	"$self.environment === 'eu' ? 'https://app.cal.eu' : $self.environment === 'selfHosted' ? String($self.bookingPageUrl).trim().replace(/\\/+$/, '') : 'https://app.cal.com'";

export class CalComOAuth2Api implements ICredentialType {
	name = 'calComOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Cal.com OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/CalCom/calcom.svg',
		dark: 'file:../nodes/CalCom/calcom.dark.svg',
	};

	documentationUrl = 'https://cal.com/docs/api-reference/v2/oauth';

	properties: INodeProperties[] = [
		{
			displayName: 'Cal.com Instance',
			name: 'environment',
			type: 'options',
			default: 'cloud',
			options: [
				{ name: 'Cal.com Cloud', value: 'cloud', description: 'app.cal.com and api.cal.com' },
				{ name: 'Cal.com EU', value: 'eu', description: 'app.cal.eu and api.cal.eu' },
				{ name: 'Self-Hosted', value: 'selfHosted', description: 'Your own Cal.com' },
			],
		},
		{
			displayName: 'Web App URL',
			name: 'bookingPageUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://cal.example.com',
			description:
				'Address of your Cal.com web app, where you sign in: n8n sends you to <this>/auth/oauth2/authorize to allow access',
			displayOptions: { show: { environment: ['selfHosted'] } },
		},
		{
			displayName: 'API URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://cal-api.example.com',
			description:
				'Address of your Cal.com API v2 server; tokens come from <this>/v2/auth/oauth2/token. A trailing / or /v2 is dropped.',
			displayOptions: { show: { environment: ['selfHosted'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret of a confidential Cal.com OAuth client. Leave empty for a public client: n8n then proves itself with PKCE alone.',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			default: DEFAULT_SCOPES,
			options: SCOPES.map(([value, name]) => ({ name, value })),
			description:
				'What n8n may do in Cal.com. Pick only scopes your Cal.com OAuth client is registered with. The default covers every personal operation and every team and organization read; team and organization changes need their TEAM_ / ORG_ Write scopes.',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Use PKCE', name: 'usePkce', type: 'hidden', default: true },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ (${APP_BASE}) + '/auth/oauth2/authorize' }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${apiBase('$self')}) + '/v2/auth/oauth2/token' }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// n8n 2.41's editor saves a new credential's Scopes as an empty list, whatever the default
			// says (seen in the OAuth e2e spec): an empty list asks for the default scopes.
			default: `={{ ([].concat($self.scopes ?? []).length ? [].concat($self.scopes) : ${JSON.stringify(DEFAULT_SCOPES)}).join(' ') }}`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${apiBase('$credentials')} }}`,
			url: '/v2/me',
			method: 'GET',
		},
	};
}
