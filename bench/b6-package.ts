/**
 * B6 — the package as n8n gets it: the `npm pack` tarball's size, the runtime dependencies it
 * would install (there must be none), and how long a fresh process takes to load the node and
 * credential files from dist/ — with n8n-workflow already loaded, as it is in n8n, and with it.
 * Needs `npm run build` (the bench script runs it first).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FigureResult } from './common';
import { formatBytes, log, median, ROOT, round } from './common';

const LOAD_RUNS = 9;

interface PackInfo {
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: Array<{ path: string }>;
}

interface PackageJson {
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: string[];
	bundledDependencies?: string[];
	n8n: { credentials: string[]; nodes: string[] };
}

/** Runs in a fresh `node`: loads n8n-workflow, then our files as n8n does (require, then new). */
const LOADER = `
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const files = JSON.parse(process.argv[1]);
let t = process.hrtime.bigint();
require('n8n-workflow');
const workflowMs = ms(t);
t = process.hrtime.bigint();
for (const file of files) {
	const exported = require(file);
	for (const value of Object.values(exported)) if (typeof value === 'function') new value();
}
process.stdout.write(JSON.stringify({ workflowMs, ourMs: ms(t) }));
`;

export async function benchPackage(): Promise<FigureResult> {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	) as PackInfo[];
	const runtimeDependencies = [
		...Object.keys(pkg.dependencies ?? {}),
		...Object.keys(pkg.optionalDependencies ?? {}),
		...(pkg.bundleDependencies ?? pkg.bundledDependencies ?? []),
	];
	const files = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map((file) => join(ROOT, file));
	const loads: Array<{ workflowMs: number; ourMs: number }> = [];
	for (let i = 0; i < LOAD_RUNS; i++) {
		const out = execFileSync(process.execPath, ['-e', LOADER, JSON.stringify(files)], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		loads.push(JSON.parse(out) as { workflowMs: number; ourMs: number });
	}
	const ourMs = median(loads.map((l) => l.ourMs));
	const withWorkflowMs = median(loads.map((l) => l.workflowMs + l.ourMs));
	const details = {
		tarballBytes: pack.size,
		unpackedBytes: pack.unpackedSize,
		files: pack.entryCount,
		runtimeDependencies,
		peerDependencies: Object.keys(
			(pkg as { peerDependencies?: Record<string, string> }).peerDependencies ?? {},
		),
		loaded: [...pkg.n8n.credentials, ...pkg.n8n.nodes],
		loadRuns: loads.map((l) => ({ workflowMs: round(l.workflowMs, 1), ourMs: round(l.ourMs, 1) })),
		node: process.version,
	};
	log(`B6 ${JSON.stringify(details)}`);
	return {
		rows: [
			{
				id: 'B6',
				figure: `npm pack tarball (${pack.entryCount} files, ${formatBytes(pack.unpackedSize)} unpacked)`,
				measured: formatBytes(pack.size),
				value: pack.size,
				target: '—',
				pass: null,
			},
			{
				id: 'B6',
				figure: 'runtime dependencies (dependencies, optional, bundled)',
				measured: String(runtimeDependencies.length),
				value: runtimeDependencies.length,
				target: '0',
				pass: runtimeDependencies.length === 0,
			},
			{
				id: 'B6',
				figure: `load node + trigger + credential from dist (require + new), n8n-workflow loaded; median of ${LOAD_RUNS} fresh processes`,
				measured: `${ourMs.toFixed(1)} ms`,
				value: round(ourMs, 2),
				target: '—',
				pass: null,
			},
			{
				id: 'B6',
				figure: '  the same including loading n8n-workflow',
				measured: `${withWorkflowMs.toFixed(1)} ms`,
				value: round(withWorkflowMs, 2),
				target: '—',
				pass: null,
			},
		],
		details,
	};
}
