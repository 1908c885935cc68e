/**
 * The editor's lists (list search and load options) of both nodes with the OAuth2 credential: every
 * method the nodes declare runs through n8n-core with the API key and with an OAuth2 connection
 * of the same user (default scopes), and both give the same non-empty choices.
 */
import type { ICredentialType, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { DEFAULT_SCOPES } from '../../credentials/CalComOAuth2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { CalComTrigger } from '../../nodes/CalComTrigger/CalComTrigger.node';
import { runListSearch, runLoadOptions } from '../harness';
import { seedOrganization } from '../sandbox/organization-seed';
import { credentialsFor, useSandbox } from './helpers';
import { connect, OAUTH_CREDENTIAL_TYPES } from './oauth-helpers';
import { createWebhook } from './oauth-read-cases';
import type { Sandbox } from '../sandbox';

const sandbox = useSandbox();
beforeEach(() => {
	seedOrganization(sandbox().state);
});

const id = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

interface MethodCase {
	username: 'bailey' | 'maya';
	/** The node's parameters while the list is open in the editor. */
	parameters: INodeParameters;
	setup?: (sandbox: Sandbox) => Promise<unknown>;
}

const bailey = (parameters: INodeParameters = {}): MethodCase => ({
	username: 'bailey',
	parameters,
});
const maya = (parameters: INodeParameters = {}): MethodCase => ({ username: 'maya', parameters });

/** `<node>.<listSearch|loadOptions>.<method>` → how the editor has the node when it asks. */
const CASES: Record<string, MethodCase> = {
	'CalCom.listSearch.searchEventTypes': bailey({ resource: 'booking', operation: 'create' }),
	'CalCom.listSearch.searchOrganizationTeams': maya({
		resource: 'organizationTeam',
		operation: 'get',
	}),
	'CalCom.listSearch.searchOrganizationUserSchedules': maya({
		resource: 'organizationSchedule',
		operation: 'get',
		userId: id(83),
	}),
	'CalCom.listSearch.searchOrganizationUsers': maya({
		resource: 'organizationUser',
		operation: 'update',
	}),
	'CalCom.listSearch.searchRoutingForms': maya({
		resource: 'routingForm',
		operation: 'getResponses',
	}),
	'CalCom.listSearch.searchSchedules': bailey({ resource: 'schedule', operation: 'get' }),
	'CalCom.listSearch.searchTeamEventTypes': bailey({
		resource: 'teamEventType',
		operation: 'get',
		teamId: id(100),
	}),
	'CalCom.listSearch.searchTeamMembers': bailey({
		resource: 'teamMembership',
		operation: 'get',
		teamId: id(100),
	}),
	'CalCom.listSearch.searchTeams': bailey({ resource: 'team', operation: 'get' }),
	'CalCom.listSearch.searchWebhooks': {
		...bailey({ resource: 'webhook', operation: 'get' }),
		setup: createWebhook,
	},
	'CalCom.loadOptions.getBookingQuestions': bailey({
		resource: 'booking',
		operation: 'create',
		lookup: 'eventTypeId',
		eventTypeId: id(12),
	}),
	'CalCom.loadOptions.getCalendars': bailey({ resource: 'calendar', operation: 'getBusyTimes' }),
	'CalCom.loadOptions.getTeamHosts': bailey({
		resource: 'teamEventType',
		operation: 'create',
		teamId: id(100),
	}),
	'CalCom.loadOptions.getTimeZones': bailey({ resource: 'schedule', operation: 'create' }),
	'CalComTrigger.listSearch.searchEventTypes': bailey({ scope: 'eventType' }),
};

const NODES: Record<string, () => INodeType> = {
	CalCom: () => new CalCom(),
	CalComTrigger: () => new CalComTrigger(),
};

/** Every list method both nodes declare, as `<node>.<kind>.<method>`. */
const declared = Object.entries(NODES).flatMap(([name, make]) => {
	const methods = make().methods ?? {};
	return (['listSearch', 'loadOptions'] as const).flatMap((kind) =>
		Object.keys(methods[kind] ?? {}).map((method) => `${name}.${kind}.${method}`),
	);
});

async function choices(
	key: string,
	credentialTypes: ICredentialType[],
	credentials: Record<string, IDataObject>,
	parameters: INodeParameters,
): Promise<unknown[]> {
	const [nodeName, kind, method] = key.split('.');
	const node = NODES[nodeName]();
	if (kind === 'listSearch') {
		const found = await runListSearch(
			node,
			credentialTypes,
			credentials as never,
			method,
			undefined,
			parameters,
		);
		return found.results;
	}
	return await runLoadOptions(node, credentialTypes, credentials as never, method, parameters);
}

describe('the editor’s lists of both nodes with the OAuth2 credential', () => {
	it('every list method of both nodes has a case here', () => {
		expect(declared.length).toBeGreaterThan(10);
		expect(declared.filter((key) => !CASES[key])).toEqual([]);
		expect(Object.keys(CASES).filter((key) => !declared.includes(key))).toEqual([]);
	});

	it.each(declared)('%s offers the same choices with the API key and with OAuth2', async (key) => {
		const found = CASES[key];
		if (!found) throw new Error(`No case for ${key} in test/integration/oauth-methods.test.ts`);
		await found.setup?.(sandbox());
		const withKey = await choices(
			key,
			[new CalComV2Api()],
			credentialsFor(sandbox(), found.username),
			found.parameters,
		);
		expect(withKey.length).toBeGreaterThan(0);

		const credentials = await connect(sandbox(), DEFAULT_SCOPES, found.username);
		const sentBefore = sandbox().requests.length;
		const withOAuth = await choices(key, OAUTH_CREDENTIAL_TYPES, credentials, {
			authentication: 'oAuth2',
			...found.parameters,
		});
		expect(withOAuth).toEqual(withKey);
		const sent = sandbox().requests.slice(sentBefore);
		expect(sent.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`)).toEqual([]);
	});
});

describe('an editor list with an expired OAuth2 access token', () => {
	it('is filled after n8n renews the token, as a run is', async () => {
		const credentials = await connect(sandbox(), DEFAULT_SCOPES);
		sandbox().oauth.expireAccessTokens();
		const teams = await choices(
			'CalCom.listSearch.searchTeams',
			OAUTH_CREDENTIAL_TYPES,
			credentials,
			{
				authentication: 'oAuth2',
				resource: 'team',
				operation: 'get',
			},
		);
		expect(teams).toEqual([{ name: 'Customer Success (customer-success)', value: '100' }]);
		expect(sandbox().oauth.grants.refresh_token).toBe(1);
		const statuses = sandbox()
			.requests.filter((r) => r.path === '/v2/teams')
			.map((r) => r.status);
		expect(statuses).toEqual([401, 200]);
	});
});
