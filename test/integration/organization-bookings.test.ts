import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { OrganizationSeed } from '../sandbox/organization-seed';
import { seedOrganization } from '../sandbox/organization-seed';
import { runCalCom, useSandbox } from './helpers';

const bookings = (extra: INodeParameters): INodeParameters => ({
	resource: 'organizationBooking',
	operation: 'getMany',
	...extra,
});
const byId = (id: number | string) => ({ mode: 'id', value: String(id) });
const uids = (result: { items: Array<{ json: Record<string, unknown> }> }) =>
	result.items.map((item) => item.json.uid);

describe('Organization Booking', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	let seed: OrganizationSeed;
	beforeEach(() => {
		sandbox = current();
		seed = seedOrganization(sandbox.state);
	});
	const asOmar = { username: 'omar' }; // ADMIN of organization 900

	it('lists the whole organization’s bookings, simplified, with Return All', async () => {
		const result = await runCalCom(sandbox, bookings({ returnAll: true }), asOmar);
		expect(uids(result)).toEqual([seed.uids.priya, seed.uids.team]);
		expect(result.items[1].json).toMatchObject({
			uid: seed.uids.team,
			status: 'accepted',
			eventTypeId: seed.teamEventTypeId,
		});
		const request = sandbox.requests.find((r) => r.path === '/v2/organizations/900/bookings');
		expect(request?.query).toMatchObject({ take: '250', skip: '0' });
	});

	it('sends the organization list’s filters: user IDs, attendee, status and sort', async () => {
		const result = await runCalCom(
			sandbox,
			bookings({
				limit: 10,
				filters: { userIds: '82, 83', status: ['upcoming'], attendeeEmail: 'bo@buyer.example' },
				sort: { field: 'sortStart', direction: 'desc' },
			}),
			asOmar,
		);
		expect(uids(result)).toEqual([seed.uids.team]);
		const request = sandbox.requests.find((r) => r.path === '/v2/organizations/900/bookings');
		expect(request?.query).toMatchObject({
			userIds: '82,83',
			status: 'upcoming',
			attendeeEmail: 'bo@buyer.example',
			sortStart: 'desc',
			take: '10',
		});
	});

	it('lists one user’s bookings, with Raw output', async () => {
		const result = await runCalCom(
			sandbox,
			bookings({ scope: 'user', userId: byId(83), limit: 5, output: 'raw' }),
			asOmar,
		);
		expect(uids(result)).toEqual([seed.uids.priya]);
		expect(result.items[0].json).toMatchObject({ hosts: [expect.objectContaining({ id: 83 })] });
	});

	it('lists one team’s bookings with Selected output, and names a team outside the organization', async () => {
		const result = await runCalCom(
			sandbox,
			bookings({
				scope: 'team',
				teamId: byId(seed.teamId),
				limit: 5,
				filters: { afterStart: '2027-03-05T00:00:00Z' },
				output: 'selected',
				selectedFields: 'uid, start',
			}),
			{ username: 'maya' },
		);
		// Selected keeps the booking's identifiers (id, uid, event type) besides the fields named.
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: expect.any(Number),
				uid: seed.uids.team,
				eventTypeId: seed.teamEventTypeId,
				start: '2027-03-05T14:00:00.000Z',
			},
		]);
		const outside = await runCalCom(
			sandbox,
			bookings({ scope: 'team', teamId: byId(100), limit: 5 }),
			asOmar,
		);
		expect(outside.error?.message).toBe(
			"Team 100 was not found in organization 900. Organization Team → Get Many lists the organization's teams.",
		);
	});

	it('reads Cal.com’s 403 for a member’s key and for a user outside the organization', async () => {
		const member = await runCalCom(sandbox, bookings({ limit: 5 }), { username: 'priya' });
		expect(member.error?.message).toContain('does not have the minimum required role=ORG_ADMIN');
		const outsideUser = await runCalCom(
			sandbox,
			bookings({ scope: 'user', userId: byId(2), limit: 5 }),
			asOmar,
		);
		expect(outsideUser.error?.message).toContain('Forbidden resource');
	});

	it('keeps going with Continue On Fail: the failed item stays paired with its input', async () => {
		const result = await runCalCom(
			sandbox,
			bookings({ scope: 'user', userId: byId('={{ $json.user }}'), limit: 5 }),
			{ ...asOmar, continueOnFail: true, inputItems: [{ user: 2 }, { user: 83 }] },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toContain('Forbidden resource');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json.uid).toBe(seed.uids.priya);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});
});
