import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { INSUFFICIENT_CREDITS } from './routes/credits';
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

const charge = (key: string, body: unknown) => call(sandbox, '/v2/credits/charge', { method: 'POST', key, body });

describe('sandbox credits', () => {
	it("answers each user's balance from the fixture; a user without credits has none", async () => {
		const available = await call(sandbox, '/v2/credits/available', { key: bailey });
		expect(available.status).toBe(200);
		expect(available.json).toEqual({ status: 'success', data: { hasCredits: true, balance: { monthlyRemaining: 500, additional: 100 } } });
		expect(responseProblems('GET', '/v2/credits/available', 200, available.json)).toEqual([]);
		expect((await call(sandbox, '/v2/credits/available', { key: kenji })).json.data).toEqual({
			hasCredits: false,
			balance: { monthlyRemaining: 0, additional: 0 },
		});
	});

	it('charges with 200, the monthly allowance first, then the additional credits', async () => {
		const first = await charge(lena, { credits: 2, creditFor: 'SMS' });
		expect(first.status).toBe(200);
		expect(first.json.data).toEqual({ charged: true, remainingBalance: { monthlyRemaining: 1, additional: 2 } });
		expect(responseProblems('POST', '/v2/credits/charge', 200, first.json)).toEqual([]);
		const second = await charge(lena, { credits: 2, creditFor: 'AI_AGENT' });
		expect(second.json.data.remainingBalance).toEqual({ monthlyRemaining: 0, additional: 1 });
		expect(sandbox.state.creditCharges.map((c) => c.creditFor)).toEqual(['SMS', 'AI_AGENT']);
	});

	it('does not charge a repeated externalRef again and answers the first result', async () => {
		const first = await charge(bailey, { credits: 10, creditFor: 'CAL_AI_PHONE_CALL', externalRef: 'call-1' });
		const again = await charge(bailey, { credits: 10, creditFor: 'CAL_AI_PHONE_CALL', externalRef: 'call-1' });
		expect(again.status).toBe(200);
		expect(again.json.data).toEqual(first.json.data);
		expect(sandbox.state.creditCharges).toHaveLength(1);
		expect((await call(sandbox, '/v2/credits/available', { key: bailey })).json.data.balance).toEqual({ monthlyRemaining: 490, additional: 100 });
		// The reference belongs to its user: another user's same reference is charged.
		expect((await charge(lena, { credits: 1, creditFor: 'SMS', externalRef: 'call-1' })).json.data.remainingBalance.monthlyRemaining).toBe(2);
	});

	it('answers 400 for credits below 1, an unknown creditFor or a missing body, and records them as invalid', async () => {
		expect((await charge(bailey, { credits: 0, creditFor: 'SMS' })).status).toBe(400);
		expect((await charge(bailey, { credits: 1, creditFor: 'EMAIL' })).status).toBe(400);
		expect((await call(sandbox, '/v2/credits/charge', { method: 'POST', key: bailey })).status).toBe(400);
		expect(sandbox.invalidRequests()).toHaveLength(3);
		expect(sandbox.state.creditCharges).toEqual([]);
	});

	it('refuses a charge above the balance with a 400 and keeps the balance (inferred behaviour)', async () => {
		const res = await charge(lena, { credits: 6, creditFor: 'SMS' });
		expect(res.status).toBe(400);
		expect(res.json.error.message).toBe(INSUFFICIENT_CREDITS);
		expect(sandbox.invalidRequests()).toEqual([]);
		expect((await call(sandbox, '/v2/credits/available', { key: lena })).json.data.balance).toEqual({ monthlyRemaining: 3, additional: 2 });
	});
});

describe('sandbox PATCH /v2/me', () => {
	it('changes the time zone and default schedule and answers the new profile', async () => {
		const res = await call(sandbox, '/v2/me', { method: 'PATCH', key: bailey, body: { timeZone: 'Europe/Lisbon', defaultScheduleId: 4, weekStart: 'Monday' } });
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({ timeZone: 'Europe/Lisbon', defaultScheduleId: 4, weekStart: 'Monday' });
		expect(responseProblems('PATCH', '/v2/me', 200, res.json)).toEqual([]);
		expect(sandbox.state.schedules.filter((s) => s.ownerId === 1).map((s) => [s.id, s.isDefault])).toEqual([
			[1, false],
			[4, true],
		]);
		expect((await call(sandbox, '/v2/me', { key: bailey })).json.data.timeZone).toBe('Europe/Lisbon');
	});

	it("refuses an unknown time zone, a missing schedule and another user's schedule", async () => {
		expect((await call(sandbox, '/v2/me', { method: 'PATCH', key: bailey, body: { timeZone: 'Mars/Olympus' } })).status).toBe(400);
		expect((await call(sandbox, '/v2/me', { method: 'PATCH', key: bailey, body: { defaultScheduleId: 999 } })).status).toBe(404);
		expect((await call(sandbox, '/v2/me', { method: 'PATCH', key: bailey, body: { defaultScheduleId: 2 } })).status).toBe(403);
		expect(sandbox.state.users[0]).toMatchObject({ timeZone: 'America/New_York', defaultScheduleId: 1 });
	});
});
