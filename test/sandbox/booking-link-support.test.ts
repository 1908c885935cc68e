import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const V = '2024-06-14';

describe('sandbox: what a booking link reads (bookingUrl, private link create)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it("prints an organization user's bookingUrl on the organization's subdomain, others on cal.com", async () => {
		const priya = await call(sandbox, '/v2/event-types/49', {
			key: sandbox.apiKeyFor('priya'),
			version: V,
		});
		expect(priya.status).toBe(200);
		expect(priya.json.data.bookingUrl).toBe('https://northwind.cal.com/priya/discovery-call');
		expect(responseProblems('GET', '/v2/event-types/{eventTypeId}', 200, priya.json, V)).toEqual(
			[],
		);
		const bailey = await call(sandbox, '/v2/event-types/12', {
			key: sandbox.apiKeyFor('bailey'),
			version: V,
		});
		expect(bailey.json.data.bookingUrl).toBe('https://cal.com/bailey/30min');
	});

	it('creates a usage-based private link whose bookingUrl is /d/<link> without the slug', async () => {
		const res = await call(sandbox, '/v2/event-types/12/private-links', {
			method: 'POST',
			key: sandbox.apiKeyFor('bailey'),
			version: V,
			body: { maxUsageCount: 1 },
		});
		expect(res.status).toBe(201);
		expect(res.json.data).toMatchObject({
			eventTypeId: 12,
			isExpired: false,
			maxUsageCount: 1,
			usageCount: 0,
		});
		expect(res.json.data.bookingUrl).toBe(`https://cal.com/d/${String(res.json.data.linkId)}`);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it("answers 404 to a private link of someone else's event type", async () => {
		const res = await call(sandbox, '/v2/event-types/12/private-links', {
			method: 'POST',
			key: sandbox.apiKeyFor('lena'),
			version: V,
			body: { maxUsageCount: 1 },
		});
		expect(res.status).toBe(404);
		expect(res.json.error.message).toBe('Event type with id 12 not found');
	});
});
