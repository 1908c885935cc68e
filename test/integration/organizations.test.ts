import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const users = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'organizationUser',
	operation,
	...extra,
});
const memberships = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'organizationMembership',
	operation,
	...extra,
});

describe('Organization User', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});
	const asMaya = { username: 'maya' }; // owner of organization 900

	it('lists the users of the key’s organization, simplified, and filters by email', async () => {
		const all = await runCalCom(sandbox, users('getMany', { returnAll: true }), asMaya);
		expect(all.items.map((item) => item.json.username)).toEqual(['maya', 'omar', 'priya']);
		expect(all.items[2].json).toMatchObject({
			id: 83,
			email: 'priya@northwind.example',
			timeZone: 'Europe/London',
			organizationId: 900,
		});
		const two = await runCalCom(
			sandbox,
			users('getMany', { emails: 'priya@northwind.example, omar@northwind.example', limit: 10 }),
			asMaya,
		);
		expect(two.items.map((item) => item.json.id)).toEqual([82, 83]);
	});

	it('creates, updates and deletes a user, with Selected and Raw output', async () => {
		const created = await runCalCom(
			sandbox,
			users('create', {
				email: 'sam@contoso.example',
				additionalFields: {
					organizationRole: 'ADMIN',
					timeZone: 'America/Chicago',
					username: 'sam',
				},
				output: 'selected',
				selectedFields: 'username, timeZone',
			}),
			asMaya,
		);
		expect(created.error).toBeUndefined();
		const id = created.items[0].json.id as number;
		expect(created.items[0].json).toEqual({ id, username: 'sam', timeZone: 'America/Chicago' });
		const updated = await runCalCom(
			sandbox,
			users('update', {
				userId: { mode: 'id', value: String(id) },
				updateFields: { bio: 'Support lead', timeFormat: 12, email: 'sam.lee@contoso.example' },
				output: 'raw',
			}),
			asMaya,
		);
		expect(updated.items[0].json).toMatchObject({
			id,
			email: 'sam.lee@contoso.example',
			bio: 'Support lead',
			timeFormat: 12,
			profile: { organizationId: 900 },
		});
		const deleted = await runCalCom(
			sandbox,
			users('delete', { userId: { mode: 'id', value: String(id) } }),
			asMaya,
		);
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true, id }]);
	});

	it('works in an organization given by ID, and reads Cal.com’s 403 for an outsider', async () => {
		const outsider = await runCalCom(
			sandbox,
			users('getMany', { organization: 'id', organizationId: 900 }),
		);
		expect(outsider.error?.message).toContain(
			'RolesGuard - User is not a member of the organization with id=900.',
		);
		const member = await runCalCom(
			sandbox,
			users('getMany', { organization: 'id', organizationId: 900 }),
			{
				username: 'priya',
			},
		);
		expect(member.error?.message).toContain('does not have the minimum required role=ORG_ADMIN');
	});

	it('keeps going with Continue On Fail: the failed item stays paired with its input', async () => {
		const result = await runCalCom(sandbox, users('create', { email: '={{ $json.email }}' }), {
			...asMaya,
			continueOnFail: true,
			inputItems: [{ email: 'priya@northwind.example' }, { email: 'new@northwind.example' }],
		});
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toContain('A user already exists with that email');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toMatchObject({
			email: 'new@northwind.example',
			username: 'new-northwind',
		});
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		// One /v2/me for both items.
		expect(sandbox.requests.filter((r) => r.path === '/v2/me')).toHaveLength(1);
	});

	it('offers the organization’s users in the picker, searchable', async () => {
		const credentials = credentialsFor(sandbox, 'omar') as never;
		const all = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentials,
			'searchOrganizationUsers',
		);
		expect(all.results).toEqual([
			{ name: 'Maya Okafor (maya@northwind.example)', value: '81' },
			{ name: 'Omar Haddad (omar@northwind.example)', value: '82' },
			{ name: 'Priya Raman (priya@northwind.example)', value: '83' },
		]);
		const found = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentials,
			'searchOrganizationUsers',
			'pri',
		);
		expect(found.results.map((r) => r.value)).toEqual(['83']);
		const outsider = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'searchOrganizationUsers',
		);
		expect(outsider.results).toEqual([]);
	});
});

describe('Organization Membership', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});
	const asOmar = { username: 'omar' };

	it('lists and gets memberships, simplified', async () => {
		const all = await runCalCom(sandbox, memberships('getMany', { limit: 2 }), asOmar);
		expect(all.items.map((item) => [item.json.id, item.json.userId, item.json.role])).toEqual([
			[9001, 81, 'OWNER'],
			[9002, 82, 'ADMIN'],
		]);
		const one = await runCalCom(sandbox, memberships('get', { membershipId: 9003 }), asOmar);
		expect(one.items[0].json).toEqual({
			id: 9003,
			userId: 83,
			organizationId: 900,
			role: 'MEMBER',
			accepted: true,
			disableImpersonation: false,
			email: 'priya@northwind.example',
			username: 'priya',
			name: 'Priya Raman',
		});
	});

	it('adds a user, changes the role, and removes the membership', async () => {
		const added = await runCalCom(
			sandbox,
			memberships('add', { userId: 1, role: 'MEMBER', additionalFields: { accepted: true } }),
			asOmar,
		);
		expect(added.items[0].json).toMatchObject({ userId: 1, role: 'MEMBER', accepted: true });
		const membershipId = added.items[0].json.id as number;
		const updated = await runCalCom(
			sandbox,
			memberships('update', { membershipId, updateFields: { role: 'ADMIN' } }),
			asOmar,
		);
		expect(updated.items[0].json.role).toBe('ADMIN');
		const removed = await runCalCom(sandbox, memberships('remove', { membershipId }), asOmar);
		expect(removed.items.map((item) => item.json)).toEqual([{ deleted: true, id: membershipId }]);
	});

	it('names the membership Cal.com could not find', async () => {
		const result = await runCalCom(sandbox, memberships('get', { membershipId: 77 }), asOmar);
		expect(result.error?.message).toBe('Membership 77 was not found in organization 900');
	});
});
