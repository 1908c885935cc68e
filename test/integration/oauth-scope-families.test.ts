/**
 * For each endpoint family the node reads, an OAuth2 connection holding every default scope but
 * the family's gets the node's error naming that scope (transport/scopes.ts), as Cal.com's
 * oauth-permissions.guard.ts refuses the token with "Required: <scope>". The scope of each family:
 * test/sandbox/oauth-scopes.ts, from Cal.com's controllers and its OAuth docs.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_SCOPES } from '../../credentials/CalComOAuth2Api.credentials';
import type { OrganizationSeed } from '../sandbox/organization-seed';
import { seedOrganization } from '../sandbox/organization-seed';
import { useSandbox } from './helpers';
import { connect, runWithOAuth } from './oauth-helpers';

const sandbox = useSandbox();
let seed: OrganizationSeed;
beforeEach(() => {
	seed = seedOrganization(sandbox().state);
});

const id = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

interface Family {
	label: string;
	username: 'bailey' | 'maya';
	parameters: (seed: OrganizationSeed) => INodeParameters;
	scope: string;
}

const FAMILIES: Array<[string, Family]> = [
	[
		'organization users',
		{
			label: 'Organization User → Get Many',
			username: 'maya',
			parameters: () => ({ resource: 'organizationUser', operation: 'getMany', returnAll: true }),
			scope: 'ORG_MEMBERSHIP_READ',
		},
	],
	[
		'organization memberships',
		{
			label: 'Organization Membership → Get',
			username: 'maya',
			parameters: () => ({
				resource: 'organizationMembership',
				operation: 'get',
				membershipId: 9003,
			}),
			scope: 'ORG_MEMBERSHIP_READ',
		},
	],
	[
		'organization routing forms',
		{
			label: 'Routing Form → Get Many',
			username: 'maya',
			parameters: () => ({ resource: 'routingForm', operation: 'getMany', returnAll: true }),
			scope: 'ORG_ROUTING_FORM_READ',
		},
	],
	[
		'a team’s routing forms',
		{
			label: 'Routing Form → Get Many',
			username: 'maya',
			parameters: () => ({
				resource: 'routingForm',
				operation: 'getMany',
				scope: 'team',
				teamId: id(99),
				returnAll: true,
			}),
			scope: 'TEAM_ROUTING_FORM_READ',
		},
	],
	[
		'out of office of organization users',
		{
			label: 'Out Of Office → Get Many',
			username: 'maya',
			parameters: () => ({
				resource: 'outOfOffice',
				operation: 'getMany',
				userId: id(83),
				timeZone: 'Europe/London',
				returnAll: true,
			}),
			scope: 'ORG_SCHEDULE_READ',
		},
	],
	[
		'organization schedules',
		{
			label: 'Organization Schedule → Get Many',
			username: 'maya',
			parameters: () => ({
				resource: 'organizationSchedule',
				operation: 'getMany',
				scope: 'organization',
				returnAll: true,
			}),
			scope: 'ORG_SCHEDULE_READ',
		},
	],
	[
		'organization bookings',
		{
			label: 'Organization Booking → Get Many',
			username: 'maya',
			parameters: () => ({
				resource: 'organizationBooking',
				operation: 'getMany',
				returnAll: true,
			}),
			scope: 'ORG_BOOKING_READ',
		},
	],
	[
		'an organization team’s bookings',
		{
			label: 'Organization Booking → Get Many',
			username: 'maya',
			parameters: (s) => ({
				resource: 'organizationBooking',
				operation: 'getMany',
				scope: 'team',
				teamId: id(s.teamId),
				returnAll: true,
			}),
			scope: 'TEAM_BOOKING_READ',
		},
	],
	[
		'organization teams',
		{
			label: 'Organization Team → Get Many',
			username: 'maya',
			parameters: () => ({ resource: 'organizationTeam', operation: 'getMany', returnAll: true }),
			scope: 'ORG_PROFILE_READ',
		},
	],
	[
		'one organization team',
		{
			label: 'Organization Team → Get',
			username: 'maya',
			parameters: (s) => ({ resource: 'organizationTeam', operation: 'get', teamId: id(s.teamId) }),
			scope: 'TEAM_PROFILE_READ',
		},
	],
	[
		'organization webhooks',
		{
			label: 'Webhook → Get Many',
			username: 'maya',
			parameters: () => ({
				resource: 'webhook',
				operation: 'getMany',
				scope: 'organization',
				organizationId: 900,
				returnAll: true,
			}),
			scope: 'ORG_WEBHOOK_READ',
		},
	],
	[
		'event type webhooks',
		{
			label: 'Webhook → Get Many',
			username: 'bailey',
			parameters: () => ({
				resource: 'webhook',
				operation: 'getMany',
				scope: 'eventType',
				eventTypeId: 11,
				returnAll: true,
			}),
			scope: 'EVENT_TYPE_READ',
		},
	],
	[
		'teams',
		{
			label: 'Team → Get Many',
			username: 'bailey',
			parameters: () => ({ resource: 'team', operation: 'getMany', returnAll: true }),
			scope: 'TEAM_PROFILE_READ',
		},
	],
	[
		'team memberships',
		{
			label: 'Team Membership → Get Many',
			username: 'bailey',
			parameters: () => ({
				resource: 'teamMembership',
				operation: 'getMany',
				teamId: id(100),
				returnAll: true,
			}),
			scope: 'TEAM_MEMBERSHIP_READ',
		},
	],
	[
		'team bookings',
		{
			label: 'Team → Get Bookings',
			username: 'bailey',
			parameters: () => ({
				resource: 'team',
				operation: 'getBookings',
				teamId: id(100),
				returnAll: true,
			}),
			scope: 'TEAM_BOOKING_READ',
		},
	],
	[
		'team schedules',
		{
			label: 'Team → Get Schedules',
			username: 'bailey',
			parameters: () => ({
				resource: 'team',
				operation: 'getSchedules',
				teamId: id(100),
				returnAll: true,
			}),
			scope: 'TEAM_SCHEDULE_READ',
		},
	],
	[
		'team event types',
		{
			label: 'Team Event Type → Get Many',
			username: 'bailey',
			parameters: () => ({
				resource: 'teamEventType',
				operation: 'getMany',
				teamId: id(100),
				returnAll: true,
			}),
			scope: 'TEAM_EVENT_TYPE_READ',
		},
	],
	[
		'private links',
		{
			label: 'Event Type Private Link → Get Many',
			username: 'bailey',
			parameters: () => ({
				resource: 'eventTypePrivateLink',
				operation: 'getMany',
				eventTypeId: id(12),
				returnAll: true,
			}),
			scope: 'EVENT_TYPE_READ',
		},
	],
	[
		'conferencing apps',
		{
			label: 'Conferencing → Get Many',
			username: 'bailey',
			parameters: () => ({ resource: 'conferencing', operation: 'getMany', returnAll: true }),
			scope: 'APPS_READ',
		},
	],
];

/** The default scopes without this one (and without the ORG_ scope that would stand in for a TEAM_ one). */
function allDefaultsBut(scope: string): string[] {
	const left = new Set([scope, scope.replace(/^TEAM_/, 'ORG_')]);
	return DEFAULT_SCOPES.filter((s) => !left.has(s));
}

describe('Cal.com OAuth2: a read whose family scope the connection lacks', () => {
	it.each(FAMILIES)('%s: names the missing scope and the operation', async (_family, family) => {
		const credentials = await connect(sandbox(), allDefaultsBut(family.scope), family.username);
		const result = await runWithOAuth(credentials, family.parameters(seed));
		expect(result.error?.message).toBe(
			`${family.label} needs the Cal.com OAuth scope ${family.scope}, which this connection was not granted`,
		);
		expect((result.error as { description?: string }).description).toMatch(
			new RegExp(`^Add ${family.scope} under Scopes in the Cal\\.com OAuth2 credential`),
		);
		const refused = sandbox().requests.filter((r) => r.status === 403);
		expect(refused).toHaveLength(1);
	});
});
