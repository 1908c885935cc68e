import { startSandbox } from './index';
import type { Sandbox } from './index';
import { call, slots } from './test-helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sandbox auth like Cal.com’s ApiAuthStrategy', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('gives every fixture user a cal_live_ key that authenticates as that user', async () => {
		for (const username of ['bailey', 'lena', 'kenji']) {
			const key = sandbox.apiKeyFor(username);
			expect(key).toMatch(/^cal_live_[0-9a-f]{32}$/);
			expect((await call(sandbox, '/v2/me', { key })).json.data.username).toBe(username);
		}
		expect(() => sandbox.apiKeyFor('nobody')).toThrow(/No sandbox user "nobody"/);
	});

	it('rejects an unknown key with 401 "Your api key is not valid", not as a contract problem', async () => {
		const res = await call(sandbox, '/v2/me', { key: 'cal_live_00000000000000000000000000000000' });
		expect(res.status).toBe(401);
		expect(res.json).toMatchObject({
			status: 'error',
			path: '/v2/me',
			error: {
				code: 'UnauthorizedException',
				message: 'ApiAuthStrategy - api key - Your api key is not valid',
			},
		});
		expect(res.json.error).not.toHaveProperty('details'); // hosted Cal.com (production) sends none
		expect(sandbox.invalidRequests()).toEqual([]);
		expect(sandbox.requests[0].headers.authorization).toBe('Bearer <redacted:unknown>');
	});

	it('rejects a missing key with 401 "No authentication method provided"', async () => {
		const res = await call(sandbox, '/v2/me');
		expect(res.status).toBe(401);
		expect(res.json.error.message).toMatch(/^ApiAuthStrategy - No authentication method provided/);
	});

	it('rejects a bearer token that is not an API key', async () => {
		const res = await call(sandbox, '/v2/me', { key: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' });
		expect(res.status).toBe(401);
		expect(res.json.error.message).toBe('ApiAuthStrategy - Invalid Bearer token');
	});

	it('lets anyone read slots, and ignores a key there', async () => {
		const query = { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' };
		expect((await slots(sandbox, query)).status).toBe(200);
		const withBadKey = await call(sandbox, `/v2/slots?${new URLSearchParams(query).toString()}`, {
			version: '2024-09-04',
			key: 'cal_live_00000000000000000000000000000000',
		});
		expect(withBadKey.status).toBe(200);
	});

	it('never records the key itself', async () => {
		await call(sandbox, '/v2/me', { key: sandbox.apiKeyFor('lena') });
		expect(sandbox.requests[0].headers.authorization).toBe('Bearer <redacted:lena>');
		expect(JSON.stringify(sandbox.requests)).not.toContain(sandbox.apiKeyFor('lena'));
	});
});

describe('sandbox rate limiting like Cal.com’s CustomThrottlerGuard', () => {
	let sandbox: Sandbox;

	// 5 requests per window; timeScale 0.01 makes the 60 s window and block last 0.6 s.
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: 5, timeScale: 0.01 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('sends the three X-RateLimit-*-Default headers, counting down', async () => {
		const key = sandbox.apiKeyFor('bailey');
		const first = await call(sandbox, '/v2/me', { key });
		expect(first.headers.get('x-ratelimit-limit-default')).toBe('5');
		expect(first.headers.get('x-ratelimit-remaining-default')).toBe('4');
		const reset = Number(first.headers.get('x-ratelimit-reset-default'));
		expect(reset).toBeGreaterThan(0);
		expect(reset).toBeLessThanOrEqual(0.6);
		expect((await call(sandbox, '/v2/me', { key })).headers.get('x-ratelimit-remaining-default')).toBe('3');
		expect(first.headers.get('retry-after')).toBeNull();
	});

	it('answers 429 ThrottlerException after N requests, blocks the key, then lets it in again', async () => {
		const key = sandbox.apiKeyFor('bailey');
		for (let i = 0; i < 5; i++) expect((await call(sandbox, '/v2/me', { key })).status).toBe(200);
		const throttled = await call(sandbox, '/v2/me', { key });
		expect(throttled.status).toBe(429);
		expect(throttled.json.error).toMatchObject({
			code: 'ThrottlerException',
			message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
		});
		expect(throttled.headers.get('x-ratelimit-remaining-default')).toBe('0');
		expect(Number(throttled.headers.get('x-ratelimit-reset-default'))).toBeGreaterThan(0);
		expect(throttled.headers.get('retry-after')).toBeNull();

		// Still blocked right away, for other endpoints too; another key is not affected.
		expect((await call(sandbox, '/v2/me', { key })).status).toBe(429);
		expect((await call(sandbox, '/v2/me', { key: sandbox.apiKeyFor('lena') })).status).toBe(200);

		const wait = Number(throttled.headers.get('x-ratelimit-reset-default')) * 1000;
		await sleep(wait + 50);
		const after = await call(sandbox, '/v2/me', { key });
		expect(after.status).toBe(200);
		expect(after.headers.get('x-ratelimit-remaining-default')).toBe('4');
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('counts anonymous callers per address, and unknown keys per key', async () => {
		for (let i = 0; i < 5; i++) await slots(sandbox, { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' });
		expect((await slots(sandbox, { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' })).status).toBe(429);
		const bad = await call(sandbox, '/v2/me', { key: 'cal_live_ffffffffffffffffffffffffffffffff' });
		expect(bad.status).toBe(401);
		expect(bad.headers.get('x-ratelimit-remaining-default')).toBe('4');
	});

	it('starts a fresh window once the old one has passed', async () => {
		const key = sandbox.apiKeyFor('kenji');
		await call(sandbox, '/v2/me', { key });
		await call(sandbox, '/v2/me', { key });
		await sleep(650);
		expect((await call(sandbox, '/v2/me', { key })).headers.get('x-ratelimit-remaining-default')).toBe('4');
	});
});

describe('sandbox rate-limit headers in real time', () => {
	it('prints the reset as whole seconds when time is not scaled', async () => {
		const sandbox = await startSandbox();
		try {
			const res = await call(sandbox, '/v2/me', { key: sandbox.apiKeyFor('bailey') });
			expect(res.headers.get('x-ratelimit-limit-default')).toBe('120');
			expect(res.headers.get('x-ratelimit-remaining-default')).toBe('119');
			expect(res.headers.get('x-ratelimit-reset-default')).toBe('60');
		} finally {
			await sandbox.close();
		}
	});
});
