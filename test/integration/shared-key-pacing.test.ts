import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, MARCH, runCalCom } from './helpers';
import { runSharedKeyLoad } from './shared-key-load';

// Executions running at once in one n8n process, all with one API key, share one rate-limit
// budget: each counts the others' requests still in flight against what Cal.com says is left
// (nodes/CalCom/transport/budget.ts), so none oversteps the limit at a window's end. The sandbox
// counts as Cal.com's throttler does (test/sandbox/rate-limit.ts): 120 per window, scaled by 0.05
// to a 3 s window, so 4 × 100 creates (and a few reads) take about four windows.
describe('executions sharing one API key in one process', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ now: MARCH, timeScale: 0.05, rateLimit: 120 });
	});
	afterAll(async () => await sandbox.close());

	it('4 executions × 100 booking creates at once: no 429 from Cal.com, no failed item, no booking twice', async () => {
		const outcome = await runSharedKeyLoad(sandbox, { executions: 4, createsEach: 100 });
		expect(outcome).toMatchObject({
			sandbox429: 0,
			failedItems: 0,
			duplicates: 0,
			bookings: 400,
		});
		// More than one window's worth: the executions really met the limit together.
		expect(outcome.requests).toBeGreaterThan(120 * 3);
		expectOnlyValidRequests(sandbox);
	}, 180_000);

	// The editor keeps the option between 0 and 50; a workflow written by hand or imported may not.
	it('refuses a Rate Limit Reserve outside 0–50 before any request, naming the option', async () => {
		sandbox.reset();
		const result = await runCalCom(sandbox, {
			resource: 'user',
			operation: 'get',
			options: { rateLimitReserve: 80 },
		});
		expect(result.error?.message).toBe(
			'Rate Limit Reserve (%): the number 80 is not a share of the rate limit; give a number from 0 to 50 (percent).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('takes a Rate Limit Reserve of 0 to 50', async () => {
		sandbox.reset();
		for (const rateLimitReserve of [0, 50]) {
			const result = await runCalCom(sandbox, {
				resource: 'user',
				operation: 'get',
				options: { rateLimitReserve },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ username: 'bailey' });
		}
	});
});
