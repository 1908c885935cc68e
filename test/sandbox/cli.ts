/**
 * Runs the sandbox on its own, for the demo and for poking at it by hand:
 *
 *   npx ts-node test/sandbox/cli.ts            (or compile and run with node)
 *   SANDBOX_NOW=2027-03-01T08:00:00Z ...       fixes the calendar clock
 *
 * Prints the URL and every fixture user's API key, then serves until SIGINT/SIGTERM.
 */
import { startSandbox } from './index';

async function main(): Promise<void> {
	const sandbox = await startSandbox({ now: process.env.SANDBOX_NOW || undefined });
	const lines = [
		`Cal.com sandbox listening on ${sandbox.url}`,
		...sandbox.state.users.map((u) => `  ${u.username.padEnd(8)} ${u.timeZone.padEnd(20)} ${u.apiKey}`),
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
