/**
 * The organization users routes over HTTP: who may call them (Cal.com's guards) and what they do.
 */
import type { Sandbox } from './index';
import { startSandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const maya = 'cal_live_4a1e0c9d7b3f2e8a6c5d4b3a2f1e0d9c'; // OWNER of organization 900
const omar = 'cal_live_42b7e1f0a9c8d7e6f5a4b3c2d1e0f9a8'; // ADMIN
const priya = 'cal_live_43c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5'; // MEMBER
const bailey = 'cal_live_bb4ab184763274e6dfdab39073b12cba'; // not in the organization

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

describe('sandbox organizations: who may manage users', () => {
	it('refuses a key of someone outside the organization with RolesGuard’s 403', async () => {
		const res = await call(sandbox, '/v2/organizations/900/users', { key: bailey });
		expect(res.status).toBe(403);
		expect(res.json.error.message).toBe(
			'RolesGuard - User is not a member of the organization with id=900.',
		);
	});

	it('refuses an organization MEMBER: ORG_ADMIN is the minimum role', async () => {
		const res = await call(sandbox, '/v2/organizations/900/users', { key: priya });
		expect(res.status).toBe(403);
		expect(res.json.error.message).toBe(
			'RolesGuard - user with id=83 does not have the minimum required role=ORG_ADMIN within organization with id=900.',
		);
	});

	it('answers an ID that is no organization with Nest’s "Forbidden resource"', async () => {
		const res = await call(sandbox, '/v2/organizations/901/users', { key: maya });
		expect(res.status).toBe(403);
		expect(res.json.error.message).toBe('Forbidden resource');
	});

	it('refuses every admin when the organization has no Admin API access', async () => {
		sandbox.state.organizations[0].adminApiEnabled = false;
		const res = await call(sandbox, '/v2/organizations/900/users', { key: maya });
		expect(res.status).toBe(403);
		expect(res.json.error.message).toBe(
			'Organization does not have Admin API access, please contact https://cal.com/sales to upgrade',
		);
	});
});

describe('sandbox organizations: users', () => {
	it('lists the organization’s users, filtered by email, in the documented shape', async () => {
		const all = await call(sandbox, '/v2/organizations/900/users', { key: omar });
		expect(all.status).toBe(200);
		expect(all.json.data.map((u: { username: string }) => u.username)).toEqual([
			'maya',
			'omar',
			'priya',
		]);
		expect(responseProblems('GET', '/v2/organizations/{orgId}/users', 200, all.json)).toEqual([]);
		const one = await call(sandbox, '/v2/organizations/900/users?emails=priya@northwind.example', {
			key: omar,
		});
		expect(one.json.data.map((u: { id: number }) => u.id)).toEqual([83]);
		expect(one.json.data[0].profile).toEqual({
			id: 83,
			organizationId: 900,
			userId: 83,
			username: 'priya',
		});
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('creates a user with a username from the email, then updates and deletes them', async () => {
		const created = await call(sandbox, '/v2/organizations/900/users', {
			method: 'POST',
			key: maya,
			body: { email: 'sam@contoso.example', timeZone: 'America/Chicago' },
		});
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({
			email: 'sam@contoso.example',
			username: 'sam-contoso',
			timeZone: 'America/Chicago',
		});
		expect(responseProblems('POST', '/v2/organizations/{orgId}/users', 201, created.json)).toEqual(
			[],
		);
		const id = created.json.data.id as number;
		const updated = await call(sandbox, `/v2/organizations/900/users/${id}`, {
			method: 'PATCH',
			key: maya,
			body: { username: 'sam', bio: 'Support' },
		});
		expect(updated.status).toBe(200);
		expect(updated.json.data).toMatchObject({ id, username: 'sam', bio: 'Support' });
		const removed = await call(sandbox, `/v2/organizations/900/users/${id}`, {
			method: 'DELETE',
			key: maya,
		});
		expect(removed.status).toBe(200);
		expect(sandbox.state.users.some((u) => u.id === id)).toBe(false);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('answers 409 for an email or a username already taken', async () => {
		const email = await call(sandbox, '/v2/organizations/900/users', {
			method: 'POST',
			key: maya,
			body: { email: 'priya@northwind.example' },
		});
		expect(email.status).toBe(409);
		expect(email.json.error.message).toBe('A user already exists with that email');
		const username = await call(sandbox, '/v2/organizations/900/users/83', {
			method: 'PATCH',
			key: maya,
			body: { username: 'omar' },
		});
		expect(username.status).toBe(409);
		expect(username.json.error.message).toBe('Username is already taken');
	});

	it('refuses to update a user outside the organization (IsUserInOrg)', async () => {
		const res = await call(sandbox, '/v2/organizations/900/users/1', {
			method: 'PATCH',
			key: maya,
			body: { bio: 'X' },
		});
		expect(res.status).toBe(403);
		expect(res.json.error.message).toBe('Forbidden resource');
	});
});

describe('sandbox organizations: memberships', () => {
	it('lists, gets, updates and removes memberships in the documented shapes', async () => {
		const list = await call(sandbox, '/v2/organizations/900/memberships', { key: maya });
		expect(list.status).toBe(200);
		expect(list.json.data.map((m: { userId: number; role: string }) => [m.userId, m.role])).toEqual(
			[
				[81, 'OWNER'],
				[82, 'ADMIN'],
				[83, 'MEMBER'],
			],
		);
		expect(
			responseProblems('GET', '/v2/organizations/{orgId}/memberships', 200, list.json),
		).toEqual([]);
		const one = await call(sandbox, '/v2/organizations/900/memberships/9003', { key: maya });
		expect(one.json.data).toMatchObject({
			id: 9003,
			userId: 83,
			teamId: 900,
			user: { email: 'priya@northwind.example' },
		});
		const promoted = await call(sandbox, '/v2/organizations/900/memberships/9003', {
			method: 'PATCH',
			key: maya,
			body: { role: 'ADMIN' },
		});
		expect(promoted.json.data.role).toBe('ADMIN');
		// Priya is an admin now: her key manages users.
		expect((await call(sandbox, '/v2/organizations/900/users', { key: priya })).status).toBe(200);
		const removed = await call(sandbox, '/v2/organizations/900/memberships/9003', {
			method: 'DELETE',
			key: maya,
		});
		expect(removed.status).toBe(200);
		expect((await call(sandbox, '/v2/me', { key: priya })).json.data.organizationId).toBeNull();
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('adds a member, and adding them again updates the membership (Cal.com’s upsert)', async () => {
		const added = await call(sandbox, '/v2/organizations/900/memberships', {
			method: 'POST',
			key: omar,
			body: { userId: 1, role: 'MEMBER', accepted: true },
		});
		expect(added.status).toBe(201);
		expect(
			responseProblems('POST', '/v2/organizations/{orgId}/memberships', 201, added.json),
		).toEqual([]);
		const again = await call(sandbox, '/v2/organizations/900/memberships', {
			method: 'POST',
			key: omar,
			body: { userId: 1, role: 'ADMIN' },
		});
		expect([again.json.data.id, again.json.data.role]).toEqual([added.json.data.id, 'ADMIN']);
		expect((await call(sandbox, '/v2/organizations/900/users', { key: bailey })).status).toBe(200);
	});

	it('answers 404 for a membership of another organization, and 400 for a role outside the list', async () => {
		const missing = await call(sandbox, '/v2/organizations/900/memberships/77', { key: maya });
		expect([missing.status, missing.json.error.message]).toEqual([
			404,
			'IsMembershipInOrg - Membership (77) not found.',
		]);
		const role = await call(sandbox, '/v2/organizations/900/memberships', {
			method: 'POST',
			key: maya,
			body: { userId: 1, role: 'SUPERUSER' },
		});
		expect(role.status).toBe(400);
	});
});
