import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { resolveBaseUrl } from '../../nodes/CalCom/transport';
import { testCredential } from '../harness';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, runCalCom, startTestSandbox, visibleText } from './helpers';

const WRONG_KEY = 'cal_live_0000000000000000000000000000dead';
const INVALID_KEY_MESSAGE =
	'Cal.com did not accept the API key. Check the API key and the base URL (Cal.com instance) in the Cal.com API credential.';
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

	it('says the base URL serves no Cal.com API v2 when /v2/me is not there', async () => {
		const result = await testCredential(new CalComV2Api(), {
			apiKey: sandbox.apiKeyFor('bailey'),
			environment: 'selfHosted',
			baseUrl: `${sandbox.url}/not-cal`,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('No Cal.com API v2 answered at this base URL');
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
