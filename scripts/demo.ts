/**
 * The demo: a local Cal.com (the sandbox) and a real n8n with this package. n8n runs the example
 * trigger workflow (active, so its Cal.com Trigger registers a signed webhook at Cal.com) and the
 * example workflow that finds a slot, books it, reschedules and cancels it; after each booking
 * action the demo prints the trigger workflow's execution for it, read from n8n. Prints what
 * happened as it goes.
 *
 *   npm run demo             run it and stop everything
 *   npm run demo -- --keep   afterwards leave n8n running and print the editor URL and login
 *
 * Everything listens on 127.0.0.1 only. Compiled by `npm run demo` into demo-build/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ensureReferenceFiles } from '../test/reference/ensure';
import { locateReference } from '../test/reference/lookup';

const ROOT = resolve(__dirname, '..', '..');
/* Cal.com's reference files, found as the specs find them (test/reference/lookup.ts) from the
 * checkout, not from this build folder; pinned in CALCOM_SHARED_DIR before test/shared-path.ts loads. */
const REFERENCE = locateReference(process.env, ROOT);
process.env.CALCOM_SHARED_DIR ??= REFERENCE.dir;

/* eslint-disable @typescript-eslint/no-require-imports -- loaded after CALCOM_SHARED_DIR is set */
const { startSandbox } = require('../test/sandbox') as typeof import('../test/sandbox');
const {
	ensureRuntime,
	exampleCredentials,
	freePortPair,
	installPackedPackage,
	N8n,
	OWNER,
	runOutput,
} = require('../test/e2e/n8n') as typeof import('../test/e2e/n8n');
/* eslint-enable @typescript-eslint/no-require-imports */

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type N8nInstance = InstanceType<typeof N8n>;

interface Workflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; webhookId?: string }>;
	connections: Record<string, { main?: Array<Array<{ node: string }>> }>;
}

const NOW = '2027-03-01T08:00:00Z';
const BOOK_LOOP = 'calcomExBookLoop';
const BAD_TIME_ZONE = 'calcomExErrorMsg';
/** Waits poll n8n for what they wait for; this only bounds them, generously for a busy machine. */
const WAIT_LIMIT_MS = 180_000;
const keep = process.argv.includes('--keep');
const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (text: string) => say(`\n▸ ${text}`);

function localTime(iso: unknown, zone = 'America/New_York'): string {
	return new Date(String(iso)).toLocaleString('en-US', {
		timeZone: zone,
		weekday: 'short',
		month: 'short',
		day: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
	});
}

/** Every example in examples/, named as a custom extension's nodes are (CUSTOM.*). */
function loadExamples(): Workflow[] {
	return readdirSync(join(ROOT, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = readFileSync(join(ROOT, 'examples', file), 'utf8').replace(
				/"n8n-nodes-cal-com\.(calCom\w*)"/g,
				'"CUSTOM.$1"',
			);
			return JSON.parse(text) as Workflow;
		});
}

/** The example that starts with the Cal.com Trigger, its trigger node and the node after it. */
function triggerExample(examples: Workflow[]) {
	for (const workflow of examples) {
		const trigger = workflow.nodes.find((node) => node.type === 'CUSTOM.calComTrigger');
		if (trigger)
			return {
				workflow,
				trigger,
				next: workflow.connections[trigger.name]?.main?.[0]?.[0]?.node,
			};
	}
	throw new Error('no example in examples/ starts with the Cal.com Trigger');
}

type TriggerExample = ReturnType<typeof triggerExample>;

async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
	const began = Date.now();
	for (;;) {
		const found = await check();
		if (found !== undefined) return found;
		if (Date.now() - began > WAIT_LIMIT_MS)
			throw new Error(`waited ${WAIT_LIMIT_MS / 1000} s for ${what} in vain`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/**
 * The trigger workflow's executions as n8n lists them, each read once: waits (polling n8n) for the
 * one whose Cal.com Trigger item is `event` for booking `uid`. Found by what it holds, not by its
 * place: Cal.com delivers each request's webhooks on their own, so a cancellation's delivery can
 * reach n8n before the reschedule's (the execution numbers then show it).
 */
function executionReader(n8n: N8nInstance, example: TriggerExample) {
	const seen = new Map<string, { status: string; item: Record<string, unknown>; next: unknown }>();
	return async (event: string, uid: unknown) =>
		await until(`n8n's execution of the trigger workflow for ${event} ${String(uid)}`, async () => {
			for (const execution of await n8n.executions(example.workflow.id)) {
				if (!execution.stoppedAt || seen.has(execution.id)) continue;
				const output = await n8n.executionOutput(execution.id);
				seen.set(execution.id, {
					status: execution.status,
					item: output(example.trigger.name)[0] ?? {},
					next: example.next ? output(example.next)[0]?.summary : undefined,
				});
			}
			for (const [id, run] of seen)
				if (run.item.triggerEvent === event && run.item.uid === uid) return { id, ...run };
			return undefined;
		});
}

/** Starts n8n, activates the trigger workflow and waits until its webhook is registered at Cal.com. */
async function startWithTrigger(n8n: N8nInstance, sandbox: Sandbox, example: TriggerExample) {
	const timing = await n8n.start();
	say(
		`  n8n is running at ${n8n.baseUrl} (ready and signed in after ${(timing.ms / 1000).toFixed(1)} s)`,
	);
	await n8n.activate(example.workflow.id);
	const url = `${n8n.baseUrl}/webhook/${example.trigger.webhookId}/webhook`;
	const webhook = await until('the trigger to register its webhook at Cal.com', async () =>
		sandbox.state.webhooks.find((candidate) => candidate.subscriberUrl === url),
	);
	say(
		`  its Cal.com Trigger registered a signed webhook at Cal.com for ${webhook.triggers.join(', ')}`,
	);
	say(`  → ${url}`);
}

/** Runs the book-loop example with `n8n execute`; after each action, the trigger's execution for it. */
async function bookingLoop(n8n: N8nInstance, sandbox: Sandbox, example: TriggerExample) {
	const result = await n8n.execute(BOOK_LOOP);
	if (result.code !== 0) throw new Error(`the workflow failed:\n${result.stdout.slice(-3000)}`);
	const output = runOutput(result.stdout);
	const slots = output('Find free slots');
	say(`  slots found on Mon Mar 15: ${slots.length}, first ${localTime(slots[0]?.start)}`);
	const execution = executionReader(n8n, example);
	const triggered = async (event: string, uid: unknown) => {
		const run = await execution(event, uid);
		const from = run.item.rescheduleUid ? ` (moved from ${String(run.item.rescheduleUid)})` : '';
		say(
			`    ⚡ trigger execution ${run.id} (${run.status}): ${event} ${String(run.item.uid)}${from} at ${localTime(run.item.startTime)}`,
		);
		if (run.next !== undefined) say(`       ${example.next}: "${String(run.next)}"`);
	};
	const booked = output('Book it')[0];
	say(
		`  booked      ${String(booked.uid)} for ${String((booked.attendees as Array<{ name: string }>)[0]?.name)} at ${localTime(booked.start)} (${String(booked.status)})`,
	);
	await triggered('BOOKING_CREATED', booked.uid);
	const moved = output('Move it an hour later')[0];
	say(`  rescheduled to ${localTime(moved.start)} — new booking ${String(moved.uid)}`);
	await triggered('BOOKING_RESCHEDULED', moved.uid);
	const cancelled = output('Cancel it')[0];
	say(
		`  cancelled   ${String(cancelled.uid)}: "${String(cancelled.cancellationReason)}" (${String(cancelled.status)})`,
	);
	await triggered('BOOKING_CANCELLED', cancelled.uid);
	await sandbox.deliveriesSettled();
	const toN8n = sandbox.deliveries.filter((d) => d.subscriberUrl.startsWith(n8n.baseUrl));
	say(
		`  Cal.com signed ${toN8n.length} deliveries (X-Cal-Signature-256); the trigger checked each and n8n answered ${[...new Set(toN8n.map((d) => d.status))].join(', ')}`,
	);
}

function printEditor(n8n: N8nInstance, examples: Workflow[], example: TriggerExample): void {
	say(`\nn8n keeps running: ${n8n.baseUrl}  (login ${OWNER.email} / ${OWNER.password})`);
	say(`Its workflows, the ${examples.length} examples:`);
	for (const workflow of examples)
		say(`  ${workflow.name}${workflow.id === example.workflow.id ? '  (active)' : ''}`);
	say('Press Ctrl-C to stop n8n and the Cal.com sandbox.');
}

async function main(): Promise<void> {
	const cleanups: Array<() => unknown> = [];
	const cleanup = async () => {
		for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => void cleanup().then(() => process.exit(0)));
	try {
		await ensureReferenceFiles(REFERENCE, process.env, (line) => say(`  ${line}`));
		step('Starting the Cal.com sandbox (a local Cal.com API v2 on 127.0.0.1)');
		const sandbox = await startSandbox({
			now: NOW,
			fixture: join(ROOT, 'test', 'sandbox', 'fixture.json'),
		});
		cleanups.push(() => sandbox.close());
		say(`  ${sandbox.url} — calendar clock fixed at ${NOW}; user bailey (America/New_York)`);

		step(
			'Preparing a real n8n with this package (the first run installs Node 24 and n8n into .cache/: minutes, a line per step)',
		);
		const runtime = ensureRuntime();
		const n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		cleanups.push(() => n8n.cleanup());
		cleanups.push(() => n8n.stop());
		await n8n.importCredentials(exampleCredentials(sandbox));
		const examples = loadExamples();
		await n8n.importWorkflows(examples);
		say(`  imported the Cal.com credentials and the ${examples.length} example workflows`);
		const example = triggerExample(examples);

		step(`Starting n8n and activating "${example.workflow.name}"`);
		await startWithTrigger(n8n, sandbox, example);

		step(
			'Running "Cal.com: find a slot, book it, reschedule, cancel" with n8n execute (⚡ = the trigger workflow\'s execution for that change, read from n8n)',
		);
		await bookingLoop(n8n, sandbox, example);

		step('Running "Cal.com: what a user sees when a time zone is wrong"');
		const failed = await n8n.execute(BAD_TIME_ZONE);
		const message = /Time Zone: [^\n]*?UTC\./.exec(failed.stdout.replace(/\\"/g, '"'))?.[0];
		say(`  n8n stopped the workflow before any request: ${message ?? '(message not found)'}`);

		step(
			`Cal.com saw ${sandbox.requests.length} requests, ${sandbox.invalidRequests().length} of them invalid against its OpenAPI document`,
		);

		if (keep) {
			printEditor(n8n, examples, example);
			await n8n.exited();
		}
	} finally {
		await cleanup();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(
			`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(1);
	},
);
