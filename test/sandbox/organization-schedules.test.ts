/**
 * The organization's schedule routes over HTTP: its users' schedules, managed by its admins.
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
beforeEach(() => sandbox.reset());

// maya OWNER, omar ADMIN, priya MEMBER of organization 900; bailey outside it.
const key = (username: string) => sandbox.apiKeyFor(username);
const USERS = '/v2/organizations/{orgId}/users/{userId}/schedules';
const PRIYA = '/v2/organizations/900/users/83/schedules';

describe('sandbox organization schedules', () => {
	it('lists the schedules of every organization user, none of anyone else, with take and skip', async () => {
		const all = await call(sandbox, '/v2/organizations/900/schedules', { key: key('omar') });
		expect(all.status).toBe(200);
		expect(all.json.data.map((s: { ownerId: number }) => s.ownerId)).toEqual([81, 82, 83]);
		expect(responseProblems('GET', '/v2/organizations/{orgId}/schedules', 200, all.json)).toEqual(
			[],
		);
		const page = await call(sandbox, '/v2/organizations/900/schedules?take=1&skip=2', {
			key: key('omar'),
		});
		expect(page.json.data.map((s: { id: number }) => s.id)).toEqual([83]);
	});

	it('creates, reads, updates and deletes a user’s schedule; a new default replaces the old', async () => {
		const created = await call(sandbox, PRIYA, {
			key: key('omar'),
			method: 'POST',
			body: { name: 'Late shift', timeZone: 'Asia/Kolkata', isDefault: true },
		});
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({
			ownerId: 83,
			name: 'Late shift',
			isDefault: true,
			availability: [{ days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] }],
		});
		expect(responseProblems('POST', USERS, 201, created.json)).toEqual([]);
		const id = created.json.data.id as number;
		const old = await call(sandbox, `${PRIYA}/83`, { key: key('omar') });
		expect(old.json.data.isDefault).toBe(false);
		expect(responseProblems('GET', `${USERS}/{scheduleId}`, 200, old.json)).toEqual([]);
		const patched = await call(sandbox, `${PRIYA}/${id}`, {
			key: key('omar'),
			method: 'PATCH',
			body: { name: 'Evening shift' },
		});
		expect(patched.json.data).toMatchObject({
			id,
			name: 'Evening shift',
			timeZone: 'Asia/Kolkata',
		});
		const deleted = await call(sandbox, `${PRIYA}/${id}`, { key: key('omar'), method: 'DELETE' });
		expect(deleted.json).toEqual({ status: 'success' });
		const list = await call(sandbox, PRIYA, { key: key('omar') });
		expect(list.json.data.map((s: { id: number }) => s.id)).toEqual([83]);
	});

	it('answers another user’s schedule with 403 and a missing one with 404 (400 on delete)', async () => {
		const foreign = await call(sandbox, `${PRIYA}/82`, { key: key('omar') });
		expect(foreign.status).toBe(403);
		expect(foreign.json.error.message).toBe('User with ID=83 does not own schedule with ID=82');
		const missing = await call(sandbox, `${PRIYA}/999`, { key: key('omar') });
		expect(missing.status).toBe(404);
		expect(missing.json.error.message).toBe('Schedule with ID=999 does not exist.');
		const gone = await call(sandbox, `${PRIYA}/999`, { key: key('omar'), method: 'DELETE' });
		expect(gone.status).toBe(400);
	});

	it('refuses a user outside the organization, a MEMBER’s key and a bad time zone', async () => {
		const outside = await call(sandbox, '/v2/organizations/900/users/1/schedules', {
			key: key('omar'),
		});
		expect(outside.status).toBe(403);
		expect(outside.json.error.message).toBe('Forbidden resource');
		const member = await call(sandbox, PRIYA, { key: key('priya') });
		expect(member.json.error.message).toBe(
			'RolesGuard - user with id=83 does not have the minimum required role=ORG_ADMIN within organization with id=900.',
		);
		const zone = await call(sandbox, PRIYA, {
			key: key('omar'),
			method: 'POST',
			body: { name: 'X', timeZone: 'Mars/Base', isDefault: false },
		});
		expect(zone.status).toBe(400);
	});

	it('takes a changed schedule into the user’s slots at once', async () => {
		await call(sandbox, `${PRIYA}/83`, {
			key: key('omar'),
			method: 'PATCH',
			body: { availability: [{ days: ['Monday'], startTime: '13:00', endTime: '14:00' }] },
		});
		const slots = await call(
			sandbox,
			'/v2/slots?eventTypeId=49&start=2027-03-08&end=2027-03-08&timeZone=Europe/London',
			{ key: key('priya'), version: '2024-09-04' },
		);
		const starts = Object.values(slots.json.data as Record<string, Array<{ start: string }>>)
			.flat()
			.map((s) => s.start);
		expect(starts[0]).toBe('2027-03-08T13:00:00.000+00:00');
		expect(starts.every((s) => s >= '2027-03-08T13:00' && s < '2027-03-08T14:00')).toBe(true);
	});
});
