/**
 * The demo: a local Cal.com (the sandbox) and a real n8n with this package, running the example
 * workflow that finds a slot, books it, reschedules and cancels it, with Cal.com's signed webhooks
 * for each change received and verified. Prints what happened as it goes.
 *
 *   npm run demo             run it and stop everything
 *   npm run demo -- --keep   afterwards leave n8n running and print the editor URL and login
 *
 * Everything listens on 127.0.0.1 only. Compiled by `npm run demo` into .cache/demo-build.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

import { ensureReferenceFiles } from '../test/reference/ensure';
import { locateReference } from '../test/reference/lookup';

const ROOT = resolve(__dirname, '..', '..', '..');
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

const NOW = '2027-03-01T08:00:00Z';
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

function loadExample(file: string): { id: string } {
	const text = readFileSync(join(ROOT, 'examples', file), 'utf8').replace(
		/"n8n-nodes-cal-com\.(calCom\w*)"/g,
		'"CUSTOM.$1"',
	);
	return JSON.parse(text) as { id: string };
}

/** Receives Cal.com's webhooks and checks each X-Cal-Signature-256 before believing it. */
async function webhookReceiver(secret: string) {
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const raw = Buffer.concat(chunks);
			const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
			const given = Buffer.from(String(request.headers['x-cal-signature-256'] ?? ''));
			const valid = given.length === expected.length && timingSafeEqual(given, expected);
			const body = JSON.parse(raw.toString('utf8')) as {
				triggerEvent: string;
				payload?: { uid?: string; startTime?: string };
			};
			say(
				`  ⚡ webhook ${body.triggerEvent.padEnd(20)} booking ${body.payload?.uid ?? '?'} at ${localTime(body.payload?.startTime)} — signature ${valid ? 'verified' : 'INVALID'}`,
			);
			response.statusCode = valid ? 200 : 401;
			response.end();
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cal-webhook` };
}

/** `n8n start` with the owner set up (the helper stops it on exit and on Ctrl-C whatever happens). */
async function startEditor(n8n: InstanceType<typeof N8n>): Promise<void> {
	const timing = await n8n.start();
	say(
		`\nn8n is running: ${n8n.baseUrl}  (login ${OWNER.email} / ${OWNER.password}; started in ${(timing.ms / 1000).toFixed(1)} s)`,
	);
	say(
		'Open the workflow "Cal.com: find a slot, book it, reschedule, cancel". Press Ctrl-C to stop.',
	);
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

		const secret = randomBytes(32).toString('hex');
		const receiver = await webhookReceiver(secret);
		cleanups.push(() => receiver.server.close());
		await fetch(`${sandbox.url}/v2/webhooks`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sandbox.apiKeyFor('bailey')}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				subscriberUrl: receiver.url,
				triggers: ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED'],
				active: true,
				secret,
			}),
		});
		say(
			'  subscribed a signed webhook for BOOKING_CREATED, BOOKING_RESCHEDULED, BOOKING_CANCELLED',
		);

		step(
			'Preparing a real n8n with this package (first run installs Node 24 and n8n into .cache/)',
		);
		const runtime = ensureRuntime();
		const n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		cleanups.push(() => n8n.cleanup());
		await n8n.importCredentials(exampleCredentials(sandbox));
		for (const file of [
			'book-reschedule-cancel.json',
			'error-bad-time-zone.json',
			'out-of-office-sync.json',
		])
			await n8n.importWorkflow(loadExample(file));
		say('  imported the Cal.com credentials and the example workflows');

		step('Running "Cal.com: find a slot, book it, reschedule, cancel" with n8n execute');
		const result = await n8n.execute('calcomExBookLoop');
		if (result.code !== 0) throw new Error(`the workflow failed:\n${result.stdout.slice(-3000)}`);
		const output = runOutput(result.stdout);
		const slots = output('Find free slots');
		say(`  slots found on Mon Mar 15: ${slots.length}, first ${localTime(slots[0]?.start)}`);
		const booked = output('Book it')[0];
		say(
			`  booked      ${String(booked.uid)} for ${String((booked.attendees as Array<{ name: string }>)[0]?.name)} at ${localTime(booked.start)} (${String(booked.status)})`,
		);
		const moved = output('Move it an hour later')[0];
		say(`  rescheduled to ${localTime(moved.start)} — new booking ${String(moved.uid)}`);
		const cancelled = output('Cancel it')[0];
		say(
			`  cancelled   ${String(cancelled.uid)}: "${String(cancelled.cancellationReason)}" (${String(cancelled.status)})`,
		);
		await sandbox.deliveriesSettled();

		step('Running "Cal.com: what a user sees when a time zone is wrong"');
		const failed = await n8n.execute('calcomExErrorMsg');
		const message = /Time Zone: [^\n]*?UTC\./.exec(failed.stdout.replace(/\\"/g, '"'))?.[0];
		say(`  n8n stopped the workflow before any request: ${message ?? '(message not found)'}`);

		step(
			`Cal.com saw ${sandbox.requests.length} requests, ${sandbox.invalidRequests().length} of them invalid against its OpenAPI document`,
		);

		if (keep) {
			cleanups.push(() => n8n.stop());
			await startEditor(n8n);
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
