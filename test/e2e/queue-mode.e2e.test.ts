import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import type { ExecutionSummary } from './n8n';
import { installedRuntime, installPackedPackage, loadExample } from './n8n';
import {
	LOAD_WORKFLOW_ID,
	loadWorkflow,
	QueueCluster,
	runSharedKeyLoad,
	sandboxCredential,
	waitUntil,
} from './queue';

/**
 * The package on n8n's distributed engine: Postgres 15 and Redis of their own, n8n main, two
 * workers (`n8n worker --concurrency=5`) and one webhook processor (`n8n webhook`), all on
 * 127.0.0.1, against the sandbox. Actions run on workers, the trigger is registered by main and
 * answered by the webhook processor, and executions sharing one API key book without failing or
 * booking twice. Each process's log goes to test-artifacts/queue-mode/, the load's figures to
 * test-artifacts/queue-mode-load.json.
 */
jest.setTimeout(30 * 60_000);

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const LOG_DIR = join(ARTIFACTS, 'queue-mode');
const TRIGGER_WORKFLOW = 'calcomExNotifyBk';
const EXAMPLE_WORKFLOW = 'calcomExBookLoop';
const EVENTS = ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED'];
/** The sandbox's limit per key, in 9 s windows (60 s × 0.15), as in the trial run. */
const LIMIT = 120;
const TIME_SCALE = 0.15;
const WINDOW_MS = 60_000 * TIME_SCALE;

const log = (line: string) => process.stdout.write(`[e2e queue] ${line}\n`);

describe('the package on n8n in queue mode (Postgres, Redis, main, 2 workers, a webhook processor)', () => {
	const began = Date.now();
	let sandbox: Sandbox;
	let cluster: QueueCluster;
	let webhookUrl: string;

	/** A booking made in Cal.com by bailey (plain fetch, as a Cal.com client would). */
	async function book(start: string, name: string): Promise<string> {
		const response = await fetch(`${sandbox.url}/v2/bookings`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sandbox.apiKeyFor('bailey')}`,
				'cal-api-version': '2024-08-13',
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				eventTypeId: 11,
				start,
				attendee: {
					name,
					email: `${name.split(' ')[0].toLowerCase()}@example.com`,
					timeZone: 'UTC',
				},
			}),
		});
		const body = (await response.json()) as { data: { uid: string } };
		expect(response.status).toBe(201);
		return body.data.uid;
	}

	/** The requests to Cal.com's webhook routes since `index` in the sandbox's log (method, path). */
	function webhookRequestsSince(index: number): string[] {
		return sandbox.requests
			.slice(index)
			.filter((request) => request.path.startsWith('/v2/webhooks'))
			.map((request) => `${request.method} ${request.path}`);
	}

	/** The workflow's finished executions, oldest first, once there are `count` of them. */
	async function finished(workflowId: string, count: number): Promise<ExecutionSummary[]> {
		let done: ExecutionSummary[] = [];
		await waitUntil(`${count} executions of ${workflowId} have finished`, async () => {
			const all = await cluster.main.executions(workflowId);
			done = all.filter((e) => e.stoppedAt && !['new', 'running', 'waiting'].includes(e.status));
			return done.length >= count;
		});
		return done.sort((a, b) => Number(a.id) - Number(b.id));
	}

	beforeAll(async () => {
		sandbox = await startSandbox({
			now: '2027-03-01T08:00:00Z',
			rateLimit: LIMIT,
			timeScale: TIME_SCALE,
		});
		const runtime = installedRuntime();
		let step = Date.now();
		cluster = await QueueCluster.start({
			runtime,
			extensions: installPackedPackage(runtime),
			logDir: LOG_DIR,
		});
		log(
			`Postgres (pid ${cluster.postgres.pid}, port ${cluster.postgres.port}) and Redis (pid ${cluster.redis.pid}, port ${cluster.redis.port}) ready in ${Date.now() - step} ms`,
		);
		try {
			step = Date.now();
			await cluster.main.importCredentials([sandboxCredential(sandbox)]);
			const trigger = loadExample('booking-notifications.json');
			await cluster.main.importWorkflows([
				trigger,
				loadExample('book-reschedule-cancel.json'),
				loadWorkflow(),
			]);
			log(`imported the credential and 3 workflows into Postgres in ${Date.now() - step} ms`);
			const took = await cluster.startN8n();
			log(`n8n ready (ms): ${JSON.stringify(took)}`);
			const webhookId = trigger.nodes.find((node) => node.name === 'Cal.com Trigger')?.webhookId;
			webhookUrl = `${cluster.webhook.baseUrl}/webhook/${String(webhookId)}/webhook`;
		} catch (error) {
			await cluster.stop();
			throw error;
		}
	});

	afterAll(async () => {
		await cluster?.stop();
		await sandbox?.close();
		log(`the whole spec took ${Math.round((Date.now() - began) / 1000)} s`);
	});

	afterEach(() => expect(sandbox.invalidRequests()).toEqual([]));

	it('runs an example workflow on a worker, not in the main process', async () => {
		const run = await cluster.main.rest<{ executionId?: string }>(
			'POST',
			`/rest/workflows/${EXAMPLE_WORKFLOW}/run`,
			{ triggerToStartFrom: { name: 'Start' } },
		);
		expect(run.executionId).toEqual(expect.any(String));
		const [execution] = await finished(EXAMPLE_WORKFLOW, 1);
		expect(execution).toMatchObject({ id: run.executionId, status: 'success' });
		const output = await cluster.main.executionOutput(String(execution.id));
		expect(output('Cancel it')[0]).toMatchObject({ status: 'cancelled' });

		// main put it on the queue; one worker printed that it ran it; main ran nothing itself.
		expect(cluster.log('main')).toMatch(new RegExp(`Enqueued execution ${execution.id} \\(job`));
		const worker = cluster.workerOf(execution.id);
		log(`execution ${execution.id} of ${EXAMPLE_WORKFLOW} ran on ${worker}`);
		expect(worker).toMatch(/^worker-\d$/);
		expect(cluster.log('main')).not.toMatch(/Worker (started|finished) execution/);
	});

	it('registers exactly one webhook in Cal.com when main activates the trigger workflow', async () => {
		expect(sandbox.state.webhooks).toEqual([]);
		const activated = await cluster.main.activate(TRIGGER_WORKFLOW);
		expect(activated.active).toBe(true);
		const ms = await waitUntil(
			'the sandbox has a webhook',
			() => sandbox.state.webhooks.length > 0,
		);
		log(`the webhook was registered ${ms} ms after the activation answered`);
		// Nothing more comes: exactly one webhook, pointing at the webhook processor.
		await new Promise((r) => setTimeout(r, 1000));
		expect(sandbox.state.webhooks).toHaveLength(1);
		expect(sandbox.state.webhooks[0]).toMatchObject({
			subscriberUrl: webhookUrl,
			active: true,
			triggers: [...EVENTS].sort(),
		});
	});

	it('runs one execution on a worker for each signed delivery to the webhook processor, none for forged ones (401)', async () => {
		const uids: string[] = [];
		for (const [start, name] of [
			['2027-03-16T14:00:00Z', 'Ana Silva'],
			['2027-03-16T15:00:00Z', 'Ben Okafor'],
			['2027-03-16T16:00:00Z', 'Chen Wei'],
		]) {
			uids.push(await book(start, name));
			await sandbox.deliveriesSettled();
		}
		expect(sandbox.deliveries.map((d) => [d.triggerEvent, d.subscriberUrl, d.status])).toEqual(
			uids.map(() => ['BOOKING_CREATED', webhookUrl, 200]),
		);
		const executions = await finished(TRIGGER_WORKFLOW, 3);
		expect(executions.map((e) => [e.mode, e.status])).toEqual(
			uids.map(() => ['webhook', 'success']),
		);
		const seen = await Promise.all(
			executions.map(async (e) => (await cluster.main.executionOutput(e.id))('Cal.com Trigger')[0]),
		);
		expect(seen.map((item) => item.uid)).toEqual(uids);
		const workers = executions.map((e) => cluster.workerOf(e.id));
		log(`the 3 deliveries ran on ${workers.join(', ')}`);
		expect(workers).toEqual(uids.map(() => expect.stringMatching(/^worker-\d$/)));

		const body = JSON.stringify({
			triggerEvent: 'BOOKING_CREATED',
			createdAt: '2027-03-01T09:00:00.000Z',
			payload: { uid: 'forged-booking', title: 'Forged' },
		});
		const wrong = createHmac('sha256', 'not-the-secret').update(body).digest('hex');
		const forgeries: Array<Record<string, string>> = [{ 'x-cal-signature-256': wrong }, {}];
		for (const headers of forgeries) {
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
			expect(response.status).toBe(401);
		}
		// Give a wrongly started execution time to reach the database.
		await new Promise((r) => setTimeout(r, 3000));
		expect(await cluster.main.executions(TRIGGER_WORKFLOW)).toHaveLength(3);
	});

	it('answers no test webhook in the webhook processor (/webhook-test/… gets 404: route it to main)', async () => {
		const response = await fetch(webhookUrl.replace('/webhook/', '/webhook-test/'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		await response.text();
		expect(response.status).toBe(404);
	});

	it('keeps its one webhook when main and the webhook processor restart, and still runs on a new booking', async () => {
		const [registered] = sandbox.state.webhooks;
		const before = sandbox.requests.length;
		await cluster.webhook.stop();
		await cluster.main.stop();
		const main = await cluster.main.start();
		const webhook = await cluster.webhook.start();
		log(`restarted: main ready after ${main.ms} ms, the webhook processor after ${webhook.ms} ms`);
		// n8n keeps production webhooks in Postgres: on restart the row is there already and main
		// skips the trigger's checkExists, so Cal.com is not asked at all.
		expect(webhookRequestsSince(before)).toEqual([]);

		const uid = await book('2027-03-16T17:00:00Z', 'Dana Levi');
		await sandbox.deliveriesSettled();
		expect(sandbox.deliveries.at(-1)).toMatchObject({ subscriberUrl: webhookUrl, status: 200 });
		const executions = await finished(TRIGGER_WORKFLOW, 4);
		expect(executions).toHaveLength(4);
		const output = await cluster.main.executionOutput(executions[3].id);
		expect(output('Cal.com Trigger')[0]).toMatchObject({ uid });
		expect(sandbox.state.webhooks).toEqual([registered]);
	});

	it('does not bring back a webhook deleted in Cal.com when main restarts; deactivating and activating does', async () => {
		const [registered] = sandbox.state.webhooks;
		const removed = await fetch(`${sandbox.url}/v2/webhooks/${registered.id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${sandbox.apiKeyFor('bailey')}` },
		});
		expect(removed.status).toBe(200);
		expect(sandbox.state.webhooks).toEqual([]);
		const before = sandbox.requests.length;
		await cluster.main.stop();
		await cluster.main.start();
		// The restart's caveat (README, Running in queue mode): nothing re-checks the webhook.
		expect(webhookRequestsSince(before)).toEqual([]);
		expect(sandbox.state.webhooks).toEqual([]);

		// The repair: deactivate and activate the workflow in main.
		await cluster.main.deactivate(TRIGGER_WORKFLOW);
		await cluster.main.activate(TRIGGER_WORKFLOW);
		await waitUntil('the sandbox has a webhook again', () => sandbox.state.webhooks.length > 0);
		await new Promise((r) => setTimeout(r, 1000));
		expect(sandbox.state.webhooks).toHaveLength(1);
		expect(sandbox.state.webhooks[0]).toMatchObject({ subscriberUrl: webhookUrl, active: true });
		expect(sandbox.state.webhooks[0].id).not.toBe(registered.id);
		const uid = await book('2027-03-17T14:00:00Z', 'Eli Novak');
		await sandbox.deliveriesSettled();
		expect(sandbox.deliveries.at(-1)).toMatchObject({ subscriberUrl: webhookUrl, status: 200 });
		const executions = await finished(TRIGGER_WORKFLOW, 5);
		const output = await cluster.main.executionOutput(executions[4].id);
		expect(output('Cal.com Trigger')[0]).toMatchObject({ uid });
	});

	it('removes the webhook from Cal.com when main deactivates the workflow', async () => {
		const deactivated = await cluster.main.deactivate(TRIGGER_WORKFLOW);
		expect(deactivated.active).toBe(false);
		const ms = await waitUntil(
			'the sandbox has no webhook',
			() => sandbox.state.webhooks.length === 0,
		);
		log(`the webhook was removed ${ms} ms after the deactivation answered`);
		// The webhook processor no longer serves its URL either (it reads webhooks from Postgres).
		await waitUntil('the webhook processor answers 404', async () => {
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await response.text();
			return response.status === 404;
		});
	});

	it('books 4 executions × 100 creates sharing one key on the workers: no failed item, no duplicate booking', async () => {
		await cluster.main.activate(LOAD_WORKFLOW_ID);
		const figures = await runSharedKeyLoad(cluster, sandbox, {
			executions: 4,
			createsEach: 100,
			limit: LIMIT,
			windowMs: WINDOW_MS,
		});
		const ratio = figures.minimumMs / Math.max(figures.elapsedMs, 1);
		log(
			`4 × 100 creates on one key: ${figures.sandbox429} 429s from the sandbox, ${figures.requests} requests in ${(figures.elapsedMs / 1000).toFixed(1)} s where the limit (${LIMIT} per ${WINDOW_MS / 1000} s) allows ${(figures.minimumMs / 1000).toFixed(1)} s (${ratio.toFixed(2)} of the limit); executions by worker ${JSON.stringify(figures.byWorker)}`,
		);
		mkdirSync(ARTIFACTS, { recursive: true });
		writeFileSync(
			join(ARTIFACTS, 'queue-mode-load.json'),
			`${JSON.stringify({ at: new Date().toISOString(), ...figures, ratioOfLimit: ratio }, null, '\t')}\n`,
		);
		expect(figures.statuses).toEqual(['success', 'success', 'success', 'success']);
		expect(figures.firstFailures).toEqual([]);
		expect(figures.failedItems).toBe(0);
		expect(figures.duplicateBookings).toBe(0);
		expect(figures.booked).toBe(400);
		expect(Object.keys(figures.byWorker).every((name) => /^worker-\d$/.test(name))).toBe(true);
	});
});
