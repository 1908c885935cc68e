/**
 * `n8n.strict` is off in package.json because strict mode makes `n8n-node lint` refuse any
 * eslint.config.mjs but the template's two lines, and that template applies n8n Cloud's sandbox
 * rules to every .ts file in the repository — specs, the sandbox Cal.com and the benchmarks too,
 * which are Node programs (ports, timers, fixtures). What strict mode protects is that the code
 * n8n loads passes n8n's own config unchanged: this spec lints the shipped sources with the
 * template file @n8n/node-cli itself writes into new packages, with nothing switched off.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..');
const TEMPLATE =
	'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs';

interface LintResult {
	filePath: string;
	messages: Array<{ line: number; ruleId: string | null; message: string }>;
}

describe("the shipped sources under n8n's unmodified community-node lint config", () => {
	it('nodes/, credentials/ and package.json have no problem, not even a warning', () => {
		const run = spawnSync(
			process.execPath,
			[
				'node_modules/eslint/bin/eslint.js',
				'-c',
				TEMPLATE,
				'-f',
				'json',
				'nodes',
				'credentials',
				'package.json',
			],
			{
				cwd: REPO_ROOT,
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024,
				// jest sets NODE_ENV=test, under which eslint-plugin-n8n-nodes-base checks a fake file name.
				env: { ...process.env, NODE_ENV: 'production' },
			},
		);
		expect(run.stderr).toBe('');
		const results = JSON.parse(run.stdout) as LintResult[];
		const problems = results.flatMap((result) =>
			result.messages.map(
				(m) =>
					`${result.filePath.slice(REPO_ROOT.length + 1)}:${m.line} ${m.ruleId ?? ''} ${m.message}`,
			),
		);
		expect(results.length).toBeGreaterThan(50);
		expect(problems).toEqual([]);
	}, 120_000);
});
