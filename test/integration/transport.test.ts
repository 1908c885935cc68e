import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { loadFixture } from '../sandbox/state';
import { credentialsFor, expectOnlyValidRequests, MARCH, runCalCom, visibleText } from './helpers';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { runNode } from '../harness';
import { MAX_WAIT_MS } from '../../nodes/CalCom/transport/retry';

const getUser: INodeParameters = { resource: 'user', operation: 'get' };
const reserve: INodeParameters = {
	resource: 'slot',
	operation: 'reserve',
	eventTypeId: { __rl: true, mode: 'id', value: '12' },
	slotStart: '2027-03-15T13:00:00Z',
};

describe('the transport, through the node and n8n-core, against the sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ now: MARCH, timeScale: 0.01 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expectOnlyValidRequests(sandbox));

	const statuses = () => sandbox.requests.map((r) => r.status);

	it('waits as the rate-limit headers say after a 429 and then succeeds', async () => {
		sandbox.injectFault({ kind: '429', path: '/v2/me', resetSeconds: 0.2 });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.username).toBe('bailey');
		expect(statuses()).toEqual([429, 200]);
	});

	it('backs off and succeeds after 429s that carry no headers', async () => {
		sandbox.injectFault({ kind: '429-no-headers', path: '/v2/me', count: 2 });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([429, 429, 200]);
	});

	it('retries a 429 even for a POST: Cal.com did not process a throttled request', async () => {
		sandbox.injectFault({ kind: '429', path: '/v2/slots/reservations', resetSeconds: 0.1 });
		sandbox.injectFault({ kind: '500', path: '/v2/slots/reservations' });
		const result = await runCalCom(sandbox, reserve);
		// The 429 was retried, the 500 after it was not.
		expect(statuses()).toEqual([429, 500]);
		expect(result.error?.message).toMatch(/^Cal\.com had a server error \(HTTP 500\)/);
	});

	it('gives up on a 429 after 5 attempts with a message saying what to do', async () => {
		sandbox.injectFault({ kind: '429', path: '/v2/me', count: 5, resetSeconds: 0.05 });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error?.message).toBe("Cal.com's rate limit was still exceeded after 5 attempts");
		expect((result.error as { description?: string }).description).toContain('Wait a minute');
		expect(statuses()).toEqual([429, 429, 429, 429, 429]);
	});

	it.each(['500', '502', '503'] as const)('retries a %s on a GET and succeeds', async (kind) => {
		sandbox.injectFault({ kind, path: '/v2/me' });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([Number(kind), 200]);
	});

	it('gives up on a GET after 3 server errors, saying it tried', async () => {
		sandbox.injectFault({ kind: '503', path: '/v2/me', count: 3 });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error?.message).toMatch(/^Cal\.com had a server error \(HTTP 503\)/);
		expect((result.error as { description?: string }).description).toBe(
			'It still failed after 3 attempts. Try again later.',
		);
		expect(statuses()).toEqual([503, 503, 503]);
	});

	it('does not repeat a POST after a 500, and says why', async () => {
		sandbox.injectFault({ kind: '500', path: '/v2/slots/reservations' });
		const result = await runCalCom(sandbox, reserve);
		expect(result.error?.message).toMatch(/^Cal\.com had a server error \(HTTP 500\)/);
		expect((result.error as { description?: string }).description).toContain(
			'not repeated automatically',
		);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('retries a dropped connection on a GET', async () => {
		sandbox.injectFault({ kind: 'reset', path: '/v2/me' });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
	});

	it('retries a garbled JSON answer on a GET', async () => {
		sandbox.injectFault({ kind: 'malformed-json', path: '/v2/me' });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.username).toBe('bailey');
	});

	it('does not repeat a POST whose connection dropped, and says the outcome is unknown', async () => {
		sandbox.injectFault({ kind: 'reset', path: '/v2/slots/reservations' });
		const result = await runCalCom(sandbox, reserve);
		expect(result.error?.message).toBe(
			'The connection to Cal.com was closed before it answered POST /v2/slots/reservations',
		);
		expect((result.error as { description?: string }).description).toContain(
			'Check in Cal.com whether it took effect',
		);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('gives a clear error when Cal.com does not answer within the timeout', async () => {
		// Each answer is held until the node gives up, so the Timeout is always what ends the wait.
		sandbox.injectFault({ kind: 'timeout', path: '/v2/me', count: 3 });
		const result = await runCalCom(sandbox, { ...getUser, options: { timeoutSeconds: 1 } });
		expect(result.error?.message).toBe('Cal.com did not answer GET /v2/me within 1 s');
		expect((result.error as { description?: string }).description).toBe(
			'Try again later. It still failed after 3 attempts.',
		);
		expect(sandbox.requests).toHaveLength(3);
	});

	it('says an HTML error page came from a proxy, not Cal.com', async () => {
		sandbox.injectFault({ kind: 'html', path: '/v2/me', count: 3 });
		const result = await runCalCom(sandbox, getUser);
		expect(result.error?.message).toBe('Cal.com had a server error (HTTP 502)');
		expect(visibleText(result)).not.toContain('<html');
	});

	it('says the base URL is wrong when nothing listens there', async () => {
		const closed = await startSandbox({ now: MARCH });
		const url = closed.url;
		await closed.close();
		const result = await runNode({
			node: new CalCom(),
			credentialTypes: [new CalComV2Api()],
			parameters: getUser,
			credentials: {
				calComV2Api: { ...credentialsFor(sandbox).calComV2Api, baseUrl: url },
			} as never,
		});
		expect(result.error?.message).toBe(
			`Could not connect to ${url}: nothing is listening there. Check the base URL in the Cal.com API credential.`,
		);
	});

	it('paces itself by the remaining/reset headers so a burst of items meets no 429', async () => {
		const tight = await startSandbox({ now: MARCH, rateLimit: 4, timeScale: 0.02 });
		try {
			const result = await runCalCom(tight, getUser, {
				inputItems: Array.from({ length: 10 }, () => ({})),
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(10);
			expect(tight.requests.filter((r) => r.status === 429)).toHaveLength(0);
			expect(tight.requests).toHaveLength(10);
		} finally {
			await tight.close();
		}
	});
});

describe('the transport with a key that has several named limits', () => {
	// Cal.com counts each request against every limit of the key and refuses it only when all of
	// them are used up (apps/api/v2/src/lib/throttler-guard.ts). Scaled by 0.01: "short" is 2 per
	// 0.6 s with a 0.6 s block, "long" 3 per 3,000 s with a 3,000 s block — so long that waiting for
	// it takes the node's longest wait (MAX_WAIT_MS), far beyond what six requests and one short
	// block take on any machine. A slow machine that outruns the short window changes nothing:
	// every request is still let through.
	const key = 'cal_live_7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a';
	let sandbox: Sandbox;
	beforeAll(async () => {
		const fixture = loadFixture(undefined);
		fixture.apiKeys = [
			{
				key,
				userId: 1,
				rateLimits: [
					{ name: 'short', limit: 2, ttl: 60_000, blockDuration: 60_000 },
					{ name: 'long', limit: 3, ttl: 300_000_000, blockDuration: 300_000_000 },
				],
			},
		];
		sandbox = await startSandbox({ now: MARCH, fixture, timeScale: 0.01 });
	});
	afterAll(() => sandbox.close());

	it(
		'goes on while one limit has room and, when none has, waits only for the first to start afresh',
		async () => {
			const result = await runCalCom(sandbox, getUser, {
				apiKey: key,
				inputItems: Array.from({ length: 6 }, () => ({})),
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(6);
			expect(sandbox.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
			// Waiting for the last limit ("long") instead of the first would take the longest wait.
			const times = sandbox.requests.map((r) => r.receivedAt);
			expect(times[times.length - 1] - times[0]).toBeLessThan(MAX_WAIT_MS);
			expect(visibleText(result)).not.toContain(key);
		},
		2 * MAX_WAIT_MS,
	);
});

describe('the sandbox validator bites', () => {
	it('rejects a slots request with the bookings API version, 404 as Cal.com does, and records it', async () => {
		const sandbox = await startSandbox({ now: MARCH });
		try {
			const response = await fetch(
				`${sandbox.url}/v2/slots?eventTypeId=12&start=2027-03-15&end=2027-03-16`,
				{
					headers: { 'cal-api-version': '2024-08-13' },
				},
			);
			expect(response.status).toBe(404);
			const body = (await response.json()) as { error: { message: string } };
			expect(body.error.message).toContain('Cannot GET /v2/slots');
			expect(sandbox.invalidRequests()).toHaveLength(1);
			expect(sandbox.invalidRequests()[0].problems.join(' ')).toContain('2024-09-04');
		} finally {
			await sandbox.close();
		}
	});
});
