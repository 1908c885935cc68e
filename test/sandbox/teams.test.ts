import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

describe('sandbox teams', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests().filter((r) => r.status < 400)).toEqual([]));

	it('lists the caller’s teams and gets one, in the documented shape, without a version header', async () => {
		const list = await call(sandbox, '/v2/teams', { key: lena });
		expect(list.status).toBe(200);
		expect(list.json.data).toEqual([
			{
				id: 100,
				name: 'Customer Success',
				slug: 'customer-success',
				isOrganization: false,
				timeZone: 'Europe/London',
				weekStart: 'Sunday',
				hideBranding: false,
				isPrivate: false,
				hideBookATeamMember: false,
			},
		]);
		expect(responseProblems('GET', '/v2/teams', 200, list.json)).toEqual([]);
		const one = await call(sandbox, '/v2/teams/100', { key: lena });
		expect(one.json.data).toMatchObject({ id: 100, slug: 'customer-success' });
		expect(responseProblems('GET', '/v2/teams/{teamId}', 200, one.json)).toEqual([]);
	});

	it('creates a team whose creator is its accepted OWNER, and the slug from the name', async () => {
		const created = await call(sandbox, '/v2/teams', {
			method: 'POST',
			key: lena,
			body: { name: 'Sales Über Team', bio: 'Demos', timeZone: 'Europe/Berlin' },
		});
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({
			id: 101,
			name: 'Sales Über Team',
			slug: 'sales-uber-team',
			bio: 'Demos',
			timeZone: 'Europe/Berlin',
		});
		expect(responseProblems('POST', '/v2/teams', 201, created.json)).toEqual([]);
		const members = await call(sandbox, '/v2/teams/101/memberships', { key: lena });
		expect(members.json.data).toEqual([
			expect.objectContaining({ userId: 2, teamId: 101, role: 'OWNER', accepted: true }),
		]);
		const pending = await call(sandbox, '/v2/teams', {
			method: 'POST',
			key: lena,
			body: { name: 'Later', autoAcceptCreator: false },
		});
		const later = await call(sandbox, `/v2/teams/${pending.json.data.id}/memberships`, {
			key: lena,
		});
		expect(later.json.data[0]).toMatchObject({ role: 'OWNER', accepted: false });
	});

	it('refuses a MEMBER’s key on owner and admin routes with the roles guard’s 403 and text', async () => {
		const cases: Array<[string, string, string]> = [
			['PATCH', '/v2/teams/100', 'TEAM_OWNER'],
			['DELETE', '/v2/teams/100', 'TEAM_OWNER'],
			['POST', '/v2/teams/100/invite', 'TEAM_ADMIN'],
			['GET', '/v2/teams/100/memberships', 'TEAM_ADMIN'],
			['GET', '/v2/teams/100/bookings', 'TEAM_ADMIN'],
			['GET', '/v2/teams/100/schedules', 'TEAM_ADMIN'],
		];
		for (const [method, path, role] of cases) {
			const answer = await call(sandbox, path, {
				method,
				key: lena,
				body: method === 'PATCH' ? { name: 'Mine now' } : undefined,
			});
			expect([method, path, answer.status, answer.json.error.message]).toEqual([
				method,
				path,
				403,
				`RolesGuard - user with id=2 does not have the minimum required role=${role} within team with id=100.`,
			]);
		}
		expect(sandbox.state.teams[0].name).toBe('Customer Success');
	});

	it('refuses a non-member, and a team that does not exist, with the guard’s other 403', async () => {
		const created = await call(sandbox, '/v2/teams', {
			method: 'POST',
			key: bailey,
			body: { name: 'Private' },
		});
		const foreign = await call(sandbox, `/v2/teams/${created.json.data.id}`, { key: lena });
		expect(foreign.status).toBe(403);
		expect(foreign.json.error.message).toBe(
			`RolesGuard - User is not a member of the team with id=${created.json.data.id}.`,
		);
		const missing = await call(sandbox, '/v2/teams/999', { key: bailey });
		expect(missing.status).toBe(403);
		expect(missing.json.error.message).toBe(
			'RolesGuard - User is not a member of the team with id=999.',
		);
	});

	it('updates a team as its owner, and deletes it with its event types', async () => {
		const updated = await call(sandbox, '/v2/teams/100', {
			method: 'PATCH',
			key: bailey,
			body: { name: 'Success', isPrivate: true },
		});
		expect(updated.json.data).toMatchObject({ id: 100, name: 'Success', isPrivate: true });
		expect(responseProblems('PATCH', '/v2/teams/{teamId}', 200, updated.json)).toEqual([]);
		const deleted = await call(sandbox, '/v2/teams/100', { method: 'DELETE', key: bailey });
		expect(deleted.status).toBe(200);
		expect(deleted.json.data).toMatchObject({ id: 100, name: 'Success' });
		expect(responseProblems('DELETE', '/v2/teams/{teamId}', 200, deleted.json)).toEqual([]);
		expect(sandbox.state.eventTypes.filter((e) => e.teamId === 100)).toEqual([]);
		const gone = await call(sandbox, '/v2/teams/100', { key: bailey });
		expect(gone.status).toBe(403);
	});

	it('makes an invite link: a token and the signup URL that carries it', async () => {
		const invite = await call(sandbox, '/v2/teams/100/invite', { method: 'POST', key: bailey });
		expect(invite.status).toBe(200);
		const { token, inviteLink } = invite.json.data as { token: string; inviteLink: string };
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(inviteLink).toBe(
			`https://app.cal.com/signup?token=${token}&callbackUrl=/getting-started`,
		);
		expect(responseProblems('POST', '/v2/teams/{teamId}/invite', 200, invite.json)).toEqual([]);
	});

	it('lists the team event types’ bookings with the personal list’s filters and pagination', async () => {
		const all = await call(sandbox, '/v2/teams/100/bookings', { key: bailey });
		expect(all.json.data.map((b: { uid: string }) => b.uid)).toEqual([
			'hwmrAH8t1I3vthnx9usSx4',
			'wohvpmDhCY9MxyM6zc6bBC',
			'Rr53SupportLenaKenji01',
		]);
		expect(responseProblems('GET', '/v2/teams/{teamId}/bookings', 200, all.json)).toEqual([]);
		const page = await call(
			sandbox,
			'/v2/teams/100/bookings?eventTypeIds=51&sortStart=desc&take=1&skip=1',
			{ key: bailey },
		);
		expect(page.json.data.map((b: { uid: string }) => b.uid)).toEqual(['hwmrAH8t1I3vthnx9usSx4']);
		expect(page.json.pagination).toMatchObject({ totalItems: 2, hasNextPage: false });
	});

	it('lists the members’ schedules, take and skip applied', async () => {
		const all = await call(sandbox, '/v2/teams/100/schedules', { key: bailey });
		expect(all.json.data.map((s: { id: number }) => s.id)).toEqual([1, 2, 3, 4]);
		expect(responseProblems('GET', '/v2/teams/{teamId}/schedules', 200, all.json)).toEqual([]);
		const page = await call(sandbox, '/v2/teams/100/schedules?take=2&skip=1', { key: bailey });
		expect(page.json.data.map((s: { id: number }) => s.id)).toEqual([2, 3]);
	});
});

describe('sandbox team memberships', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests().filter((r) => r.status < 400)).toEqual([]));

	it('lists, filters by email and pages the memberships, with each member’s user', async () => {
		const all = await call(sandbox, '/v2/teams/100/memberships', { key: bailey });
		expect(all.json.data[1]).toEqual({
			id: 2,
			userId: 2,
			teamId: 100,
			accepted: true,
			role: 'MEMBER',
			disableImpersonation: false,
			user: { email: 'lena@example.com', username: 'lena', name: 'Lena Fischer' },
		});
		expect(responseProblems('GET', '/v2/teams/{teamId}/memberships', 200, all.json)).toEqual([]);
		const byEmail = await call(sandbox, '/v2/teams/100/memberships?emails=KENJI@example.com', {
			key: bailey,
		});
		expect(byEmail.json.data.map((m: { userId: number }) => m.userId)).toEqual([3]);
		const page = await call(sandbox, '/v2/teams/100/memberships?take=1&skip=2', { key: bailey });
		expect(page.json.data.map((m: { id: number }) => m.id)).toEqual([3]);
	});

	it('adds a member (MEMBER and not accepted by default), changes the role, and removes them', async () => {
		const kenji = await call(sandbox, '/v2/teams/100/memberships/3', {
			method: 'DELETE',
			key: bailey,
		});
		expect(kenji.status).toBe(200);
		const added = await call(sandbox, '/v2/teams/100/memberships', {
			method: 'POST',
			key: bailey,
			body: { userId: 3 },
		});
		expect(added.status).toBe(201);
		expect(added.json.data).toMatchObject({ id: 4, userId: 3, role: 'MEMBER', accepted: false });
		expect(responseProblems('POST', '/v2/teams/{teamId}/memberships', 201, added.json)).toEqual([]);
		const promoted = await call(sandbox, '/v2/teams/100/memberships/4', {
			method: 'PATCH',
			key: bailey,
			body: { role: 'ADMIN', accepted: true },
		});
		expect(promoted.json.data).toMatchObject({ id: 4, role: 'ADMIN', accepted: true });
		const one = await call(sandbox, '/v2/teams/100/memberships/4', { key: bailey });
		expect(one.json.data).toMatchObject({ role: 'ADMIN' });
		const removed = await call(sandbox, '/v2/teams/100/memberships/4', {
			method: 'DELETE',
			key: bailey,
		});
		expect(removed.json.data).toMatchObject({ id: 4, userId: 3 });
		expect(
			responseProblems(
				'DELETE',
				'/v2/teams/{teamId}/memberships/{membershipId}',
				200,
				removed.json,
			),
		).toEqual([]);
		const hosts = sandbox.state.eventTypes.find((e) => e.id === 53)?.hosts;
		expect(hosts?.map((h) => h.userId)).toEqual([2]);
		const again = await call(sandbox, '/v2/teams/100/memberships', {
			method: 'POST',
			key: bailey,
			body: { userId: 3, role: 'OWNER', accepted: true },
		});
		expect(again.json.data).toMatchObject({ id: 5, role: 'OWNER', accepted: true });
	});

	it('answers an unknown membership with Cal.com’s 404 texts, a role outside the list with 400', async () => {
		const missing = await call(sandbox, '/v2/teams/100/memberships/99', { key: bailey });
		expect([missing.status, missing.json.error.message]).toEqual([
			404,
			"Organization's Team membership not found",
		]);
		const gone = await call(sandbox, '/v2/teams/100/memberships/99', {
			method: 'DELETE',
			key: bailey,
		});
		expect([gone.status, gone.json.error.message]).toEqual([
			404,
			'Membership with id 99 not found in team 100',
		]);
		const badRole = await call(sandbox, '/v2/teams/100/memberships/2', {
			method: 'PATCH',
			key: bailey,
			body: { role: 'BOSS' },
		});
		expect(badRole.status).toBe(400);
		expect(sandbox.state.teams[0].members[1].role).toBe('MEMBER');
	});
});
