import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../integration/helpers';
import {
	activate,
	captureLogs,
	deactivate,
	nodeData,
	webhooksAt,
} from '../integration/trigger-helpers';

const sandbox = useSandbox();
const base: INodeParameters = { events: ['BOOKING_CREATED', 'BOOKING_CANCELLED'], scope: 'user' };
const eventType = (id: number): INodeParameters => ({
	...base,
	scope: 'eventType',
	eventTypeId: { __rl: true, mode: 'id', value: String(id) },
});

/** Cal.com's webhooks whose URL is one of this node's (the harness gives every trigger the same path). */
const ours = (baseUrl = 'http://127.0.0.1:5678/webhook') =>
	sandbox().state.webhooks.filter((w) => w.subscriberUrl.startsWith(`${baseUrl}/`));

describe('R4 lifecycle: many cycles', () => {
	it('12 activate/restart/deactivate cycles moving between the user and two event types: one webhook, in the right scope, after each step', async () => {
		const scopes: Array<[INodeParameters, IDataObject]> = [
			[base, { userId: 1 }],
			[eventType(11), { eventTypeId: 11 }],
			[eventType(12), { eventTypeId: 12 }],
		];
		let staticData: IDataObject | undefined;
		for (let cycle = 0; cycle < 12; cycle++) {
			const [parameters, where] = scopes[cycle % scopes.length];
			({ staticData } = await activate(sandbox(), { parameters, staticData }));
			expect(sandbox().state.webhooks).toHaveLength(1);
			expect(webhooksAt(sandbox(), where)).toHaveLength(1);
			expect((await activate(sandbox(), { parameters, staticData })).created).toBe(false);
			expect(sandbox().state.webhooks).toHaveLength(1);
			if (cycle % 2 === 0) {
				({ staticData } = await deactivate(sandbox(), { parameters, staticData }));
				expect(sandbox().state.webhooks).toEqual([]);
			}
		}
		await deactivate(sandbox(), { parameters: scopes[11 % 3][0], staticData });
		expect(sandbox().state.webhooks).toEqual([]);
	});

	it('10 changes of the event set while active: each replaces the webhook (new id and secret), never two at once', async () => {
		const sets = [
			['BOOKING_CREATED'],
			['BOOKING_CREATED', 'BOOKING_RESCHEDULED'],
			['MEETING_ENDED'],
			['BOOKING_CANCELLED', 'BOOKING_REJECTED', 'BOOKING_REQUESTED'],
			['OOO_CREATED'],
			['BOOKING_PAID', 'BOOKING_PAYMENT_INITIATED'],
			['FORM_SUBMITTED'],
			['BOOKING_CREATED', 'BOOKING_CANCELLED'],
			['RECORDING_READY'],
			['BOOKING_NO_SHOW_UPDATED'],
		];
		let staticData: IDataObject | undefined;
		const seen = new Set<string>();
		for (const events of sets) {
			const parameters = { ...base, events };
			({ staticData } = await activate(sandbox(), { parameters, staticData }));
			expect(sandbox().state.webhooks).toHaveLength(1);
			const [hook] = sandbox().state.webhooks;
			expect([...hook.triggers].sort()).toEqual([...events].sort());
			expect(hook).toMatchObject({
				id: nodeData(staticData).webhookId,
				secret: nodeData(staticData).secret,
			});
			expect(seen.has(hook.id)).toBe(false);
			seen.add(hook.id);
		}
		await deactivate(sandbox(), { parameters: { ...base, events: sets[9] }, staticData });
		expect(sandbox().state.webhooks).toEqual([]);
	});
});

describe('R4 lifecycle: stale subscriptions', () => {
	it('static data lost before each of 8 activations: the stale webhook is adopted (409) every time, never duplicated', async () => {
		const first = await activate(sandbox(), { parameters: base });
		const id = String(nodeData(first.staticData).webhookId);
		let last = first.staticData;
		for (let cycle = 0; cycle < 8; cycle++) {
			// n8n lost the workflow's static data (restored backup, re-imported workflow).
			const events = cycle % 2 ? base.events : ['BOOKING_CREATED'];
			const again = await activate(sandbox(), { parameters: { ...base, events } });
			expect(again.created).toBe(true);
			expect(sandbox().state.webhooks).toHaveLength(1);
			expect(sandbox().state.webhooks[0]).toMatchObject({
				id,
				secret: nodeData(again.staticData).secret,
			});
			expect(nodeData(again.staticData).secret).not.toBe(nodeData(last).secret);
			last = again.staticData;
		}
		expect(
			sandbox()
				.requests.filter((r) => r.method === 'POST')
				.map((r) => r.status),
		).toEqual([201, ...Array.from({ length: 8 }, () => 409)]);
		await deactivate(sandbox(), { parameters: base, staticData: last });
		expect(sandbox().state.webhooks).toEqual([]);
	});

	it('another workflow’s trigger in the same scope is never touched by 6 cycles of this one', async () => {
		const otherUrl = 'http://127.0.0.1:5679/webhook';
		const other = await activate(sandbox(), { parameters: base, webhookBaseUrl: otherUrl });
		const theirs = { ...ours(otherUrl)[0] };
		let staticData: IDataObject | undefined;
		for (let cycle = 0; cycle < 6; cycle++) {
			const parameters = cycle % 2 ? base : { ...base, events: ['MEETING_STARTED'] };
			({ staticData } = await activate(sandbox(), { parameters, staticData }));
			expect(ours()).toHaveLength(1);
			({ staticData } = await deactivate(sandbox(), { parameters, staticData }));
			expect(ours()).toHaveLength(0);
			expect(ours(otherUrl)).toEqual([theirs]);
		}
		await deactivate(sandbox(), {
			parameters: base,
			staticData: other.staticData,
			webhookBaseUrl: otherUrl,
		});
		expect(sandbox().state.webhooks).toEqual([]);
	});

	it('a webhook whose removal keeps failing is retried on each deactivation and given up after 5, with an error naming it', async () => {
		const { staticData } = await activate(sandbox(), { parameters: base });
		const id = String(nodeData(staticData).webhookId);
		// Each removal is one DELETE and its two retries.
		sandbox().injectFault({ kind: '503', method: 'DELETE', path: `/v2/webhooks/${id}`, count: 15 });
		const logs = captureLogs();
		let data = staticData;
		try {
			for (let attempt = 1; attempt <= 5; attempt++) {
				const result = await deactivate(sandbox(), { parameters: base, staticData: data });
				data = result.staticData;
				expect(result.result).toBe(attempt === 5);
				expect(nodeData(data).orphans).toEqual(
					attempt < 5
						? [{ basePath: '/v2/webhooks', webhookId: id, attempts: attempt }]
						: undefined,
				);
			}
		} finally {
			logs.restore();
		}
		expect(logs.lines).toContainEqual(
			expect.objectContaining({
				level: 'error',
				message: `Gave up removing Cal.com webhook ${id} after 5 attempts: remove it in Cal.com`,
			}),
		);
		expect(sandbox().requests.filter((r) => r.method === 'DELETE')).toHaveLength(15);
		// Once Cal.com answers again, an activation replaces it: never two.
		const next = await activate(sandbox(), { parameters: base, staticData: data });
		expect(sandbox().state.webhooks).toHaveLength(1);
		expect(sandbox().state.webhooks[0].id).toBe(nodeData(next.staticData).webhookId);
	});
});
