/**
 * B5 — the Cal.com Trigger in a real n8n (the e2e runtime: n8n 2.41.1 on Node 24 from .cache/,
 * installed by scripts/ensure-n8n.sh when missing, with the packed package loaded as a community
 * package). The example workflow examples/booking-notifications.json is activated (the trigger
 * registers its signed webhook in the sandbox); then signed BOOKING_CREATED deliveries, Cal.com's
 * documented payload with a distinct uid each, in three phases:
 *   - 200 one after another, each awaited;
 *   - a burst of 200, 20 at a time (a wave of 20 sent together, the next when all 20 answered);
 *   - a burst of 1,000, 50 at a time.
 *
 * Counted per phase: the executions n8n started for the workflow, each matched to its delivery by
 * the uid in the trigger's output: every delivery must start exactly one (none lost, none extra).
 * Latency: n8n's own execution record (`startedAt`, ms) minus the time just before the delivery
 * was sent, on the same clock. n8n and the sandbox are stopped whatever happens.
 */

import {
	ensureRuntime,
	exampleCredentials,
	freePortPair,
	installPackedPackage,
	loadExample,
	N8n,
} from '../test/e2e/n8n';
import type { ExecutionSummary } from '../test/e2e/n8n';
import { startSandbox } from '../test/sandbox';
import type { Sandbox } from '../test/sandbox';
import { examplePayload } from '../test/sandbox/webhook-delivery';
import type { FigureResult, Row } from './common';
import { FIXTURE, log, MARCH, median, percentile, round, sleep } from './common';

/** One phase: `count` deliveries, `atOnce` sent together (1: one after another). */
interface Phase {
	name: string;
	count: number;
	atOnce: number;
}

const PHASES: Phase[] = [
	{ name: 'sequential', count: 200, atOnce: 1 },
	{ name: 'burst20', count: 200, atOnce: 20 },
	{ name: 'burst50', count: 1000, atOnce: 50 },
];
const TRIGGER_NODE = 'Cal.com Trigger';
/**
 * How long the sender waits for n8n's answer. Cal.com's sender sets no timeout (sendPayload.ts);
 * the sandbox's default of 5 s would drop deliveries n8n is slow to read in a burst on a loaded
 * machine (18 of 1,000 at 50 at a time in one run), which Cal.com would not have dropped.
 */
const ANSWER_TIMEOUT_MS = 300_000;
/** How long n8n may take to finish a phase's executions (a loaded machine is slow, never stuck). */
const PHASE_TIMEOUT_MS = 600_000;
/**
 * Every delivery has been answered (or given up on) before the wait: once n8n has no execution
 * running and has started none for this long, none is still coming for the phase.
 */
const QUIET_MS = 15_000;
/** After a phase: an execution beyond the expected count would be a duplicate. */
const GRACE_MS = 2000;

interface Sent {
	phase: string;
	sentAt: number;
	answeredMs: number;
	status: number;
	/** Why the sender got no answer (it gives up after ANSWER_TIMEOUT_MS). */
	error?: string;
}

/** Every execution of the workflow, following n8n's cursor (pages of at most 100). */
async function allExecutions(n8n: N8n, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const all: ExecutionSummary[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 100; page++) {
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

/** How many executions of the workflow n8n holds, and how many of them have not finished. */
async function executionCounts(
	n8n: N8n,
	workflowId: string,
): Promise<{ all: number; unfinished: number }> {
	const count = async (filter: Record<string, unknown>) => {
		const query = encodeURIComponent(JSON.stringify({ workflowId, ...filter }));
		const answer = await n8n.rest<{ count: number }>(
			'GET',
			`/rest/executions?filter=${query}&limit=1`,
		);
		return answer.count;
	};
	return { all: await count({}), unfinished: await count({ status: ['new', 'running'] }) };
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
		await sleep(1000);
	}
}

async function deliverOne(
	sandbox: Sandbox,
	ownerUserId: number,
	phase: string,
	uid: string,
	sent: Map<string, Sent>,
): Promise<void> {
	const base = examplePayload('BOOKING_CREATED');
	const sentAt = Date.now();
	const records = await sandbox.deliver(
		'BOOKING_CREATED',
		{ ...base, uid },
		{ ownerUserId, timeoutMs: ANSWER_TIMEOUT_MS },
	);
	sent.set(uid, {
		phase,
		sentAt,
		answeredMs: Date.now() - sentAt,
		status: records[0]?.status ?? -1,
		error: records[0]?.error,
	});
}

/** A phase's deliveries in waves of `atOnce`, each wave sent together and awaited. */
async function deliverPhase(
	sandbox: Sandbox,
	ownerUserId: number,
	phase: Phase,
	sent: Map<string, Sent>,
): Promise<number> {
	const began = Date.now();
	for (let first = 1; first <= phase.count; first += phase.atOnce) {
		const wave: Array<Promise<void>> = [];
		for (let i = first; i < first + phase.atOnce && i <= phase.count; i++) {
			const uid = `bench-${phase.name}-${String(i).padStart(4, '0')}`;
			wave.push(deliverOne(sandbox, ownerUserId, phase.name, uid, sent));
		}
		await Promise.all(wave);
	}
	return Date.now() - began;
}

interface PhaseResult {
	phase: Phase;
	sendMs: number;
	answered200: number;
	/** Deliveries the sender got no answer to, by the sender's error. */
	unanswered: Record<string, number>;
	started: number;
	extra: number;
	succeeded: number;
	startMs: number[];
	finishMs: number[];
	answerMs: number[];
}

/** Each execution matched to its delivery by the uid the trigger put out. */
async function matchExecutions(
	n8n: N8n,
	executions: ExecutionSummary[],
	sent: Map<string, Sent>,
	phases: PhaseResult[],
): Promise<number> {
	const byName = new Map(phases.map((p) => [p.phase.name, p]));
	const matched = new Set<string>();
	let unmatched = 0;
	for (const execution of executions) {
		const output = await n8n.executionOutput(execution.id);
		const uid = String(output(TRIGGER_NODE)[0]?.uid ?? '');
		const delivery = sent.get(uid);
		const result = delivery && byName.get(delivery.phase);
		if (!delivery || !result || !execution.startedAt) {
			unmatched++;
			continue;
		}
		if (matched.has(uid)) {
			result.extra++;
			continue;
		}
		matched.add(uid);
		result.started++;
		if (execution.status === 'success') result.succeeded++;
		result.startMs.push(Date.parse(execution.startedAt) - delivery.sentAt);
		if (execution.stoppedAt)
			result.finishMs.push(Date.parse(execution.stoppedAt) - delivery.sentAt);
	}
	return unmatched;
}

const stats = (values: number[]) => ({
	p50: median(values),
	p90: percentile(values, 90),
	p99: percentile(values, 99),
	max: values.length ? Math.max(...values) : Number.NaN,
});

function phaseRows(r: PhaseResult): Row[] {
	const { phase } = r;
	const how = phase.atOnce === 1 ? 'one after another' : `${phase.atOnce} at a time`;
	const ok = r.started === phase.count && r.extra === 0;
	const start = stats(r.startMs);
	const unanswered = Object.values(r.unanswered).reduce((sum, n) => sum + n, 0);
	return [
		{
			id: 'B5',
			figure: `executions started ÷ signed deliveries: ${phase.count} BOOKING_CREATED ${how} (real n8n 2.41.1)`,
			measured: `${r.started}/${phase.count} started, ${r.extra} extra, ${r.succeeded} succeeded; ${r.answered200} answered 200, ${unanswered} unanswered; sent in ${(r.sendMs / 1000).toFixed(1)} s`,
			value: r.started,
			target: `all ${phase.count}, none extra`,
			pass: ok,
		},
		{
			id: 'B5',
			figure: `  delivery sent → execution startedAt (n8n's record), ${how}: p50; p99`,
			measured: `${round(start.p50, 0)} ms; ${round(start.p99, 0)} ms (max ${start.max} ms)`,
			value: round(start.p50, 1),
			target: '—',
			pass: null,
		},
	];
}

async function startN8n(
	sandbox: Sandbox,
): Promise<{ n8n: N8n; workflowId: string; startMs: number }> {
	const began = Date.now();
	const runtime = ensureRuntime();
	log(`B5 n8n runtime ready in ${Date.now() - began} ms`);
	const n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
	await n8n.importCredentials(exampleCredentials(sandbox));
	const workflow = loadExample('booking-notifications.json');
	await n8n.importWorkflow(workflow);
	const timing = await n8n.start();
	log(`B5 n8n start: ready and signed in after ${timing.ms} ms`);
	await n8n.activate(workflow.id);
	return { n8n, workflowId: workflow.id, startMs: timing.ms };
}

/**
 * Until n8n has finished `total` executions of the workflow, or has had none running and started
 * none for QUIET_MS (then some deliveries started nothing: counted as lost, not waited for).
 */
async function waitForExecutions(n8n: N8n, workflowId: string, total: number): Promise<void> {
	let last = { all: -1, at: Date.now() };
	await waitUntil(
		`${total} executions have finished`,
		async () => {
			const counts = await executionCounts(n8n, workflowId);
			if (counts.all !== last.all) last = { all: counts.all, at: Date.now() };
			if (counts.unfinished > 0) return false;
			return counts.all >= total || Date.now() - last.at >= QUIET_MS;
		},
		PHASE_TIMEOUT_MS,
	).catch((error: unknown) => log(`B5 ${(error as Error).message}`));
}

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

/** Sends each phase, waiting after each until n8n has finished as many executions as were sent. */
async function runPhases(
	sandbox: Sandbox,
	n8n: N8n,
	workflowId: string,
	sent: Map<string, Sent>,
): Promise<PhaseResult[]> {
	const bailey = sandbox.state.users.find((user) => user.username === 'bailey');
	if (!bailey) throw new Error('no bailey in the fixture');
	const results: PhaseResult[] = [];
	let expected = 0;
	for (const phase of PHASES) {
		const sendMs = await deliverPhase(sandbox, bailey.id, phase, sent);
		expected += phase.count;
		const total = expected;
		await waitForExecutions(n8n, workflowId, total);
		await sleep(GRACE_MS);
		const mine = [...sent.values()].filter((s) => s.phase === phase.name);
		log(`B5 ${phase.name}: ${phase.count} sent in ${sendMs} ms`);
		results.push({
			phase,
			sendMs,
			answered200: mine.filter((s) => s.status === 200).length,
			unanswered: countBy(mine.flatMap((s) => (s.error ? [s.error] : []))),
			started: 0,
			extra: 0,
			succeeded: 0,
			startMs: [],
			finishMs: [],
			answerMs: mine.map((s) => s.answeredMs),
		});
	}
	return results;
}

export async function benchTrigger(): Promise<FigureResult> {
	let sandbox: Sandbox | undefined;
	let n8n: N8n | undefined;
	try {
		sandbox = await startSandbox({ now: MARCH, fixture: FIXTURE });
		const box = sandbox;
		const started = await startN8n(box);
		n8n = started.n8n;
		await waitUntil(
			'the trigger registered its webhook',
			() => box.state.webhooks.length === 1,
			30_000,
		);
		const sent = new Map<string, Sent>();
		const phases = await runPhases(box, n8n, started.workflowId, sent);
		const executions = await allExecutions(n8n, started.workflowId);
		const unmatched = await matchExecutions(n8n, executions, sent, phases);
		const details = {
			executions: executions.length,
			unmatchedExecutions: unmatched,
			phases: phases.map((r) => ({
				...r.phase,
				sendMs: r.sendMs,
				answered200: r.answered200,
				unanswered: r.unanswered,
				started: r.started,
				extra: r.extra,
				succeeded: r.succeeded,
				startMs: stats(r.startMs),
				finishMs: stats(r.finishMs),
				answerMs: stats(r.answerMs),
			})),
			n8nStartMs: started.startMs,
			sandboxApiRequests: box.requests.length,
		};
		log(`B5 ${JSON.stringify(details)}`);
		const rows = phases.flatMap(phaseRows);
		rows.push({
			id: 'B5',
			figure: '  executions matching no delivery (all phases)',
			measured: String(unmatched),
			value: unmatched,
			target: '0',
			pass: unmatched === 0,
		});
		return { rows, details };
	} finally {
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	}
}
