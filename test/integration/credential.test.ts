import { createServer } from 'node:http';
import type { Server } from 'node:http';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { resolveBaseUrl } from '../../nodes/CalCom/transport';
import { testCredential } from '../harness';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, runCalCom, startTestSandbox, visibleText } from './helpers';

const WRONG_KEY = 'cal_live_0000000000000000000000000000dead';
const INVALID_KEY_MESSAGE =
	'Cal.com did not accept the API key. Check the API key and the base URL (Cal.com instance) in the Cal.com API credential.';
const NOT_CAL_COM = 'The base URL does not look like a Cal.com API v2 server';
const CHECK_BASE_URL =
	'Check the Cal.com API credential: the Cal.com Instance (Cloud, EU or Self-Hosted) and, for Self-Hosted, the Base URL. It is the address of your Cal.com API v2 server (e.g. http://localhost:5555 or https://cal-api.example.com), not of the Cal.com web app, with no path after the host (a trailing /v2 is fine) unless a proxy serves the API under one.';
const CREDENTIAL_NOT_CAL_COM =
	'This base URL does not look like a Cal.com API v2 server: it has no GET /v2/me. Check the Cal.com Instance and, for Self-Hosted, the Base URL: the address of your Cal.com API v2 server (e.g. http://localhost:5555 or https://cal-api.example.com), not of the Cal.com web app, with no path after the host (a trailing /v2 is fine) unless a proxy serves the API under one.';
const EXPIRED_KEY_MESSAGE =
	'Cal.com did not accept the API key: it has expired. Create a new API key in Cal.com (Settings → Developer → API Keys) and put it in the Cal.com API credential.';

describe('the Cal.com API credential', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('tests OK with a valid key against GET /v2/me, sending it as a Bearer token', async () => {
		const result = await testCredential(new CalComV2Api(), {
			apiKey: sandbox.apiKeyFor('bailey'),
			environment: 'selfHosted',
			baseUrl: `${sandbox.url}/`,
		});
		expect(result.status).toBe('OK');
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v2/me', status: 200 });
		expect(sandbox.requests[0].headers.authorization).toBe('Bearer <redacted:bailey>');
		expectOnlyValidRequests(sandbox);
	});

	it('fails a wrong key with a message to check the key and base URL, never echoing the key', async () => {
		const result = await testCredential(new CalComV2Api(), {
			apiKey: WRONG_KEY,
			environment: 'selfHosted',
			baseUrl: sandbox.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Cal.com did not accept this API key');
		expect(result.message).toContain('base URL');
		expect(JSON.stringify(result)).not.toContain(WRONG_KEY);
		expect(sandbox.requests[0].status).toBe(401);
	});

	it('fails an expired key with a message that also says to create a new key, never echoing the key', async () => {
		const expired = sandbox.state.apiKeys.find((k) => k.expiresAt)!.key;
		const result = await testCredential(new CalComV2Api(), {
			apiKey: expired,
			environment: 'selfHosted',
			baseUrl: sandbox.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'the key has not expired (if it has, create a new one in Cal.com under Settings → Developer → API Keys)',
		);
		expect(JSON.stringify(result)).not.toContain(expired);
		expect(sandbox.requests[0].status).toBe(401);
	});

	it('says the base URL does not look like Cal.com API v2 when /v2/me is not there, and what to check', async () => {
		const result = await testCredential(new CalComV2Api(), {
			apiKey: sandbox.apiKeyFor('bailey'),
			environment: 'selfHosted',
			baseUrl: `${sandbox.url}/not-cal`,
		});
		expect(result).toEqual({ status: 'Error', message: CREDENTIAL_NOT_CAL_COM });
	});

	// Cal.com's throttler refuses an unknown key on every route before anything else, GET /v2/slots
	// included (which needs no key at all); an expired key gets through it and is turned away by the
	// auth guard. The node's message fits both, and the key never shows.
	it.each([
		['User → Get', { resource: 'user', operation: 'get' }],
		[
			'Slot → Get Available, which needs no key',
			{
				resource: 'slot',
				operation: 'getAvailable',
				lookup: 'eventTypeId',
				eventTypeId: { __rl: true, mode: 'id', value: '12' },
				start: '2027-03-15',
				end: '2027-03-15',
				timeZone: 'UTC',
			},
		],
	])(
		'%s with a wrong key: says to check the key and the base URL, and that keys belong to one instance',
		async (_op, parameters) => {
			const result = await runCalCom(sandbox, parameters, { apiKey: WRONG_KEY });
			expect(result.error?.message).toBe(INVALID_KEY_MESSAGE);
			const description = (result.error as { description?: string }).description;
			expect(description).toContain('Cal.com said: CustomThrottlerGuard - Invalid API Key');
			expect(description).toContain('A key works only on the Cal.com instance it was created on');
			expect(description).toContain(
				'create a new one in Cal.com under Settings → Developer → API Keys',
			);
			expect(visibleText(result)).not.toContain(WRONG_KEY);
			expect(sandbox.requests.map((r) => r.status)).toEqual([401]);
		},
	);

	it('User → Get with an expired key: says the key has expired and to create a new one, never showing it', async () => {
		const expired = sandbox.state.apiKeys.find((k) => k.expiresAt)!.key;
		const result = await runCalCom(
			sandbox,
			{ resource: 'user', operation: 'get' },
			{ apiKey: expired },
		);
		expect(result.error?.message).toBe(EXPIRED_KEY_MESSAGE);
		expect((result.error as { description?: string }).description).toBe(
			'Cal.com said: ApiAuthStrategy - api key - Your api key is expired',
		);
		expect(visibleText(result)).not.toContain(expired);
		expect(sandbox.requests.map((r) => r.status)).toEqual([401]);
	});

	it('resolves the same base URL in the node as in the credential test', () => {
		expect(resolveBaseUrl({ environment: 'cloud' })).toBe('https://api.cal.com');
		expect(resolveBaseUrl({ environment: 'eu' })).toBe('https://api.cal.eu');
		expect(
			resolveBaseUrl({ environment: 'selfHosted', baseUrl: ' https://cal.example.com/api/v2/ ' }),
		).toBe('https://cal.example.com/api');
	});
});

/** A web server on 127.0.0.1 that is not Cal.com: every path is its "404 Not Found" page. */
async function startWebPage404(): Promise<{ url: string; paths: string[]; server: Server }> {
	const paths: string[] = [];
	const server = createServer((request, response) => {
		paths.push(`${request.method} ${request.url}`);
		response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		response.end(
			'<!DOCTYPE html><html><head><title>404</title></head><body><h1>Page not found</h1></body></html>',
		);
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { url: `http://127.0.0.1:${port}`, paths, server };
}

describe('a base URL that does not lead to Cal.com API v2', () => {
	let sandbox: Sandbox;
	let web: Awaited<ReturnType<typeof startWebPage404>>;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
		web = await startWebPage404();
	});
	afterAll(async () => {
		web.server.close();
		await sandbox.close();
	});
	beforeEach(() => {
		sandbox.reset();
		web.paths.length = 0;
	});

	it('credential test against a web server that answers a 404 page: says it does not look like Cal.com API v2 and what to check', async () => {
		const result = await testCredential(new CalComV2Api(), {
			apiKey: sandbox.apiKeyFor('bailey'),
			environment: 'selfHosted',
			baseUrl: web.url,
		});
		expect(result).toEqual({ status: 'Error', message: CREDENTIAL_NOT_CAL_COM });
		expect(web.paths).toEqual(['GET /v2/me']);
	});

	it('User → Get against that web server: says it does not look like Cal.com API v2 and what to check', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'user', operation: 'get' },
			{ baseUrl: web.url },
		);
		expect(result.error?.message).toBe(
			`${NOT_CAL_COM}: it answered GET /v2/me with "404 Not Found" and a web page that is not Cal.com's`,
		);
		expect((result.error as { description?: string }).description).toBe(CHECK_BASE_URL);
		expect(visibleText(result)).not.toContain(sandbox.apiKeyFor('bailey'));
	});

	it('Booking → Get against that web server: blames the base URL, not a missing booking', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'booking', operation: 'get', bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv' },
			{ baseUrl: web.url },
		);
		expect(result.error?.message).toBe(
			`${NOT_CAL_COM}: it answered GET /v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv with "404 Not Found" and a web page that is not Cal.com's`,
		);
		expect(result.error?.message).not.toMatch(/Booking .* was not found/);
	});

	it('User → Get with a path after the host that Cal.com does not serve: names the path it got', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'user', operation: 'get' },
			{ baseUrl: `${sandbox.url}/api` },
		);
		expect(result.error?.message).toBe(
			`${NOT_CAL_COM}: it has no /api/v2/me (it said "Cannot GET /api/v2/me")`,
		);
		expect((result.error as { description?: string }).description).toBe(CHECK_BASE_URL);
	});
});

describe('the Base URL forms a Self-Hosted credential accepts', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	// resolveBaseUrl(): trimmed, trailing slashes and one trailing /v2 dropped; http or https.
	it.each([
		['the server address', ''],
		['with a trailing slash', '/'],
		['with /v2', '/v2'],
		['with /v2/', '/v2/'],
		['with spaces around and two slashes', '//  '],
	])('%s: the credential test passes and User → Get reaches GET /v2/me', async (_form, suffix) => {
		const baseUrl = `${suffix.endsWith('  ') ? '  ' : ''}${sandbox.url}${suffix}`;
		const tested = await testCredential(new CalComV2Api(), {
			apiKey: sandbox.apiKeyFor('bailey'),
			environment: 'selfHosted',
			baseUrl,
		});
		expect(tested).toEqual({ status: 'OK', message: 'Connection successful!' });
		const result = await runCalCom(sandbox, { resource: 'user', operation: 'get' }, { baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ username: 'bailey' });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /v2/me 200',
			'GET /v2/me 200',
		]);
	});

	it.each([
		[
			'without http:// or https://',
			() => sandbox.url.replace('http://', ''),
			(url: string) => `"${url}" is not a web address`,
		],
		['empty', () => '', () => 'it is empty'],
	])(
		'a Base URL %s: refused before any request, naming the field and the form',
		async (_form, make, said) => {
			const baseUrl = make();
			const result = await runCalCom(sandbox, { resource: 'user', operation: 'get' }, { baseUrl });
			expect(result.error?.message).toBe(
				`Base URL: ${said(baseUrl)}. Give the address of your Cal.com API v2 server with http:// or https://, e.g. http://localhost:5555 or https://cal-api.example.com (Cal.com API credential, Self-Hosted).`,
			);
			expect(sandbox.requests).toEqual([]);
		},
	);
});
