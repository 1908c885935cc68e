/**
 * Checks the package as npm would publish it: `npm pack` of the built package, unpacked into a
 * temporary folder, then the checks n8n's community-node verification makes on a package.
 *
 * Needs a current dist/: `npm test` builds first; on its own run `npm run build` before jest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

const REPO_ROOT = resolve(__dirname, '..', '..');
const BUILD_FIRST = 'Run `npm run build` first (`npm test` does it before jest).';

// What n8n's gate lints in the tarball (compiled JS and the published package.json); the
// scanner does not export this list. Its .d.ts files are left out on purpose: the scanner's
// filename rules would flag `X.credentials.d.ts` for not being `X.credentials.ts`.
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

interface PackageJson {
	name: string;
	dependencies?: Record<string, string>;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

interface ScanLeg {
	leg: string;
	passed: boolean;
	message?: string;
	details?: string;
}

type Icon = string | { light: string; dark: string };

let workDir: string;
let packageDir: string;
let packedFiles: string[];
let manifest: PackageJson;

function nodeAndCredentialPaths(pkg: PackageJson): string[] {
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
}

/** Loads the first exported class of a compiled node or credential file and instantiates it. */
function instantiate<T>(compiledPath: string): T {
	// The tarball's copy is byte-identical to dist/ (asserted below); dist/ is loaded because
	// n8n-workflow resolves from the repository's node_modules, not from the temporary folder.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(REPO_ROOT, compiledPath)) as Record<string, unknown>;
	const cls = Object.values(exported).find((value) => typeof value === 'function') as
		| (new () => T)
		| undefined;
	if (!cls) throw new Error(`${compiledPath} exports no class`);
	return new cls();
}

/** Resolves a `file:` icon path the way n8n does: relative to the compiled file's folder. */
function iconFile(compiledPath: string, iconPath: string): string {
	expect(iconPath).toMatch(/^file:/);
	return join(dirname(compiledPath), iconPath.replace(/^file:/, ''))
		.split(sep)
		.join('/');
}

function runScanner(): ScanLeg[] {
	const scanner = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
	// The scanner is ES modules, and jest's CommonJS sandbox cannot import() without
	// --experimental-vm-modules. It also must not run with jest's NODE_ENV=test: under it,
	// eslint-plugin-n8n-nodes-base skips its package.json rules and pretends every node file is
	// named Test.node.ts, so a scan would pass what the real one rejects. So it runs in a plain
	// Node process, as n8n runs it.
	const script = `
		import { pathToFileURL } from 'node:url';
		const [scanner, packed, source, tarballPatterns] = process.argv.slice(1);
		const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scanner).href);
		const legs = [
			['published tarball', await analyzePackage(packed, JSON.parse(tarballPatterns))],
			['source', await analyzePackage(source, SOURCE_FILE_PATTERNS)],
		];
		const out = legs.map(([leg, r]) => ({ leg, passed: r.passed, message: r.message, details: r.details }));
		process.stdout.write(JSON.stringify(out));
	`;
	const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', TMPDIR: workDir };
	delete env.NODE_ENV;
	const run = spawnSync(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			script,
			scanner,
			packageDir,
			REPO_ROOT,
			JSON.stringify(TARBALL_PATTERNS),
		],
		{ cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 },
	);
	if (run.status !== 0) {
		throw new Error(`The scanner did not run (exit ${run.status}):\n${run.stderr}`);
	}
	return JSON.parse(run.stdout) as ScanLeg[];
}

beforeAll(() => {
	const sourceManifest = JSON.parse(
		readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'),
	) as PackageJson;
	if (!existsSync(join(REPO_ROOT, 'dist'))) {
		throw new Error(`dist/ does not exist. ${BUILD_FIRST}`);
	}
	const unbuilt = nodeAndCredentialPaths(sourceManifest).filter(
		(path) => !existsSync(join(REPO_ROOT, path)),
	);
	if (unbuilt.length > 0) {
		throw new Error(`dist/ lacks ${unbuilt.join(', ')}. ${BUILD_FIRST}`);
	}

	workDir = mkdtempSync(join(tmpdir(), 'n8n-calcom-pack-'));
	// --ignore-scripts: pack exactly what is built, without a prepack step rebuilding it.
	const packOutput = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{ cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const [packed] = JSON.parse(packOutput) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	packedFiles = packed.files.map((file) => file.path);

	execFileSync('tar', ['-xzf', join(workDir, packed.filename), '-C', workDir]);
	packageDir = join(workDir, 'package');
	manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
}, 120_000);

afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the package as npm publishes it', () => {
	it('has no runtime dependencies (n8n Cloud installs none)', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
	});

	it('ships only dist/ besides package.json, the readme, the licence and the changelog', () => {
		const outside = packedFiles.filter(
			(path) =>
				!path.startsWith('dist/') &&
				!/^(package\.json|README\.md|LICENSE(\.md)?|CHANGELOG\.md)$/.test(path),
		);
		expect(outside).toEqual([]);
		expect(packedFiles).toEqual(
			expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']),
		);
		expect(packedFiles.filter((path) => path.startsWith('dist/test/'))).toEqual([]);
	});

	it('contains every node and credential that package.json registers, as built', () => {
		expect(manifest.n8n?.nodes?.length).toBeGreaterThan(0);
		expect(manifest.n8n?.credentials?.length).toBeGreaterThan(0);
		for (const path of nodeAndCredentialPaths(manifest)) {
			expect({ path, packed: existsSync(join(packageDir, path)) }).toEqual({ path, packed: true });
			expect(readFileSync(join(packageDir, path))).toEqual(readFileSync(join(REPO_ROOT, path)));
		}
	});

	it('has a light and a dark icon file for every node', () => {
		for (const nodePath of manifest.n8n?.nodes ?? []) {
			const icon = instantiate<INodeType>(nodePath).description.icon as Icon | undefined;
			expect(icon).toEqual({ light: expect.any(String), dark: expect.any(String) });
			const { light, dark } = icon as { light: string; dark: string };
			expect(light).not.toBe(dark);
			for (const file of [iconFile(nodePath, light), iconFile(nodePath, dark)]) {
				expect({ nodePath, file, packed: existsSync(join(packageDir, file)) }).toEqual({
					nodePath,
					file,
					packed: true,
				});
			}
		}
	});

	it('has the icon files every credential points to', () => {
		for (const credentialPath of manifest.n8n?.credentials ?? []) {
			const icon = instantiate<ICredentialType>(credentialPath).icon as Icon | undefined;
			const paths =
				icon === undefined ? [] : typeof icon === 'string' ? [icon] : [icon.light, icon.dark];
			for (const file of paths.map((path) => iconFile(credentialPath, path))) {
				expect({ credentialPath, file, packed: existsSync(join(packageDir, file)) }).toEqual({
					credentialPath,
					file,
					packed: true,
				});
			}
		}
	});

	it("has each node's codex beside it, naming that node", () => {
		for (const nodePath of manifest.n8n?.nodes ?? []) {
			const codexPath = nodePath.replace(/\.js$/, '.json');
			expect({ codexPath, packed: existsSync(join(packageDir, codexPath)) }).toEqual({
				codexPath,
				packed: true,
			});
			const codex = JSON.parse(readFileSync(join(packageDir, codexPath), 'utf8')) as {
				node: string;
				categories: string[];
			};
			const { name } = instantiate<INodeType>(nodePath).description;
			expect(codex.node).toBe(`${manifest.name}.${name}`);
			expect(codex.categories.length).toBeGreaterThan(0);
		}
	});

	it("passes n8n's community package scanner, on the tarball and on the source", () => {
		const legs = runScanner();
		const failures = legs
			.filter((leg) => !leg.passed)
			.map((leg) => `${leg.leg}: ${leg.message ?? ''}\n${leg.details ?? ''}`);
		expect(failures.join('\n')).toBe('');
		expect(legs.map((leg) => leg.leg)).toEqual(['published tarball', 'source']);
	}, 120_000);
});
