import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { resolveBaseUrl } from '../../nodes/CalCom/transport';
import { testCredential } from '../harness';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, startTestSandbox } from './helpers';

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
		const wrongKey = 'cal_live_0000000000000000000000000000dead';
		const result = await testCredential(new CalComV2Api(), {
			apiKey: wrongKey,
			environment: 'selfHosted',
			baseUrl: sandbox.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Cal.com did not accept this API key');
		expect(result.message).toContain('base URL');
		expect(JSON.stringify(result)).not.toContain(wrongKey);
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

	it('resolves the same base URL in the node as in the credential test', () => {
		expect(resolveBaseUrl({ environment: 'cloud' })).toBe('https://api.cal.com');
		expect(resolveBaseUrl({ environment: 'eu' })).toBe('https://api.cal.eu');
		expect(resolveBaseUrl({ environment: 'selfHosted', baseUrl: ' https://cal.example.com/api/v2/ ' })).toBe(
			'https://cal.example.com/api',
		);
	});
});
