import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const V = '2024-06-14';

describe('sandbox event types (2024-06-14)', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('lists the caller’s own personal event types, hidden ones included, in the documented shape', async () => {
		const res = await call(sandbox, '/v2/event-types', { key: bailey, version: V });
		expect(res.status).toBe(200);
		expect(res.json.data.map((e: { id: number }) => e.id)).toEqual([11, 12, 13, 14, 15]);
		expect(responseProblems('GET', '/v2/event-types', 200, res.json, V)).toEqual([]);
		const consultation = res.json.data.find((e: { id: number }) => e.id === 13);
		expect(consultation).toMatchObject({
			slotInterval: 30,
			beforeEventBuffer: 15,
			ownerId: 1,
			bookingUrl: 'https://cal.com/bailey/consultation',
		});
		expect(consultation.users[0]).toMatchObject({ id: 1, username: 'bailey' });
		expect(res.json.data.find((e: { id: number }) => e.id === 15).recurrence).toEqual({
			frequency: 'weekly',
			interval: 1,
			occurrences: 4,
		});
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('lists a user’s public event types by username, hiding hidden ones from everyone but the owner', async () => {
		const anonymous = await call(sandbox, '/v2/event-types?username=bailey', { version: V });
		expect(anonymous.json.data.map((e: { slug: string }) => e.slug)).toEqual([
			'15min',
			'30min',
			'consultation',
			'weekly-checkin',
		]);
		const owner = await call(sandbox, '/v2/event-types?username=bailey', {
			key: bailey,
			version: V,
		});
		expect(owner.json.data.map((e: { id: number }) => e.id)).toContain(14);
		const one = await call(sandbox, '/v2/event-types?username=lena&eventSlug=deep-dive', {
			version: V,
		});
		expect(one.json.data).toHaveLength(1);
		expect(one.json.data[0]).toMatchObject({ id: 22, confirmationPolicy: { type: 'always' } });
		expect(responseProblems('GET', '/v2/event-types', 200, one.json, V)).toEqual([]);
		expect((await call(sandbox, '/v2/event-types', { version: V })).json.data).toEqual([]);
		const unknown = await call(sandbox, '/v2/event-types?username=nobody', { version: V });
		expect(unknown.status).toBe(404);
	});

	it('GET /v2/event-types/{id}: the owner sees it; anyone else and missing ids get 404 "Event type with id X not found"', async () => {
		const res = await call(sandbox, '/v2/event-types/21', { key: lena, version: V });
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({ id: 21, lengthInMinutesOptions: [30, 60] });
		expect(responseProblems('GET', '/v2/event-types/{eventTypeId}', 200, res.json, V)).toEqual([]);
		for (const [key, id] of [
			[bailey, 21],
			[bailey, 999],
		] as const) {
			const missing = await call(sandbox, `/v2/event-types/${id}`, { key, version: V });
			expect(missing.status).toBe(404);
			expect(missing.json.error.message).toBe(`Event type with id ${id} not found`);
		}
		expect((await call(sandbox, '/v2/event-types/21', { version: V })).status).toBe(401);
		const team = await call(sandbox, '/v2/event-types/51', { key: bailey, version: V });
		expect(team.json.data).toMatchObject({ teamId: 100, schedulingType: 'roundRobin' });
		expect(responseProblems('GET', '/v2/event-types/{eventTypeId}', 200, team.json, V)).toEqual([]);
	});

	it('GET /v2/teams/{teamId}/event-types lists a team’s event types (2024-06-14 shape, no version header)', async () => {
		const res = await call(sandbox, '/v2/teams/100/event-types');
		expect(res.status).toBe(200);
		expect(res.json.data.map((e: { slug: string }) => e.slug)).toEqual([
			'onboarding',
			'team-sync',
			'support-call',
		]);
		expect(responseProblems('GET', '/v2/teams/{teamId}/event-types', 200, res.json)).toEqual([]);
		const one = await call(sandbox, '/v2/teams/100/event-types?eventSlug=onboarding&hostsLimit=1');
		expect(one.json.data).toHaveLength(1);
		expect(one.json.data[0].hosts).toEqual([
			// Round robin: output.service.ts prints mandatory and the priority's label too.
			{
				userId: 1,
				name: 'Bailey Brooks',
				username: 'bailey',
				avatarUrl: null,
				mandatory: false,
				priority: 'medium',
			},
		]);
		expect((await call(sandbox, '/v2/teams/7/event-types')).status).toBe(404);
		expect(
			(await call(sandbox, '/v2/teams/100/event-types', { version: '2026-06-12' })).status,
		).toBe(501);
	});

	it('answers the wrong version with 404 as the other versioned families do', async () => {
		const res = await call(sandbox, '/v2/event-types', { key: bailey, version: '2024-08-13' });
		expect(res.status).toBe(404);
		expect(res.json.error.message).toBe('Cannot GET /v2/event-types');
	});
});
