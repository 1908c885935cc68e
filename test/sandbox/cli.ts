/**
 * Runs the sandbox on its own, for the demo and for poking at it by hand. The project has no
 * TypeScript runner, so compile it into the git-ignored .cache/ (node_modules stay reachable):
 *
 *   npx tsc test/sandbox/cli.ts --strict --outDir .cache/sandbox --rootDir . --module commonjs \
 *     --target es2021 --esModuleInterop --resolveJsonModule --skipLibCheck --types node
 *   CALCOM_SHARED_DIR=../shared SANDBOX_FIXTURE=test/sandbox/fixture.json \
 *     node .cache/sandbox/test/sandbox/cli.js
 *
 * Environment: SANDBOX_FIXTURE (fixture path; needed when compiled, the JSON is not copied),
 * SANDBOX_NOW (fixes the calendar clock, e.g. 2027-03-01T08:00:00Z), CALCOM_SHARED_DIR (where
 * calcom/openapi-v2.json lives; needed when compiled, since the default is relative to the source),
 * SANDBOX_NODE_ENV (anything but "production" answers like a non-production Cal.com: error
 * `details`, with the request body in validation errors; default: as hosted Cal.com).
 * Prints the URL, every fixture user's API key and the fixture's other keys (expired, own rate
 * limits), then serves until SIGINT/SIGTERM.
 */
import { startSandbox } from './index';

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		now: process.env.SANDBOX_NOW || undefined,
		fixture: process.env.SANDBOX_FIXTURE || undefined,
		production: (process.env.SANDBOX_NODE_ENV ?? 'production') === 'production',
	});
	const lines = [
		`Cal.com sandbox listening on ${sandbox.url}`,
		...sandbox.state.users.map(
			(u) => `  ${u.username.padEnd(8)} ${u.timeZone.padEnd(20)} ${u.apiKey}`,
		),
		...sandbox.state.apiKeys.map((k) => {
			const what = k.expiresAt
				? `expired ${k.expiresAt}`
				: (k.rateLimits ?? []).map((r) => `${r.name} ${r.limit}/${r.ttl / 1000} s`).join(', ');
			return `  ${(sandbox.state.users.find((u) => u.id === k.userId)?.username ?? '?').padEnd(8)} ${what.padEnd(20)} ${k.key}`;
		}),
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping the sandbox\n`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
