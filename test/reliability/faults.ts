/**
 * The fault table behind the R1 specs: every kind the sandbox can inject, how it is armed so the
 * suite stays fast, and what a user must read when the node cannot recover from it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import type { FaultKind, FaultSpec, Sandbox } from '../sandbox';
import { FAULT_KINDS } from '../sandbox';
import { credentialsFor } from '../integration/helpers';

export { FAULT_KINDS };

/**
 * The node's Timeout (Options → Timeout, seconds) in a spec about a timeout. The held answer waits
 * until the node gives up and closes the connection, so that part needs no margin; the margin is
 * for the normal answers in the same run (the retry, the look-up), which a busy machine can slow
 * past 1 s.
 */
export const TIMEOUT_SECONDS = 3;

/** Kinds after which a POST may or may not have taken effect: the node must not repeat it. */
export const AMBIGUOUS_KINDS: readonly FaultKind[] = [
	'500',
	'502',
	'503',
	'reset',
	'malformed-json',
	'html',
];
/** Ambiguous kinds plus 'timeout', which the sandbox always processes. */
export const UNANSWERED_KINDS: readonly FaultKind[] = [...AMBIGUOUS_KINDS, 'timeout'];
export const THROTTLE_KINDS: readonly FaultKind[] = ['429', '429-no-headers'];

/**
 * One fault on one method and path, short enough to keep the suite fast. A 'timeout' is held
 * until the node gives up (no delayMs): it outlasts any Timeout, however slow the machine.
 */
export function fault(
	kind: FaultKind,
	method: string,
	path: string | RegExp,
	extra: Partial<FaultSpec> = {},
): FaultSpec {
	return {
		kind,
		method,
		path,
		...(kind === '429' ? { resetSeconds: 0.05 } : {}),
		...extra,
	};
}

/** What the message of an unrepeated request says happened, per kind. */
export function unansweredMessage(kind: FaultKind, where: string): RegExp | string {
	switch (kind) {
		case '500':
		case '502':
		case '503':
			return new RegExp(`^Cal\\.com had a server error \\(HTTP ${kind}\\)`);
		case 'html':
			return 'Cal.com had a server error (HTTP 502)';
		case 'reset':
			return `The connection to Cal.com was closed before it answered ${where}`;
		case 'malformed-json':
			return `Cal.com answered ${where} with a response that is not valid JSON`;
		case 'timeout':
			return `Cal.com did not answer ${where} within ${TIMEOUT_SECONDS} s`;
		default:
			throw new Error(`${kind} is always retried`);
	}
}

/** The advice for a request that was not repeated because repeating it could do the work twice. */
export const NOT_REPEATED = /not repeated automatically.*Check in Cal\.com whether it took effect/;

export function describedAs(result: RunNodeResult): string {
	return String((result.error as { description?: unknown } | undefined)?.description ?? '');
}

/** Runs the Cal.com node in a given execution (the charge's derived reference depends on it). */
export async function runInExecution(
	sandbox: Sandbox,
	parameters: INodeParameters,
	executionId: string,
): Promise<RunNodeResult> {
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters,
		credentials: credentialsFor(sandbox) as never,
		executionId,
	});
}

/** Neither the API key nor anything else secret shows in what a user or a log sees. */
export function expectNoKeyIn(sandbox: Sandbox, text: string, ...secrets: string[]): void {
	for (const secret of [sandbox.apiKeyFor('bailey'), ...secrets])
		expect(text).not.toContain(secret);
}

/**
 * The parameters with Options → Timeout at `seconds` when the spec is about a timeout; other kinds
 * keep the node's default (30 s), so no normal answer races a short Timeout. A run in which every
 * answer is held may pass 1 s: nothing in it needs room.
 */
export function withTimeout(
	parameters: INodeParameters,
	kind: FaultKind,
	seconds = TIMEOUT_SECONDS,
): INodeParameters {
	if (kind !== 'timeout') return parameters;
	const options = (parameters.options ?? {}) as IDataObject;
	return { ...parameters, options: { ...options, timeoutSeconds: seconds } };
}
