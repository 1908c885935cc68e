import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const teams = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'organizationTeam',
	operation,
	...extra,
});
const byId = (id: number | string) => ({ mode: 'id', value: String(id) });

describe('Organization Team', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
		// Organization 900 without teams (the fixture's team 99 belongs to the routing-form specs), so
		// the lists below hold only what a spec creates.
		sandbox.state.teams = sandbox.state.teams.filter((team) => team.organizationId !== 900);
	});
	const asOmar = { username: 'omar' }; // ADMIN of organization 900
	const asPriya = { username: 'priya' }; // MEMBER

	async function create(name: string, extra: INodeParameters = {}) {
		const result = await runCalCom(sandbox, teams('create', { name, ...extra }), asOmar);
		expect(result.error).toBeUndefined();
		return result.items[0].json.id as number;
	}

	it('creates a team in the key’s organization and lists it, simplified', async () => {
		const created = await runCalCom(
			sandbox,
			teams('create', {
				name: 'Field Sales',
				additionalFields: { timeZone: 'Europe/Berlin', weekStart: 'Monday', bio: 'On the road' },
			}),
			asOmar,
		);
		const id = created.items[0].json.id as number;
		expect(created.items[0].json).toEqual({
			id,
			name: 'Field Sales',
			slug: 'field-sales',
			organizationId: 900,
			bio: 'On the road',
			timeZone: 'Europe/Berlin',
			weekStart: 'Monday',
			isPrivate: false,
		});
		const listed = await runCalCom(sandbox, teams('getMany', { returnAll: true }), asOmar);
		expect(listed.items.map((item) => item.json.name)).toEqual(['Field Sales']);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('lists only the key user’s teams with their role under My Teams, for any member', async () => {
		const id = await create('Alpha');
		await create('Beta');
		sandbox.state.teams
			.find((t) => t.id === id)
			?.members.push({ id: 9950, userId: 83, role: 'MEMBER', accepted: true });
		const mine = await runCalCom(sandbox, teams('getMany', { which: 'mine', limit: 10 }), asPriya);
		expect(mine.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id, name: 'Alpha', myRole: 'MEMBER', accepted: true }),
		]);
		const all = await runCalCom(sandbox, teams('getMany', { limit: 10 }), asPriya);
		expect(all.error?.message).toContain('does not have the minimum required role=ORG_ADMIN');
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('gets, updates with Selected output, and deletes a team', async () => {
		const id = await create('Alpha');
		const one = await runCalCom(sandbox, teams('get', { teamId: byId(id), output: 'raw' }), asOmar);
		expect(one.items[0].json).toMatchObject({ id, parentId: 900, isOrganization: false });
		const updated = await runCalCom(
			sandbox,
			teams('update', {
				teamId: byId(id),
				updateFields: { name: 'Alpha Squad', isPrivate: true },
				output: 'selected',
				selectedFields: 'name, isPrivate',
			}),
			asOmar,
		);
		expect(updated.items[0].json).toEqual({ id, name: 'Alpha Squad', isPrivate: true });
		const deleted = await runCalCom(sandbox, teams('delete', { teamId: byId(id) }), asOmar);
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true, id }]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('names a team that is not the organization’s', async () => {
		const result = await runCalCom(sandbox, teams('get', { teamId: byId(100) }), asOmar);
		expect(result.error?.message).toBe(
			"Team 100 was not found in organization 900. Organization Team → Get Many lists the organization's teams.",
		);
	});

	it('reads Cal.com’s 403 for a member who changes a team and for an outsider', async () => {
		const id = await create('Alpha');
		const member = await runCalCom(
			sandbox,
			teams('update', { teamId: byId(id), updateFields: { name: 'X' } }),
			asPriya,
		);
		expect(member.error?.message).toContain(
			`does not have the minimum required role=ORG_ADMIN within organization with id=900 team with id=${id}`,
		);
		const outsider = await runCalCom(
			sandbox,
			teams('get', { organization: 'id', organizationId: 900, teamId: byId(id) }),
		);
		expect(outsider.error?.message).toContain(
			'RolesGuard - User is not part of the organization with id=900.',
		);
	});

	it('keeps going with Continue On Fail: the failed item stays paired with its input', async () => {
		const result = await runCalCom(sandbox, teams('get', { teamId: byId('={{ $json.id }}') }), {
			...asOmar,
			continueOnFail: true,
			inputItems: [{ id: 100 }, { id: await create('Alpha') }],
		});
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toContain('Team 100 was not found in organization 900');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toMatchObject({ name: 'Alpha' });
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('offers the organization’s teams in the picker: all for an admin, their own for a member', async () => {
		const alpha = await create('Alpha');
		const beta = await create('Beta');
		sandbox.state.teams
			.find((t) => t.id === beta)
			?.members.push({ id: 9951, userId: 83, role: 'MEMBER', accepted: true });
		const search = async (username: string, filter?: string) =>
			await runListSearch(
				new CalCom(),
				[new CalComV2Api()],
				credentialsFor(sandbox, username) as never,
				'searchOrganizationTeams',
				filter,
			);
		expect((await search('omar')).results).toEqual([
			{ name: 'Alpha (alpha)', value: String(alpha) },
			{ name: 'Beta (beta)', value: String(beta) },
		]);
		expect((await search('omar', 'bet')).results.map((r) => r.value)).toEqual([String(beta)]);
		expect((await search('priya')).results.map((r) => r.value)).toEqual([String(beta)]);
	});
});
