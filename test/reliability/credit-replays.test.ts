import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import { credentialsFor, useSandbox } from '../integration/helpers';

const sandbox = useSandbox();
const charge = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'credit', operation: 'charge', credits: 5, creditFor: 'SMS', ...extra });

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
const spent = (userId = 1) => {
	const balance = sandbox().state.credits.find((c) => c.userId === userId);
	const start = userId === 1 ? 600 : 5;
	return start - (balance ? balance.monthlyRemaining + balance.additional : 0);
};

describe('R5 credit replays: within one execution', () => {
	it('the same item replayed 3 times (Retry On Fail, a re-run execution) charges once, and every replay reports that charge', async () => {
		const results = [];
		for (let replay = 0; replay < 3; replay++) results.push(await run(charge(), 'exec-retry'));
		expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
		const refs = results.map((r) => r.items[0].json.externalRef);
		expect(new Set(refs).size).toBe(1);
		expect(results.map((r) => r.items[0].json.monthlyRemaining)).toEqual([495, 495, 495]);
		expect(charges()).toHaveLength(1);
		expect(spent()).toBe(5);
	});

	it('items that carry the same reference in one execution are charged once', async () => {
		const result = await run(charge({ externalRef: '={{ "sms-" + $json.bookingUid }}' }), 'exec-same-ref', {
			inputItems: [{ bookingUid: 'bk1' }, { bookingUid: 'bk1' }, { bookingUid: 'bk1' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.externalRef)).toEqual(['sms-bk1', 'sms-bk1', 'sms-bk1']);
		expect(charges().map((c) => c.externalRef)).toEqual(['sms-bk1']);
		expect(spent()).toBe(5);
	});

	it('with Continue On Fail, an item refused for too few credits does not stop the others, and re-running charges nothing twice', async () => {
		const items = [{}, {}, {}];
		const first = await run(charge({ credits: 2 }), 'exec-partial', { inputItems: items, username: 'lena', continueOnFail: true });
		expect(first.items.map((item) => item.json.charged ?? item.json.error)).toEqual([true, true, 'Cal.com rejected the request: Insufficient credits to complete this charge']);
		const again = await run(charge({ credits: 2 }), 'exec-partial', { inputItems: items, username: 'lena', continueOnFail: true });
		expect(again.items.map((item) => item.json.charged ?? item.json.error)).toEqual(first.items.map((item) => item.json.charged ?? item.json.error));
		expect(charges(2)).toHaveLength(2);
		expect(spent(2)).toBe(4);
	});
});

describe('R5 credit replays: across executions', () => {
	it('references made from each item’s data charge once per distinct reference over several executions', async () => {
		const params = charge({ credits: 1, externalRef: '={{ "sms-" + $json.bookingUid }}' });
		await run(params, 'exec-a', { inputItems: [{ bookingUid: 'a' }, { bookingUid: 'b' }, { bookingUid: 'a' }] });
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
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(charge({ externalRef: 'sms-concurrent' }), `exec-par-${i}`)));
		expect(results.map((r) => r.error)).toEqual(Array.from({ length: 8 }, () => undefined));
		expect(results.every((r) => r.items[0].json.charged === true)).toBe(true);
		expect(charges()).toHaveLength(1);
		expect(spent()).toBe(5);
		expect(sandbox().requests.filter((r) => r.path === '/v2/credits/charge')).toHaveLength(8);
	});

	it('8 executions at once with derived references charge 8 times, and replaying all 8 at once charges none again', async () => {
		const runAll = () => Promise.all(Array.from({ length: 8 }, (_, i) => run(charge({ credits: 1 }), `exec-derived-${i}`)));
		await runAll();
		expect(charges()).toHaveLength(8);
		expect(new Set(charges().map((c) => c.externalRef)).size).toBe(8);
		await runAll();
		expect(charges()).toHaveLength(8);
		expect(spent()).toBe(8);
	});
});
