import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import type { ExecutionSummary } from './n8n';
import { installedRuntime, freePortPair, installPackedPackage, N8n } from './n8n';

/**
 * The Cal.com Trigger in a real n8n under `n8n start`: activation registers one signed webhook in
 * the sandbox, bookings made in the sandbox arrive as executions, a forged delivery is refused,
 * deactivation removes the webhook. And the editor is served the Cal.com node's AI-tool variant.
 */
jest.setTimeout(15 * 60_000);

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
const CREDENTIAL = { id: 'calcomExample001', name: 'Cal.com account' };
const WORKFLOW_ID = 'calcomExNotifyBk';
const EVENTS = ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED'];
const BOOKINGS_VERSION = '2024-08-13';

/** Examples name the node as an installed community package does; a custom extension is CUSTOM.* */
function loadExample(
	file: string,
): { id: string; nodes: Array<{ name: string; webhookId?: string }> } & Record<string, unknown> {
	const text = readFileSync(join(EXAMPLES, file), 'utf8').replace(
		/"n8n-nodes-cal-com\.(calCom\w*)"/g,
		'"CUSTOM.$1"',
	);
	return JSON.parse(text) as {
		id: string;
		nodes: Array<{ name: string; webhookId?: string }>;
	} & Record<string, unknown>;
}

const log = (line: string) => process.stdout.write(`[e2e trigger] ${line}\n`);

describe('the Cal.com Trigger in a real n8n (n8n start)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let webhookUrl: string;

	/** A call to the sandbox's API as bailey (plain fetch, as a Cal.com client would). */
	async function calcom(
		path: string,
		body: unknown,
	): Promise<{ status: number; data: Record<string, unknown> }> {
		const response = await fetch(`${sandbox.url}${path}`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sandbox.apiKeyFor('bailey')}`,
				'cal-api-version': BOOKINGS_VERSION,
				'content-type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		const json = (await response.json()) as { data: Record<string, unknown> };
		return { status: response.status, data: json.data };
	}

	/**
	 * Waits until the workflow has `count` finished executions; answers them oldest first. The
	 * limits here and in waitFor only bound a wait that polls for the outcome: generous, so a busy
	 * machine is slower but not failed.
	 */
	async function finishedExecutions(
		count: number,
		timeoutMs = 180_000,
	): Promise<ExecutionSummary[]> {
		const began = Date.now();
		for (;;) {
			const all = await n8n.executions(WORKFLOW_ID);
			const done = all.filter((e) => e.status !== 'running' && e.status !== 'new' && e.stoppedAt);
			if (done.length >= count || Date.now() - began > timeoutMs)
				return done.sort((a, b) => Number(a.id) - Number(b.id));
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	/** Polls until `check` is true (n8n adds and removes a workflow's webhooks after answering). */
	async function waitFor(what: string, check: () => boolean, timeoutMs = 180_000): Promise<number> {
		const began = Date.now();
		while (!check()) {
			if (Date.now() - began > timeoutMs)
				throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		return Date.now() - began;
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		let began = Date.now();
		const runtime = installedRuntime();
		log(`n8n runtime ready in ${Date.now() - began} ms`);
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		began = Date.now();
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
				},
			},
		]);
		const workflow = loadExample('booking-notifications.json');
		await n8n.importWorkflow(workflow);
		log(`imported the credential and the workflow in ${Date.now() - began} ms`);
		const timing = await n8n.start();
		log(`n8n start (${timing.kind}): ready and signed in after ${timing.ms} ms`);
		const webhookId = workflow.nodes.find((node) => node.name === 'Cal.com Trigger')?.webhookId;
		webhookUrl = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	});

	afterAll(async () => {
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	});

	afterEach(() => expect(sandbox.invalidRequests()).toEqual([]));

	it('serves the editor the Cal.com node, its trigger and its AI-tool variant', async () => {
		const types = await n8n.nodeTypes();
		expect(types.map((type) => type.name)).toEqual(
			expect.arrayContaining(['CUSTOM.calCom', 'CUSTOM.calComTrigger', 'CUSTOM.calComTool']),
		);
		// n8n generates the tool variant from the node's usableAsTool: an AI-tool output an agent connects to.
		const tool = types.find((type) => type.name === 'CUSTOM.calComTool');
		log(
			`the tool variant as the editor gets it: ${JSON.stringify({ displayName: tool?.displayName, outputs: tool?.outputs, codex: tool?.codex })}`,
		);
		expect(tool).toMatchObject({
			displayName: 'Cal.com API v2 Tool',
			outputs: ['ai_tool'],
			codex: { categories: ['AI'] },
		});
	});

	it('registers one signed webhook at Cal.com when the workflow is activated', async () => {
		expect(sandbox.state.webhooks).toEqual([]);
		const activated = await n8n.activate(WORKFLOW_ID);
		expect(activated.active).toBe(true);
		const ms = await waitFor('the sandbox has a webhook', () => sandbox.state.webhooks.length > 0);
		log(`the webhook was registered ${ms} ms after the activation answered`);
		// Nothing more comes: exactly one webhook.
		await new Promise((r) => setTimeout(r, 500));
		expect(sandbox.state.webhooks).toHaveLength(1);
		const [webhook] = sandbox.state.webhooks;
		expect(webhook).toMatchObject({
			userId: 1,
			eventTypeId: null,
			teamId: null,
			subscriberUrl: webhookUrl,
			active: true,
			triggers: [...EVENTS].sort(),
		});
		expect(webhook.secret).toMatch(/^[0-9a-f]{64}$/);
	});

	it('runs the workflow once for each booking made, moved and cancelled in Cal.com', async () => {
		const booked = await calcom('/v2/bookings', {
			eventTypeId: 11,
			start: '2027-03-15T14:00:00Z',
			attendee: { name: 'Ana Silva', email: 'ana@example.com', timeZone: 'America/New_York' },
		});
		expect(booked.status).toBe(201);
		const uid = String(booked.data.uid);
		await sandbox.deliveriesSettled();
		const moved = await calcom(`/v2/bookings/${uid}/reschedule`, {
			start: '2027-03-15T15:00:00Z',
			reschedulingReason: 'Traffic',
		});
		expect(moved.status).toBe(201);
		const newUid = String(moved.data.uid);
		await sandbox.deliveriesSettled();
		const cancelled = await calcom(`/v2/bookings/${newUid}/cancel`, {
			cancellationReason: 'Customer asked',
		});
		expect(cancelled.status).toBe(200);
		await sandbox.deliveriesSettled();

		expect(sandbox.deliveries.map((d) => [d.triggerEvent, d.subscriberUrl, d.status])).toEqual(
			EVENTS.map((event) => [event, webhookUrl, 200]),
		);

		const executions = await finishedExecutions(3);
		expect(executions).toHaveLength(3);
		expect(executions.map((e) => [e.mode, e.status])).toEqual([
			['webhook', 'success'],
			['webhook', 'success'],
			['webhook', 'success'],
		]);
		const outputs = await Promise.all(executions.map((e) => n8n.executionOutput(e.id)));
		expect(outputs.map((output) => output('Cal.com Trigger'))).toEqual([
			[
				expect.objectContaining({
					triggerEvent: 'BOOKING_CREATED',
					uid,
					startTime: '2027-03-15T14:00:00.000Z',
				}),
			],
			[
				expect.objectContaining({
					triggerEvent: 'BOOKING_RESCHEDULED',
					uid: newUid,
					rescheduleUid: uid,
					startTime: '2027-03-15T15:00:00.000Z',
				}),
			],
			[
				expect.objectContaining({
					triggerEvent: 'BOOKING_CANCELLED',
					uid: newUid,
					cancellationReason: 'Customer asked',
				}),
			],
		]);
		expect(outputs.map((output) => output('Summarize')[0])).toEqual([
			expect.objectContaining({ event: 'BOOKING_CREATED', bookingUid: uid }),
			expect.objectContaining({ event: 'BOOKING_RESCHEDULED', bookingUid: newUid }),
			expect.objectContaining({ event: 'BOOKING_CANCELLED', bookingUid: newUid }),
		]);
		// The secret n8n registered never shows up in what the workflow saw.
		expect(JSON.stringify(outputs.map((output) => output('Cal.com Trigger')))).not.toContain(
			String(sandbox.state.webhooks[0].secret),
		);
	});

	it('answers a forged delivery with 401 and starts no execution', async () => {
		const before = (await n8n.executions(WORKFLOW_ID)).length;
		const body = JSON.stringify({
			triggerEvent: 'BOOKING_CREATED',
			createdAt: '2027-03-01T09:00:00.000Z',
			payload: { uid: 'forged-booking', title: 'Forged' },
		});
		const wrongSignature = createHmac('sha256', 'not-the-secret').update(body).digest('hex');
		const forgeries: Array<Record<string, string>> = [
			{ 'x-cal-signature-256': wrongSignature },
			{},
		];
		for (const headers of forgeries) {
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
			expect(response.status).toBe(401);
		}
		// Give a wrongly started execution time to show up.
		await new Promise((r) => setTimeout(r, 1500));
		expect(await n8n.executions(WORKFLOW_ID)).toHaveLength(before);
	});

	it('keeps its one webhook across an n8n restart and still runs on a new booking', async () => {
		const [registered] = sandbox.state.webhooks;
		await n8n.stop();
		const timing = await n8n.start();
		log(`n8n start (${timing.kind}, a restart): ready and signed in after ${timing.ms} ms`);

		const booked = await calcom('/v2/bookings', {
			eventTypeId: 11,
			start: '2027-03-16T14:00:00Z',
			attendee: { name: 'Ben Okafor', email: 'ben@example.com', timeZone: 'Europe/London' },
		});
		expect(booked.status).toBe(201);
		await sandbox.deliveriesSettled();
		expect(sandbox.deliveries.at(-1)).toMatchObject({
			triggerEvent: 'BOOKING_CREATED',
			subscriberUrl: webhookUrl,
			status: 200,
		});
		const executions = await finishedExecutions(4);
		expect(executions).toHaveLength(4);
		const output = await n8n.executionOutput(executions[3].id);
		expect(output('Cal.com Trigger')).toEqual([
			expect.objectContaining({ triggerEvent: 'BOOKING_CREATED', uid: booked.data.uid }),
		]);
		// n8n found the webhook it had registered (checkExists) instead of registering another.
		expect(sandbox.state.webhooks).toEqual([registered]);
	});

	// n8n answers an onReceived webhook with the declared responseData, which defaults to the text
	// "firstEntryJson" (packages/cli/src/webhooks/webhook-helpers.ts); the trigger declares it
	// empty, so n8n sends the trigger's own answer.
	it('answers a signed delivery that starts the workflow with {"received": true}', async () => {
		const body = JSON.stringify({
			triggerEvent: 'BOOKING_CREATED',
			createdAt: '2027-03-01T09:00:00.000Z',
			payload: { uid: 'signed-direct', title: 'Direct delivery', attendees: [] },
		});
		const secret = String(sandbox.state.webhooks[0].secret);
		const response = await fetch(webhookUrl, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-cal-signature-256': createHmac('sha256', secret).update(body).digest('hex'),
			},
			body,
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(await response.json()).toEqual({ received: true });
		expect(await finishedExecutions(5)).toHaveLength(5);
	});

	it('removes the webhook from Cal.com when the workflow is deactivated', async () => {
		const deactivated = await n8n.deactivate(WORKFLOW_ID);
		expect(deactivated.active).toBe(false);
		const ms = await waitFor(
			'the sandbox has no webhook',
			() => sandbox.state.webhooks.length === 0,
		);
		log(`the webhook was removed ${ms} ms after the deactivation answered`);
		expect(sandbox.state.webhooks).toEqual([]);
		// n8n no longer serves the webhook URL either.
		const response = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(response.status).toBe(404);
	});
});
