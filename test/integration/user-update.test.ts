import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

const update = (updateFields: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'user',
	operation: 'update',
	updateFields,
	...extra,
});

describe('User → Update', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('changes the time zone and default schedule, sends only those, and returns the profile', async () => {
		const result = await runCalCom(
			sandbox,
			update({ timeZone: ' Europe/Lisbon ', defaultScheduleId: 4 }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: 1,
				username: 'bailey',
				email: 'bailey@example.com',
				name: 'Bailey Brooks',
				timeZone: 'Europe/Lisbon',
				defaultScheduleId: 4,
				weekStart: 'Sunday',
				timeFormat: 12,
				organizationId: null,
			},
		]);
		expect(sandbox.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PATCH', '/v2/me', { timeZone: 'Europe/Lisbon', defaultScheduleId: 4 }],
		]);
		expect(sandbox.requests[0].headers['cal-api-version']).toBeUndefined();
		expect(sandbox.state.schedules.find((s) => s.id === 4)?.isDefault).toBe(true);
	});

	it('changes the other profile fields and gives the whole answer with Output Raw', async () => {
		const result = await runCalCom(
			sandbox,
			update(
				{
					name: 'Lena F.',
					bio: 'Berlin office',
					timeFormat: 12,
					weekStart: 'Sunday',
					locale: 'en',
				},
				{ output: 'raw' },
			),
			{ username: 'lena' },
		);
		expect(result.items[0].json).toMatchObject({
			username: 'lena',
			name: 'Lena F.',
			bio: 'Berlin office',
			timeFormat: 12,
			weekStart: 'Sunday',
			avatarUrl: null,
		});
		expect(sandbox.state.users.find((u) => u.username === 'lena')?.locale).toBe('en');
	});

	it('refuses a time zone that is not IANA before any request', async () => {
		const result = await runCalCom(sandbox, update({ timeZone: 'CEST' }));
		expect(result.error?.message).toBe(
			'Time Zone: "CEST" is not an IANA time zone name. Use an IANA time zone name such as Europe/Berlin, America/New_York or UTC.',
		);
		const unknown = await runCalCom(sandbox, update({ timeZone: 'Europe/Atlantis' }));
		expect(unknown.error?.message).toBe(
			'Time Zone: "Europe/Atlantis" is not a known time zone. Use an IANA time zone name such as Europe/Berlin, America/New_York or UTC.',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('asks for a field when none is given', async () => {
		const result = await runCalCom(sandbox, update({}));
		expect(result.error?.message).toBe('Update Fields: add at least one field to change.');
		expect(sandbox.requests).toEqual([]);
	});

	it("names a missing default schedule and passes on the refusal of someone else's", async () => {
		const missing = await runCalCom(sandbox, update({ defaultScheduleId: 999 }));
		expect(missing.error?.message).toBe('Schedule 999 was not found (Default Schedule ID)');
		const foreign = await runCalCom(sandbox, update({ defaultScheduleId: 2 }));
		expect(foreign.error?.message).toMatch(/^Cal\.com refused the request \(403 Forbidden\)/);
		expect(sandbox.state.users[0].defaultScheduleId).toBe(1);
	});
});
