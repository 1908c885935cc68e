import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const schedules = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'organizationSchedule',
	operation,
	...extra,
});
const byId = (id: number | string) => ({ mode: 'id', value: String(id) });
const priya = { userId: byId(83) };

describe('Organization Schedule', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});
	const asOmar = { username: 'omar' }; // ADMIN of organization 900

	it('lists one user’s schedules and the whole organization’s, simplified', async () => {
		const mine = await runCalCom(sandbox, schedules('getMany', { ...priya, limit: 5 }), asOmar);
		expect(mine.items.map((item) => item.json)).toEqual([
			{
				id: 83,
				ownerId: 83,
				name: 'Priya working hours',
				timeZone: 'Europe/London',
				isDefault: true,
				weeklyHours: ['Mon, Tue, Wed, Thu, Fri 09:00–17:00'],
				dateOverrides: [],
			},
		]);
		const all = await runCalCom(
			sandbox,
			schedules('getMany', { scope: 'organization', returnAll: true }),
			asOmar,
		);
		expect(all.items.map((item) => item.json.ownerId)).toEqual([81, 82, 83]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('creates a schedule for a user with weekly hours, makes it their default, and their slots follow', async () => {
		const created = await runCalCom(
			sandbox,
			schedules('create', {
				...priya,
				name: 'Afternoons',
				timeZone: 'Europe/London',
				isDefault: true,
				availability: {
					entries: [{ days: ['Monday'], startTime: '13:00', endTime: '15:00' }],
				},
			}),
			asOmar,
		);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			ownerId: 83,
			name: 'Afternoons',
			isDefault: true,
			weeklyHours: ['Mon 13:00–15:00'],
		});
		const post = sandbox.requests.find((r) => r.method === 'POST');
		expect(post?.path).toBe('/v2/organizations/900/users/83/schedules');
		expect(sandbox.state.users.find((u) => u.id === 83)?.defaultScheduleId).toBe(
			created.items[0].json.id,
		);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('gets, updates with Selected output, and deletes a user’s schedule', async () => {
		const one = await runCalCom(
			sandbox,
			schedules('get', { ...priya, scheduleId: byId(83), output: 'raw' }),
			asOmar,
		);
		expect(one.items[0].json).toMatchObject({ id: 83, availability: [expect.any(Object)] });
		const updated = await runCalCom(
			sandbox,
			schedules('update', {
				...priya,
				scheduleId: byId(83),
				updateFields: { name: 'Priya core hours', timeZone: 'Asia/Kolkata' },
				output: 'selected',
				selectedFields: 'name, timeZone',
			}),
			asOmar,
		);
		expect(updated.items[0].json).toEqual({
			id: 83,
			name: 'Priya core hours',
			timeZone: 'Asia/Kolkata',
		});
		const deleted = await runCalCom(
			sandbox,
			schedules('delete', { ...priya, scheduleId: byId(83) }),
			asOmar,
		);
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true, id: 83 }]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('reads Cal.com’s answers for another user’s schedule, a missing one, and a member’s key', async () => {
		const foreign = await runCalCom(
			sandbox,
			schedules('get', { ...priya, scheduleId: byId(82) }),
			asOmar,
		);
		expect(foreign.error?.message).toContain('User with ID=83 does not own schedule with ID=82');
		const missing = await runCalCom(
			sandbox,
			schedules('get', { ...priya, scheduleId: byId(999) }),
			asOmar,
		);
		expect(missing.error?.message).toBe(
			'Schedule 999 was not found in organization 900. Organization Schedule → Get Many lists the schedules of user 83.',
		);
		const member = await runCalCom(sandbox, schedules('getMany', { ...priya, limit: 5 }), {
			username: 'priya',
		});
		expect(member.error?.message).toContain('does not have the minimum required role=ORG_ADMIN');
	});

	it('keeps going with Continue On Fail: the failed item stays paired with its input', async () => {
		const result = await runCalCom(
			sandbox,
			schedules('get', { ...priya, scheduleId: byId('={{ $json.id }}') }),
			{ ...asOmar, continueOnFail: true, inputItems: [{ id: 82 }, { id: 83 }] },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toContain('does not own schedule');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toMatchObject({ id: 83, name: 'Priya working hours' });
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('offers the chosen user’s schedules in the picker', async () => {
		const found = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox, 'omar') as never,
			'searchOrganizationUserSchedules',
			undefined,
			{ resource: 'organizationSchedule', operation: 'get', userId: byId(83) } as never,
		);
		expect(found.results).toEqual([
			{ name: 'Priya working hours (Europe/London, default)', value: '83' },
		]);
	});
});
