import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

export function ensureRuntime(): Runtime {
	const out = execFileSync('bash', [join(ROOT, 'scripts', 'ensure-n8n.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const value = (name: string) => {
		const match = new RegExp(`^${name}='(.*)'$`, 'm').exec(out);
		if (!match) throw new Error(`ensure-n8n.sh did not print ${name}`);
		return match[1];
	};
	return { nodeBin: value('N8N_NODE_BIN'), n8nDir: value('N8N_DIR') };
}

/**
 * `npm pack`s the built package and unpacks it into the folder n8n reads custom extensions from.
 * The folder sits inside the n8n install so that the package's `require('n8n-workflow')`
 * resolves to n8n's own copy, as it does for an installed community package.
 */
export function installPackedPackage(runtime: Runtime): string {
	const packDir = mkdtempSync(join(tmpdir(), 'calcom-pack-'));
	try {
		const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
			.trim()
			.split('\n')
			.pop() as string;
		// One folder per run, so parallel runs (a test and the demo) never swap packages under each other.
		const base = join(runtime.n8nDir, 'custom-extensions');
		mkdirSync(base, { recursive: true });
		const extensions = mkdtempSync(join(base, 'run-'));
		const target = join(extensions, 'n8n-nodes-cal-com');
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', join(packDir, packed), '-C', target, '--strip-components=1']);
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

export class N8n {
	readonly userFolder: string;

	readonly env: NodeJS.ProcessEnv;

	constructor(
		readonly runtime: Runtime,
		readonly extensions: string,
		readonly port: number,
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), 'calcom-n8n-'));
		this.env = {
			PATH: `${runtime.nodeBin}:${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_CUSTOM_EXTENSIONS: extensions,
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
		};
	}

	cli(args: string[], timeoutMs = 120_000): Promise<CommandResult> {
		const bin = join(this.runtime.n8nDir, 'node_modules', '.bin', 'n8n');
		return new Promise((resolvePromise) => {
			execFile(join(this.runtime.nodeBin, 'node'), [bin, ...args], { env: this.env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				resolvePromise({ code, stdout, stderr });
			});
		});
	}

	private writeJson(name: string, data: unknown): string {
		const file = join(this.userFolder, name);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const result = await this.cli(['import:credentials', `--input=${this.writeJson('credentials.json', credentials)}`]);
		if (result.code !== 0) throw new Error(`import:credentials failed: ${result.stderr || result.stdout}`);
	}

	async importWorkflow(workflow: unknown): Promise<void> {
		const result = await this.cli(['import:workflow', `--input=${this.writeJson(`workflow-${Date.now()}.json`, workflow)}`]);
		if (result.code !== 0) throw new Error(`import:workflow failed: ${result.stderr || result.stdout}`);
	}

	/** `n8n execute --rawOutput`: the run's output as n8n prints it. */
	async execute(workflowId: string): Promise<CommandResult> {
		return await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
	}

	cleanup(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
		rmSync(this.extensions, { recursive: true, force: true });
	}
}

/** The items each node put out, from `n8n execute --rawOutput`'s JSON (after n8n's log lines). */
export function runOutput(stdout: string): (node: string) => Array<Record<string, unknown>> {
	const start = stdout.search(/^\{/m);
	if (start < 0) throw new Error(`n8n printed no run data:\n${stdout.slice(0, 2000)}`);
	const run = JSON.parse(stdout.slice(start)) as {
		data: { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
	};
	return (node) => {
		const runs = run.data.resultData.runData[node];
		if (!runs) throw new Error(`node "${node}" did not run`);
		return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
	};
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
