import { createHash, createHmac } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RecordedResponse } from '../harness';
import { examplePayload } from '../sandbox/webhook-delivery';
import { useSandbox } from './helpers';
import {
	activate,
	answerBodyLikeN8n,
	deliver,
	nodeData,
	startReceiver,
	STATIC_KEY,
} from './trigger-helpers';
import type { Receiver, TriggerSetup } from './trigger-helpers';

const sandbox = useSandbox();
const SECRET = 'a3f1c9e2b7d84f60a1e5c3b9d7f2e4a6c8b0d2f4e6a8c0b2d4f6e8a0c2b4d6f8';
const staticData: IDataObject = {
	[STATIC_KEY]: {
		webhookId: '6c1b7d0e-2f4a-4e8b-9c3d-5a7f1e2b4c6d',
		secret: SECRET,
		scopeKey: 'user',
	},
};
const parameters: INodeParameters = {
	events: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
	scope: 'user',
};

const created = {
	triggerEvent: 'BOOKING_CREATED',
	createdAt: '2027-03-01T09:00:00.000Z',
	payload: { uid: 'bk1', title: 'Intro call', attendees: [{ name: 'Ada' }] },
};
const raw = (body: unknown) => Buffer.from(JSON.stringify(body));
const hmac = (secret: string, bytes: Buffer, encoding: 'hex' | 'base64' = 'hex') =>
	createHmac('sha256', secret).update(bytes).digest(encoding);

async function post(
	headers: Record<string, string>,
	body: unknown = created,
	rawBody = raw(body),
	params: INodeParameters = parameters,
	data = staticData,
) {
	return await deliver(
		sandbox(),
		{ parameters: params, staticData: data },
		{ body, headers, rawBody },
	);
}

/** What n8n's body parser would hand over: the JSON, or nothing when the bytes do not parse. */
function parsedOrNothing(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8')) as unknown;
	} catch {
		return {};
	}
}

function expectRefused(result: {
	response: { workflowData?: unknown; noWebhookResponse?: boolean };
	recorded: RecordedResponse;
}) {
	expect(result.response.workflowData).toBeUndefined();
	expect(result.response.noWebhookResponse).toBe(true);
	expect(result.recorded.statusCode).toBe(401);
}

describe('R3 forgery: Cal.com Trigger signature verification', () => {
	it('starts the workflow for a valid signature, with triggerEvent, createdAt and the payload at the top level', async () => {
		const result = await post({
			'X-Cal-Signature-256': hmac(SECRET, raw(created)),
			'X-Cal-Webhook-Version': '2021-10-20',
		});
		expect(result.response.workflowData?.[0].map((item) => item.json)).toEqual([
			{
				triggerEvent: 'BOOKING_CREATED',
				createdAt: '2027-03-01T09:00:00.000Z',
				uid: 'bk1',
				title: 'Intro call',
				attendees: [{ name: 'Ada' }],
			},
		]);
	});

	// n8n sends the declared responseData, or when none is declared the text "firstEntryJson";
	// the trigger declares it empty so that n8n sends the trigger's own small JSON answer.
	it('answers a delivery that starts the workflow with {"received": true}, as n8n sends it', async () => {
		const result = await post({ 'x-cal-signature-256': hmac(SECRET, raw(created)) });
		expect(result.response.workflowData).toHaveLength(1);
		expect(result.recorded.statusCode).toBe(200);
		expect(answerBodyLikeN8n(result.response)).toEqual({ received: true });
	});

	const tampered = { ...created, payload: { ...created.payload, title: 'Free call' } };
	it.each([
		['a wrong secret', { 'x-cal-signature-256': hmac('not-the-secret', raw(created)) }, created],
		['a tampered body', { 'x-cal-signature-256': hmac(SECRET, raw(created)) }, tampered],
		['no signature header', {}, created],
		['an empty signature header', { 'x-cal-signature-256': '' }, created],
		['no-secret-provided', { 'x-cal-signature-256': 'no-secret-provided' }, created],
		[
			'upper-case hex',
			{ 'x-cal-signature-256': hmac(SECRET, raw(created)).toUpperCase() },
			created,
		],
		['base64', { 'x-cal-signature-256': hmac(SECRET, raw(created), 'base64') }, created],
		[
			'a sha256= prefix',
			{ 'x-cal-signature-256': `sha256=${hmac(SECRET, raw(created))}` },
			created,
		],
		[
			'a truncated signature',
			{ 'x-cal-signature-256': hmac(SECRET, raw(created)).slice(0, 62) },
			created,
		],
	])('answers 401 and starts nothing for %s', async (_case, headers, body) => {
		expectRefused(await post(headers, body));
	});

	const body = raw(created);
	const signature = hmac(SECRET, body);
	const otherPayload = {
		...created,
		payload: { ...created.payload, uid: 'bk-forged', title: 'Free call' },
	};
	it.each([
		[
			'a truncated body (signature of the whole)',
			{ 'x-cal-signature-256': signature },
			body.subarray(0, body.length - 5),
		],
		[
			'an extended body (bytes appended after the signed JSON)',
			{ 'x-cal-signature-256': signature },
			Buffer.concat([body, Buffer.from(' ')]),
		],
		[
			'an extended body (a field added)',
			{ 'x-cal-signature-256': signature },
			raw({ ...created, extra: true }),
		],
		[
			'HMAC-SHA1 (another algorithm)',
			{ 'x-cal-signature-256': createHmac('sha1', SECRET).update(body).digest('hex') },
			body,
		],
		[
			'HMAC-SHA512 (another algorithm)',
			{ 'x-cal-signature-256': createHmac('sha512', SECRET).update(body).digest('hex') },
			body,
		],
		[
			'a plain SHA-256 of the body (no key)',
			{ 'x-cal-signature-256': createHash('sha256').update(body).digest('hex') },
			body,
		],
		['an HMAC keyed with the empty secret', { 'x-cal-signature-256': hmac('', body) }, body],
		[
			'mixed-case hex',
			{
				'x-cal-signature-256': signature.replace(/[a-f]/g, (c, i: number) =>
					i % 2 ? c.toUpperCase() : c,
				),
			},
			body,
		],
		['the secret in upper case', { 'x-cal-signature-256': hmac(SECRET.toUpperCase(), body) }, body],
		['the signature padded with spaces', { 'x-cal-signature-256': ` ${signature} ` }, body],
		[
			'the signature twice (a repeated header)',
			{ 'x-cal-signature-256': [signature, signature] as unknown as string },
			body,
		],
		[
			"a replay of a real delivery's signature with an altered payload",
			{ 'x-cal-signature-256': signature },
			raw(otherPayload),
		],
		[
			'a signature of the body re-serialised differently (keys re-ordered)',
			{
				'x-cal-signature-256': hmac(
					SECRET,
					raw({
						payload: created.payload,
						createdAt: created.createdAt,
						triggerEvent: created.triggerEvent,
					}),
				),
			},
			body,
		],
	])('answers 401 and starts nothing for %s', async (_case, headers, bytes) => {
		expectRefused(await post(headers, parsedOrNothing(bytes), bytes));
	});

	it('accepts the signature under any header-name case (HTTP header names are case-insensitive), and only for the exact bytes', async () => {
		const result = await post({ 'X-CAL-SIGNATURE-256': signature }, created, body);
		expect(result.response.workflowData?.[0][0].json).toMatchObject({ uid: 'bk1' });
		expectRefused(
			await post({ 'X-CAL-SIGNATURE-256': signature }, otherPayload, raw(otherPayload)),
		);
	});

	it('answers 401 when it holds no secret, whatever the delivery says (it never trusts unsigned deliveries)', async () => {
		const noSecret = { [STATIC_KEY]: { webhookId: 'x' } };
		expectRefused(
			await post(
				{ 'x-cal-signature-256': 'no-secret-provided' },
				created,
				raw(created),
				parameters,
				noSecret,
			),
		);
		expectRefused(
			await post(
				{ 'x-cal-signature-256': hmac('', raw(created)) },
				created,
				raw(created),
				parameters,
				noSecret,
			),
		);
	});

	it('verifies the raw bytes, not re-serialised JSON (whitespace and key order as sent)', async () => {
		const bytes = Buffer.from(
			'{ "createdAt":"2027-03-01T09:00:00.000Z",\n  "triggerEvent":"BOOKING_CREATED", "payload":{"uid":"bk2"} }',
		);
		const result = await post(
			{ 'x-cal-signature-256': hmac(SECRET, bytes) },
			JSON.parse(bytes.toString()),
			bytes,
		);
		expect(result.response.workflowData?.[0][0].json).toEqual({
			triggerEvent: 'BOOKING_CREATED',
			createdAt: '2027-03-01T09:00:00.000Z',
			uid: 'bk2',
		});
		expectRefused(
			await post(
				{ 'x-cal-signature-256': hmac(SECRET, raw(JSON.parse(bytes.toString()))) },
				JSON.parse(bytes.toString()),
				bytes,
			),
		);
	});
});

describe('Cal.com Trigger: PING, other events and raw output', () => {
	const ping = {
		triggerEvent: 'PING',
		createdAt: '2027-03-01T09:00:00.000Z',
		payload: examplePayload('PING'),
	};

	it('answers a signed PING with 200 and starts nothing by default', async () => {
		const result = await post({ 'x-cal-signature-256': hmac(SECRET, raw(ping)) }, ping);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.response.noWebhookResponse).toBeUndefined();
		expect(result.response.webhookResponse).toEqual({
			message: 'Ping received; the workflow was not started',
		});
		expect(answerBodyLikeN8n(result.response)).toEqual({
			message: 'Ping received; the workflow was not started',
		});
		expect(result.recorded.statusCode).toBe(200);
	});

	it('starts the workflow on PING when "Start Workflow on Ping" is on, but only when signed with the trigger’s secret', async () => {
		const withPing = { ...parameters, options: { startOnPing: true } };
		const result = await post(
			{ 'x-cal-signature-256': hmac(SECRET, raw(ping)) },
			ping,
			raw(ping),
			withPing,
		);
		expect(result.response.workflowData?.[0][0].json).toMatchObject({
			triggerEvent: 'PING',
			title: 'Test trigger event',
			type: 'Test',
		});
		// Cal.com's own Ping test is unsigned: answered 200 (its form shows success), nothing runs.
		const unsigned = await post(
			{ 'x-cal-signature-256': 'no-secret-provided' },
			ping,
			raw(ping),
			withPing,
		);
		expect(unsigned.response.workflowData).toBeUndefined();
		expect(unsigned.recorded.statusCode).toBe(200);
		expect(unsigned.response.webhookResponse).toEqual({
			message:
				'Ping received. Cal.com signs its Ping test with the secret typed into the webhook form, usually none, so it arrived unsigned; the workflow was not started (Start Workflow on Ping starts it only for a ping signed with this trigger’s secret)',
		});
		expectRefused(
			await post(
				{ 'x-cal-signature-256': hmac('typed-in-the-form', raw(ping)) },
				ping,
				raw(ping),
				withPing,
			),
		);
	});

	it('answers an unsigned ping with 200 and starts nothing, even without a stored secret', async () => {
		for (const data of [staticData, { [STATIC_KEY]: { webhookId: 'x' } }]) {
			const result = await post(
				{ 'x-cal-signature-256': 'no-secret-provided' },
				ping,
				raw(ping),
				parameters,
				data,
			);
			expect(result.response.workflowData).toBeUndefined();
			expect(result.recorded.statusCode).toBe(200);
			expect(result.response.webhookResponse).toEqual({
				message:
					'Ping received. Cal.com signs its Ping test with the secret typed into the webhook form, usually none, so it arrived unsigned; the workflow was not started',
			});
		}
	});

	it('answers a signed delivery of an event it does not listen to without starting the workflow', async () => {
		const rejected = { ...created, triggerEvent: 'BOOKING_REJECTED' };
		const result = await post({ 'x-cal-signature-256': hmac(SECRET, raw(rejected)) }, rejected);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.recorded.statusCode).toBe(200);
	});

	it('adds the raw body and headers on request, and the secret never appears in the output', async () => {
		// A no-show payload describes the webhook; were Cal.com to include its secret, it is dropped.
		const noShow = {
			triggerEvent: 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
			createdAt: '2027-03-01T09:00:00.000Z',
			payload: {
				...examplePayload('AFTER_HOSTS_CAL_VIDEO_NO_SHOW'),
				webhook: { id: 'w', secret: SECRET, time: 5, timeUnit: 'MINUTE' },
			},
		};
		const params = {
			events: ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW'],
			noShowTime: 5,
			noShowTimeUnit: 'MINUTE',
			options: { includeRaw: true },
		};
		const signature = hmac(SECRET, raw(noShow));
		const result = await post(
			{ 'x-cal-signature-256': signature, 'x-cal-webhook-version': '2021-10-20' },
			noShow,
			raw(noShow),
			params,
		);
		const [item] = result.response.workflowData?.[0] ?? [];
		expect(item.json).toMatchObject({
			triggerEvent: 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
			webhook: { id: 'w', time: 5 },
		});
		expect(item.json.headers).toMatchObject({
			'x-cal-signature-256': signature,
			'x-cal-webhook-version': '2021-10-20',
		});
		expect(typeof item.json.rawBody).toBe('string');
		expect(JSON.stringify(result.response)).not.toContain(SECRET);
	});
});

describe('R3 forgery: unsigned bodies posing as Cal.com’s Ping test', () => {
	const ping = {
		triggerEvent: 'PING',
		createdAt: '2027-03-01T09:00:00.000Z',
		payload: examplePayload('PING'),
	};
	const bookingAsPing = { ...created, triggerEvent: 'PING' };
	it.each([
		['a booking body relabelled PING', bookingAsPing],
		[
			'the ping with a booking field in its payload',
			{ ...ping, payload: { ...ping.payload, uid: 'bk1' } },
		],
		['the ping with a field beside the envelope', { ...ping, extra: true }],
		['the ping without createdAt', { triggerEvent: 'PING', payload: ping.payload }],
		['the ping with another type', { ...ping, payload: { ...ping.payload, type: 'Booking' } }],
		['the ping renamed', { ...ping, triggerEvent: 'BOOKING_CREATED' }],
	])(
		'answers 401 and starts nothing for an unsigned delivery that is not Cal.com’s ping: %s',
		async (_case, body) => {
			expectRefused(
				await post({ 'x-cal-signature-256': 'no-secret-provided' }, body, raw(body), {
					...parameters,
					options: { startOnPing: true },
				}),
			);
		},
	);

	it('answers 401 to Cal.com’s ping itself without a signature header, or signed with another secret', async () => {
		expectRefused(await post({}, ping));
		expectRefused(
			await post({ 'x-cal-signature-256': hmac('typed-in-the-form', raw(ping)) }, ping),
		);
	});
});

describe('R3 forgery: a real signed delivery from the sandbox, and one signed with a replaced secret', () => {
	let receiver: Receiver;
	let baseUrl: string;
	let active: TriggerSetup | undefined;
	let outcomes: Receiver['outcomes'];

	beforeAll(async () => {
		receiver = await startReceiver(sandbox, () => active);
		({ baseUrl, outcomes } = receiver);
	});
	afterAll(async () => await receiver.close());
	beforeEach(() => (outcomes.length = 0));

	it('verifies Cal.com’s signed delivery to the URL it registered, and refuses one signed with a secret it does not hold', async () => {
		const params = {
			events: ['BOOKING_CREATED', 'MEETING_ENDED'],
			scope: 'eventType',
			eventTypeId: { __rl: true, mode: 'id', value: '12' },
		};
		const first = await activate(sandbox(), { parameters: params, webhookBaseUrl: baseUrl });
		active = { parameters: params, staticData: first.staticData };
		expect(sandbox().state.webhooks[0].subscriberUrl).toBe(`${baseUrl}/harness-webhook-id/webhook`);

		const [delivery] = await sandbox().deliver('BOOKING_CREATED', undefined, { eventTypeId: 12 });
		expect(delivery.status).toBe(200);
		expect(outcomes[0].items?.[0]).toMatchObject({
			triggerEvent: 'BOOKING_CREATED',
			uid: expect.any(String),
			attendees: expect.any(Array),
		});

		const [flat] = await sandbox().deliver('MEETING_ENDED', undefined, { eventTypeId: 12 });
		expect(flat.status).toBe(200);
		expect(outcomes[1].items?.[0]).toMatchObject({
			triggerEvent: 'MEETING_ENDED',
			bookingId: expect.any(Number),
		});

		// The node replaced its webhook (new secret); n8n still holds the old static data.
		const replaced = await activate(sandbox(), {
			parameters: { ...params, events: ['BOOKING_CREATED'] },
			staticData: first.staticData,
			webhookBaseUrl: baseUrl,
		});
		expect(nodeData(replaced.staticData).secret).not.toBe(nodeData(first.staticData).secret);
		const [stale] = await sandbox().deliver('BOOKING_CREATED', undefined, { eventTypeId: 12 });
		expect(stale.status).toBe(401);
		expect(outcomes[2]).toEqual({ status: 401, items: undefined, message: undefined });
	});
});
