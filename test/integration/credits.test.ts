import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { HARNESS_INSTANCE_ID, NODE_NAME, runNode, WORKFLOW_ID } from '../harness';
import type { Sandbox } from '../sandbox';
import { creditsOf } from '../sandbox/routes/credits';
import { credentialsFor, MARCH, runCalCom, useSandbox } from './helpers';

/** Like runCalCom, with the execution id n8n would give the run. */
async function runInExecution(
	sandbox: Sandbox,
	parameters: INodeParameters,
	executionId: string,
	inputItems?: IDataObject[],
	username = 'bailey',
	instanceId?: string,
): Promise<RunNodeResult> {
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters,
		credentials: credentialsFor(sandbox, username) as never,
		executionId,
		inputItems,
		instanceId,
	});
}

const charge = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'credit',
	operation: 'charge',
	credits: 5,
	creditFor: 'SMS',
	...extra,
});

/** The reference the node derives on the harness's n8n instance, for item 0 of run 0. */
const derived = (executionId: string, itemIndex = 0) =>
	`n8n-${HARNESS_INSTANCE_ID}-${WORKFLOW_ID}-${executionId}-${NODE_NAME}-0-${itemIndex}`;

/** Customer Success (team 100) pays for bailey, lena and kenji: its balance now. */
const teamBalance = (sandbox: Sandbox) =>
	creditsOf(sandbox.state, { teamId: 100 }, new Date(MARCH));

/** Lena leaves the team: a user in no team, who pays from her own 5 purchased credits. */
const lenaLeavesTheTeam = (sandbox: Sandbox) => {
	sandbox.state.teams[0].members = sandbox.state.teams[0].members.filter((m) => m.userId !== 2);
};

describe('Credit → Get Available', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it("returns whether credits can be spent and the user's own balance, which has no monthly credits", async () => {
		const result = await runCalCom(sandbox, { resource: 'credit', operation: 'getAvailable' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ hasCredits: true, balanceOf: 'user', monthlyRemaining: 0, additional: 0 },
		]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/credits/available',
		]);
		expect(sandbox.requests[0].headers['cal-api-version']).toBeUndefined();
		const lena = await runCalCom(
			sandbox,
			{ resource: 'credit', operation: 'getAvailable' },
			{ username: 'lena' },
		);
		expect(lena.items[0].json).toEqual({
			hasCredits: true,
			balanceOf: 'user',
			monthlyRemaining: 0,
			additional: 5,
		});
	});

	it("says no credits once a charge took the team to its limit, and gives Cal.com's answer with Output Raw", async () => {
		Object.assign(sandbox.state.credits.find((c) => c.teamId === 100) ?? {}, {
			monthlyCredits: 0,
			additional: 0,
		});
		await runCalCom(sandbox, charge({ credits: 1 }), { username: 'kenji' });
		const none = await runCalCom(
			sandbox,
			{ resource: 'credit', operation: 'getAvailable' },
			{ username: 'kenji' },
		);
		expect(none.items[0].json).toEqual({
			hasCredits: false,
			balanceOf: 'user',
			monthlyRemaining: 0,
			additional: 0,
		});
		const raw = await runCalCom(
			sandbox,
			{ resource: 'credit', operation: 'getAvailable', output: 'raw' },
			{ username: 'lena' },
		);
		expect(raw.items[0].json).toEqual({
			hasCredits: true,
			balance: { monthlyRemaining: 0, additional: 5 },
		});
	});
});

describe('Credit → Charge', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it("charges the user's team once and returns what the answer carries: accepted, the credits requested, the team and its balance", async () => {
		const result = await runInExecution(sandbox, charge(), 'exec-1');
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				accepted: true,
				creditsRequested: 5,
				creditFor: 'SMS',
				externalRef: derived('exec-1'),
				externalRefDerived: true,
				teamId: 100,
				balanceOf: 'team',
				monthlyRemaining: 495,
				additional: 100,
			},
		]);
		expect(sandbox.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				'/v2/credits/charge',
				{ credits: 5, creditFor: 'SMS', externalRef: derived('exec-1') },
			],
		]);
	});

	it("charges a user in no team from their own credits: no team named, the user's balance", async () => {
		lenaLeavesTheTeam(sandbox);
		const result = await runInExecution(
			sandbox,
			charge({ credits: 2, externalRef: 'sms-lena-1' }),
			'exec-lena',
			undefined,
			'lena',
		);
		expect(result.items[0].json).toEqual({
			accepted: true,
			creditsRequested: 2,
			creditFor: 'SMS',
			externalRef: 'sms-lena-1',
			externalRefDerived: false,
			teamId: null,
			balanceOf: 'user',
			monthlyRemaining: 0,
			additional: 3,
		});
	});

	it('reports a charge above the balance as Cal.com answers it: accepted, the credits requested, and the balance left (Cal.com took at most what was there)', async () => {
		lenaLeavesTheTeam(sandbox);
		const result = await runInExecution(
			sandbox,
			charge({ credits: 8, creditFor: 'AI_AGENT' }),
			'exec-short',
			undefined,
			'lena',
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			accepted: true,
			creditsRequested: 8,
			teamId: null,
			balanceOf: 'user',
			monthlyRemaining: 0,
			additional: 0,
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.state.creditCharges).toEqual([
			expect.objectContaining({ userId: 2, credits: 8 }),
		]);
	});

	describe('R5 credit replays: the charge reference', () => {
		it("charges once when the same execution runs again; the replay's answer names no team and carries the user's own balance", async () => {
			await runInExecution(sandbox, charge(), 'exec-replayed');
			const replay = await runInExecution(sandbox, charge(), 'exec-replayed');
			expect(replay.error).toBeUndefined();
			expect(replay.items[0].json).toMatchObject({
				accepted: true,
				creditsRequested: 5,
				teamId: null,
				balanceOf: 'user',
				monthlyRemaining: 0,
				additional: 0,
			});
			expect(sandbox.state.creditCharges).toHaveLength(1);
			expect(sandbox.requests).toHaveLength(2);
			expect(teamBalance(sandbox)).toEqual({ monthlyRemaining: 495, additional: 100 });

			await runInExecution(sandbox, charge(), 'exec-next');
			expect(sandbox.state.creditCharges).toHaveLength(2);
			expect(teamBalance(sandbox)).toEqual({ monthlyRemaining: 490, additional: 100 });
		});

		it('charges every item of one execution once, each with its own reference', async () => {
			const first = await runInExecution(sandbox, charge({ credits: 1 }), 'exec-items', [
				{},
				{},
				{},
			]);
			expect(first.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			await runInExecution(sandbox, charge({ credits: 1 }), 'exec-items', [{}, {}, {}]);
			expect(sandbox.state.creditCharges.map((c) => c.externalRef)).toEqual(
				[0, 1, 2].map((i) => derived('exec-items', i)),
			);
			expect(teamBalance(sandbox).monthlyRemaining).toBe(497);
		});

		it('charges a reference the user gave once, across executions', async () => {
			const params = charge({
				credits: 2,
				creditFor: 'CAL_AI_PHONE_CALL',
				externalRef: '  call-7f3a  ',
			});
			await runInExecution(sandbox, params, 'exec-a');
			const second = await runInExecution(sandbox, params, 'exec-b');
			expect(second.items[0].json).toMatchObject({
				accepted: true,
				externalRef: 'call-7f3a',
				externalRefDerived: false,
				teamId: null,
			});
			expect(sandbox.state.creditCharges).toEqual([
				expect.objectContaining({
					externalRef: 'call-7f3a',
					credits: 2,
					creditFor: 'CAL_AI_PHONE_CALL',
				}),
			]);
			expect(teamBalance(sandbox).monthlyRemaining).toBe(498);
		});

		it('derives different references on two n8n instances running the same workflow and execution, so both are charged', async () => {
			const first = await runInExecution(
				sandbox,
				charge(),
				'exec-1',
				undefined,
				'bailey',
				'instance-a',
			);
			const second = await runInExecution(
				sandbox,
				charge(),
				'exec-1',
				undefined,
				'lena',
				'instance-b',
			);
			expect([first.items[0].json.externalRef, second.items[0].json.externalRef]).toEqual([
				`n8n-instance-a-${WORKFLOW_ID}-exec-1-${NODE_NAME}-0-0`,
				`n8n-instance-b-${WORKFLOW_ID}-exec-1-${NODE_NAME}-0-0`,
			]);
			expect(second.items[0].json).toMatchObject({
				teamId: 100,
				balanceOf: 'team',
				monthlyRemaining: 490,
			});
			expect(sandbox.state.creditCharges.map((c) => c.userId)).toEqual([1, 2]);
		});

		it("charges nothing for a reference another Cal.com account used first, and says only what Cal.com's answer carries", async () => {
			await runInExecution(sandbox, charge({ externalRef: 'sms-shared' }), 'exec-bailey');
			lenaLeavesTheTeam(sandbox);
			const lena = await runInExecution(
				sandbox,
				charge({ externalRef: 'sms-shared' }),
				'exec-lena',
				undefined,
				'lena',
			);
			expect(lena.items[0].json).toMatchObject({
				accepted: true,
				teamId: null,
				balanceOf: 'user',
				monthlyRemaining: 0,
				additional: 5,
			});
			expect(sandbox.state.creditCharges).toEqual([
				expect.objectContaining({ userId: 1, externalRef: 'sms-shared' }),
			]);
		});
	});

	it('refuses fewer than 1 credit, or a fraction, before any request', async () => {
		for (const credits of [0, -3, 1.5]) {
			const result = await runCalCom(sandbox, charge({ credits }));
			expect(result.error?.message).toBe(
				`Credits: "${credits}" is not a number of credits (a whole number above 0).`,
			);
		}
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses to derive a reference when n8n gives the run no instance ID, before any request', async () => {
		const result = await runInExecution(sandbox, charge(), 'exec-1', undefined, 'bailey', '');
		expect(result.error?.message).toBe(
			'External Reference: n8n gave this run no instance ID, so no reference can be derived; set one so the charge cannot happen twice.',
		);
		expect(sandbox.requests).toEqual([]);
		const given = await runInExecution(
			sandbox,
			charge({ externalRef: 'sms-1' }),
			'exec-1',
			undefined,
			'bailey',
			'',
		);
		expect(given.items[0].json).toMatchObject({ accepted: true, externalRef: 'sms-1' });
	});

	it('does not repeat a charge that failed with a server error', async () => {
		sandbox.injectFault({ kind: '503', path: '/v2/credits/charge' });
		const result = await runCalCom(sandbox, charge());
		expect(result.error?.message).toMatch(/server error \(HTTP 503\)/);
		expect((result.error as { description?: string }).description).toMatch(
			/not repeated automatically/,
		);
		expect(sandbox.requests).toHaveLength(1);
	});
});
