/**
 * The organization's booking lists over HTTP: the whole organization, one user, one team.
 */
import type { Sandbox } from './index';
import { startSandbox } from './index';
import type { OrganizationSeed } from './organization-seed';
import { seedOrganization } from './organization-seed';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

let sandbox: Sandbox;
let seed: OrganizationSeed;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.reset();
	seed = seedOrganization(sandbox.state);
});

// maya OWNER, omar ADMIN, priya MEMBER of organization 900; bailey outside it.
const key = (username: string) => sandbox.apiKeyFor(username);
const uids = (res: { json: { data: Array<{ uid: string }> } }) => res.json.data.map((b) => b.uid);

describe('sandbox organization bookings', () => {
	it('lists the bookings of the organization’s users and teams, none from outside, paginated', async () => {
		const res = await call(sandbox, '/v2/organizations/900/bookings', { key: key('maya') });
		expect(res.status).toBe(200);
		expect(uids(res)).toEqual([seed.uids.priya, seed.uids.team]);
		expect(res.json.pagination).toMatchObject({ totalItems: 2, currentPage: 1 });
		expect(responseProblems('GET', '/v2/organizations/{orgId}/bookings', 200, res.json)).toEqual(
			[],
		);
	});

	it('narrows the organization’s list to some users and by the personal filters', async () => {
		const some = await call(sandbox, '/v2/organizations/900/bookings?userIds=82', {
			key: key('omar'),
		});
		expect(uids(some)).toEqual([seed.uids.team]);
		const byAttendee = await call(
			sandbox,
			'/v2/organizations/900/bookings?attendeeEmail=ana@client.example&sortStart=desc',
			{ key: key('omar') },
		);
		expect(uids(byAttendee)).toEqual([seed.uids.priya]);
	});

	it('lists one organization user’s bookings, and refuses a user outside the organization', async () => {
		const res = await call(sandbox, '/v2/organizations/900/users/83/bookings', {
			key: key('omar'),
		});
		expect(uids(res)).toEqual([seed.uids.priya]);
		const outside = await call(sandbox, '/v2/organizations/900/users/2/bookings', {
			key: key('omar'),
		});
		expect(outside.status).toBe(403);
		expect(outside.json.error.message).toBe('Forbidden resource');
	});

	it('lists a team’s bookings for an organization admin; a team outside the organization is a 404', async () => {
		const res = await call(sandbox, `/v2/organizations/900/teams/${seed.teamId}/bookings`, {
			key: key('maya'),
		});
		expect(uids(res)).toEqual([seed.uids.team]);
		expect(
			responseProblems('GET', '/v2/organizations/{orgId}/teams/{teamId}/bookings', 200, res.json),
		).toEqual([]);
		const outside = await call(sandbox, '/v2/organizations/900/teams/100/bookings', {
			key: key('maya'),
		});
		expect(outside.status).toBe(404);
		expect(outside.json.error.message).toBe('IsTeamInOrg - Team (100) not found.');
	});

	it('refuses an organization MEMBER the organization and user lists, and an outsider every list', async () => {
		const member = await call(sandbox, '/v2/organizations/900/bookings', { key: key('priya') });
		expect(member.status).toBe(403);
		expect(member.json.error.message).toBe(
			'RolesGuard - user with id=83 does not have the minimum required role=ORG_ADMIN within organization with id=900.',
		);
		const outsider = await call(sandbox, `/v2/organizations/900/teams/${seed.teamId}/bookings`, {
			key: key('bailey'),
		});
		expect(outsider.json.error.message).toBe(
			'RolesGuard - User is not part of the organization with id=900.',
		);
	});

	it('refuses a take over 250 with the validation pipe’s 400', async () => {
		const res = await call(sandbox, '/v2/organizations/900/users/83/bookings?take=251', {
			key: key('omar'),
		});
		expect(res.status).toBe(400);
	});
});
