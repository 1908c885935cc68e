import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch } from '../harness';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import {
	credentialsFor,
	expectOnlyValidRequests,
	MARCH,
	runCalCom,
	useSandbox,
	visibleText,
} from './helpers';

const team = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Team', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists the key user’s teams, simplified, without a cal-api-version header', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'team',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: 100,
				name: 'Customer Success',
				slug: 'customer-success',
				organizationId: null,
				bio: null,
				timeZone: 'Europe/London',
				weekStart: 'Sunday',
				isPrivate: false,
			},
		]);
		expect(sandbox.requests.map((r) => [r.path, r.headers['cal-api-version']])).toEqual([
			['/v2/teams', undefined],
		]);
	});

	it('creates a team whose owner is the key’s user, then gets, updates and deletes it', async () => {
		const created = await runCalCom(
			sandbox,
			{
				resource: 'team',
				operation: 'create',
				name: '  Sales  ',
				additionalFields: { bio: 'Demos', timeZone: 'Europe/Berlin', weekStart: 'Monday' },
			},
			{ username: 'lena' },
		);
		expect(created.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.body).toEqual({
			name: 'Sales',
			bio: 'Demos',
			timeZone: 'Europe/Berlin',
			weekStart: 'Monday',
		});
		expect(created.items[0].json).toMatchObject({ id: 101, name: 'Sales', slug: 'sales' });
		expect(sandbox.state.teams.at(-1)?.members).toEqual([
			expect.objectContaining({ userId: 2, role: 'OWNER', accepted: true }),
		]);
		const got = await runCalCom(
			sandbox,
			{ resource: 'team', operation: 'get', teamId: team(101), output: 'raw' },
			{ username: 'lena' },
		);
		expect(got.items[0].json).toMatchObject({ id: 101, isOrganization: false, bio: 'Demos' });
		const updated = await runCalCom(
			sandbox,
			{
				resource: 'team',
				operation: 'update',
				teamId: team(101),
				updateFields: { name: 'Sales EMEA', isPrivate: true },
				output: 'selected',
				selectedFields: 'name, isPrivate',
			},
			{ username: 'lena' },
		);
		expect(updated.items[0].json).toEqual({ id: 101, name: 'Sales EMEA', isPrivate: true });
		const deleted = await runCalCom(
			sandbox,
			{ resource: 'team', operation: 'delete', teamId: team(101) },
			{ username: 'lena' },
		);
		expect(deleted.items[0].json).toEqual({ deleted: true, id: 101 });
		expect(sandbox.state.teams.map((t) => t.id)).toEqual([100, 99]);
	});

	it('says which role an operation needs when a MEMBER’s key meets Cal.com’s 403', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'team', operation: 'delete', teamId: team(100) },
			{ username: 'lena' },
		);
		expect(result.error?.message).toBe(
			'Cal.com refused the request (403 Forbidden): RolesGuard - user with id=2 does not have the minimum required role=TEAM_OWNER within team with id=100.',
		);
		expect((result.error as { description?: string }).description).toMatch(
			/^The API key's user must own team 100 for this\. .*use the API key of its owner\.$/,
		);
		expect(sandbox.state.teams.map((t) => t.id)).toEqual([100, 99]);
		expect(visibleText(result)).not.toContain(sandbox.apiKeyFor('lena'));
	});

	it('says a team the key’s user is not in may not exist, and keeps going with Continue On Fail', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'team', operation: 'get', teamId: '={{ $json.team }}' },
			{ continueOnFail: true, inputItems: [{ team: 999 }, { team: 100 }] },
		);
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.id])).toEqual([
			[
				{ item: 0 },
				'Cal.com refused the request (403 Forbidden): RolesGuard - User is not a member of the team with id=999.',
			],
			[{ item: 1 }, 100],
		]);
	});

	it('makes an invite link', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'team',
			operation: 'createInviteLink',
			teamId: team(100),
		});
		const { teamId, inviteLink, token } = result.items[0].json as Record<string, string>;
		expect(teamId).toBe(100);
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(inviteLink).toBe(
			`https://app.cal.com/signup?token=${token}&callbackUrl=/getting-started`,
		);
	});

	it('gets the team’s bookings with the personal list’s filters, sort and paging', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'team',
			operation: 'getBookings',
			teamId: team(100),
			returnAll: true,
			filters: { eventTypeIds: '51, 53', status: ['upcoming'], attendeeName: '' },
			sort: { field: 'sortStart', direction: 'desc' },
			output: 'selected',
			selectedFields: 'start',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.uid)).toEqual([
			'Rr53SupportLenaKenji01',
			'wohvpmDhCY9MxyM6zc6bBC',
			'hwmrAH8t1I3vthnx9usSx4',
		]);
		expect(sandbox.requests[0].query).toEqual({
			eventTypeIds: '51,53',
			sortStart: 'desc',
			status: 'upcoming',
			take: '250',
			skip: '0',
		});
		const limited = await runCalCom(sandbox, {
			resource: 'team',
			operation: 'getBookings',
			teamId: team(100),
			returnAll: false,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
	});

	it('refuses a booking status outside Cal.com’s list by name before any request', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'team',
			operation: 'getBookings',
			teamId: team(100),
			filters: { status: ['someday'] },
		});
		expect(result.error?.message).toBe(
			'Status: "someday" is not a booking status (upcoming, recurring, past, cancelled, unconfirmed).',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('gets the members’ schedules with readable hours, up to the limit', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'team',
			operation: 'getSchedules',
			teamId: team(100),
			returnAll: false,
			limit: 3,
		});
		expect(result.items.map((item) => [item.json.id, item.json.ownerId])).toEqual([
			[1, 1],
			[2, 2],
			[3, 3],
		]);
		expect(result.items[0].json.weeklyHours).toEqual(['Mon, Tue, Wed, Thu, Fri 09:00–17:00']);
	});

	it('offers the key user’s teams in the Team picker, searchable', async () => {
		const credentials = credentialsFor(sandbox) as never;
		const all = await runListSearch(new CalCom(), [new CalComV2Api()], credentials, 'searchTeams');
		expect(all.results).toEqual([{ name: 'Customer Success (customer-success)', value: '100' }]);
		const none = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentials,
			'searchTeams',
			'sales',
		);
		expect(none.results).toEqual([]);
	});
});

describe('Team → Delete and Cal.com’s one team delete a second', () => {
	let sandbox: Sandbox;
	// The limiter's clock moves on by the block (1 s) with each 429 the sandbox has answered: the
	// spec holds however slow the machine is, and the node waits as Cal.com's headers ask.
	const refused = () => sandbox.requests.filter((r) => r.status === 429).length;
	beforeAll(async () => {
		sandbox = await startSandbox({
			now: MARCH,
			rateLimitClock: () => Date.parse(MARCH) + refused() * 1000,
		});
	});
	afterAll(async () => await sandbox.close());

	it('deletes two teams in one run, waiting out the 429 between them', async () => {
		for (const name of ['One', 'Two'])
			await runCalCom(sandbox, { resource: 'team', operation: 'create', name });
		const result = await runCalCom(
			sandbox,
			{ resource: 'team', operation: 'delete', teamId: '={{ $json.team }}' },
			{ inputItems: [{ team: 101 }, { team: 102 }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ deleted: true, id: 101 },
			{ deleted: true, id: 102 },
		]);
		const deletes = sandbox.requests.filter((r) => r.method === 'DELETE');
		expect(deletes.map((r) => r.status)).toEqual([200, 429, 200]);
		expect(sandbox.state.teams.map((t) => t.id)).toEqual([100, 99]);
		expectOnlyValidRequests(sandbox);
	});
});
