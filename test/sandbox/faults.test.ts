import { startSandbox } from './index';
import type { Sandbox } from './index';
import { call, slots, until } from './test-helpers';

describe('sandbox fault injection', () => {
	let sandbox: Sandbox;
	let key: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		key = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('429: ThrottlerException with Remaining 0, the given reset and, if asked, Retry-After', async () => {
		sandbox.injectFault({ kind: '429', path: '/v2/me', resetSeconds: 7, retryAfterSeconds: 3 });
		const res = await call(sandbox, '/v2/me', { key });
		expect(res.status).toBe(429);
		expect(res.json.error).toMatchObject({
			code: 'ThrottlerException',
			message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
		});
		expect(res.headers.get('x-ratelimit-limit-default')).toBe('120');
		expect(res.headers.get('x-ratelimit-remaining-default')).toBe('0');
		expect(res.headers.get('x-ratelimit-reset-default')).toBe('7');
		expect(res.headers.get('retry-after')).toBe('3');
		sandbox.injectFault({ kind: '429', path: '/v2/me' });
		const plain = await call(sandbox, '/v2/me', { key });
		expect(plain.headers.get('x-ratelimit-reset-default')).toBe('1');
		expect(plain.headers.get('retry-after')).toBeNull();
		expect(sandbox.requests.map((r) => r.fault)).toEqual(['429', '429']);
	});

	it('429-no-headers: the same body without any rate-limit header', async () => {
		sandbox.injectFault({ kind: '429-no-headers', path: '/v2/me' });
		const res = await call(sandbox, '/v2/me', { key });
		expect(res.status).toBe(429);
		expect(res.json.error.code).toBe('ThrottlerException');
		expect([...res.headers.keys()].filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
	});

	it.each([
		['500', 500, 'InternalServerErrorException'],
		['502', 502, 'BadGatewayException'],
		['503', 503, 'ServiceUnavailableException'],
	] as const)('%s: Cal.com’s error envelope with %i %s', async (kind, status, code) => {
		sandbox.injectFault({ kind, path: '/v2/me' });
		const res = await call(sandbox, '/v2/me', { key });
		expect(res.status).toBe(status);
		expect(res.json).toMatchObject({
			status: 'error',
			path: '/v2/me',
			error: { code, details: { statusCode: status } },
		});
	});

	it('html: a 502 nginx page in text/html', async () => {
		sandbox.injectFault({ kind: 'html', path: '/v2/me' });
		const res = await call(sandbox, '/v2/me', { key });
		expect(res.status).toBe(502);
		expect(res.headers.get('content-type')).toBe('text/html');
		expect(res.text).toContain('<title>502 Bad Gateway</title>');
	});

	it('malformed-json: 200 application/json whose body does not parse', async () => {
		sandbox.injectFault({ kind: 'malformed-json', path: '/v2/me' });
		const res = await call(sandbox, '/v2/me', { key });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(() => JSON.parse(res.text)).toThrow();
	});

	it('reset: the connection is dropped without any response', async () => {
		sandbox.injectFault({ kind: 'reset', path: '/v2/me' });
		await expect(call(sandbox, '/v2/me', { key })).rejects.toThrow();
		expect(sandbox.requests[0]).toMatchObject({ fault: 'reset', status: 0 });
		expect((await call(sandbox, '/v2/me', { key })).status).toBe(200);
	});

	it('timeout: processes the request at once and answers no earlier than delayMs', async () => {
		sandbox.injectFault({ kind: 'timeout', path: '/v2/me', delayMs: 300 });
		const started = Date.now();
		const res = await call(sandbox, '/v2/me', { key });
		// A lower bound only: a busy machine makes it later, never earlier.
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(sandbox.requests[0]).toMatchObject({ fault: 'timeout', status: 200 });
		expect(res.status).toBe(200);
		expect(res.json.data.username).toBe('bailey');
		const next = await call(sandbox, '/v2/me', { key });
		expect(next.headers.get('x-ratelimit-remaining-default')).toBe('118');
	});

	it('timeout without delayMs: the work is done, and the answer is held until the client gives up', async () => {
		sandbox.injectFault({ kind: 'timeout', path: '/v2/me' });
		const client = new AbortController();
		let settled = false;
		const pending = fetch(`${sandbox.url}/v2/me`, {
			headers: { Authorization: `Bearer ${key}` },
			signal: client.signal,
		}).finally(() => (settled = true));
		// Handled (status decided, counted by the throttler) while the client still waits.
		await until(() => sandbox.requests[0]?.status === 200);
		expect(sandbox.requests[0]).toMatchObject({ fault: 'timeout', status: 200 });
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		client.abort();
		await expect(pending).rejects.toThrow();
		const next = await call(sandbox, '/v2/me', { key });
		expect(next.status).toBe(200);
		expect(next.headers.get('x-ratelimit-remaining-default')).toBe('118');
	});

	it('matches method, exact path or RegExp, for the next N requests only', async () => {
		sandbox.injectFault({ kind: '503', path: /^\/v2\/slots/, method: 'get', count: 2 });
		sandbox.injectFault({ kind: '500', path: '/v2/me', method: 'PATCH' });
		const query = { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' };
		expect((await slots(sandbox, query)).status).toBe(503);
		expect((await call(sandbox, '/v2/me', { key })).status).toBe(200);
		expect((await slots(sandbox, query)).status).toBe(503);
		expect((await slots(sandbox, query)).status).toBe(200);
		expect(sandbox.requests.map((r) => r.fault ?? '-')).toEqual(['503', '-', '503', '-']);
		sandbox.clearFaults();
		expect(
			(await call(sandbox, '/v2/me', { key, method: 'PATCH', body: { name: 'B' } })).status,
		).not.toBe(500);
	});

	it('still validates and records a faulted request', async () => {
		sandbox.injectFault({ kind: '502', path: '/v2/slots' });
		const res = await call(
			sandbox,
			'/v2/slots?eventTypeId=21&start=2027-03-29&end=2027-03-29&foo=1',
			{ version: '2024-08-13' },
		);
		expect(res.status).toBe(502);
		expect(sandbox.requests[0]).toMatchObject({ fault: '502', valid: false });
		expect(sandbox.requests[0].problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/2024-08-13 is not served/),
				expect.stringMatching(/unknown query parameter "foo"/),
			]),
		);
	});

	it('afterProcessing: the work is done, then the answer is lost (502, or a dropped connection)', async () => {
		const body = { credits: 2, creditFor: 'SMS', externalRef: 'after-processing' };
		sandbox.injectFault({ kind: '502', path: '/v2/credits/charge', afterProcessing: true });
		const res = await call(sandbox, '/v2/credits/charge', { key, method: 'POST', body });
		expect(res.status).toBe(502);
		expect(sandbox.state.creditCharges).toHaveLength(1);
		sandbox.injectFault({ kind: 'reset', path: '/v2/credits/charge', afterProcessing: true });
		await expect(
			call(sandbox, '/v2/credits/charge', {
				key,
				method: 'POST',
				body: { ...body, externalRef: 'reset-after' },
			}),
		).rejects.toThrow();
		expect(sandbox.state.creditCharges.map((c) => c.externalRef)).toEqual([
			'after-processing',
			'reset-after',
		]);
		expect(sandbox.requests.map((r) => [r.fault, r.status])).toEqual([
			['502', 502],
			['reset', 200],
		]);
		expect(() =>
			sandbox.injectFault({ kind: '429', path: '/v2/me', afterProcessing: true }),
		).toThrow(/makes no sense/);
	});

	it('refuses a fault kind it does not know', () => {
		expect(() => sandbox.injectFault({ kind: 'teapot' as never, path: '/v2/me' })).toThrow(
			/Unknown fault kind/,
		);
	});
});

describe('sandbox close()', () => {
	it('ends the responses it holds back instead of waiting for them', async () => {
		const sandbox = await startSandbox();
		// Held until the client gives up, which this one never does: only close() can end it.
		sandbox.injectFault({ kind: 'timeout', path: '/v2/me' });
		const pending = call(sandbox, '/v2/me', { key: sandbox.apiKeyFor('bailey') }).catch(
			(error: unknown) => error,
		);
		await until(() => sandbox.requests[0]?.status === 200);
		await sandbox.close();
		// fetch fails (undici's TypeError comes from another realm, so no instanceof here).
		expect(await pending).toHaveProperty('message', 'fetch failed');
	});
});
