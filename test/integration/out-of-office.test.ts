import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

const priya = { mode: 'id', value: '83' };

const ooo = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'outOfOffice',
	operation,
	userId: priya,
	timeZone: 'Europe/London',
	...extra,
});

const findNextFree = (after: string): INodeParameters => ({
	resource: 'slot',
	operation: 'findNextFree',
	lookup: 'eventTypeId',
	eventTypeId: { mode: 'id', value: '49' },
	timeZone: 'Europe/London',
	after,
	count: 3,
});

describe('Out of Office', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});
	const asOmar = { username: 'omar' }; // an admin of organization 900

	it('creates an entry and Find Next Free skips its days', async () => {
		const before = await runCalCom(sandbox, findNextFree('2027-03-02T16:00'), asOmar);
		expect(before.items.map((item) => item.json.label)).toEqual([
			'Tue 2 Mar, 16:00–16:30',
			'Tue 2 Mar, 16:30–17:00',
			'Wed 3 Mar, 09:00–09:30',
		]);
		const created = await runCalCom(
			sandbox,
			ooo('create', {
				start: '2027-03-03',
				end: '2027-03-04T12:00',
				reason: 'vacation',
				additionalFields: { notes: 'Lisbon', toUserId: { mode: 'id', value: '82' } },
			}),
			asOmar,
		);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			userId: 83,
			firstDay: '2027-03-03',
			lastDay: '2027-03-04',
			reason: 'vacation',
			notes: 'Lisbon',
			redirectToUserId: 82,
		});
		const after = await runCalCom(sandbox, findNextFree('2027-03-02T16:00'), asOmar);
		expect(after.items.map((item) => item.json.label)).toEqual([
			'Tue 2 Mar, 16:00–16:30',
			'Tue 2 Mar, 16:30–17:00',
			'Fri 5 Mar, 09:00–09:30',
		]);
		// The organization came from the key's profile: one /v2/me per execution.
		expect(sandbox.requests.filter((r) => r.path === '/v2/me')).toHaveLength(1);
	});

	it('sends the calendar days typed in the zone, not the UTC days of those moments', async () => {
		// 00:30 in Tokyo on 3 March is still 2 March in UTC.
		const created = await runCalCom(
			sandbox,
			ooo('create', { start: '2027-03-03T00:30', end: '2027-03-03', timeZone: 'Asia/Tokyo' }),
			asOmar,
		);
		expect(created.items[0].json).toMatchObject({ firstDay: '2027-03-03', lastDay: '2027-03-03' });
		const sent = sandbox.requests.find((r) => r.method === 'POST');
		expect(sent?.body).toMatchObject({
			start: '2027-03-03T00:00:00.000Z',
			end: '2027-03-03T23:59:59.999Z',
			reason: 'unspecified',
		});
	});

	it('lists, updates and deletes entries, for one user or the whole organization', async () => {
		const made = await runCalCom(
			sandbox,
			ooo('create', { start: '2027-03-10', end: '2027-03-11', reason: 'travel' }),
			asOmar,
		);
		const entryId = made.items[0].json.id as number;
		const updated = await runCalCom(
			sandbox,
			ooo('update', { entryId, updateFields: { reason: 'sick', notes: 'Flu' } }),
			asOmar,
		);
		expect(updated.items[0].json).toMatchObject({ id: entryId, reason: 'sick', notes: 'Flu' });
		const mine = await runCalCom(sandbox, ooo('getMany', { returnAll: true }), asOmar);
		expect(mine.items.map((item) => item.json.id)).toEqual([entryId]);
		const all = await runCalCom(
			sandbox,
			{
				resource: 'outOfOffice',
				operation: 'getMany',
				scope: 'organization',
				email: 'priya@northwind.example',
				limit: 5,
			},
			asOmar,
		);
		expect(all.items.map((item) => [item.json.userId, item.json.firstDay])).toEqual([
			[83, '2027-03-10'],
		]);
		const deleted = await runCalCom(sandbox, ooo('delete', { entryId }), asOmar);
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true, id: entryId }]);
		expect(sandbox.state.outOfOffice).toEqual([]);
	});

	it('reads Cal.com’s refusal of a redirect to someone outside the user’s teams', async () => {
		const result = await runCalCom(
			sandbox,
			ooo('create', {
				start: '2027-03-03',
				end: '2027-03-04',
				additionalFields: { toUserId: { mode: 'id', value: '1' } },
			}),
			asOmar,
		);
		expect(result.error?.message).toContain('Cannot redirect to this user.');
	});

	it('tells an organization MEMBER that managing out of office needs an admin', async () => {
		const result = await runCalCom(
			sandbox,
			ooo('create', { start: '2027-03-03', end: '2027-03-04' }),
			{ username: 'priya' },
		);
		expect(result.error?.message).toContain('does not have the minimum required role=ORG_ADMIN');
	});

	it('says the key’s user belongs to no organization, and names the field', async () => {
		const result = await runCalCom(
			sandbox,
			ooo('create', { start: '2027-03-03', end: '2027-03-04' }),
		);
		expect(result.error?.message).toBe(
			'Organization: the API key user belongs to no Cal.com organization. Choose "By ID" and give the organization’s ID, or use an API key of an organization admin.',
		);
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v2/me']);
	});
});
