import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch, runLoadOptions } from '../harness';
import type { Sandbox } from '../sandbox';
import {
	credentialsFor,
	expectOnlyValidRequests,
	runCalCom,
	useSandbox,
	visibleText,
} from './helpers';

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const BASE = { resource: 'teamEventType', teamId: byId(100) };
const TEAM_PATH = '/v2/teams/100/event-types';

describe('Team Event Type', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});
	afterEach(() => expectOnlyValidRequests(sandbox));

	it('lists a team’s event types with hosts and scheduling type, up to the limit, without a version header', async () => {
		const result = await runCalCom(sandbox, { ...BASE, operation: 'getMany', limit: 2 });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: 51,
				slug: 'onboarding',
				schedulingType: 'roundRobin',
				assignAllTeamMembers: false,
				hosts: [
					{
						userId: 1,
						name: 'Bailey Brooks',
						username: 'bailey',
						mandatory: false,
						priority: 'medium',
					},
					expect.objectContaining({ userId: 2 }),
				],
			}),
			expect.objectContaining({ id: 52, schedulingType: 'collective' }),
		]);
		expect(sandbox.requests.map((r) => [r.path, r.headers['cal-api-version']])).toEqual([
			[TEAM_PATH, undefined],
		]);
	});

	it('gets one by ID with its booking questions, raw or selected', async () => {
		const raw = await runCalCom(sandbox, {
			...BASE,
			operation: 'get',
			eventTypeId: byId(52),
			output: 'raw',
		});
		expect(raw.items[0].json).toMatchObject({ id: 52, teamId: 100, team: { id: 100 } });
		const selected = await runCalCom(sandbox, {
			...BASE,
			operation: 'get',
			eventTypeId: byId(52),
			output: 'selected',
			selectedFields: 'slug, schedulingType',
		});
		expect(selected.items[0].json).toEqual({
			id: 52,
			scheduleId: null,
			slug: 'team-sync',
			schedulingType: 'collective',
		});
		const simplified = await runCalCom(sandbox, {
			...BASE,
			operation: 'get',
			eventTypeId: byId(52),
		});
		expect(simplified.items[0].json.bookingQuestions).toEqual(expect.any(Array));
	});

	it('creates a round-robin event type with a mandatory host and priorities', async () => {
		const result = await runCalCom(sandbox, {
			...BASE,
			operation: 'create',
			title: 'Demo',
			slug: 'demo',
			lengthInMinutes: 45,
			schedulingType: 'roundRobin',
			hosts: {
				host: [
					{ userId: 2, mandatory: true },
					{ userId: 3, priority: 'highest' },
				],
			},
			additionalFields: { minimumBookingNotice: 60, disableGuests: true },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.body).toEqual({
			title: 'Demo',
			slug: 'demo',
			lengthInMinutes: 45,
			minimumBookingNotice: 60,
			disableGuests: true,
			schedulingType: 'roundRobin',
			hosts: [
				{ userId: 2, mandatory: true, priority: 'medium' },
				{ userId: 3, mandatory: false, priority: 'highest' },
			],
		});
		expect(result.items[0].json).toMatchObject({
			slug: 'demo',
			teamId: 100,
			schedulingType: 'roundRobin',
			hosts: [
				{ userId: 2, mandatory: true, priority: 'medium' },
				{ userId: 3, mandatory: false, priority: 'highest' },
			],
		});
	});

	it('creates a collective event type for all members on the organization’s route when an organization ID is set', async () => {
		sandbox.state.organizations.push({ id: 500, slug: 'acme', name: 'Acme' });
		sandbox.state.teams[0].organizationId = 500;
		sandbox.state.users[0].organizationId = 500;
		const result = await runCalCom(sandbox, {
			...BASE,
			operation: 'create',
			title: 'All hands',
			slug: 'all-hands',
			lengthInMinutes: 30,
			schedulingType: 'collective',
			assignAllTeamMembers: true,
			options: { organizationId: '500' },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.path).toBe('/v2/organizations/500/teams/100/event-types');
		expect(sandbox.requests.at(-1)?.body).toMatchObject({ assignAllTeamMembers: true });
		expect((result.items[0].json.hosts as unknown[]).length).toBe(3);
	});

	it('says which ID to check when the organization’s route refuses', async () => {
		sandbox.state.organizations.push({ id: 500, slug: 'acme', name: 'Acme' });
		sandbox.state.users[0].organizationId = 500;
		const result = await runCalCom(
			sandbox,
			{
				...BASE,
				operation: 'get',
				eventTypeId: byId(51),
				options: { organizationId: '={{ $json.org }}' },
			},
			{ continueOnFail: true, inputItems: [{ org: 500 }, { org: 501 }] },
		);
		expect(result.items.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'Team 100 is not a team of organization 500'],
			[{ item: 1 }, 'Cal.com refused the request (403 Forbidden): Forbidden resource'],
		]);
		const notTeam = await runCalCom(sandbox, {
			...BASE,
			operation: 'getMany',
			returnAll: true,
			options: { organizationId: '500' },
		});
		expect((notTeam.error as { description?: string }).description).toBe(
			'Cal.com says: IsTeamInOrg - Team (100) not found. Check the Team and the Organization ID, or leave the Organization ID empty for a team outside an organization.',
		);
		const noOrg = await runCalCom(sandbox, {
			...BASE,
			operation: 'delete',
			eventTypeId: byId(51),
			options: { organizationId: '501' },
		});
		expect((noOrg.error as { description?: string }).description).toBe(
			'Cal.com refuses organization 501 (it does not exist, or is not an organization). Check the Organization ID, or leave it empty for a team outside an organization.',
		);
		sandbox.state.teams[0].organizationId = 500;
		const outsider = await runCalCom(
			sandbox,
			{ ...BASE, operation: 'delete', eventTypeId: byId(51), options: { organizationId: '500' } },
			{ username: 'lena' },
		);
		expect((outsider.error as { description?: string }).description).toBe(
			"The API key's user is not in organization 500. Check the Organization ID, or leave it empty for a team outside an organization.",
		);
		expect(sandbox.state.eventTypes.some((e) => e.id === 51)).toBe(true);
	});

	it('explains Cal.com’s refusal of a host who is not a member of the team', async () => {
		const result = await runCalCom(sandbox, {
			...BASE,
			operation: 'create',
			title: 'Demo',
			slug: 'demo',
			lengthInMinutes: 30,
			schedulingType: 'collective',
			hosts: { host: [{ userId: 1 }, { userId: 77 }] },
		});
		expect(result.error?.message).toBe(
			'Not found: Invalid hosts: 77 are not members of team with id 100.',
		);
		expect((result.error as { description?: string }).description).toBe(
			'Every host must be a member of team 100. Add the user to the team first (Team Membership → Add), or pick hosts from the Member list, which shows the team’s members.',
		);
		expect(sandbox.state.eventTypes.some((e) => e.slug === 'demo')).toBe(false);
	});

	it('says a MEMBER’s key cannot manage team event types, item by item with Continue On Fail', async () => {
		const result = await runCalCom(
			sandbox,
			{
				...BASE,
				operation: 'delete',
				eventTypeId: '={{ { __rl: true, mode: "id", value: $json.id } }}',
			},
			{ username: 'lena', continueOnFail: true, inputItems: [{ id: '51' }, { id: '52' }] },
		);
		expect(result.items.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[
				{ item: 0 },
				'Cal.com refused the request (403 Forbidden): RolesGuard - user with id=2 does not have the minimum required role=TEAM_ADMIN within team with id=100.',
			],
			[{ item: 1 }, expect.stringContaining('TEAM_ADMIN')],
		]);
		expect(sandbox.state.eventTypes.filter((e) => e.teamId === 100)).toHaveLength(3);
		const create = await runCalCom(
			sandbox,
			{
				...BASE,
				operation: 'create',
				title: 'Demo',
				slug: 'demo',
				lengthInMinutes: 30,
				schedulingType: 'collective',
				assignAllTeamMembers: true,
			},
			{ username: 'lena' },
		);
		expect((create.error as { description?: string }).description).toMatch(
			/^The API key's user must be an admin or the owner of team 100 for this\. .*use the API key of one of its admins or its owner\.$/,
		);
		expect(visibleText(result)).not.toContain(sandbox.apiKeyFor('lena'));
	});

	it('updates hosts and keeps every booking question when Disable Guests is the only change', async () => {
		const added = await runCalCom(sandbox, {
			...BASE,
			operation: 'update',
			eventTypeId: byId(51),
			updateFields: {
				bookingQuestions: {
					entries: [{ type: 'text', slug: 'company', label: 'Company', required: true }],
				},
				hosts: { host: [{ userId: 3, priority: 'low' }] },
			},
		});
		expect(added.error).toBeUndefined();
		expect(added.items[0].json.hosts).toEqual([
			{ userId: 3, name: expect.any(String), username: 'kenji', mandatory: false, priority: 'low' },
		]);
		const guests = await runCalCom(sandbox, {
			...BASE,
			operation: 'update',
			eventTypeId: byId(51),
			updateFields: { disableGuests: true },
		});
		expect(guests.error).toBeUndefined();
		expect(sandbox.requests.slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${TEAM_PATH}/51`,
			`PATCH ${TEAM_PATH}/51`,
		]);
		const slugs = (sandbox.state.eventTypes.find((e) => e.id === 51)?.bookingFields ?? []).map(
			(f) => [f.slug, f.hidden],
		);
		expect(slugs).toEqual(
			expect.arrayContaining([
				['company', false],
				['guests', true],
			]),
		);
	});

	it('deletes one and says so', async () => {
		const result = await runCalCom(sandbox, {
			...BASE,
			operation: 'delete',
			eventTypeId: byId(53),
		});
		expect(result.items[0].json).toEqual({ deleted: true, id: 53 });
		expect(sandbox.state.eventTypes.some((e) => e.id === 53)).toBe(false);
		const again = await runCalCom(sandbox, { ...BASE, operation: 'delete', eventTypeId: byId(53) });
		expect(again.error?.message).toMatch(/Event type 53 is not an event type of team 100/);
	});

	it('offers the team’s event types and members in the pickers', async () => {
		const credentials = credentialsFor(sandbox) as never;
		const types = await runListSearch(
			new CalCom(),
			[new CalComV2Api()],
			credentials,
			'searchTeamEventTypes',
			'sync',
			{ resource: 'teamEventType', operation: 'get', teamId: byId(100) } as never,
		);
		expect(types.results).toEqual([
			expect.objectContaining({ name: 'Team Sync (collective, 30 min)', value: '52' }),
		]);
		const hosts = await runLoadOptions(
			new CalCom(),
			[new CalComV2Api()],
			credentials,
			'getTeamHosts',
			{ resource: 'teamEventType', operation: 'create', teamId: byId(100) } as never,
		);
		expect(hosts.map((h) => h.value)).toEqual([1, 2, 3]);
	});

	describe('booking a collective team event type', () => {
		it('is refused at a time one host is busy, and that time is not offered', async () => {
			const lenaBusy = await runCalCom(sandbox, {
				resource: 'booking',
				operation: 'create',
				lookup: 'eventTypeId',
				eventTypeId: byId(21),
				start: '2027-03-02T14:00:00Z',
				attendeeName: 'Priya',
				attendeeEmail: 'priya@acme.example',
				attendeeTimeZone: 'Europe/Berlin',
			});
			expect(lenaBusy.error).toBeUndefined();
			const slots = await runCalCom(sandbox, {
				resource: 'slot',
				operation: 'getAvailable',
				lookup: 'eventTypeId',
				eventTypeId: byId(52),
				start: '2027-03-02',
				end: '2027-03-03',
				timeZone: 'UTC',
				output: 'raw',
			});
			const starts = JSON.stringify(slots.items.map((item) => item.json));
			expect(starts).toContain('2027-03-02T14:30:00');
			expect(starts).not.toContain('2027-03-02T14:00:00');
			const refused = await runCalCom(sandbox, {
				resource: 'booking',
				operation: 'create',
				lookup: 'eventTypeId',
				eventTypeId: byId(52),
				start: '2027-03-02T14:00:00Z',
				attendeeName: 'Sam',
				attendeeEmail: 'sam@acme.example',
				attendeeTimeZone: 'Europe/Berlin',
			});
			// The node asks for the free slots first and names the nearest ones; Cal.com is not asked.
			expect(refused.error?.message).toMatch(
				/^2027-03-02T15:00:00\+01:00 \(Europe\/Berlin\) is not a free slot\. Nearest free slots: .*2027-03-02T15:30:00\+01:00/,
			);
			expect(sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		});
	});
});
