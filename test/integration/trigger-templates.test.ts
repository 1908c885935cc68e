import { createHmac } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { examplePayload } from '../sandbox/webhook-delivery';
import { useSandbox } from './helpers';
import { activate, deliver, nodeData, startReceiver } from './trigger-helpers';
import type { Receiver, TriggerSetup } from './trigger-helpers';

const sandbox = useSandbox();
let receiver: Receiver;
let active: TriggerSetup | undefined;

beforeAll(async () => {
	receiver = await startReceiver(sandbox, () => active);
});
afterAll(async () => await receiver.close());
beforeEach(() => {
	receiver.outcomes.length = 0;
	active = undefined;
});

const EVENT_TYPE = { __rl: true, mode: 'id', value: '12' };

/** Activates the trigger on event type 12 through the sandbox; deliveries then reach the receiver. */
async function subscribe(events: string[], options: INodeParameters = {}): Promise<IDataObject> {
	const parameters: INodeParameters = {
		events,
		scope: 'eventType',
		eventTypeId: EVENT_TYPE,
		options,
	};
	const { staticData } = await activate(sandbox(), {
		parameters,
		webhookBaseUrl: receiver.baseUrl,
	});
	active = { parameters, staticData };
	return staticData;
}

const subscriberUrl = () => `${receiver.baseUrl}/harness-webhook-id/webhook`;
const booking = (title: string) => ({ ...examplePayload('BOOKING_CREATED'), title });

describe('Cal.com Trigger: Cal.com’s Ping test from the webhook form', () => {
	it('answers the form’s unsigned ping with 200 and starts nothing, with Start Workflow on Ping off or on', async () => {
		for (const startOnPing of [false, true]) {
			await subscribe(['BOOKING_CREATED'], { startOnPing });
			const delivery = await sandbox().pingTest(subscriberUrl());
			expect(delivery.headers['x-cal-signature-256']).toBe('no-secret-provided');
			expect(delivery.status).toBe(200);
		}
		expect(receiver.outcomes.map((o) => [o.status, o.items])).toEqual([
			[200, undefined],
			[200, undefined],
		]);
		expect(receiver.outcomes[1].message).toEqual({
			message: expect.stringContaining(
				'Start Workflow on Ping starts it only for a ping signed with this trigger’s secret',
			),
		});
	});

	it('answers 401 to a ping signed with a secret typed into the form (it cannot be this trigger’s)', async () => {
		await subscribe(['BOOKING_CREATED']);
		const delivery = await sandbox().pingTest(subscriberUrl(), { secret: 'typed-in-the-form' });
		expect(delivery.status).toBe(401);
		expect(receiver.outcomes[0].items).toBeUndefined();
	});

	it('answers 401 to a ping rendered through a payload template (an unsigned body it cannot tell from a forgery)', async () => {
		await subscribe(['BOOKING_CREATED']);
		const delivery = await sandbox().pingTest(subscriberUrl(), {
			payloadTemplate: '{"t": "{{triggerEvent}}"}',
		});
		expect(delivery.body).toBe('{"t":"PING"}');
		expect(delivery.status).toBe(401);
	});
});

describe('Cal.com Trigger: payload templates as Cal.com sends them', () => {
	it('a template that renders to JSON: the template’s fields, with values HTML-escaped as Cal.com sends them', async () => {
		await subscribe(['BOOKING_CREATED'], {
			payloadTemplate: '{"title": "{{title}}", "event": "{{triggerEvent}}", "raw": "{{{title}}}"}',
		});
		const [delivery] = await sandbox().deliver('BOOKING_CREATED', booking('Tom & Jerry <intro>'), {
			eventTypeId: 12,
		});
		expect(delivery.status).toBe(200);
		expect(receiver.outcomes[0].items).toEqual([
			{
				triggerEvent: null,
				createdAt: null,
				title: 'Tom &amp; Jerry &lt;intro&gt;',
				event: 'BOOKING_CREATED',
				raw: 'Tom & Jerry <intro>',
			},
		]);
	});

	it('a JSON template whose render broke arrives as false: one item saying what happened and what to change, verified over the bytes sent', async () => {
		await subscribe(['BOOKING_CREATED'], { payloadTemplate: '{"title": "{{title}}"}' });
		const [delivery] = await sandbox().deliver('BOOKING_CREATED', booking('The "big" one'), {
			eventTypeId: 12,
		});
		expect(delivery.body).toBe('false');
		expect(delivery.status).toBe(200);
		const [item] = receiver.outcomes[0].items ?? [];
		expect(Object.keys(item)).toEqual(['triggerEvent', 'createdAt', 'templateError']);
		expect(item.templateError).toBe(
			'Cal.com sent the body false instead of this event: the Payload Template is JSON, but filled in with this event’s values it was not valid JSON, so Cal.com dropped it. A value holding a double quote, a backslash or a line break (often a title, notes or an answer) causes this. Change the template in the trigger’s Payload Template option (it is registered with Cal.com on activation): leave out such free-text fields, or clear it to receive Cal.com’s full event.',
		);
	});

	it('a template that is not JSON arrives as form-encoded text: the text under templateText, not form fields', async () => {
		const staticData = await subscribe(['BOOKING_CREATED'], {
			payloadTemplate: 'New booking: {{title}} & more',
		});
		const [delivery] = await sandbox().deliver('BOOKING_CREATED', booking('A & B'), {
			eventTypeId: 12,
		});
		expect(delivery.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(delivery.headers['x-cal-signature-256']).toBe(
			createHmac('sha256', nodeData(staticData).secret as string)
				.update(delivery.body)
				.digest('hex'),
		);
		expect(receiver.outcomes[0].items).toEqual([
			{ triggerEvent: null, createdAt: null, templateText: 'New booking: A &amp; B & more' },
		]);
	});

	it('a template that is not JSON but renders to a JSON object (a number outside quotes): its fields', async () => {
		await subscribe(['BOOKING_CREATED'], {
			payloadTemplate: '{"minutes": {{length}}, "title": "{{title}}"}',
		});
		const [delivery] = await sandbox().deliver(
			'BOOKING_CREATED',
			{ ...booking('Intro'), length: 45 },
			{ eventTypeId: 12 },
		);
		expect(delivery.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(receiver.outcomes[0].items).toEqual([
			{ triggerEvent: null, createdAt: null, minutes: 45, title: 'Intro' },
		]);
	});

	it('Form Submitted takes the template as well, the form’s fields under payload.', async () => {
		await subscribe(['FORM_SUBMITTED'], {
			payloadTemplate: '{"form": "{{payload.formName}}", "event": "{{triggerEvent}}"}',
		});
		const [delivery] = await sandbox().deliver(
			'FORM_SUBMITTED',
			{ formId: 'f1', formName: 'Intake', responses: {} },
			{ eventTypeId: 12 },
		);
		expect(delivery.status).toBe(200);
		expect(receiver.outcomes[0].items).toEqual([
			{ triggerEvent: null, createdAt: null, form: 'Intake', event: 'FORM_SUBMITTED' },
		]);
	});
});

describe('Cal.com Trigger: scheduled Meeting Started / Ended', () => {
	it('starts the workflow for the sandbox’s scheduled deliveries, which carry the webhook’s X-Cal-Webhook-Version, and ignore the template', async () => {
		await subscribe(['MEETING_STARTED', 'MEETING_ENDED'], {
			payloadTemplate: '{"t": "{{title}}"}',
			payloadVersion: '2026-07-27',
		});
		for (const trigger of ['MEETING_STARTED', 'MEETING_ENDED']) {
			const [delivery] = await sandbox().deliver(trigger, undefined, { eventTypeId: 12 });
			expect(delivery.headers['x-cal-webhook-version']).toBe('2026-07-27');
			expect(delivery.status).toBe(200);
		}
		expect(receiver.outcomes.map((o) => o.items?.[0])).toEqual([
			expect.objectContaining({ triggerEvent: 'MEETING_STARTED', bookingId: 100 }),
			expect.objectContaining({ triggerEvent: 'MEETING_ENDED', bookingId: 100 }),
		]);
	});

	it('starts the workflow without X-Cal-Webhook-Version too (older Cal.com sends none): the header is never required', async () => {
		const staticData = await subscribe(['MEETING_ENDED']);
		const rawBody = Buffer.from(
			JSON.stringify({ triggerEvent: 'MEETING_ENDED', ...examplePayload('MEETING_ENDED') }),
		);
		const signature = createHmac('sha256', nodeData(staticData).secret as string)
			.update(rawBody)
			.digest('hex');
		const setup = active as TriggerSetup;
		const { response } = await deliver(sandbox(), setup, {
			body: JSON.parse(rawBody.toString()),
			rawBody,
			headers: { 'x-cal-signature-256': signature, 'content-type': 'application/json' },
		});
		expect(response.workflowData?.[0][0].json).toMatchObject({
			triggerEvent: 'MEETING_ENDED',
			bookingId: 100,
			uid: 'unique-booking-identifier',
		});
	});
});
