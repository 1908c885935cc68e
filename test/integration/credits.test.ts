import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { NODE_NAME, runNode, WORKFLOW_ID } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

/** Like runCalCom, with the execution id n8n would give the run. */
async function runInExecution(
	sandbox: Sandbox,
	parameters: INodeParameters,
	executionId: string,
	inputItems?: IDataObject[],
	username = 'bailey',
): Promise<RunNodeResult> {
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters,
		credentials: credentialsFor(sandbox, username) as never,
		executionId,
		inputItems,
	});
}

const charge = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'credit',
	operation: 'charge',
	credits: 5,
	creditFor: 'SMS',
	...extra,
});

describe('Credit → Get Available', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('returns whether credits are left and both balances, flat', async () => {
		const result = await runCalCom(sandbox, { resource: 'credit', operation: 'getAvailable' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ hasCredits: true, monthlyRemaining: 500, additional: 100 }]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/credits/available']);
		expect(sandbox.requests[0].headers['cal-api-version']).toBeUndefined();
	});

	it("says so when the user has no credits, and gives Cal.com's answer with Output Raw", async () => {
		const none = await runCalCom(sandbox, { resource: 'credit', operation: 'getAvailable' }, { username: 'kenji' });
		expect(none.items[0].json).toEqual({ hasCredits: false, monthlyRemaining: 0, additional: 0 });
		const raw = await runCalCom(sandbox, { resource: 'credit', operation: 'getAvailable', output: 'raw' });
		expect(raw.items[0].json).toEqual({ hasCredits: true, balance: { monthlyRemaining: 500, additional: 100 } });
	});
});

describe('Credit → Charge', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('charges once and returns the remaining balance with the reference it used', async () => {
		const result = await runInExecution(sandbox, charge(), 'exec-1');
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				charged: true,
				credits: 5,
				creditFor: 'SMS',
				externalRef: `n8n-${WORKFLOW_ID}-exec-1-${NODE_NAME}-0-0`,
				teamId: null,
				monthlyRemaining: 495,
				additional: 100,
			},
		]);
		expect(sandbox.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/v2/credits/charge', { credits: 5, creditFor: 'SMS', externalRef: `n8n-${WORKFLOW_ID}-exec-1-${NODE_NAME}-0-0` }],
		]);
	});

	describe('R5 credit replays: the charge reference', () => {
		it('charges once when the same execution runs again, and again for a new execution', async () => {
			await runInExecution(sandbox, charge(), 'exec-replayed');
			const replay = await runInExecution(sandbox, charge(), 'exec-replayed');
			expect(replay.error).toBeUndefined();
			expect(replay.items[0].json).toMatchObject({ charged: true, monthlyRemaining: 495 });
			expect(sandbox.state.creditCharges).toHaveLength(1);
			expect(sandbox.requests).toHaveLength(2);

			await runInExecution(sandbox, charge(), 'exec-next');
			expect(sandbox.state.creditCharges).toHaveLength(2);
			expect(sandbox.state.credits.find((c) => c.userId === 1)?.monthlyRemaining).toBe(490);
		});

		it('charges every item of one execution once, each with its own reference', async () => {
			const first = await runInExecution(sandbox, charge({ credits: 1 }), 'exec-items', [{}, {}, {}]);
			expect(first.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			await runInExecution(sandbox, charge({ credits: 1 }), 'exec-items', [{}, {}, {}]);
			expect(sandbox.state.creditCharges.map((c) => c.externalRef)).toEqual([0, 1, 2].map((i) => `n8n-${WORKFLOW_ID}-exec-items-${NODE_NAME}-0-${i}`));
			expect(sandbox.state.credits.find((c) => c.userId === 1)?.monthlyRemaining).toBe(497);
		});

		it('charges a reference the user gave once, across executions', async () => {
			const params = charge({ credits: 2, creditFor: 'CAL_AI_PHONE_CALL', externalRef: '  call-7f3a  ' });
			await runInExecution(sandbox, params, 'exec-a');
			const second = await runInExecution(sandbox, params, 'exec-b');
			expect(second.items[0].json).toMatchObject({ charged: true, externalRef: 'call-7f3a', monthlyRemaining: 498 });
			expect(sandbox.state.creditCharges).toEqual([expect.objectContaining({ externalRef: 'call-7f3a', credits: 2, creditFor: 'CAL_AI_PHONE_CALL' })]);
		});
	});

	it('refuses fewer than 1 credit, or a fraction, before any request', async () => {
		for (const credits of [0, -3, 1.5]) {
			const result = await runCalCom(sandbox, charge({ credits }));
			expect(result.error?.message).toBe(`Credits: "${credits}" is not a number of credits (a whole number above 0).`);
		}
		expect(sandbox.requests).toEqual([]);
	});

	it("passes on Cal.com's refusal when the balance is too low, without charging or repeating", async () => {
		const result = await runCalCom(sandbox, charge({ credits: 6, creditFor: 'AI_AGENT' }), { username: 'lena' });
		expect(result.error?.message).toBe('Cal.com rejected the request: Insufficient credits to complete this charge');
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.state.creditCharges).toEqual([]);
	});

	it('does not repeat a charge that failed with a server error', async () => {
		sandbox.injectFault({ kind: '503', path: '/v2/credits/charge' });
		const result = await runCalCom(sandbox, charge());
		expect(result.error?.message).toMatch(/server error \(HTTP 503\)/);
		expect((result.error as { description?: string }).description).toMatch(/not repeated automatically/);
		expect(sandbox.requests).toHaveLength(1);
	});
});
