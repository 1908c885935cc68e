import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultKind, FaultSpec } from '../sandbox';
import { useSandbox } from '../integration/helpers';
import { activate, deactivate, nodeData, triggerOptions } from '../integration/trigger-helpers';
import { runWebhookMethod } from '../harness';
import {
	AMBIGUOUS_KINDS,
	expectNoKeyIn,
	fault,
	FAULT_KINDS,
	NOT_REPEATED,
	THROTTLE_KINDS,
	TIMEOUT_SECONDS,
	unansweredMessage,
} from './faults';

const sandbox = useSandbox();
const parameters: INodeParameters = {
	events: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
	scope: 'user',
};
const URL = 'http://127.0.0.1:5678/webhook/harness-webhook-id/webhook';

/**
 * Within the trigger's Timeout (default 30 s) a slow answer is waited out: here 'timeout' is an
 * answer held 0.3 s. The Timeout option's own suite, below, holds answers until the trigger gives up.
 */
function triggerFault(
	kind: FaultKind,
	method: string,
	path: string | RegExp,
	extra: Partial<FaultSpec> = {},
): FaultSpec {
	return fault(kind, method, path, kind === 'timeout' ? { delayMs: 300, ...extra } : extra);
}

function expectOneWebhookHeldBy(staticData: IDataObject): void {
	expect(sandbox().state.webhooks).toHaveLength(1);
	const [hook] = sandbox().state.webhooks;
	expect(hook).toMatchObject({
		subscriberUrl: URL,
		active: true,
		id: nodeData(staticData).webhookId,
		secret: nodeData(staticData).secret,
	});
}

async function errorOf(
	promise: Promise<unknown>,
): Promise<{ message: string; description: string; text: string }> {
	const error = (await promise.then(
		() => undefined,
		(e: unknown) => e,
	)) as { message?: string; description?: string } | undefined;
	expect(error).toBeDefined();
	return {
		message: String(error?.message),
		description: String(error?.description ?? ''),
		text: JSON.stringify(error) + String(error?.message),
	};
}

describe('R1 faults × trigger checkExists', () => {
	it.each(FAULT_KINDS)(
		'%s on listing the webhooks: it retries (or waits), and still finds ours',
		async (kind) => {
			const { staticData } = await activate(sandbox(), { parameters });
			sandbox().requests.length = 0;
			sandbox().injectFault(triggerFault(kind, 'GET', '/v2/webhooks'));
			const check = await runWebhookMethod(
				triggerOptions(sandbox(), { parameters, staticData }),
				'checkExists',
			);
			expect(check.result).toBe(true);
			expect(sandbox().requests.map((r) => r.fault ?? r.status)).toEqual(
				kind === 'timeout' ? ['timeout'] : [kind, 200],
			);
			expectOneWebhookHeldBy(staticData);
		},
	);
});

describe('R1 faults × trigger create', () => {
	it.each([...THROTTLE_KINDS, 'timeout' as const])(
		'%s on registering: it waits or retries, and exactly one webhook is ours',
		async (kind) => {
			sandbox().injectFault(triggerFault(kind, 'POST', '/v2/webhooks'));
			const { staticData, created } = await activate(sandbox(), { parameters });
			expect(created).toBe(true);
			expectOneWebhookHeldBy(staticData);
			expect((await activate(sandbox(), { parameters, staticData })).created).toBe(false);
		},
	);

	it.each(AMBIGUOUS_KINDS)(
		'%s before Cal.com registered it: a clear error, no webhook; activating again registers one',
		async (kind) => {
			sandbox().injectFault(triggerFault(kind, 'POST', '/v2/webhooks'));
			const failed = await errorOf(activate(sandbox(), { parameters }));
			expect(failed.message).toMatch(unansweredMessage(kind, 'POST /v2/webhooks'));
			expect(failed.description).toMatch(NOT_REPEATED);
			expectNoKeyIn(sandbox(), failed.text);
			expect(sandbox().state.webhooks).toEqual([]);

			const { staticData } = await activate(sandbox(), { parameters });
			expectOneWebhookHeldBy(staticData);
		},
	);

	it.each(AMBIGUOUS_KINDS)(
		'%s after Cal.com registered it: a clear error; activating again adopts it (409), no second webhook',
		async (kind) => {
			sandbox().injectFault(triggerFault(kind, 'POST', '/v2/webhooks', { afterProcessing: true }));
			const failed = await errorOf(activate(sandbox(), { parameters }));
			expect(failed.message).toMatch(unansweredMessage(kind, 'POST /v2/webhooks'));
			expectNoKeyIn(sandbox(), failed.text, sandbox().state.webhooks[0]?.secret ?? 'no secret');
			expect(sandbox().state.webhooks).toHaveLength(1);
			const leftOver = sandbox().state.webhooks[0].id;

			const { staticData } = await activate(sandbox(), { parameters });
			expectOneWebhookHeldBy(staticData);
			expect(nodeData(staticData).webhookId).toBe(leftOver);
			expect(
				sandbox()
					.requests.filter((r) => r.method === 'POST')
					.map((r) => r.fault ?? r.status),
			).toEqual([kind, 409]);
		},
	);
});

describe('R1 faults × trigger delete', () => {
	const cases: Array<[FaultKind, boolean]> = [
		...FAULT_KINDS.map((kind): [FaultKind, boolean] => [kind, false]),
		...AMBIGUOUS_KINDS.map((kind): [FaultKind, boolean] => [kind, true]),
	];
	it.each(cases)(
		'%s (after processing: %s) on removing: it retries (or waits), the webhook is gone and nothing is left to retry',
		async (kind, afterProcessing) => {
			const { staticData } = await activate(sandbox(), { parameters });
			const id = String(nodeData(staticData).webhookId);
			sandbox().injectFault(
				triggerFault(
					kind,
					'DELETE',
					`/v2/webhooks/${id}`,
					afterProcessing ? { afterProcessing } : {},
				),
			);
			const gone = await deactivate(sandbox(), { parameters, staticData });
			expect(gone.result).toBe(true);
			expect(sandbox().state.webhooks).toEqual([]);
			expect(nodeData(gone.staticData)).toEqual({});
			const deletes = sandbox().requests.filter((r) => r.method === 'DELETE');
			// A removal that went through before its answer was lost is found gone (404) on the retry.
			expect(deletes.map((r) => r.fault ?? r.status)).toEqual(
				kind === 'timeout' ? ['timeout'] : [kind, afterProcessing ? 404 : 200],
			);
		},
	);
});

describe('R1 faults × trigger, past its Timeout option', () => {
	// The held answer waits until the trigger gives up (fault() without delayMs).
	const timed: INodeParameters = { ...parameters, options: { timeoutSeconds: TIMEOUT_SECONDS } };
	const held = (method: string, extra: Partial<FaultSpec> = {}) =>
		fault('timeout', method, '/v2/webhooks', extra);

	it('listing the webhooks: gives up after its Timeout, asks again, and still finds ours', async () => {
		const { staticData } = await activate(sandbox(), { parameters: timed });
		sandbox().requests.length = 0;
		sandbox().injectFault(held('GET'));
		const check = await runWebhookMethod(
			triggerOptions(sandbox(), { parameters: timed, staticData }),
			'checkExists',
		);
		expect(check.result).toBe(true);
		expect(sandbox().requests.map((r) => r.fault ?? r.status)).toEqual(['timeout', 200]);
	});

	it('registering: a clear error after its Timeout, never a second POST; activating again adopts what Cal.com made', async () => {
		sandbox().injectFault(held('POST'));
		const failed = await errorOf(activate(sandbox(), { parameters: timed }));
		expect(failed.message).toBe(
			`Cal.com did not answer POST /v2/webhooks within ${TIMEOUT_SECONDS} s`,
		);
		expect(failed.description).toMatch(NOT_REPEATED);
		// The held request was processed: Cal.com has the webhook though the answer never came.
		expect(sandbox().state.webhooks).toHaveLength(1);

		const { staticData } = await activate(sandbox(), { parameters: timed });
		expectOneWebhookHeldBy(staticData);
		expect(
			sandbox()
				.requests.filter((r) => r.method === 'POST')
				.map((r) => r.fault ?? r.status),
		).toEqual(['timeout', 409]);
	});
});
