import { startSandbox } from './index';
import type { Sandbox } from './index';
import { loadFixture } from './state';
import { call, slots } from './test-helpers';
import type { CallResult } from './test-helpers';

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

	// Cal.com's throttler looks the key up before anything else (apps/api/v2/src/lib/throttler-guard.ts).
	it.each([
		['GET /v2/me', '/v2/me', undefined],
		[
			'GET /v2/slots, which needs no key',
			`/v2/slots?eventTypeId=21&start=2027-03-29&end=2027-03-29`,
			'2024-09-04',
		],
		['GET /v2/bookings', '/v2/bookings', '2024-08-13'],
	])(
		'refuses an unknown key on %s with 401 "CustomThrottlerGuard - Invalid API Key", before any rate-limit header',
		async (_route, path, version) => {
			const res = await call(sandbox, path, {
				key: 'cal_live_00000000000000000000000000000000',
				version,
			});
			expect(res.status).toBe(401);
			expect(res.json).toMatchObject({
				status: 'error',
				path,
				error: {
					code: 'UnauthorizedException',
					message: 'CustomThrottlerGuard - Invalid API Key',
				},
			});
			expect(res.json.error).not.toHaveProperty('details'); // hosted Cal.com (production) sends none
			expect([...res.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
			expect(sandbox.invalidRequests()).toEqual([]);
			expect(sandbox.requests[0].headers.authorization).toBe('Bearer <redacted:unknown>');
		},
	);

	it('turns an expired key away with 401 "Your api key is expired" from the auth guard, after the throttler counted it', async () => {
		const expired = sandbox.state.apiKeys.find((k) => k.expiresAt)!.key;
		const res = await call(sandbox, '/v2/me', { key: expired });
		expect(res.status).toBe(401);
		expect(res.json.error).toMatchObject({
			code: 'UnauthorizedException',
			message: 'ApiAuthStrategy - api key - Your api key is expired',
		});
		expect(res.headers.get('x-ratelimit-remaining-default')).toBe('119');
		// GET /v2/slots has no auth guard: the throttler knows the key, so the slots come.
		const slotsRes = await call(
			sandbox,
			'/v2/slots?eventTypeId=21&start=2027-03-29&end=2027-03-29',
			{ version: '2024-09-04', key: expired },
		);
		expect(slotsRes.status).toBe(200);
	});

	it('still accepts a key on its expiry day and refuses it from the next day on', async () => {
		const record = sandbox.state.apiKeys.find((k) => k.expiresAt)!;
		record.expiresAt = '2027-03-01'; // the calendar clock's day
		expect((await call(sandbox, '/v2/me', { key: record.key })).json.data.username).toBe('bailey');
		record.expiresAt = '2027-02-28';
		expect((await call(sandbox, '/v2/me', { key: record.key })).json.error.message).toBe(
			'ApiAuthStrategy - api key - Your api key is expired',
		);
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

	it('lets anyone read slots, and ignores a known key there', async () => {
		const query = { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' };
		expect((await slots(sandbox, query)).status).toBe(200);
		const withKey = await call(sandbox, `/v2/slots?${new URLSearchParams(query).toString()}`, {
			version: '2024-09-04',
			key: sandbox.apiKeyFor('kenji'),
		});
		expect(withKey.status).toBe(200);
	});

	it('never records the key itself', async () => {
		await call(sandbox, '/v2/me', { key: sandbox.apiKeyFor('lena') });
		expect(sandbox.requests[0].headers.authorization).toBe('Bearer <redacted:lena>');
		expect(JSON.stringify(sandbox.requests)).not.toContain(sandbox.apiKeyFor('lena'));
	});
});

describe('sandbox rate limiting like Cal.com’s CustomThrottlerGuard', () => {
	let sandbox: Sandbox;

	// 5 requests per 60 s window, on a clock the spec steps (no sleeping: holds on a busy machine).
	const clock = steppedClock();
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: 5, rateLimitClock: clock.now });
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
		expect(reset).toBeLessThanOrEqual(60);
		expect(
			(await call(sandbox, '/v2/me', { key })).headers.get('x-ratelimit-remaining-default'),
		).toBe('3');
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
		clock.advance(wait + 50);
		const after = await call(sandbox, '/v2/me', { key });
		expect(after.status).toBe(200);
		expect(after.headers.get('x-ratelimit-remaining-default')).toBe('4');
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('counts anonymous callers per address, and never counts an unknown key', async () => {
		for (let i = 0; i < 5; i++)
			await slots(sandbox, { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' });
		expect(
			(await slots(sandbox, { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' })).status,
		).toBe(429);
		const bad = await call(sandbox, '/v2/me', { key: 'cal_live_ffffffffffffffffffffffffffffffff' });
		expect(bad.status).toBe(401);
		expect(bad.headers.get('x-ratelimit-remaining-default')).toBeNull();
	});

	it('counts add guests only against its own 5-per-minute limit, before auth', async () => {
		// apps/api/v2/src/ee/bookings/2024-08-13/controllers/booking-guests.controller.ts: @Throttle
		// "booking_guests_add"; the guard then counts nothing else and looks no key up.
		const key = sandbox.apiKeyFor('bailey');
		const guests = { guests: [{ email: 'guest@x.example', name: 'Guest' }] };
		const path = '/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/guests';
		const first = await call(sandbox, path, {
			method: 'POST',
			key,
			version: '2024-08-13',
			body: guests,
		});
		expect(first.status).toBe(200);
		expect(first.headers.get('x-ratelimit-limit-booking_guests_add')).toBe('5');
		expect(first.headers.get('x-ratelimit-remaining-booking_guests_add')).toBe('4');
		expect(first.headers.get('x-ratelimit-remaining-default')).toBeNull();
		expect(
			(await call(sandbox, '/v2/me', { key })).headers.get('x-ratelimit-remaining-default'),
		).toBe('4');
		// A wrong key passes this throttler and meets the auth guard, and is counted under its own tracker.
		const wrong = await call(sandbox, path, {
			method: 'POST',
			key: 'cal_live_ffffffffffffffffffffffffffffffff',
			version: '2024-08-13',
			body: guests,
		});
		expect([wrong.status, wrong.json.error.message]).toEqual([
			401,
			'ApiAuthStrategy - api key - Your api key is not valid',
		]);
		expect(wrong.headers.get('x-ratelimit-remaining-booking_guests_add')).toBe('4');
		for (let i = 0; i < 4; i++)
			await call(sandbox, path, {
				method: 'POST',
				key,
				version: '2024-08-13',
				body: { guests: [] },
			});
		const throttled = await call(sandbox, path, {
			method: 'POST',
			key,
			version: '2024-08-13',
			body: { nonsense: true },
		});
		expect([throttled.status, throttled.json.error.code]).toEqual([429, 'ThrottlerException']);
	});

	it('starts a fresh window once the old one has passed', async () => {
		const key = sandbox.apiKeyFor('kenji');
		await call(sandbox, '/v2/me', { key });
		await call(sandbox, '/v2/me', { key });
		clock.advance(60_050);
		expect(
			(await call(sandbox, '/v2/me', { key })).headers.get('x-ratelimit-remaining-default'),
		).toBe('4');
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

/** A rate-limiter clock that moves only when the spec says so. */
function steppedClock(): { now: () => number; advance(ms: number): void } {
	let at = Date.parse('2027-03-01T08:00:00Z');
	return { now: () => at, advance: (ms) => void (at += ms) };
}

describe('sandbox rate limiting with several named limits per key, like Cal.com’s RateLimit rows', () => {
	let sandbox: Sandbox;
	// The fixture's second key of bailey carries the limits of Cal.com's own e2e spec
	// (apps/api/v2/src/app.e2e-spec.ts): short 2 per 1 s (2 s block), long 3 per 2 s (4 s block).
	// The limiter's clock is stepped by the spec, so the walk holds however slow the machine is.
	const clock = steppedClock();
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimitClock: clock.now });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const limits = (res: CallResult) =>
		['short', 'long'].map((name) =>
			['limit', 'remaining']
				.map((what) => res.headers.get(`x-ratelimit-${what}-${name}`))
				.join('/'),
		);
	const resetMs = (res: CallResult, name: string) =>
		Number(res.headers.get(`x-ratelimit-reset-${name}`)) * 1000;

	it('counts every request against each limit and refuses one only when all of them are used up', async () => {
		const key = sandbox.state.apiKeys.find((k) => k.rateLimits?.length)!.key;
		const me = () => call(sandbox, '/v2/me', { key });
		const answers = [await me(), await me(), await me()];
		expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(answers.map(limits)).toEqual([
			['2/1', '3/2'],
			['2/0', '3/1'],
			['2/0', '3/0'], // short is blocked now, long still lets it through
		]);
		expect(answers[0].headers.get('x-ratelimit-limit-default')).toBeNull();

		const refused = await me();
		expect(refused.status).toBe(429);
		expect(limits(refused)).toEqual(['2/0', '3/0']);
		expect(resetMs(refused, 'short')).toBeGreaterThan(0);
		expect(resetMs(refused, 'long')).toBeGreaterThan(resetMs(refused, 'short'));

		// When the short block ends the request goes through on it; long stays blocked.
		clock.advance(resetMs(refused, 'short') + 50);
		const afterShort = await me();
		expect(afterShort.status).toBe(200);
		expect(limits(afterShort)).toEqual(['2/1', '3/0']);

		clock.advance(resetMs(afterShort, 'long') + 50);
		const afterLong = await me();
		expect(afterLong.status).toBe(200);
		expect(limits(afterLong)).toEqual(['2/1', '3/2']);
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});

describe('sandbox rate limiting counts the requests it refuses during a block', () => {
	let sandbox: Sandbox;
	const key = 'cal_live_5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e';
	// One limit, 5 per 60 s window, 100 s block, on a clock the spec steps.
	const clock = steppedClock();
	beforeAll(async () => {
		const fixture = loadFixture(undefined);
		fixture.apiKeys = [
			{
				key,
				userId: 1,
				rateLimits: [{ name: 'default', limit: 5, ttl: 60_000, blockDuration: 100_000 }],
			},
		];
		sandbox = await startSandbox({ fixture, rateLimitClock: clock.now });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('counts refused requests in the window open when the block ends (the Redis storage increments every hit)', async () => {
		const me = () => call(sandbox, '/v2/me', { key });
		for (let i = 0; i < 5; i++) expect((await me()).status).toBe(200);
		expect((await me()).status).toBe(429);
		// The first window (60 s) runs out during the 100 s block; two refused requests open the next.
		clock.advance(70_000);
		expect((await me()).status).toBe(429);
		const last = await me();
		expect(last.status).toBe(429);
		clock.advance(Number(last.headers.get('x-ratelimit-reset-default')) * 1000 + 50);
		const after = await me();
		expect(after.status).toBe(200);
		// 5 − (2 refused + this one), not 4: the refused requests were counted.
		expect(after.headers.get('x-ratelimit-remaining-default')).toBe('2');
	});
});
