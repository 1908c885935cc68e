import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox';
import type { N8nProcessOptions, Runtime } from './n8n';
import { freePortPair, N8n, stopGroup, trackGroup } from './n8n';
import { BOOKING_CREATE, freeStarts, LOAD_EVENT_TYPE_ID } from '../integration/shared-key-load';

/**
 * n8n in queue mode on one machine, for the queue-mode spec and benchmark B7: Postgres 15 (a
 * cluster of its own in a temporary folder), Redis, and n8n's main process, workers and a webhook
 * processor from the n8n in .cache/, all on 127.0.0.1 ports found free. Every process runs in a
 * process group of its own and is stopped by its pid (and killed if this process exits first).
 *
 * Postgres refuses to run as root (initdb and postgres both say so): as root, initdb and the
 * server run as the `postgres` user Debian's package creates, through `setpriv --reuid=postgres
 * --regid=postgres --init-groups` (it execs the command, so the pid is the postmaster's), in a
 * folder made over to that user. As anyone else they run as that user.
 */

const LOOPBACK = '127.0.0.1';

function wait(ms: number): Promise<void> {
	return new Promise((resolveWait) => setTimeout(resolveWait, ms));
}

/** Polls `check` until it is true; the limit only bounds a wait for an outcome, so it is generous. */
export async function waitUntil(
	what: string,
	check: () => boolean | Promise<boolean>,
	timeoutMs = 300_000,
	everyMs = 250,
): Promise<number> {
	const began = Date.now();
	while (!(await check())) {
		if (Date.now() - began > timeoutMs)
			throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
		await wait(everyMs);
	}
	return Date.now() - began;
}

/** The newest Postgres Debian installed (/usr/lib/postgresql/<major>/bin), or POSTGRES_BIN. */
export function postgresBin(env: NodeJS.ProcessEnv = process.env): string {
	if (env.POSTGRES_BIN) return env.POSTGRES_BIN;
	const base = '/usr/lib/postgresql';
	const majors = existsSync(base)
		? readdirSync(base)
				.filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length === 0)
		throw new Error(
			'Postgres is not installed (no /usr/lib/postgresql/<version>/bin/postgres): `apt-get install -y postgresql` (Debian/Ubuntu; .ci/run does it) or set POSTGRES_BIN',
		);
	return join(base, majors[0], 'bin');
}

const REDIS_SERVER = '/usr/bin/redis-server';

/** A command line as the `postgres` user when this process is root (Postgres refuses root). */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [command, args];
	return [
		'setpriv',
		['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args],
	];
}

/** Lines a server printed, kept for the error when it does not come up. */
function keepOutput(child: ChildProcess): string[] {
	const lines: string[] = [];
	const keep = (chunk: Buffer) => {
		lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
		if (lines.length > 100) lines.splice(0, lines.length - 100);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return lines;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number, probe?: { send: string; expect: string }): Promise<boolean> {
	return new Promise((done) => {
		const socket = connect(port, LOOPBACK);
		let answer = '';
		const finish = (ok: boolean) => {
			socket.destroy();
			done(ok);
		};
		socket.setTimeout(5_000, () => finish(false));
		socket.once('error', () => finish(false));
		socket.once('connect', () => {
			if (!probe) finish(true);
			else socket.write(probe.send);
		});
		socket.on('data', (chunk) => {
			answer += chunk.toString('utf8');
			if (probe && answer.includes(probe.expect)) finish(true);
		});
	});
}

/** A server process of the cluster (Postgres or Redis) and its temporary folder. */
class ServerProcess {
	constructor(
		readonly name: string,
		readonly port: number,
		readonly folder: string,
		private readonly child: ChildProcess,
		private readonly stopSignal: NodeJS.Signals,
	) {}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Stops it by its pid (then its group, if anything is left) and removes its folder. */
	async stop(): Promise<void> {
		await stopGroup(this.child, this.stopSignal, false);
		rmSync(this.folder, { recursive: true, force: true });
	}
}

async function startServer(
	name: string,
	port: number,
	folder: string,
	[command, args]: [string, string[]],
	ready: () => Promise<boolean>,
	stopSignal: NodeJS.Signals,
	timeoutMs: number,
): Promise<ServerProcess> {
	const child = spawn(command, args, {
		cwd: folder,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	trackGroup(child);
	const output = keepOutput(child);
	const server = new ServerProcess(name, port, folder, child, stopSignal);
	try {
		await waitUntil(
			`${name} accepts connections on port ${port}`,
			async () => {
				if (child.exitCode !== null || child.signalCode !== null)
					throw new Error(`${name} exited before it was ready`);
				return await ready();
			},
			timeoutMs,
			100,
		);
	} catch (error) {
		await server.stop();
		throw new Error(`${(error as Error).message}\n--- ${name} printed ---\n${output.join('\n')}`);
	}
	return server;
}

/**
 * A Postgres cluster of its own: initdb in a temporary folder (trust authentication, on 127.0.0.1
 * only, its socket in that folder, fsync off: the data is thrown away), then `postgres` on a free
 * port, then the `n8n` database.
 */
export async function startPostgres(timeoutMs = 120_000): Promise<ServerProcess> {
	const bin = postgresBin();
	const folder = mkdtempSync(join(tmpdir(), 'calcom-pg-'));
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(folder, uid, gid);
	}
	const data = join(folder, 'data');
	const [initdb, initArgs] = asPostgresUser(join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--no-locale',
	]);
	execFileSync(initdb, initArgs, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
	const port = await freePortPair();
	const server = await startServer(
		'postgres',
		port,
		folder,
		asPostgresUser(join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			folder,
			'-c',
			`listen_addresses=${LOOPBACK}`,
			'-c',
			'fsync=off',
			'-c',
			'max_connections=200',
		]),
		() => accepts(port),
		// Postgres's "fast shutdown"; to the postmaster only, which stops its backends itself.
		'SIGINT',
		timeoutMs,
	);
	try {
		await waitUntil(
			'the n8n database is created',
			() => {
				try {
					execFileSync(
						join(bin, 'createdb'),
						['-h', LOOPBACK, '-p', String(port), '-U', 'postgres', 'n8n'],
						{ stdio: ['ignore', 'pipe', 'pipe'] },
					);
					return true;
				} catch {
					return false; // still starting up
				}
			},
			timeoutMs,
			500,
		);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

/** Redis on a free port, nothing saved to disk. */
export async function startRedis(timeoutMs = 60_000): Promise<ServerProcess> {
	if (!existsSync(REDIS_SERVER))
		throw new Error(
			`Redis is not installed (no ${REDIS_SERVER}): \`apt-get install -y redis-server\` (Debian/Ubuntu; .ci/run does it)`,
		);
	const folder = mkdtempSync(join(tmpdir(), 'calcom-redis-'));
	const port = await freePortPair();
	return await startServer(
		'redis-server',
		port,
		folder,
		[
			REDIS_SERVER,
			[
				'--port',
				String(port),
				'--bind',
				LOOPBACK,
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				folder,
			],
		],
		() => accepts(port, { send: 'PING\r\n', expect: '+PONG' }),
		'SIGTERM',
		timeoutMs,
	);
}

export interface QueueClusterOptions {
	runtime: Runtime;
	/**
	 * The folder installPackedPackage filled: every n8n process loads the package from it. The
	 * cluster owns it from here: stop() removes it (and start() when it fails).
	 */
	extensions: string;
	/** Where each process's log goes (<name>.log). */
	logDir: string;
	workers?: number;
	/** Each worker's `--concurrency`. */
	concurrency?: number;
	/** Settings for every n8n process over the queue-mode ones. */
	env?: NodeJS.ProcessEnv;
}

/**
 * Postgres, Redis, n8n main, workers and one webhook processor, started in that order and stopped
 * in the other; a failure on the way stops what started. Production webhooks are registered with
 * the webhook processor's URL (WEBHOOK_URL), so Cal.com's deliveries go there.
 */
export class QueueCluster {
	private constructor(
		readonly postgres: ServerProcess,
		readonly redis: ServerProcess,
		readonly main: N8n,
		readonly workers: N8n[],
		readonly webhook: N8n,
		readonly logDir: string,
	) {}

	static async start(options: QueueClusterOptions): Promise<QueueCluster> {
		const { runtime, extensions, logDir, workers = 2, concurrency = 5 } = options;
		// A new database numbers executions from 1 again: an old run's logs would mislead workerOf.
		rmSync(logDir, { recursive: true, force: true });
		mkdirSync(logDir, { recursive: true });
		const started: Array<{ stop(): Promise<void> }> = [];
		const keep = <T extends { stop(): Promise<void> }>(thing: T): T => {
			started.push(thing);
			return thing;
		};
		try {
			const postgres = keep(await startPostgres());
			const redis = keep(await startRedis());
			const webhookPort = await freePortPair();
			const shared: NodeJS.ProcessEnv = {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: LOOPBACK,
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: LOOPBACK,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
				// Production webhook URLs point at the webhook processor: N8N_WEBHOOK_URL is n8n 2.41's
				// name (it wins); WEBHOOK_URL, the older one, is set alike so nothing points elsewhere.
				N8N_WEBHOOK_URL: `http://${LOOPBACK}:${webhookPort}/`,
				WEBHOOK_URL: `http://${LOOPBACK}:${webhookPort}/`,
				// A run started from the editor (or its REST API) goes to a worker too.
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				...options.env,
			};
			const make = (name: string, port: number, extra: N8nProcessOptions) =>
				new N8n(runtime, extensions, port, {
					...extra,
					env: { ...shared, ...extra.env },
					logFile: join(logDir, `${name}.log`),
				});
			const main = make('main', await freePortPair(), { command: 'start' });
			const workerList: N8n[] = [];
			for (let index = 1; index <= workers; index++) {
				const port = await freePortPair();
				workerList.push(
					make(`worker-${index}`, port, {
						command: 'worker',
						args: [`--concurrency=${concurrency}`],
						env: {
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(port),
							N8N_WORKER_SERVER_ADDRESS: LOOPBACK,
						},
					}),
				);
			}
			const webhook = make('webhook', webhookPort, { command: 'webhook' });
			return new QueueCluster(postgres, redis, main, workerList, webhook, logDir);
		} catch (error) {
			for (const thing of started.reverse()) await thing.stop().catch(() => undefined);
			rmSync(extensions, { recursive: true, force: true });
			throw error;
		}
	}

	/** Every n8n process of the cluster. */
	get n8nProcesses(): N8n[] {
		return [this.main, ...this.workers, this.webhook];
	}

	/**
	 * Starts the n8n processes (the main first: it migrates the database, and it is the one that
	 * registers triggers' webhooks), each waited for until ready; answers how long each took (ms).
	 */
	async startN8n(): Promise<Record<string, number>> {
		const took: Record<string, number> = {};
		took.main = (await this.main.start()).ms;
		const others = await Promise.all(
			[...this.workers, this.webhook].map(async (n8n) => (await n8n.start()).ms),
		);
		this.workers.forEach((_, index) => (took[`worker-${index + 1}`] = others[index]));
		took.webhook = others[others.length - 1];
		return took;
	}

	/** Stops every process by its pid, n8n first, and removes their folders. Safe to call twice. */
	async stop(): Promise<void> {
		for (const n8n of [this.webhook, ...this.workers, this.main]) {
			await n8n.stop().catch(() => undefined);
			n8n.cleanup();
		}
		await this.redis.stop();
		await this.postgres.stop();
	}

	/** What one process printed so far (its log file). */
	log(name: string): string {
		const file = join(this.logDir, `${name}.log`);
		return existsSync(file) ? readFileSync(file, 'utf8') : '';
	}

	/**
	 * Which worker ran an execution, from the workers' own log lines (n8n's job processor prints
	 * "Worker finished execution <id> (job <n>)"; n8n stores no worker on the execution itself).
	 */
	workerOf(executionId: string): string | undefined {
		const pattern = new RegExp(`Worker finished execution ${executionId} \\(job`);
		return this.workers
			.map((_, index) => `worker-${index + 1}`)
			.find((name) => pattern.test(this.log(name)));
	}
}

/** A Cal.com credential for the sandbox, as `n8n import:credentials` reads it. */
export function sandboxCredential(sandbox: Sandbox, username = 'bailey') {
	return {
		id: 'calcomExample001',
		name: 'Cal.com account',
		type: 'calComV2Api',
		data: {
			apiKey: sandbox.apiKeyFor(username),
			environment: 'selfHosted',
			baseUrl: sandbox.url,
		},
	};
}

export const LOAD_WORKFLOW_ID = 'calcomQueueLoad1';
export const LOAD_PATH = 'calcom-queue-load';
export const LOAD_EVENT_TYPE = LOAD_EVENT_TYPE_ID;
const LOAD_EMAIL_DOMAIN = 'queue-load.example';

/**
 * The shared-key load: a production webhook (answered at once) whose body's `items` become one
 * booking create each, through the Cal.com node with its defaults and Continue On Fail, so a
 * failed create is an item carrying its error rather than a failed execution.
 */
export function loadWorkflow(): Record<string, unknown> {
	return {
		id: LOAD_WORKFLOW_ID,
		name: 'Queue mode: booking creates sharing one key',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'q1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path: LOAD_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'q2',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: 'q3',
				name: 'Book',
				type: 'CUSTOM.calCom',
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				parameters: BOOKING_CREATE,
				credentials: { calComV2Api: { id: 'calcomExample001', name: 'Cal.com account' } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Book', type: 'main', index: 0 }]] },
		},
	};
}

export interface LoadOptions {
	executions: number;
	createsEach: number;
	/** The sandbox's limit per window and its window (60 s × timeScale), for the minimum. */
	limit: number;
	windowMs: number;
	timeoutMs?: number;
}

export interface LoadFigures {
	executions: number;
	creates: number;
	/** Executions by the worker that ran them. */
	byWorker: Record<string, number>;
	statuses: string[];
	booked: number;
	failedItems: number;
	firstFailures: string[];
	duplicateBookings: number;
	/** Where the load's requests start in `sandbox.requests` (the free-slot reads come before). */
	firstRequest: number;
	requests: number;
	sandbox429: number;
	/** First request of the load to the last one, at the sandbox. */
	elapsedMs: number;
	/** What the limit allows at best: (⌈requests ÷ limit⌉ − 1) windows. */
	minimumMs: number;
	limit: number;
	windowMs: number;
}

/**
 * One POST to the load's production webhook on the webhook processor. Until the processor has
 * seen the activation (it looks webhooks up in the database) it answers 404 and starts nothing:
 * that is retried, anything else not 2xx throws.
 */
async function postLoad(webhook: N8n, body: unknown): Promise<void> {
	await waitUntil(
		'the webhook processor serves the load webhook',
		async () => {
			const answer = await fetch(`${webhook.baseUrl}/webhook/${LOAD_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			await answer.text();
			if (!answer.ok && answer.status !== 404)
				throw new Error(`the webhook processor answered ${answer.status} to the load webhook`);
			return answer.ok;
		},
		120_000,
		500,
	);
}

/**
 * `executions` production executions at once (one POST each to the webhook processor), each
 * booking `createsEach` distinct free starts with bailey's one key; waits until all have finished,
 * then reads what the node put out and what the sandbox saw. The workflow must be active.
 */
export async function runSharedKeyLoad(
	cluster: QueueCluster,
	sandbox: Sandbox,
	options: LoadOptions,
): Promise<LoadFigures> {
	const { executions, createsEach, limit, windowMs, timeoutMs = 900_000 } = options;
	const creates = executions * createsEach;
	const starts = await freeStarts(sandbox, creates);
	const before = new Set((await cluster.main.executions(LOAD_WORKFLOW_ID)).map((e) => e.id));
	const firstRequest = sandbox.requests.length;
	const batches = Array.from({ length: executions }, (_, run) =>
		starts.slice(run * createsEach, (run + 1) * createsEach).map((start, index) => ({
			eventTypeId: String(LOAD_EVENT_TYPE),
			start,
			name: `Queue Guest ${run + 1}-${index + 1}`,
			email: `guest-${run + 1}-${index + 1}@${LOAD_EMAIL_DOMAIN}`,
		})),
	);
	await Promise.all(batches.map((items) => postLoad(cluster.webhook, { items })));

	let finished: Awaited<ReturnType<N8n['executions']>> = [];
	await waitUntil(
		`${executions} load executions have finished`,
		async () => {
			const mine = (await cluster.main.executions(LOAD_WORKFLOW_ID)).filter(
				(e) => !before.has(e.id),
			);
			finished = mine.filter(
				(e) => e.stoppedAt && !['new', 'running', 'waiting'].includes(e.status),
			);
			return finished.length >= executions;
		},
		timeoutMs,
		1_000,
	);
	const failures: string[] = [];
	for (const execution of finished) {
		const output = await cluster.main.executionOutput(execution.id);
		for (const item of output('Book'))
			if (item.error !== undefined) failures.push(String(item.error));
	}
	const byWorker: Record<string, number> = {};
	for (const execution of finished) {
		const worker = cluster.workerOf(execution.id) ?? 'no worker log line';
		byWorker[worker] = (byWorker[worker] ?? 0) + 1;
	}
	const requests = sandbox.requests.slice(firstRequest);
	const emails = sandbox.state.bookings
		.filter((booking) => booking.status !== 'cancelled')
		.flatMap((booking) => booking.attendees.map((attendee) => attendee.email))
		.filter((email) => email.endsWith(`@${LOAD_EMAIL_DOMAIN}`));
	const times = requests.map((request) => request.receivedAt);
	return {
		executions: finished.length,
		creates,
		byWorker,
		statuses: finished.map((e) => e.status),
		booked: new Set(emails).size,
		failedItems: failures.length,
		firstFailures: failures.slice(0, 3),
		duplicateBookings: emails.length - new Set(emails).size,
		firstRequest,
		requests: requests.length,
		sandbox429: requests.filter((request) => request.status === 429).length,
		elapsedMs: times.length > 0 ? Math.max(...times) - Math.min(...times) : 0,
		minimumMs: (Math.ceil(requests.length / limit) - 1) * windowMs,
		limit,
		windowMs,
	};
}
