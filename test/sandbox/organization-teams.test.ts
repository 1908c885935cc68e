/**
 * The organization teams routes over HTTP: who may call them (Cal.com's guards, with both an
 * organization and a team in the path) and what they do.
 */
import type { Sandbox } from './index';
import { startSandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
// Each spec starts from organization 900 without teams (the fixture's Northwind Sales, team 99, is
// the routing forms' and is taken out here), so the lists below hold only what a spec creates.
beforeEach(() => {
	sandbox.reset();
	withoutOrganizationTeams(sandbox);
});

function withoutOrganizationTeams(s: Sandbox): void {
	s.state.teams = s.state.teams.filter((team) => team.organizationId !== 900);
}

// maya OWNER, omar ADMIN, priya MEMBER of organization 900; bailey outside it.
const key = (username: string) => sandbox.apiKeyFor(username);

const ORG = '/v2/organizations/900/teams';
const TEMPLATE = '/v2/organizations/{orgId}/teams';

async function createTeam(name: string, as = 'omar', extra: Record<string, unknown> = {}) {
	const res = await call(sandbox, ORG, { key: key(as), method: 'POST', body: { name, ...extra } });
	expect(res.status).toBe(201);
	return res.json.data as { id: number; slug: string; parentId: number };
}

describe('sandbox organization teams', () => {
	it('creates a team in the organization, slugged from its name, its creator an accepted owner', async () => {
		const res = await call(sandbox, ORG, {
			key: key('omar'),
			method: 'POST',
			body: { name: 'Field Sales', timeZone: 'Europe/Berlin' },
		});
		expect(res.status).toBe(201);
		expect(res.json.data).toMatchObject({
			name: 'Field Sales',
			slug: 'field-sales',
			parentId: 900,
			timeZone: 'Europe/Berlin',
			isOrganization: false,
		});
		expect(responseProblems('POST', TEMPLATE, 201, res.json)).toEqual([]);
		const team = sandbox.state.teams.find((t) => t.id === res.json.data.id);
		expect(team?.members).toEqual([
			expect.objectContaining({ userId: 82, role: 'OWNER', accepted: true }),
		]);
	});

	it('lists the organization’s teams for an admin, never a team outside it, with take and skip', async () => {
		const a = await createTeam('Alpha');
		const b = await createTeam('Beta');
		const all = await call(sandbox, ORG, { key: key('maya') });
		expect(all.json.data.map((t: { id: number }) => t.id)).toEqual([a.id, b.id]);
		expect(responseProblems('GET', TEMPLATE, 200, all.json)).toEqual([]);
		const second = await call(sandbox, `${ORG}?take=1&skip=1`, { key: key('maya') });
		expect(second.json.data.map((t: { id: number }) => t.id)).toEqual([b.id]);
	});

	it('refuses an organization MEMBER the list and the create: ORG_ADMIN is the minimum', async () => {
		const list = await call(sandbox, ORG, { key: key('priya') });
		expect(list.status).toBe(403);
		expect(list.json.error.message).toBe(
			'RolesGuard - user with id=83 does not have the minimum required role=ORG_ADMIN within organization with id=900.',
		);
		const create = await call(sandbox, ORG, {
			key: key('priya'),
			method: 'POST',
			body: { name: 'X' },
		});
		expect(create.status).toBe(403);
	});

	it('gives teams/me: every team with the caller’s role for an admin, only their own for a member', async () => {
		const a = await createTeam('Alpha');
		const b = await createTeam('Beta', 'maya');
		sandbox.state.teams
			.find((t) => t.id === b.id)
			?.members.push({ id: 9901, userId: 83, role: 'MEMBER', accepted: false });
		const admin = await call(sandbox, `${ORG}/me`, { key: key('omar') });
		expect(admin.json.data.map((t: { id: number; role?: string }) => [t.id, t.role])).toEqual([
			[a.id, 'OWNER'],
			[b.id, undefined],
		]);
		const member = await call(sandbox, `${ORG}/me`, { key: key('priya') });
		expect(member.status).toBe(200);
		expect(member.json.data).toEqual([
			expect.objectContaining({ id: b.id, role: 'MEMBER', accepted: false }),
		]);
		expect(responseProblems('GET', `${TEMPLATE}/me`, 200, member.json)).toEqual([]);
		const outsider = await call(sandbox, `${ORG}/me`, { key: key('bailey') });
		expect(outsider.json.error.message).toBe(
			'RolesGuard - User is not a member of the organization with id=900.',
		);
	});

	it('gets, updates and deletes a team of the organization', async () => {
		const team = await createTeam('Alpha', 'maya');
		const one = await call(sandbox, `${ORG}/${team.id}`, { key: key('omar') });
		expect(one.json.data).toMatchObject({ id: team.id, name: 'Alpha' });
		expect(responseProblems('GET', `${TEMPLATE}/{teamId}`, 200, one.json)).toEqual([]);
		const patched = await call(sandbox, `${ORG}/${team.id}`, {
			key: key('omar'),
			method: 'PATCH',
			body: { name: 'Alpha Squad', bio: 'Field team' },
		});
		expect(patched.json.data).toMatchObject({
			name: 'Alpha Squad',
			bio: 'Field team',
			slug: 'alpha',
		});
		const deleted = await call(sandbox, `${ORG}/${team.id}`, {
			key: key('omar'),
			method: 'DELETE',
		});
		expect(deleted.status).toBe(200);
		expect(deleted.json.data.id).toBe(team.id);
		expect(sandbox.state.teams.some((t) => t.id === team.id)).toBe(false);
	});

	it('answers a team outside the organization with IsTeamInOrg’s 404, after the roles guard', async () => {
		const res = await call(sandbox, `${ORG}/100`, { key: key('omar') });
		expect(res.status).toBe(404);
		expect(res.json.error.message).toBe('IsTeamInOrg - Team (100) not found.');
	});

	it('lets a team admin who is an organization MEMBER read the team, not change it', async () => {
		const team = await createTeam('Alpha');
		const members = sandbox.state.teams.find((t) => t.id === team.id)?.members;
		const stranger = await call(sandbox, `${ORG}/${team.id}`, { key: key('priya') });
		expect(stranger.status).toBe(403);
		expect(stranger.json.error.message).toBe(
			`RolesGuard - User is not part of the team with id=${team.id} and/or, is not an admin nor an owner of the organization with id=900.`,
		);
		members?.push({ id: 9902, userId: 83, role: 'MEMBER', accepted: true });
		const member = await call(sandbox, `${ORG}/${team.id}`, { key: key('priya') });
		expect(member.json.error.message).toBe(
			`RolesGuard - user with id=83 does not have the minimum required role=TEAM_ADMIN within organization with id=900 team with id=${team.id}.`,
		);
		members?.splice(-1, 1, { id: 9902, userId: 83, role: 'ADMIN', accepted: true });
		const admin = await call(sandbox, `${ORG}/${team.id}`, { key: key('priya') });
		expect(admin.status).toBe(200);
		const patch = await call(sandbox, `${ORG}/${team.id}`, {
			key: key('priya'),
			method: 'PATCH',
			body: { name: 'Mine now' },
		});
		expect(patch.status).toBe(403);
		expect(patch.json.error.message).toBe(
			`RolesGuard - user with id=83 does not have the minimum required role=ORG_ADMIN within organization with id=900 team with id=${team.id}.`,
		);
	});

	it('refuses an outsider on a team route with the "not part of the organization" text', async () => {
		const team = await createTeam('Alpha');
		const res = await call(sandbox, `${ORG}/${team.id}`, { key: key('bailey') });
		expect(res.status).toBe(403);
		expect(res.json.error.message).toBe(
			'RolesGuard - User is not part of the organization with id=900.',
		);
	});

	it('refuses an empty name with the validation pipe’s 400', async () => {
		const res = await call(sandbox, ORG, { key: key('omar'), method: 'POST', body: { name: '' } });
		expect(res.status).toBe(400);
		expect(sandbox.state.teams.filter((t) => t.organizationId === 900)).toEqual([]);
	});
});
