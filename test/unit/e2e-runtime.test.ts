import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { installedRuntime } from '../e2e/n8n';

const E2E = join(__dirname, '..', 'e2e');

describe('the end-to-end specs install nothing themselves', () => {
	it('fails at once, naming the command that installs n8n, when the runtime is missing', () => {
		const empty = mkdtempSync(join(tmpdir(), 'no-n8n-'));
		try {
			expect(() => installedRuntime({ ...process.env, N8N_E2E_CACHE: empty })).toThrow(
				`n8n 2.41.1 on Node 24 is not installed in ${empty}: run \`bash scripts/ensure-n8n.sh\` (npm test runs it before jest)`,
			);
			// It only looked: nothing was installed into the folder.
			expect(readdirSync(empty)).toEqual([]);
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
	});

	it.each(readdirSync(E2E).filter((name) => name.endsWith('.e2e.test.ts')))(
		'%s takes the runtime as installed (installedRuntime), never installing it in a hook',
		(name) => {
			const source = readFileSync(join(E2E, name), 'utf8');
			expect(source).not.toMatch(/\bensureRuntime\b|(exec|spawn)\w*\(\s*['"](npm|npx|apt-get)['"]/);
		},
	);
});
