import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';

/** Monday 2027-03-01 08:00 UTC: both spring DST changes (New York 03-14, Berlin 03-28) lie ahead. */
export const MARCH = '2027-03-01T08:00:00Z';

export async function startTestSandbox(): Promise<Sandbox> {
	return await startSandbox({ now: MARCH, timeScale: 0.01 });
}

export function credentialsFor(sandbox: Sandbox, username = 'bailey'): Record<string, IDataObject> {
	return {
		calComV2Api: {
			apiKey: sandbox.apiKeyFor(username),
			environment: 'selfHosted',
			baseUrl: sandbox.url,
		},
	};
}

export async function runCalCom(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: {
		username?: string;
		inputItems?: IDataObject[];
		continueOnFail?: boolean;
		apiKey?: string;
		/** The credential's Base URL instead of the sandbox's own. */
		baseUrl?: string;
		asTool?: boolean;
	} = {},
): Promise<RunNodeResult> {
	const credentials = credentialsFor(sandbox, options.username);
	if (options.apiKey !== undefined) credentials.calComV2Api.apiKey = options.apiKey;
	if (options.baseUrl !== undefined) credentials.calComV2Api.baseUrl = options.baseUrl;
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters,
		credentials: credentials as never,
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
		asTool: options.asTool,
	});
}

/** Everything a user or a log could see of a run: items, error message, description, context. */
export function visibleText(result: RunNodeResult): string {
	return JSON.stringify({ items: result.items, error: result.error, runData: result.runData });
}

/** Cal.com's contract: every request the node sent passed the sandbox's OpenAPI validation. */
export function expectOnlyValidRequests(sandbox: Sandbox): void {
	expect(
		sandbox.invalidRequests().map((r) => `${r.method} ${r.path}: ${r.problems.join('; ')}`),
	).toEqual([]);
}

/**
 * One sandbox for a describe block, reset before each spec, and after each spec the check that
 * the node sent Cal.com nothing invalid. Returns a getter, as the sandbox starts in beforeAll.
 */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => sandbox?.reset());
	afterEach(() => {
		if (sandbox) expectOnlyValidRequests(sandbox);
	});
	return () => {
		if (!sandbox) throw new Error('the sandbox starts in beforeAll');
		return sandbox;
	};
}
