import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { installedRuntime } from './n8n';

/**
 * The demo with --keep (`npm run demo -- --keep`), read from its transcript: the example trigger
 * workflow runs inside n8n, and its executions print in order, each after the booking action it
 * belongs to; afterwards n8n keeps running with every example, at the URL and login printed,
 * until Ctrl-C.
 */
jest.setTimeout(20 * 60_000);

const ROOT = resolve(__dirname, '..', '..');
/** Only bounds waits that poll the transcript; generous, so a busy machine is slower but not failed. */
const WAIT_LIMIT_MS = 15 * 60_000;

const EXAMPLE_NAMES = readdirSync(join(ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			(JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as { name: string }).name,
	)
	.sort();

/** Whether any process of the group `pid` leads still runs. */
function alive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Polls `check` until it holds. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
	const began = Date.now();
	while (!(await check())) {
		if (Date.now() - began > WAIT_LIMIT_MS) throw new Error(`waited in vain until ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

describe('the demo (npm run demo -- --keep)', () => {
	let demo: ChildProcess;
	let transcript = '';
	let exited: Promise<[number | null, NodeJS.Signals | null]>;

	/** Polls the transcript until `pattern` shows up; answers its match. */
	async function printed(pattern: RegExp): Promise<RegExpExecArray> {
		await until(`the demo printed ${pattern}`, async () => {
			if (demo.exitCode !== null || demo.signalCode !== null)
				throw new Error(`the demo ended without printing ${pattern}; it printed:\n${transcript}`);
			return pattern.test(transcript);
		});
		return pattern.exec(transcript) as RegExpExecArray;
	}

	beforeAll(async () => {
		// No spec installs anything: without the runtime this fails at once, naming the command.
		installedRuntime();
		// `npm run demo` is `npm run build && tsc -p tsconfig.demo.json && node demo-build/…`. dist/ is
		// built before jest starts (npm test), and rebuilding it here would rewrite files that other
		// end-to-end specs are packing at the same time: so the spec runs the two last steps.
		execFileSync(
			process.execPath,
			[require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.demo.json'],
			{
				cwd: ROOT,
			},
		);
		// Its own process group, as a terminal runs it, so that Ctrl-C (SIGINT) goes to the group.
		demo = spawn(process.execPath, [join('demo-build', 'scripts', 'demo.js'), '--keep'], {
			cwd: ROOT,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		exited = once(demo, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
		demo.stdout?.on('data', (chunk: Buffer) => (transcript += chunk.toString('utf8')));
		demo.stderr?.on('data', (chunk: Buffer) => (transcript += chunk.toString('utf8')));
		await printed(/^n8n keeps running: .*$/m);
		process.stdout.write(`[e2e demo] the transcript so far:\n${transcript}\n`);
	});

	afterAll(() => {
		if (demo?.pid !== undefined && alive(demo.pid)) process.kill(-demo.pid, 'SIGKILL');
	});

	it("prints the trigger workflow's executions in order, each after the booking action it belongs to", () => {
		const lines = transcript.split('\n');
		const index = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
		const booked =
			/^ {2}booked {6}(\S+) for Ana Silva at Mon, Mar 15, 9:00 AM EDT \(accepted\)$/m.exec(
				transcript,
			);
		const moved = /^ {2}rescheduled to Mon, Mar 15, 10:00 AM EDT — new booking (\S+)$/m.exec(
			transcript,
		);
		expect(booked).not.toBeNull();
		expect(moved).not.toBeNull();
		const [uid, newUid] = [booked![1], moved![1]];

		const order = [
			index(/^ {2}booked /),
			index(
				new RegExp(
					`⚡ trigger execution \\d+ \\(success\\): BOOKING_CREATED ${uid} at Mon, Mar 15, 9:00 AM EDT$`,
				),
			),
			index(/^ {2}rescheduled to /),
			index(
				new RegExp(
					`⚡ trigger execution \\d+ \\(success\\): BOOKING_RESCHEDULED ${newUid} \\(moved from ${uid}\\) at Mon, Mar 15, 10:00 AM EDT$`,
				),
			),
			index(new RegExp(`^ {2}cancelled {3}${newUid}: "Plans changed" \\(cancelled\\)$`)),
			index(new RegExp(`⚡ trigger execution \\d+ \\(success\\): BOOKING_CANCELLED ${newUid} at`)),
		];
		expect(order.every((at) => at >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);

		// Three executions, each its own, each with the Summarize node's line under it.
		const executions = [...transcript.matchAll(/⚡ trigger execution (\d+) /g)].map((m) => m[1]);
		expect(new Set(executions).size).toBe(3);
		expect(
			transcript.match(
				/^ {7}Summarize: "BOOKING_\w+: 30 Min Meeting between .* and Ana Silva at /gm,
			),
		).toHaveLength(3);
		expect(transcript).toMatch(
			/its Cal\.com Trigger registered a signed webhook at Cal\.com for BOOKING_CANCELLED, BOOKING_CREATED, BOOKING_RESCHEDULED/,
		);
		expect(transcript).toMatch(
			/Cal\.com signed 3 deliveries \(X-Cal-Signature-256\); the trigger checked each and n8n answered 200$/m,
		);
		// The demo's own receiver is gone: every webhook line is n8n's.
		expect(transcript).not.toMatch(/signature verified/);
	});

	it('keeps the rest of its transcript: the slot found, the bad-time-zone error, a clean Cal.com log', () => {
		expect(transcript).toMatch(
			/^ {2}slots found on Mon Mar 15: \d+, first Mon, Mar 15, 9:00 AM EDT$/m,
		);
		expect(transcript).toMatch(
			/n8n stopped the workflow before any request: Time Zone: "Eastern Time" is not an IANA time zone name\./,
		);
		expect(transcript).toMatch(
			/Cal\.com saw \d+ requests, 0 of them invalid against its OpenAPI document/,
		);
		expect(transcript).toContain(
			`imported the Cal.com credentials and the ${EXAMPLE_NAMES.length} example workflows`,
		);
	});

	it('with --keep leaves n8n running with every example at the URL and login it printed, until Ctrl-C', async () => {
		const [, url, email, password] = await printed(
			/^n8n keeps running: (http:\/\/127\.0\.0\.1:\d+) {2}\(login (\S+) \/ (\S+)\)$/m,
		);
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		const cookie = login.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		const response = await fetch(`${url}/rest/workflows`, { headers: { cookie: String(cookie) } });
		const { data } = (await response.json()) as { data: Array<{ name: string; active: boolean }> };
		expect(data.map((workflow) => workflow.name).sort()).toEqual(EXAMPLE_NAMES);
		expect(EXAMPLE_NAMES).toHaveLength(5);
		expect(data.filter((workflow) => workflow.active).map((workflow) => workflow.name)).toEqual([
			'Cal.com: a line for each booking made, moved or cancelled',
		]);
		for (const name of EXAMPLE_NAMES) expect(transcript).toContain(`  ${name}`);

		// Ctrl-C, as a terminal sends it to the foreground group: the demo stops n8n and the sandbox and
		// exits 0; then nothing of it runs and n8n's port is closed.
		process.kill(-(demo.pid as number), 'SIGINT');
		expect(await exited).toEqual([0, null]);
		await until('the demo and n8n have exited', async () => {
			const groupAlive = alive(demo.pid as number);
			const answers = await fetch(`${url}/healthz`).then(
				() => true,
				() => false,
			);
			return !groupAlive && !answers;
		});
	});
});
