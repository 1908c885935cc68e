import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import { credentialsFor, MARCH, useSandbox } from '../integration/helpers';
import { creditsOf } from '../sandbox/routes/credits';

const sandbox = useSandbox();
const charge = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'credit',
	operation: 'charge',
	credits: 5,
	creditFor: 'SMS',
	...extra,
});

async function run(
	parameters: INodeParameters,
	executionId: string,
	options: { inputItems?: IDataObject[]; username?: string; continueOnFail?: boolean } = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters,
		credentials: credentialsFor(sandbox(), options.username) as never,
		executionId,
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
}

const charges = (userId = 1) => sandbox().state.creditCharges.filter((c) => c.userId === userId);
/**
 * What left the paying balance: team 100's (600 credits) for bailey, lena's own 5 once she is
 * in no team (Cal.com charges a member's team, credit-service.ts).
 */
const spent = (userId = 1) => {
	const { monthlyRemaining, additional } = creditsOf(
		sandbox().state,
		userId === 1 ? { teamId: 100 } : { userId },
		new Date(MARCH),
	);
	return (userId === 1 ? 600 : 5) - monthlyRemaining - additional;
};
const lenaLeavesTheTeam = () => {
	sandbox().state.teams[0].members = sandbox().state.teams[0].members.filter((m) => m.userId !== 2);
};

describe('R5 credit replays: within one execution', () => {
	// Cal.com answers a replay with no team and the user's own balance, not the first charge's result.
	it('the same item replayed 3 times (Retry On Fail, a re-run execution) charges once, and every replay is accepted', async () => {
		const results = [];
		for (let replay = 0; replay < 3; replay++) results.push(await run(charge(), 'exec-retry'));
		expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
		const refs = results.map((r) => r.items[0].json.externalRef);
		expect(new Set(refs).size).toBe(1);
		expect(
			results.map((r) => [
				r.items[0].json.accepted,
				r.items[0].json.teamId,
				r.items[0].json.monthlyRemaining,
			]),
		).toEqual([
			[true, 100, 495],
			[true, null, 0],
			[true, null, 0],
		]);
		expect(charges()).toHaveLength(1);
		expect(spent()).toBe(5);
	});

	it('items that carry the same reference in one execution are charged once', async () => {
		const result = await run(
			charge({ externalRef: '={{ "sms-" + $json.bookingUid }}' }),
			'exec-same-ref',
			{
				inputItems: [{ bookingUid: 'bk1' }, { bookingUid: 'bk1' }, { bookingUid: 'bk1' }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.externalRef)).toEqual([
			'sms-bk1',
			'sms-bk1',
			'sms-bk1',
		]);
		expect(charges().map((c) => c.externalRef)).toEqual(['sms-bk1']);
		expect(spent()).toBe(5);
	});

	// Cal.com never refuses a charge for too few credits (it takes what is there), so the failing
	// item here is one the node refuses before sending.
	it('with Continue On Fail, an item that fails does not stop the others, and re-running charges nothing twice', async () => {
		lenaLeavesTheTeam();
		const items = [{ credits: 2 }, { credits: 0 }, { credits: 4 }];
		const params = charge({ credits: '={{ $json.credits }}' });
		const first = await run(params, 'exec-partial', {
			inputItems: items,
			username: 'lena',
			continueOnFail: true,
		});
		const outcome = (r: RunNodeResult) =>
			r.items.map((item) => item.json.accepted ?? item.json.error);
		expect(outcome(first)).toEqual([
			true,
			'Credits: "0" is not a number of credits (a whole number above 0).',
			true,
		]);
		// The third asked 4 of the 3 left: accepted all the same, and the balance is empty.
		expect(first.items[2].json).toMatchObject({
			creditsRequested: 4,
			monthlyRemaining: 0,
			additional: 0,
		});
		const again = await run(params, 'exec-partial', {
			inputItems: items,
			username: 'lena',
			continueOnFail: true,
		});
		expect(outcome(again)).toEqual(outcome(first));
		expect(charges(2)).toHaveLength(2);
		expect(spent(2)).toBe(5);
	});
});

describe('R5 credit replays: across executions', () => {
	it('references made from each item’s data charge once per distinct reference over several executions', async () => {
		const params = charge({ credits: 1, externalRef: '={{ "sms-" + $json.bookingUid }}' });
		await run(params, 'exec-a', {
			inputItems: [{ bookingUid: 'a' }, { bookingUid: 'b' }, { bookingUid: 'a' }],
		});
		await run(params, 'exec-b', { inputItems: [{ bookingUid: 'b' }, { bookingUid: 'c' }] });
		await run(params, 'exec-c', { inputItems: [{ bookingUid: 'c' }, { bookingUid: 'a' }] });
		expect(charges().map((c) => c.externalRef)).toEqual(['sms-a', 'sms-b', 'sms-c']);
		expect(spent()).toBe(3);
	});

	it('a replay of a reference with another amount charges nothing more', async () => {
		await run(charge({ externalRef: 'call-1' }), 'exec-1');
		await run(charge({ externalRef: 'call-1', credits: 7 }), 'exec-2');
		expect(charges()).toEqual([expect.objectContaining({ externalRef: 'call-1', credits: 5 })]);
		expect(spent()).toBe(5);
	});
});

describe('R5 credit replays: concurrent charges', () => {
	it('8 executions charging the same reference at once: one charge, and all 8 succeed', async () => {
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				run(charge({ externalRef: 'sms-concurrent' }), `exec-par-${i}`),
			),
		);
		expect(results.map((r) => r.error)).toEqual(Array.from({ length: 8 }, () => undefined));
		expect(results.every((r) => r.items[0].json.accepted === true)).toBe(true);
		expect(charges()).toHaveLength(1);
		expect(spent()).toBe(5);
		expect(sandbox().requests.filter((r) => r.path === '/v2/credits/charge')).toHaveLength(8);
	});

	it('8 executions at once with derived references charge 8 times, and replaying all 8 at once charges none again', async () => {
		const runAll = () =>
			Promise.all(
				Array.from({ length: 8 }, (_, i) => run(charge({ credits: 1 }), `exec-derived-${i}`)),
			);
		await runAll();
		expect(charges()).toHaveLength(8);
		expect(new Set(charges().map((c) => c.externalRef)).size).toBe(8);
		await runAll();
		expect(charges()).toHaveLength(8);
		expect(spent()).toBe(8);
	});
});
