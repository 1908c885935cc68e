import { attendee, book, NOW, slotStarts } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const BASE = '/v2/teams/100/event-types';
const TEMPLATE = '/v2/teams/{teamId}/event-types';
const TAKEN = 'One of the hosts either already has booking at this time or is not available';

describe('sandbox team event types', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests().filter((r) => r.status < 400)).toEqual([]));

	const create = (body: Record<string, unknown>, key = bailey, base = BASE) =>
		call(sandbox, base, { method: 'POST', key, body });

	it('creates a round-robin event type whose hosts carry mandatory and priority, and gets it', async () => {
		const res = await create({
			title: 'Demo',
			slug: 'demo',
			lengthInMinutes: 30,
			schedulingType: 'roundRobin',
			hosts: [
				{ userId: 2, mandatory: true },
				{ userId: 3, priority: 'high' },
			],
		});
		expect(res.status).toBe(201);
		expect(responseProblems('POST', TEMPLATE, 201, res.json)).toEqual([]);
		expect(res.json.data).toMatchObject({
			teamId: 100,
			schedulingType: 'roundRobin',
			assignAllTeamMembers: false,
			locations: [{ type: 'integration', integration: 'cal-video' }],
			hosts: [
				expect.objectContaining({ userId: 2, mandatory: true, priority: 'medium' }),
				expect.objectContaining({ userId: 3, mandatory: false, priority: 'high' }),
			],
		});
		const got = await call(sandbox, `${BASE}/${res.json.data.id}`, { key: bailey });
		expect(got.status).toBe(200);
		expect(responseProblems('GET', `${TEMPLATE}/{eventTypeId}`, 200, got.json)).toEqual([]);
		expect(got.json.data.slug).toBe('demo');
	});

	it('assigns every member when asked, collective hosts without mandatory or priority', async () => {
		const res = await create({
			title: 'All hands',
			slug: 'all-hands',
			lengthInMinutes: 30,
			schedulingType: 'collective',
			assignAllTeamMembers: true,
		});
		expect(res.json.data.assignAllTeamMembers).toBe(true);
		expect(res.json.data.hosts).toEqual([
			expect.not.objectContaining({ mandatory: expect.anything() }),
			expect.anything(),
			expect.anything(),
		]);
		expect(res.json.data.hosts.map((h: { userId: number }) => h.userId)).toEqual([1, 2, 3]);
	});

	it('refuses a host who is not a team member with Cal.com’s 404 text', async () => {
		sandbox.state.users.push({ ...sandbox.state.users[2], id: 9, username: 'outsider' });
		const res = await create({
			title: 'Demo',
			slug: 'demo',
			lengthInMinutes: 30,
			schedulingType: 'roundRobin',
			hosts: [{ userId: 2 }, { userId: 9 }, { userId: 77 }],
		});
		expect(res.status).toBe(404);
		expect(res.json.error.message).toBe(
			'Invalid hosts: 9, 77 are not members of team with id 100.',
		);
	});

	it('refuses a slug the team already uses, even the event type’s own on update', async () => {
		const taken = await create({
			title: 'x',
			slug: 'onboarding',
			lengthInMinutes: 30,
			schedulingType: 'collective',
		});
		expect([taken.status, taken.json.error.message]).toEqual([
			400,
			'Team event type with this slug already exists',
		]);
		const own = await call(sandbox, `${BASE}/51`, {
			method: 'PATCH',
			key: bailey,
			body: { slug: 'onboarding' },
		});
		expect(own.status).toBe(400);
	});

	it('refuses a MEMBER’s key on create, get, update and delete with the roles guard’s 403', async () => {
		const text =
			'RolesGuard - user with id=2 does not have the minimum required role=TEAM_ADMIN within team with id=100.';
		const answers = await Promise.all([
			create({ title: 'x', slug: 'x', lengthInMinutes: 30, schedulingType: 'collective' }, lena),
			call(sandbox, `${BASE}/51`, { key: lena }),
			call(sandbox, `${BASE}/51`, { method: 'PATCH', key: lena, body: { title: 'y' } }),
			call(sandbox, `${BASE}/51`, { method: 'DELETE', key: lena }),
		]);
		expect(answers.map((a) => [a.status, a.json.error.message])).toEqual(
			answers.map(() => [403, text]),
		);
		expect(sandbox.state.eventTypes.find((e) => e.id === 51)?.title).not.toBe('y');
	});

	it('updates hosts by the stored scheduling type and replaces booking fields as the personal PATCH does', async () => {
		const res = await call(sandbox, `${BASE}/51`, {
			method: 'PATCH',
			key: bailey,
			body: {
				title: 'Onboarding call',
				hosts: [{ userId: 3, priority: 'lowest' }],
				bookingFields: [
					{
						type: 'text',
						slug: 'company',
						label: 'Company',
						required: true,
						placeholder: '',
						hidden: false,
					},
				],
			},
		});
		expect([res.status, res.json.error]).toEqual([200, undefined]);
		expect(responseProblems('PATCH', `${TEMPLATE}/{eventTypeId}`, 200, res.json)).toEqual([]);
		expect(res.json.data.hosts).toEqual([
			expect.objectContaining({ userId: 3, mandatory: false, priority: 'lowest' }),
		]);
		expect(res.json.data.bookingFields.map((f: { slug: string }) => f.slug)).toContain('company');
		const guestsOnly = await call(sandbox, `${BASE}/51`, {
			method: 'PATCH',
			key: bailey,
			body: { disableGuests: true },
		});
		expect(guestsOnly.json.data.bookingFields.map((f: { slug: string }) => f.slug)).not.toContain(
			'company',
		);
	});

	it('answers an update of another team’s or an unknown event type with 400, a delete with 404', async () => {
		const patch = await call(sandbox, `${BASE}/11`, {
			method: 'PATCH',
			key: bailey,
			body: { title: 'y' },
		});
		expect([patch.status, patch.json.error.message]).toEqual([
			400,
			'Event type to update not found',
		]);
		const del = await call(sandbox, `${BASE}/999`, { method: 'DELETE', key: bailey });
		expect([del.status, del.json.error.message]).toEqual([
			404,
			'Event type with ID=999 does not exist.',
		]);
		const gone = await call(sandbox, `${BASE}/52`, { method: 'DELETE', key: bailey });
		expect(gone.json.data).toEqual({ id: 52, title: expect.any(String) });
		expect(responseProblems('DELETE', `${TEMPLATE}/{eventTypeId}`, 200, gone.json)).toEqual([]);
	});

	it('serves the organization form for a team of the organization, and refuses outsiders', async () => {
		sandbox.state.organizations.push({ id: 500, slug: 'acme', name: 'Acme' });
		sandbox.state.teams[0].organizationId = 500;
		sandbox.state.users[0].organizationId = 500;
		const orgBase = '/v2/organizations/500/teams/100/event-types';
		const res = await create(
			{ title: 'Org demo', slug: 'org-demo', lengthInMinutes: 30, schedulingType: 'collective' },
			bailey,
			orgBase,
		);
		expect(res.status).toBe(201);
		const list = await call(sandbox, orgBase, { key: bailey });
		expect(list.json.data.map((e: { slug: string }) => e.slug)).toContain('org-demo');
		expect(
			responseProblems(
				'GET',
				orgBase.replace('500', '{orgId}').replace('100', '{teamId}'),
				200,
				list.json,
			),
		).toEqual([]);
		// The organization's list has no roles guard: anyone reads it; writes need the roles.
		expect((await call(sandbox, orgBase)).status).toBe(200);
		const outsider = await create(
			{ title: 'x', slug: 'x', lengthInMinutes: 30, schedulingType: 'collective' },
			lena,
			orgBase,
		);
		expect([outsider.status, outsider.json.error.message]).toEqual([
			403,
			'RolesGuard - User is not part of the organization with id=500.',
		]);
		const noOrg = await call(sandbox, '/v2/organizations/501/teams/100/event-types');
		expect([noOrg.status, noOrg.json.error.message]).toEqual([403, 'Forbidden resource']);
		sandbox.state.teams[0].organizationId = null;
		const notInOrg = await call(sandbox, `${orgBase}/51`, { key: bailey });
		expect([notInOrg.status, notInOrg.json.error.message]).toEqual([
			404,
			'IsTeamInOrg - Team (100) not found.',
		]);
	});

	it("decides organization roles from the organization's memberships, then IsTeamInOrg, then the Admin API switch", async () => {
		const priya = sandbox.apiKeyFor('priya');
		const orgTeam = '/v2/organizations/900/teams/99/event-types';
		const body = { title: 'Org', slug: 'org', lengthInMinutes: 30, schedulingType: 'collective' };
		const member = await create(body, priya, orgTeam);
		expect([member.status, member.json.error.message]).toEqual([
			403,
			'RolesGuard - user with id=83 does not have the minimum required role=TEAM_ADMIN within organization with id=900 team with id=99.',
		]);
		// Her organization membership, not the user's own organizationRole, makes her an admin.
		const org = sandbox.state.organizations.find((o) => o.id === 900);
		const row = org?.members?.find((m) => m.userId === 83);
		if (!row) throw new Error('fixture: priya has a membership of organization 900');
		row.role = 'ADMIN';
		expect(sandbox.state.users.find((u) => u.id === 83)?.organizationRole).toBe('MEMBER');
		expect((await create(body, priya, orgTeam)).status).toBe(201);
		Object.assign(org as object, { adminApiEnabled: false });
		const notInOrg = await create(body, priya, '/v2/organizations/900/teams/100/event-types');
		expect([notInOrg.status, notInOrg.json.error.message]).toEqual([
			404,
			'IsTeamInOrg - Team (100) not found.',
		]);
		const noAdminApi = await create(body, priya, orgTeam);
		expect([noAdminApi.status, noAdminApi.json.error.message]).toEqual([
			403,
			'Organization does not have Admin API access, please contact https://cal.com/sales to upgrade',
		]);
	});

	describe('slots and bookings of the hosts', () => {
		const DAY = '2027-03-02';
		// Bailey works 14:00–22:00 UTC that day (New York), Lena 08:00–16:00 UTC (Berlin).
		const makeTeamEvent = async (schedulingType: string) => {
			const res = await create({
				title: schedulingType,
				slug: schedulingType.toLowerCase(),
				lengthInMinutes: 30,
				schedulingType,
				hosts: [{ userId: 1 }, { userId: 2 }],
			});
			return res.json.data.id as number;
		};

		it('offers a collective slot only when every host is free, a round-robin slot when any is', async () => {
			const collective = await slotStarts(sandbox, await makeTeamEvent('collective'), DAY);
			const roundRobin = await slotStarts(sandbox, await makeTeamEvent('roundRobin'), DAY);
			expect(collective[0]).toBe(`${DAY}T14:00:00.000Z`);
			expect(collective.at(-1)).toBe(`${DAY}T15:30:00.000Z`);
			expect(roundRobin[0]).toBe(`${DAY}T08:00:00.000Z`);
			expect(roundRobin.at(-1)).toBe(`${DAY}T21:30:00.000Z`);
		});

		it('refuses to book a collective event at a time one host is busy, and no longer offers it', async () => {
			const id = await makeTeamEvent('collective');
			const busy = await book(sandbox, { eventTypeId: 21, start: `${DAY}T14:00:00.000Z` });
			expect(busy.status).toBe(201);
			expect(await slotStarts(sandbox, id, DAY)).not.toContain(`${DAY}T14:00:00.000Z`);
			const refused = await book(sandbox, {
				eventTypeId: id,
				start: `${DAY}T14:00:00.000Z`,
				attendee: attendee(),
			});
			expect(refused.status).toBeGreaterThanOrEqual(400);
			expect(refused.json.error.message).toBe(TAKEN);
		});

		it('a mandatory round-robin host must be free as well as one of the others', async () => {
			const res = await create({
				title: 'rr',
				slug: 'rr',
				lengthInMinutes: 30,
				schedulingType: 'roundRobin',
				hosts: [{ userId: 1 }, { userId: 2, mandatory: true }],
			});
			const starts = await slotStarts(sandbox, res.json.data.id, DAY);
			expect(starts[0]).toBe(`${DAY}T14:00:00.000Z`);
			expect(starts.at(-1)).toBe(`${DAY}T15:30:00.000Z`);
		});
	});
});
