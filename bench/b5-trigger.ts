/**
 * B5 — the Cal.com Trigger in a real n8n (the e2e runtime: n8n 2.41.1 on Node 24 from .cache/,
 * installed by scripts/ensure-n8n.sh when missing, with the packed package loaded as a community
 * package). The example workflow examples/booking-notifications.json is activated (the trigger
 * registers its signed webhook in the sandbox); then 200 signed BOOKING_CREATED deliveries are sent
 * one after another, each awaited, with Cal.com's documented payload and a distinct uid.
 *
 * Counted: executions n8n started for the workflow against deliveries sent (all must start), each
 * matched to its delivery by the uid in the trigger's output. Latency: n8n's own execution record
 * (`startedAt`, ms) minus the time just before the delivery was sent, on the same clock.
 * n8n and the sandbox are stopped whatever happens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureRuntime, freePortPair, installPackedPackage, N8n } from '../test/e2e/n8n';
import type { ExecutionSummary } from '../test/e2e/n8n';
import { startSandbox } from '../test/sandbox';
import type { Sandbox } from '../test/sandbox';
import { examplePayload } from '../test/sandbox/webhook-delivery';
import type { FigureResult } from './common';
import { FIXTURE, log, MARCH, median, percentile, ROOT, round, sleep } from './common';

const DELIVERIES = 200;
const CREDENTIAL = { id: 'calcomExample001', name: 'Cal.com account' };
const TRIGGER_NODE = 'Cal.com Trigger';

function loadExample(file: string): { id: string } & Record<string, unknown> {
	// Examples name the nodes as an installed community package does; a custom extension is CUSTOM.*
	const text = readFileSync(join(ROOT, 'examples', file), 'utf8').replace(
		/"n8n-nodes-cal-com\.(calCom\w*)"/g,
		'"CUSTOM.$1"',
	);
	return JSON.parse(text) as { id: string } & Record<string, unknown>;
}

/** Every execution of the workflow, following n8n's cursor (pages of at most 100). */
async function allExecutions(n8n: N8n, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const all: ExecutionSummary[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 50; page++) {
		const query = `/rest/executions?filter=${filter}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const result = await n8n.rest<{ results: ExecutionSummary[]; nextCursor?: string | null }>(
			'GET',
			query,
		);
		all.push(...result.results);
		if (!result.nextCursor || result.results.length === 0) break;
		cursor = result.nextCursor;
	}
	return all;
}

async function waitUntil(
	what: string,
	check: () => boolean | Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	const began = Date.now();
	while (!(await check())) {
		if (Date.now() - began > timeoutMs)
			throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
		await sleep(250);
	}
}

async function deliverAll(sandbox: Sandbox, ownerUserId: number) {
	const base = examplePayload('BOOKING_CREATED');
	const sent = new Map<string, { sentAt: number; answeredMs: number; status: number }>();
	for (let i = 1; i <= DELIVERIES; i++) {
		const uid = `bench-delivery-${String(i).padStart(3, '0')}`;
		const sentAt = Date.now();
		const records = await sandbox.deliver('BOOKING_CREATED', { ...base, uid }, { ownerUserId });
		sent.set(uid, { sentAt, answeredMs: Date.now() - sentAt, status: records[0]?.status ?? -1 });
	}
	return sent;
}

export async function benchTrigger(): Promise<FigureResult> {
	let sandbox: Sandbox | undefined;
	let n8n: N8n | undefined;
	try {
		sandbox = await startSandbox({ now: MARCH, fixture: FIXTURE });
		let began = Date.now();
		const runtime = ensureRuntime();
		log(`B5 n8n runtime ready in ${Date.now() - began} ms`);
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
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
		const timing = await n8n.start();
		log(`B5 n8n start: ready and signed in after ${timing.ms} ms`);
		await n8n.activate(workflow.id);
		const box = sandbox;
		await waitUntil(
			'the trigger registered its webhook',
			() => box.state.webhooks.length === 1,
			30_000,
		);

		const bailey = box.state.users.find((user) => user.username === 'bailey');
		if (!bailey) throw new Error('no bailey in the fixture');
		began = Date.now();
		const sent = await deliverAll(box, bailey.id);
		const sendMs = Date.now() - began;
		const accepted = [...sent.values()].filter((s) => s.status === 200).length;

		const client = n8n;
		let executions: ExecutionSummary[] = [];
		await waitUntil(
			`${DELIVERIES} executions have finished`,
			async () => {
				executions = await allExecutions(client, workflow.id);
				return executions.filter((e) => e.stoppedAt).length >= DELIVERIES;
			},
			120_000,
		).catch((error: unknown) => log(`B5 ${(error as Error).message}`));
		// A little longer: an execution beyond the 200th would be a duplicate.
		await sleep(1000);
		executions = await allExecutions(client, workflow.id);

		const startLatency: number[] = [];
		const finishLatency: number[] = [];
		const matched = new Set<string>();
		let unmatched = 0;
		for (const execution of executions) {
			const output = await client.executionOutput(execution.id);
			const uid = String(output(TRIGGER_NODE)[0]?.uid ?? '');
			const delivery = sent.get(uid);
			if (!delivery || matched.has(uid) || !execution.startedAt) {
				unmatched++;
				continue;
			}
			matched.add(uid);
			startLatency.push(Date.parse(execution.startedAt) - delivery.sentAt);
			if (execution.stoppedAt)
				finishLatency.push(Date.parse(execution.stoppedAt) - delivery.sentAt);
		}
		const succeeded = executions.filter((e) => e.status === 'success').length;
		const details = {
			deliveries: DELIVERIES,
			acceptedBy200: accepted,
			sendMs,
			executions: executions.length,
			matchedToDeliveries: matched.size,
			unmatchedExecutions: unmatched,
			succeeded,
			startMs: {
				median: median(startLatency),
				p90: percentile(startLatency, 90),
				max: Math.max(...startLatency),
			},
			finishMs: {
				median: median(finishLatency),
				p90: percentile(finishLatency, 90),
				max: Math.max(...finishLatency),
			},
			answerMs: {
				median: median([...sent.values()].map((s) => s.answeredMs)),
				p90: percentile(
					[...sent.values()].map((s) => s.answeredMs),
					90,
				),
			},
			n8nStartMs: timing.ms,
			sandboxApiRequests: box.requests.length,
		};
		log(`B5 ${JSON.stringify(details)}`);
		const allStarted = matched.size === DELIVERIES && executions.length === DELIVERIES;
		return {
			rows: [
				{
					id: 'B5',
					figure: `executions started ÷ signed deliveries (${DELIVERIES} sequential BOOKING_CREATED; real n8n 2.41.1)`,
					measured: `${matched.size}/${DELIVERIES} (${executions.length} executions, ${succeeded} succeeded, ${accepted} answered 200)`,
					value: matched.size,
					target: `all ${DELIVERIES}, none extra`,
					pass: allStarted,
				},
				{
					id: 'B5',
					figure: 'delivery sent → execution startedAt (n8n record), median',
					measured: `${round(median(startLatency), 0)} ms (p90 ${percentile(startLatency, 90)} ms)`,
					value: round(median(startLatency), 1),
					target: '—',
					pass: null,
				},
				{
					id: 'B5',
					figure: '  delivery sent → execution stoppedAt, median; delivery answered, median',
					measured: `${round(median(finishLatency), 0)} ms; ${round(details.answerMs.median, 0)} ms`,
					value: round(median(finishLatency), 1),
					target: '—',
					pass: null,
				},
			],
			details,
		};
	} finally {
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	}
}
