import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

let sandbox: Sandbox;
let bailey: string;
let lena: string;
let kenji: string;

beforeAll(async () => {
	sandbox = await startSandbox();
	bailey = sandbox.apiKeyFor('bailey');
	lena = sandbox.apiKeyFor('lena');
	kenji = sandbox.apiKeyFor('kenji');
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const charge = (key: string, body: unknown) =>
	call(sandbox, '/v2/credits/charge', { method: 'POST', key, body });

// Each behaviour follows apps/api/v2/src/modules/credits/services/credits.service.ts and
// packages/features/ee/billing/credit-service.ts (see routes/credits.ts).
describe('sandbox credits', () => {
	const available = async (key: string) =>
		(await call(sandbox, '/v2/credits/available', { key })).json.data;
	const team = () => sandbox.state.credits.find((c) => c.teamId === 100);
	/** Lena leaves the team: a plain user, who pays for herself. */
	const lenaLeavesTheTeam = () => {
		sandbox.state.teams[0].members = sandbox.state.teams[0].members.filter((m) => m.userId !== 2);
	};

	it("answers the asking user's own balance: no monthly credits, and hasCredits true while their team pays", async () => {
		const res = await call(sandbox, '/v2/credits/available', { key: bailey });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			status: 'success',
			data: { hasCredits: true, balance: { monthlyRemaining: 0, additional: 0 } },
		});
		expect(responseProblems('GET', '/v2/credits/available', 200, res.json)).toEqual([]);
		expect(await available(lena)).toEqual({
			hasCredits: true,
			balance: { monthlyRemaining: 0, additional: 5 },
		});
		expect(await available(kenji)).toEqual({
			hasCredits: true,
			balance: { monthlyRemaining: 0, additional: 0 },
		});
	});

	it("charges a member's team, not the member: the monthly allowance first, with the team's id and balance", async () => {
		const first = await charge(bailey, { credits: 2, creditFor: 'SMS' });
		expect(first.status).toBe(200);
		expect(first.json.data).toEqual({
			charged: true,
			teamId: 100,
			remainingBalance: { monthlyRemaining: 498, additional: 100 },
		});
		expect(responseProblems('POST', '/v2/credits/charge', 200, first.json)).toEqual([]);
		// Lena has purchased credits of her own; the team still pays.
		const second = await charge(lena, { credits: 3, creditFor: 'AI_AGENT' });
		expect(second.json.data).toEqual({
			charged: true,
			teamId: 100,
			remainingBalance: { monthlyRemaining: 495, additional: 100 },
		});
		expect(await available(lena)).toEqual({
			hasCredits: true,
			balance: { monthlyRemaining: 0, additional: 5 },
		});
		expect(
			sandbox.state.creditCharges.map((c) => [c.userId, c.teamId, c.creditFor, c.creditType]),
		).toEqual([
			[1, 100, 'SMS', 'MONTHLY'],
			[2, 100, 'AI_AGENT', 'MONTHLY'],
		]);
	});

	it('logs a charge beyond the monthly remaining against it whole: the excess is not taken from purchased credits', async () => {
		await charge(bailey, { credits: 498, creditFor: 'SMS' });
		const over = await charge(bailey, { credits: 10, creditFor: 'SMS' });
		expect(over.json.data.remainingBalance).toEqual({ monthlyRemaining: 0, additional: 100 });
		const next = await charge(bailey, { credits: 30, creditFor: 'SMS' });
		expect(next.json.data.remainingBalance).toEqual({ monthlyRemaining: 0, additional: 70 });
		expect(sandbox.state.creditCharges.map((c) => c.creditType)).toEqual([
			'MONTHLY',
			'MONTHLY',
			'ADDITIONAL',
		]);
	});

	it('never refuses a charge above the balance: 200, charged true, and it takes what is there', async () => {
		await charge(bailey, { credits: 500, creditFor: 'SMS' });
		const res = await charge(bailey, { credits: 150, creditFor: 'SMS' });
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual({
			charged: true,
			teamId: 100,
			remainingBalance: { monthlyRemaining: 0, additional: 0 },
		});
		expect(sandbox.state.creditCharges.map((c) => c.credits)).toEqual([500, 150]);
		// The charge reached the limit: members without credits of their own have none now.
		expect(await available(bailey)).toEqual({
			hasCredits: false,
			balance: { monthlyRemaining: 0, additional: 0 },
		});
		expect((await available(lena)).hasCredits).toBe(true);
		// A charge past the limit is still answered the same way.
		expect((await charge(kenji, { credits: 1, creditFor: 'SMS' })).json.data).toEqual({
			charged: true,
			teamId: 100,
			remainingBalance: { monthlyRemaining: 0, additional: 0 },
		});
	});

	it('keeps hasCredits true until a charge reaches the limit, and true again once the team has credits', async () => {
		Object.assign(team() ?? {}, { monthlyCredits: 0 });
		// Spent to exactly 0 with no allowance: below no warning threshold, so no limit yet.
		expect(
			(await charge(bailey, { credits: 100, creditFor: 'SMS' })).json.data.remainingBalance,
		).toEqual({ monthlyRemaining: 0, additional: 0 });
		expect((await available(bailey)).hasCredits).toBe(true);
		await charge(bailey, { credits: 1, creditFor: 'SMS' });
		expect((await available(bailey)).hasCredits).toBe(false);
		Object.assign(team() ?? {}, { additional: 20 });
		expect((await available(bailey)).hasCredits).toBe(true);
		expect(team()?.limitReachedAt).toBeNull();
	});

	it('charges a user in no team from their purchased credits, names no team, and takes at most what is there', async () => {
		lenaLeavesTheTeam();
		const first = await charge(lena, { credits: 3, creditFor: 'SMS' });
		expect(first.json.data).toEqual({
			charged: true,
			remainingBalance: { monthlyRemaining: 0, additional: 2 },
		});
		expect(responseProblems('POST', '/v2/credits/charge', 200, first.json)).toEqual([]);
		const short = await charge(lena, { credits: 4, creditFor: 'SMS' });
		expect(short.status).toBe(200);
		expect(short.json.data).toEqual({
			charged: true,
			remainingBalance: { monthlyRemaining: 0, additional: 0 },
		});
		expect(await available(lena)).toEqual({
			hasCredits: false,
			balance: { monthlyRemaining: 0, additional: 0 },
		});
		expect(team()).toMatchObject({ additional: 100 });
	});

	it("charges a user's organization before any of their teams", async () => {
		sandbox.state.organizations.push({ id: 7, slug: 'acme', name: 'Acme' });
		sandbox.state.credits.push({ teamId: 7, monthlyCredits: 50, additional: 0 });
		sandbox.state.users[0].organizationId = 7;
		expect((await charge(bailey, { credits: 5, creditFor: 'SMS' })).json.data).toEqual({
			charged: true,
			teamId: 7,
			remainingBalance: { monthlyRemaining: 45, additional: 0 },
		});
	});

	it("charges nothing for an externalRef any user used before: 200, charged true, no teamId and the asker's own balance", async () => {
		const first = await charge(bailey, {
			credits: 10,
			creditFor: 'CAL_AI_PHONE_CALL',
			externalRef: 'call-1',
		});
		expect(first.json.data).toEqual({
			charged: true,
			teamId: 100,
			remainingBalance: { monthlyRemaining: 490, additional: 100 },
		});
		const again = await charge(bailey, {
			credits: 10,
			creditFor: 'CAL_AI_PHONE_CALL',
			externalRef: 'call-1',
		});
		expect(again.status).toBe(200);
		expect(again.json.data).toEqual({
			charged: true,
			remainingBalance: { monthlyRemaining: 0, additional: 0 },
		});
		expect(responseProblems('POST', '/v2/credits/charge', 200, again.json)).toEqual([]);
		// Another user, another amount: the reference is global, so nothing is charged either.
		lenaLeavesTheTeam();
		const other = await charge(lena, { credits: 2, creditFor: 'SMS', externalRef: 'call-1' });
		expect(other.json.data).toEqual({
			charged: true,
			remainingBalance: { monthlyRemaining: 0, additional: 5 },
		});
		expect(sandbox.state.creditCharges).toHaveLength(1);
		expect(
			(await charge(bailey, { credits: 1, creditFor: 'SMS', externalRef: 'call-2' })).json.data
				.remainingBalance,
		).toEqual({
			monthlyRemaining: 489,
			additional: 100,
		});
	});

	it('answers 400 for credits below 1, an unknown creditFor or a missing body, and records them as invalid', async () => {
		expect((await charge(bailey, { credits: 0, creditFor: 'SMS' })).status).toBe(400);
		expect((await charge(bailey, { credits: 1, creditFor: 'EMAIL' })).status).toBe(400);
		expect(
			(await call(sandbox, '/v2/credits/charge', { method: 'POST', key: bailey })).status,
		).toBe(400);
		expect(sandbox.invalidRequests()).toHaveLength(3);
		expect(sandbox.state.creditCharges).toEqual([]);
	});
});

describe('sandbox PATCH /v2/me', () => {
	it('changes the time zone and default schedule and answers the new profile', async () => {
		const res = await call(sandbox, '/v2/me', {
			method: 'PATCH',
			key: bailey,
			body: { timeZone: 'Europe/Lisbon', defaultScheduleId: 4, weekStart: 'Monday' },
		});
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({
			timeZone: 'Europe/Lisbon',
			defaultScheduleId: 4,
			weekStart: 'Monday',
		});
		expect(responseProblems('PATCH', '/v2/me', 200, res.json)).toEqual([]);
		expect(
			sandbox.state.schedules.filter((s) => s.ownerId === 1).map((s) => [s.id, s.isDefault]),
		).toEqual([
			[1, false],
			[4, true],
		]);
		expect((await call(sandbox, '/v2/me', { key: bailey })).json.data.timeZone).toBe(
			'Europe/Lisbon',
		);
	});

	it("refuses an unknown time zone, a missing schedule and another user's schedule", async () => {
		expect(
			(
				await call(sandbox, '/v2/me', {
					method: 'PATCH',
					key: bailey,
					body: { timeZone: 'Mars/Olympus' },
				})
			).status,
		).toBe(400);
		expect(
			(
				await call(sandbox, '/v2/me', {
					method: 'PATCH',
					key: bailey,
					body: { defaultScheduleId: 999 },
				})
			).status,
		).toBe(404);
		expect(
			(
				await call(sandbox, '/v2/me', {
					method: 'PATCH',
					key: bailey,
					body: { defaultScheduleId: 2 },
				})
			).status,
		).toBe(403);
		expect(sandbox.state.users[0]).toMatchObject({
			timeZone: 'America/New_York',
			defaultScheduleId: 1,
		});
	});
});
