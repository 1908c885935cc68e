import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import {
	appendFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * A real n8n (pinned, on Node 24, from .cache/ — see scripts/ensure-n8n.sh) with this package
 * loaded the way n8n loads a community package, driven through its CLI. Everything listens on
 * 127.0.0.1 only.
 */
/** The checkout: the nearest folder up from here with scripts/ensure-n8n.sh (the demo runs a compiled copy). */
function findRoot(): string {
	let dir = resolve(__dirname);
	for (let i = 0; i < 8; i++) {
		if (existsSync(join(dir, 'scripts', 'ensure-n8n.sh'))) return dir;
		dir = dirname(dir);
	}
	throw new Error('cannot find the checkout (scripts/ensure-n8n.sh) above ' + __dirname);
}

const ROOT = findRoot();

export interface Runtime {
	nodeBin: string;
	n8nDir: string;
}

/**
 * Node 24 and n8n in .cache/, installing them when missing (minutes): for the demo and the
 * benchmarks. Specs use installedRuntime(): `npm test` installs before jest starts.
 */
export function ensureRuntime(): Runtime {
	return runtimeFrom(
		execFileSync('bash', [join(ROOT, 'scripts', 'ensure-n8n.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
}

/**
 * Node 24 and n8n as scripts/ensure-n8n.sh installed them, without installing anything: when they
 * are missing this throws at once with the command that installs them.
 */
export function installedRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
	try {
		return runtimeFrom(
			execFileSync('bash', [join(ROOT, 'scripts', 'ensure-n8n.sh'), '--check'], {
				env,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			}),
		);
	} catch (error) {
		const said = String((error as { stderr?: unknown }).stderr ?? '').trim();
		throw new Error(said || (error as Error).message);
	}
}

function runtimeFrom(out: string): Runtime {
	const value = (name: string) => {
		const match = new RegExp(`^${name}='(.*)'$`, 'm').exec(out);
		if (!match) throw new Error(`ensure-n8n.sh did not print ${name}`);
		return match[1];
	};
	return { nodeBin: value('N8N_NODE_BIN'), n8nDir: value('N8N_DIR') };
}

/** `npm pack` of the built package (dist/ as it is) into `destination`: the tarball's path. */
export function packPackage(destination: string): string {
	const name = execFileSync(
		'npm',
		['pack', '--ignore-scripts', '--pack-destination', destination],
		{
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	)
		.trim()
		.split('\n')
		.pop() as string;
	return join(destination, name);
}

/**
 * `npm pack`s the built package and unpacks it into the folder n8n reads custom extensions from.
 * The folder sits inside the n8n install so that the package's `require('n8n-workflow')`
 * resolves to n8n's own copy, as it does for an installed community package.
 */
export function installPackedPackage(runtime: Runtime): string {
	const packDir = mkdtempSync(join(tmpdir(), 'calcom-pack-'));
	try {
		const packed = packPackage(packDir);
		// One folder per run, so parallel runs (a test and the demo) never swap packages under each other.
		const base = join(runtime.n8nDir, 'custom-extensions');
		mkdirSync(base, { recursive: true });
		const extensions = mkdtempSync(join(base, 'run-'));
		const target = join(extensions, 'n8n-nodes-cal-com');
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', packed, '-C', target, '--strip-components=1']);
		return extensions;
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * npm as the Node 24 runtime runs it (its `node` first on PATH), in `cwd`, with `env` only: for the
 * install spec, which installs the packed tarball the way README says (offline; it checks that).
 */
export function npmWithRuntime(
	runtime: Runtime,
	env: NodeJS.ProcessEnv,
	cwd: string,
	args: string[],
): Promise<CommandResult> {
	return new Promise((done) => {
		execFile(
			'npm',
			args,
			{ cwd, env: { ...env, PATH: `${runtime.nodeBin}:${process.env.PATH ?? ''}` } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				done({ code, stdout, stderr });
			},
		);
	});
}

/** Process groups of `n8n start`s still running: killed when this process exits, whatever happened. */
const running = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/**
 * Remembers a child started in a process group of its own (`detached`), so that it is killed when
 * this process exits, however it exits: for n8n and for the servers the queue-mode spec starts.
 */
export function trackGroup(child: ChildProcess): void {
	installExitHook();
	const pid = child.pid;
	if (pid === undefined) return;
	running.add(pid);
	child.once('exit', () => running.delete(pid));
}

/**
 * Stops a child started by trackGroup's caller: `signal` to the child itself (or to its whole
 * group with `group`), SIGKILL to the group after 20 s, then SIGKILL to whatever of the group is
 * left. Safe to call when it has exited already.
 */
export async function stopGroup(
	child: ChildProcess,
	signal: NodeJS.Signals = 'SIGTERM',
	group = true,
): Promise<void> {
	const pid = child.pid;
	if (pid === undefined) return;
	if (child.exitCode === null && child.signalCode === null) {
		const exit = once(child, 'exit');
		if (group) killGroup(pid, signal);
		else child.kill(signal);
		const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 20_000);
		await exit;
		clearTimeout(timer);
	}
	killGroup(pid, 'SIGKILL');
	running.delete(pid);
}

function killAll(): void {
	for (const pid of running) killGroup(pid, 'SIGKILL');
	running.clear();
}

/**
 * n8n runs in a process group of its own (so that its task runners stop with it), which also means
 * a Ctrl-C or a SIGTERM to this process does not reach it: kill it on exit and on those signals,
 * then let the signal do what it would have done.
 */
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', killAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		const onSignal = () => {
			killAll();
			if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
		};
		process.once(signal, onSignal);
	}
}

/**
 * How long `start()` took (spawn → ready → signed in). Cold: this user folder's first `n8n start`
 * (n8n writes its static cache, e.g. the node types for the editor, and sets up the owner); warm:
 * a restart of the same folder.
 */
export interface StartTiming {
	kind: 'cold' | 'warm';
	ms: number;
}

/** An execution as `GET /rest/executions` lists it. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
}

/** A node type as the editor gets it from `/types/nodes.json` (the fields the specs read). */
export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	inputs?: unknown;
	outputs?: unknown;
	codex?: { categories?: string[]; subcategories?: Record<string, string[]> };
}

/** The login `start()` creates for the instance owner (printed by the demo with --keep). */
/** What the examples' credentials need of the sandbox (test/sandbox): its URL and users' keys. */
interface KeySource {
	url: string;
	apiKeyFor(username: string): string;
}

/**
 * The Cal.com credentials the examples name (placeholder ID and name), as `n8n import:credentials`
 * reads them: bailey's key for most examples; out-of-office-sync.json needs an organization
 * admin's or owner's key, maya's (the owner of the sandbox's organization 900).
 */
export interface ExampleWorkflow extends Record<string, unknown> {
	id: string;
	nodes: Array<{ name: string } & Record<string, unknown>>;
}

/** A workflow of examples/; they name the node as an installed community package does, a custom extension is CUSTOM.* */
export function loadExample(file: string): ExampleWorkflow {
	const text = readFileSync(join(ROOT, 'examples', file), 'utf8').replace(
		/"n8n-nodes-cal-com\.(calCom\w*)"/g,
		'"CUSTOM.$1"',
	);
	return JSON.parse(text) as ExampleWorkflow;
}

export function exampleCredentials(sandbox: KeySource): unknown[] {
	const credential = (id: string, name: string, username: string) => ({
		id,
		name,
		type: 'calComV2Api',
		data: { apiKey: sandbox.apiKeyFor(username), environment: 'selfHosted', baseUrl: sandbox.url },
	});
	return [
		credential('calcomExample001', 'Cal.com account', 'bailey'),
		credential('calcomOrgAdmin01', 'Cal.com organization admin', 'maya'),
	];
}

export const OWNER = {
	email: 'owner@example.com',
	password: 'E2e-password-1',
	firstName: 'E2E',
	lastName: 'Owner',
};

/**
 * Which n8n command a process runs, and what else it needs: `start` (the main process, with the
 * editor and REST API: it signs in the owner), `worker` or `webhook` (queue mode, test/e2e/queue.ts).
 */
export interface N8nProcessOptions {
	command?: 'start' | 'worker' | 'webhook';
	/** Flags after the command, e.g. `--concurrency=5`. */
	args?: string[];
	/** Settings over the defaults (queue mode: database, Redis, ports). */
	env?: NodeJS.ProcessEnv;
	/** Everything the process prints is appended here too (the last 200 lines are kept anyway). */
	logFile?: string;
}

export class N8n {
	readonly userFolder: string;

	readonly env: NodeJS.ProcessEnv;

	/** 'http://127.0.0.1:<port>' */
	readonly baseUrl: string;

	private child?: ChildProcess;

	private cookie?: string;

	private starts = 0;

	/** The last lines `n8n start` printed, for error messages. */
	private output: string[] = [];

	/**
	 * `extensions`: the folder `installPackedPackage` filled (N8N_CUSTOM_EXTENSIONS), or null for an
	 * n8n that finds the package only where a user installed it (`<userFolder>/.n8n/nodes`).
	 */
	constructor(
		readonly runtime: Runtime,
		readonly extensions: string | null,
		readonly port: number,
		readonly options: N8nProcessOptions = {},
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), 'calcom-n8n-'));
		this.env = {
			PATH: `${runtime.nodeBin}:${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			...(extensions === null ? {} : { N8N_CUSTOM_EXTENSIONS: extensions }),
			N8N_ENCRYPTION_KEY: 'e2e-only-not-a-secret-0123456789',
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry,instance-ai,agents,workflow-builder,chat-hub',
			N8N_RUNNERS_BROKER_PORT: String(port + 1),
			// `n8n execute` prints the run through its logger: below info it prints nothing.
			N8N_LOG_LEVEL: process.env.N8N_E2E_LOG_LEVEL ?? 'info',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			...options.env,
		};
		this.baseUrl = `http://127.0.0.1:${port}`;
	}

	/**
	 * `n8n start` (or the command of `options`) as a child process (its own process group, so its
	 * task runners go with it), then waits for `/healthz/readiness` on `port` (a worker's health
	 * server listens there in queue mode); for `start`, sets up the owner (or logs in, when this
	 * user folder has one already) and keeps the session cookie for `rest()`. Stopped by `stop()`,
	 * and killed when this process exits in any case.
	 */
	async start(timeoutMs = 300_000): Promise<StartTiming> {
		if (this.child) throw new Error('n8n is already running');
		const began = Date.now();
		const kind = this.starts++ === 0 ? 'cold' : 'warm';
		const bin = join(this.runtime.n8nDir, 'node_modules', '.bin', 'n8n');
		const { command = 'start', args = [], logFile } = this.options;
		const child = spawn(join(this.runtime.nodeBin, 'node'), [bin, command, ...args], {
			env: this.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child = child;
		this.output = [];
		trackGroup(child);
		const keep = (chunk: Buffer) => {
			if (logFile) appendFileSync(logFile, chunk);
			this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
			if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		let exited = false;
		child.once('exit', () => {
			exited = true;
		});
		try {
			while (
				!(await fetch(`${this.baseUrl}/healthz/readiness`).then(
					(r) => r.ok,
					() => false,
				))
			) {
				if (exited) throw new Error(`n8n ${command} exited before it was ready`);
				if (Date.now() - began > timeoutMs)
					throw new Error(`n8n was not ready after ${timeoutMs} ms`);
				await new Promise((r) => setTimeout(r, 200));
			}
			if (command === 'start') await this.signIn();
		} catch (error) {
			await this.stop();
			throw new Error(
				`${(error as Error).message}\n--- n8n ${command} printed ---\n${this.output.join('\n')}`,
			);
		}
		return { kind, ms: Date.now() - began };
	}

	/** Stops the process (SIGTERM to its process group, SIGKILL after 20 s). Safe to call twice. */
	async stop(): Promise<void> {
		const child = this.child;
		this.child = undefined;
		this.cookie = undefined;
		// Its task runners go with it (its process group); what is left is killed.
		if (child) await stopGroup(child);
	}

	/** Resolves when `n8n start` exits (at once when it is not running). */
	async exited(): Promise<void> {
		const child = this.child;
		if (child && child.exitCode === null && child.signalCode === null) await once(child, 'exit');
	}

	/** What `n8n start` printed last (up to 200 lines). */
	startOutput(): string {
		return this.output.join('\n');
	}

	private async signIn(): Promise<void> {
		const json = { 'content-type': 'application/json' };
		let response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify(OWNER),
		});
		if (response.status === 400) {
			// This user folder's n8n has its owner already (a warm start): log in instead.
			response = await fetch(`${this.baseUrl}/rest/login`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
		}
		if (!response.ok)
			throw new Error(`signing in to n8n failed: ${response.status} ${await response.text()}`);
		const cookie = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('n8n set no n8n-auth session cookie');
		this.cookie = cookie;
	}

	/** A call to n8n's REST API as the owner; answers n8n's `data`. Throws on a non-2xx status. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.request(method, path, body);
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** A request with the owner's session cookie (for paths outside /rest, e.g. /types/nodes.json). */
	async request(method: string, path: string, body?: unknown): Promise<Response> {
		if (!this.cookie) throw new Error('n8n is not started (no session)');
		const headers: Record<string, string> = { cookie: this.cookie };
		if (body !== undefined) headers['content-type'] = 'application/json';
		return await fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}

	/** Activates (publishes) the workflow's current version: n8n registers its trigger's webhooks. */
	async activate(
		workflowId: string,
	): Promise<{ active: boolean; activeVersionId?: string | null }> {
		const { versionId } = await this.rest<{ versionId: string }>(
			'GET',
			`/rest/workflows/${workflowId}`,
		);
		return await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	}

	/** Deactivates the workflow: n8n removes its trigger's webhooks. */
	async deactivate(workflowId: string): Promise<{ active: boolean }> {
		return await this.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/** The workflow's executions, newest first (`GET /rest/executions?filter={"workflowId":…}`, up to 100). */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.rest<{ results: ExecutionSummary[] }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=100`,
		);
		return page.results;
	}

	/** The items each node put out in one execution (`GET /rest/executions/<id>`, its data unflattened). */
	async executionOutput(
		executionId: string,
	): Promise<(node: string) => Array<Record<string, unknown>>> {
		const execution = await this.rest<{ data: unknown }>('GET', `/rest/executions/${executionId}`);
		const data = (
			typeof execution.data === 'string' ? unflatten(execution.data) : execution.data
		) as RunData;
		return nodeOutput(data);
	}

	/** The node types the editor gets (`/types/nodes.json`): names and versions. */
	async nodeTypes(): Promise<NodeTypeDescription[]> {
		const response = await this.request('GET', '/types/nodes.json');
		if (!response.ok) throw new Error(`GET /types/nodes.json: ${response.status}`);
		return (await response.json()) as NodeTypeDescription[];
	}

	/** The credential types the editor gets (`/types/credentials.json`): their names. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		const response = await this.request('GET', '/types/credentials.json');
		if (!response.ok) throw new Error(`GET /types/credentials.json: ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string }>;
	}

	cli(args: string[], timeoutMs = 300_000, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
		const bin = join(this.runtime.n8nDir, 'node_modules', '.bin', 'n8n');
		return new Promise((resolvePromise) => {
			execFile(
				join(this.runtime.nodeBin, 'node'),
				[bin, ...args],
				{ env: { ...this.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
				(error, stdout, stderr) => {
					const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
					resolvePromise({ code, stdout, stderr });
				},
			);
		});
	}

	private writeJson(name: string, data: unknown): string {
		const file = join(this.userFolder, name);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const result = await this.cli([
			'import:credentials',
			`--input=${this.writeJson('credentials.json', credentials)}`,
		]);
		if (result.code !== 0)
			throw new Error(`import:credentials failed: ${result.stderr || result.stdout}`);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		await this.importWorkflows([workflow]);
	}

	/** Several workflows with one `n8n import:workflow --separate` (one CLI start instead of one each). */
	async importWorkflows(workflows: unknown[]): Promise<void> {
		const folder = mkdtempSync(join(this.userFolder, 'workflows-'));
		workflows.forEach((workflow, index) =>
			writeFileSync(join(folder, `${index}.json`), JSON.stringify(workflow, null, 2)),
		);
		const result = await this.cli(['import:workflow', '--separate', `--input=${folder}`]);
		if (result.code !== 0)
			throw new Error(`import:workflow failed: ${result.stderr || result.stdout}`);
	}

	/**
	 * `n8n execute --rawOutput`: the run's output as n8n prints it. While `n8n start` runs (e.g. with
	 * an active trigger waiting for the webhooks this run causes) it gets a task broker port of its
	 * own, since the running n8n holds port + 1.
	 */
	async execute(workflowId: string): Promise<CommandResult> {
		const env = this.child ? { N8N_RUNNERS_BROKER_PORT: String(await freePortPair()) } : {};
		return await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], 300_000, env);
	}

	/** Removes the user folder and the extension folder (stop() first when started). */
	cleanup(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
		if (this.extensions !== null) rmSync(this.extensions, { recursive: true, force: true });
	}
}

interface RunData {
	resultData: {
		runData: Record<
			string,
			Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
		>;
	};
}

function nodeOutput(data: RunData): (node: string) => Array<Record<string, unknown>> {
	return (node) => {
		const runs = data.resultData.runData[node];
		if (!runs) throw new Error(`node "${node}" did not run`);
		return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
	};
}

/** Where the JSON value that opens at `start` ends (exclusive), or -1 when it does not close. */
function jsonEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if (char === '}' || char === ']') {
			depth--;
			if (depth === 0) return index + 1;
		}
	}
	return -1;
}

/**
 * The items each node put out, from `n8n execute --rawOutput`'s JSON. n8n prints log lines before
 * it and sometimes after it (a shutdown notice), so the run data is the JSON object at the start
 * of a line that holds `data.resultData`, cut at its own closing brace.
 */
export function runOutput(stdout: string): (node: string) => Array<Record<string, unknown>> {
	for (const match of stdout.matchAll(/^\{/gm)) {
		const end = jsonEnd(stdout, match.index);
		if (end < 0) continue;
		try {
			const parsed = JSON.parse(stdout.slice(match.index, end)) as { data?: RunData };
			if (parsed.data?.resultData) return nodeOutput(parsed.data);
		} catch {
			// Not JSON after all (a log line that starts with a brace): look further.
		}
	}
	throw new Error(`n8n printed no run data:\n${stdout.slice(0, 2000)}`);
}

/**
 * n8n stores and serves execution data in the `flatted` format: one JSON array whose first entry
 * is the root; inside objects and arrays every string is the index of the entry holding the value.
 */
export function unflatten(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const value = input[index];
		if (value === null || typeof value !== 'object') return value;
		const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		done.set(index, out);
		for (const [key, entry] of Object.entries(value))
			(out as Record<string, unknown>)[key] =
				typeof entry === 'string' ? revive(Number(entry)) : entry;
		return out;
	};
	return revive(0);
}

/** A port that is free on 127.0.0.1 now, and the one after it (n8n's task broker takes port + 1). */
export async function freePortPair(): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await new Promise<number>((resolvePort, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
			});
		});
		const next = await new Promise<boolean>((resolveFree) => {
			const server = createServer();
			server.once('error', () => resolveFree(false));
			server.listen(port + 1, '127.0.0.1', () => server.close(() => resolveFree(true)));
		});
		if (port > 0 && port < 65_000 && next) return port;
	}
	throw new Error('no free pair of ports on 127.0.0.1');
}
