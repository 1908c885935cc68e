import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox, visibleText } from './helpers';

describe('User → Get', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('returns the user behind the API key, simplified, paired to its input', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'user', operation: 'get' },
			{ username: 'lena' },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			id: 2,
			username: 'lena',
			email: expect.stringContaining('@'),
			name: expect.any(String),
			timeZone: 'Europe/Berlin',
			defaultScheduleId: 2,
			weekStart: expect.any(String),
			timeFormat: expect.any(Number),
			organizationId: null,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/me']);
	});

	it("returns Cal.com's whole answer with Output Raw", async () => {
		const result = await runCalCom(sandbox, { resource: 'user', operation: 'get', output: 'raw' });
		expect(result.items[0].json).toMatchObject({
			username: 'bailey',
			avatarUrl: null,
			bio: 'Customer success lead, New York office.',
		});
	});

	it('runs once per input item', async () => {
		const result = await runCalCom(
			sandbox,
			{ resource: 'user', operation: 'get' },
			{ inputItems: [{}, {}, {}] },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(sandbox.requests).toHaveLength(3);
	});

	it('tells the user to check the key and base URL on a 401, without the key anywhere', async () => {
		const wrongKey = 'cal_live_ffffffffffffffffffffffffffffffff';
		const result = await runCalCom(
			sandbox,
			{ resource: 'user', operation: 'get' },
			{ apiKey: wrongKey },
		);
		expect(result.error?.message).toBe(
			'Cal.com did not accept the API key. Check the API key and the base URL (Cal.com instance) in the Cal.com API credential.',
		);
		// Cal.com's throttler refuses an unknown key before its auth guard runs.
		expect((result.error as { description?: string }).description).toContain(
			'Cal.com said: CustomThrottlerGuard - Invalid API Key',
		);
		expect(visibleText(result)).not.toContain(wrongKey);
		// A 401 is a definite answer: not retried.
		expect(sandbox.requests).toHaveLength(1);
	});
});
