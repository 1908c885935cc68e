import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const base = { resource: 'teamMembership', teamId: byId(100) };

describe('Team Membership', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists the members with name, email, role and acceptance, up to the limit or by email', async () => {
		const all = await runCalCom(sandbox, { ...base, operation: 'getMany', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items.map((item) => item.json)).toEqual([
			{
				id: 1,
				teamId: 100,
				userId: 1,
				role: 'OWNER',
				accepted: true,
				name: 'Bailey Brooks',
				username: 'bailey',
				email: 'bailey@example.com',
			},
			expect.objectContaining({ id: 2, userId: 2, role: 'MEMBER', email: 'lena@example.com' }),
			expect.objectContaining({ id: 3, userId: 3, role: 'MEMBER', email: 'kenji@example.com' }),
		]);
		const limited = await runCalCom(sandbox, {
			...base,
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		});
		expect(limited.items.map((item) => item.json.id)).toEqual([1, 2]);
		expect(sandbox.requests.at(-1)?.query).toEqual({ take: '2', skip: '0' });
		const byEmail = await runCalCom(sandbox, {
			...base,
			operation: 'getMany',
			returnAll: true,
			filters: { emails: ' kenji@example.com ' },
		});
		expect(byEmail.items.map((item) => item.json.userId)).toEqual([3]);
	});

	it('adds a member, promotes them to admin, reads them, and removes them', async () => {
		await runCalCom(sandbox, { ...base, operation: 'remove', membershipId: byId(3) });
		expect(sandbox.state.teams[0].members.map((m) => m.userId)).toEqual([1, 2]);
		const added = await runCalCom(sandbox, {
			...base,
			operation: 'add',
			userId: 3,
			role: 'MEMBER',
			accepted: true,
		});
		expect(added.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.body).toEqual({ userId: 3, role: 'MEMBER', accepted: true });
		expect(added.items[0].json).toMatchObject({ id: 4, userId: 3, role: 'MEMBER', accepted: true });
		const promoted = await runCalCom(sandbox, {
			...base,
			operation: 'update',
			membershipId: byId(4),
			updateFields: { role: 'ADMIN' },
		});
		expect(sandbox.requests.at(-1)?.body).toEqual({ role: 'ADMIN' });
		expect(promoted.items[0].json).toMatchObject({ id: 4, role: 'ADMIN' });
		const read = await runCalCom(sandbox, {
			...base,
			operation: 'get',
			membershipId: byId(4),
			output: 'raw',
		});
		expect(read.items[0].json).toMatchObject({
			id: 4,
			role: 'ADMIN',
			user: { email: 'kenji@example.com' },
		});
		const removed = await runCalCom(sandbox, {
			...base,
			operation: 'remove',
			membershipId: byId(4),
		});
		expect(removed.items[0].json).toEqual({ deleted: true, id: 4, teamId: 100, userId: 3 });
	});

	it('names the membership Cal.com could not find in the team', async () => {
		const result = await runCalCom(sandbox, {
			...base,
			operation: 'get',
			membershipId: byId(99),
		});
		expect(result.error?.message).toBe(
			"Membership 99 was not found in team 100. Team Membership → Get Many lists the team's memberships with their IDs (a membership ID is not a user ID).",
		);
	});

	it('says an admin’s key is needed when a MEMBER’s key meets Cal.com’s 403', async () => {
		const result = await runCalCom(
			sandbox,
			{ ...base, operation: 'update', membershipId: byId(2), updateFields: { role: 'OWNER' } },
			{ username: 'lena' },
		);
		expect(result.error?.message).toBe(
			'Cal.com refused the request (403 Forbidden): RolesGuard - user with id=2 does not have the minimum required role=TEAM_ADMIN within team with id=100.',
		);
		expect((result.error as { description?: string }).description).toMatch(
			/^The API key's user must be an admin or the owner of team 100 for this\./,
		);
		expect(sandbox.state.teams[0].members[1].role).toBe('MEMBER');
	});

	it('explains Cal.com’s 500 for a user who is already in the team', async () => {
		const result = await runCalCom(sandbox, { ...base, operation: 'add', userId: 2 });
		expect(result.error?.message).toMatch(/^Cal\.com had a server error \(HTTP 500\)/);
		expect((result.error as { description?: string }).description).toBe(
			'Cal.com fails this way when user 2 is already in team 100 (Team Membership → Get Many shows it; use Update to change the role) or when no user 2 exists.',
		);
		expect(sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('refuses a role outside MEMBER/ADMIN/OWNER and an empty update by name before any request', async () => {
		const role = await runCalCom(sandbox, {
			...base,
			operation: 'add',
			userId: 3,
			role: '={{ "BOSS" }}',
		});
		expect(role.error?.message).toBe('Role: "BOSS" is not a team role (MEMBER, ADMIN or OWNER).');
		const empty = await runCalCom(sandbox, {
			...base,
			operation: 'update',
			membershipId: byId(2),
			updateFields: {},
		});
		expect(empty.error?.message).toBe('Update Fields: add Role or Accepted to change.');
		const emails = await runCalCom(sandbox, {
			...base,
			operation: 'getMany',
			filters: { emails: 'lena@example.com, nobody' },
		});
		expect(emails.error?.message).toBe('Emails: "nobody" is not an email address.');
		expect(sandbox.requests).toEqual([]);
	});

	it('offers the chosen team’s members in the Team Member picker, searchable by name or email', async () => {
		const pick = (filter?: string, teamId: unknown = byId(100)) =>
			runListSearch(
				new CalCom(),
				[new CalComV2Api()],
				credentialsFor(sandbox) as never,
				'searchTeamMembers',
				filter,
				{ resource: 'teamMembership', operation: 'get', teamId } as never,
			);
		expect((await pick()).results).toEqual([
			{ name: 'Bailey Brooks (bailey@example.com), OWNER', value: '1' },
			{ name: 'Lena Fischer (lena@example.com), MEMBER', value: '2' },
			{ name: 'Kenji Sato (kenji@example.com), MEMBER', value: '3' },
		]);
		expect((await pick('KENJI@')).results).toEqual([
			{ name: 'Kenji Sato (kenji@example.com), MEMBER', value: '3' },
		]);
		expect((await pick(undefined, byId(''))).results).toEqual([]);
	});
});
