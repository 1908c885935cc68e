import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { expectOnlyValidRequests, MARCH } from './helpers';
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
});
