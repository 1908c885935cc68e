import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import type { Runtime } from './n8n';
import { freePortPair, installedRuntime, N8n, npmWithRuntime, packPackage, runOutput } from './n8n';

/**
 * README's "Install in n8n → Before it is on npm", done as written: the built package packed with
 * `npm pack`, the tarball installed with the Node 24 runtime's npm into a fresh n8n user folder's
 * `.n8n/nodes` (where n8n 2.41 itself installs community packages, and which it scans at start),
 * then n8n restarted without the custom-extensions folder the other end-to-end specs use. npm's
 * registry is a local server that records every request: the install must need none.
 */
jest.setTimeout(15 * 60_000);

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
/** README's command, after `npm install <tarball>`. */
const README_FLAGS = ['--legacy-peer-deps', '--ignore-scripts', '--no-audit'];

interface Registry {
	url: string;
	requests: string[];
	server: Server;
}

/** A stand-in for npm's registry on 127.0.0.1: records each request and knows no package. */
async function startRegistry(): Promise<Registry> {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		requests.push(`${request.method} ${request.url}`);
		response.writeHead(404, { 'content-type': 'application/json' });
		response.end('{"error":"Not found"}');
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { url: `http://127.0.0.1:${port}/`, requests, server };
}

/** The packages npm put in `<folder>/node_modules` (not its own `.package-lock.json`). */
function packagesIn(folder: string): string[] {
	return readdirSync(join(folder, 'node_modules')).filter((name) => !name.startsWith('.'));
}

describe('a private install of the packed tarball into ~/.n8n/nodes, as README says', () => {
	let runtime: Runtime;
	let registry: Registry;
	let sandbox: Sandbox;
	let n8n: N8n;
	let work: string;
	let tarball: string;
	let npmEnv: NodeJS.ProcessEnv;

	beforeAll(async () => {
		runtime = installedRuntime();
		registry = await startRegistry();
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		work = mkdtempSync(join(tmpdir(), 'calcom-install-'));
		tarball = packPackage(work);
		n8n = new N8n(runtime, null, await freePortPair());
		npmEnv = {
			HOME: n8n.userFolder,
			npm_config_registry: registry.url,
			npm_config_cache: join(work, 'npm-cache'),
			// npm's own check for a newer npm (not part of the install) would ask the registry too.
			npm_config_update_notifier: 'false',
		};
	});

	afterAll(async () => {
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
		registry?.server.close();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it('installs from the tarball alone into the nodes folder a running n8n made: no n8n-workflow copy, not one request to a registry', async () => {
		// A running n8n first, as a user has: it makes ~/.n8n/nodes with its own package.json.
		await n8n.start();
		const before = (await n8n.nodeTypes()).map((type) => type.name);
		expect(before.filter((name) => name.startsWith('n8n-nodes-cal-com.'))).toEqual([]);
		await n8n.stop();
		const nodesFolder = join(n8n.userFolder, '.n8n', 'nodes');
		const made = JSON.parse(readFileSync(join(nodesFolder, 'package.json'), 'utf8')) as {
			name: string;
		};
		expect(made.name).toBe('installed-nodes');

		const install = await npmWithRuntime(runtime, npmEnv, nodesFolder, [
			'install',
			tarball,
			...README_FLAGS,
		]);

		expect(install).toMatchObject({ code: 0 });
		expect(packagesIn(nodesFolder)).toEqual(['n8n-nodes-cal-com']);
		const after = JSON.parse(readFileSync(join(nodesFolder, 'package.json'), 'utf8')) as {
			name: string;
			dependencies: Record<string, string>;
		};
		expect(after.name).toBe('installed-nodes');
		expect(after.dependencies['n8n-nodes-cal-com']).toMatch(/^file:.*n8n-nodes-cal-com-.*\.tgz$/);
		expect(registry.requests).toEqual([]);
	});

	it('after a restart n8n lists both nodes and the credential, under the package name', async () => {
		await n8n.start();
		const nodes = (await n8n.nodeTypes()).map((type) => type.name);
		expect(nodes).toEqual(
			expect.arrayContaining(['n8n-nodes-cal-com.calCom', 'n8n-nodes-cal-com.calComTrigger']),
		);
		const credentials = (await n8n.credentialTypes()).map((type) => type.name);
		expect(credentials).toContain('calComV2Api');
		expect(n8n.startOutput()).not.toMatch(/Skipping package|Failed to load package/);
		// Settings → Community Nodes lists only what n8n installed itself (its database): not this.
		expect(await n8n.rest('GET', '/rest/community-packages')).toEqual([]);
		await n8n.stop();
	});

	it('runs the booking example workflow unchanged with the installed node and credential', async () => {
		await n8n.importCredentials([
			{
				id: 'calcomExample001',
				name: 'Cal.com account',
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
				},
			},
		]);
		const example = JSON.parse(
			readFileSync(join(EXAMPLES, 'book-reschedule-cancel.json'), 'utf8'),
		) as { id: string; nodes: Array<{ type: string }> };
		expect(example.nodes.map((node) => node.type)).toContain('n8n-nodes-cal-com.calCom');
		await n8n.importWorkflow(example);

		const result = await n8n.execute(example.id);

		expect(result.code).toBe(0);
		expect(runOutput(result.stdout)('Book it')[0]).toMatchObject({ status: 'accepted' });
		expect(sandbox.state.bookings.length).toBeGreaterThan(0);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it("n8n's documented plain `npm install` of the tarball installs no copy of n8n-workflow either (the peer is optional)", async () => {
		const nodesFolder = join(work, 'plain', '.n8n', 'nodes');
		mkdirSync(nodesFolder, { recursive: true });

		const install = await npmWithRuntime(runtime, npmEnv, nodesFolder, ['install', tarball]);

		expect(install).toMatchObject({ code: 0 });
		expect(packagesIn(nodesFolder)).toEqual(['n8n-nodes-cal-com']);
	});
});
