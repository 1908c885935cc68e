import type { INodeParameters } from 'n8n-workflow';

import type { FaultKind, Sandbox } from '../sandbox';
import { MARCH, useSandbox, visibleText } from '../integration/helpers';
import { creditsOf } from '../sandbox/routes/credits';
import {
	AMBIGUOUS_KINDS,
	describedAs,
	expectNoKeyIn,
	fault,
	NOT_REPEATED,
	runInExecution,
	THROTTLE_KINDS,
	unansweredMessage,
	UNANSWERED_KINDS,
	withTimeout,
} from './faults';

const sandbox = useSandbox();
const charge: INodeParameters = {
	resource: 'credit',
	operation: 'charge',
	credits: 5,
	creditFor: 'SMS',
};
const PATH = '/v2/credits/charge';

const ledger = (s: Sandbox) => s.state.creditCharges.filter((c) => c.userId === 1);
/** Bailey's charges are paid by team 100 (credit-service.ts: a member's team pays). */
const balance = (s: Sandbox) => creditsOf(s.state, { teamId: 100 }, new Date(MARCH));
const chargePosts = (s: Sandbox) =>
	s.requests.filter((r) => r.method === 'POST' && r.path === PATH);

async function expectChargedOnce(executionId: string): Promise<void> {
	expect(ledger(sandbox())).toHaveLength(1);
	expect(ledger(sandbox())[0].externalRef).toContain(executionId);
	expect(balance(sandbox())).toEqual({ monthlyRemaining: 495, additional: 100 });
}

describe('R1 faults × credit charge: throttled', () => {
	it.each(THROTTLE_KINDS)(
		'%s: retried (Cal.com did not process it), charged once',
		async (kind) => {
			sandbox().injectFault(fault(kind, 'POST', PATH));
			const result = await runInExecution(sandbox(), charge, `exec-${kind}`);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				accepted: true,
				teamId: 100,
				monthlyRemaining: 495,
			});
			expect(chargePosts(sandbox()).map((r) => r.status)).toEqual([429, 200]);
			await expectChargedOnce(`exec-${kind}`);
			expectNoKeyIn(sandbox(), visibleText(result));
		},
	);
});

/** A clear error, never a second POST; re-running the execution charges exactly once in total. */
async function expectUnrepeatedThenOnce(
	kind: FaultKind,
	executionId: string,
	chargedByFault: boolean,
): Promise<void> {
	const failed = await runInExecution(sandbox(), withTimeout(charge, kind), executionId);
	expect(failed.error?.message).toMatch(unansweredMessage(kind, `POST ${PATH}`));
	expect(describedAs(failed)).toMatch(NOT_REPEATED);
	expect(chargePosts(sandbox())).toHaveLength(1);
	expect(ledger(sandbox())).toHaveLength(chargedByFault ? 1 : 0);
	expectNoKeyIn(sandbox(), visibleText(failed));

	// The user re-runs the execution (or n8n's Retry On Fail does): the same derived reference.
	const replay = await runInExecution(sandbox(), withTimeout(charge, kind), executionId);
	expect(replay.error).toBeUndefined();
	// A real charge names the team and its balance; a replay of a charged reference names no team
	// and carries the user's own balance (Cal.com, credits.service.ts).
	const answered = chargedByFault
		? { teamId: null, balanceOf: 'user', monthlyRemaining: 0 }
		: { teamId: 100, balanceOf: 'team', monthlyRemaining: 495 };
	expect(replay.items[0].json).toMatchObject({
		accepted: true,
		...answered,
		externalRef: ledger(sandbox())[0].externalRef,
	});
	await expectChargedOnce(executionId);
}

describe('R1 faults × credit charge: failed before Cal.com charged', () => {
	it.each(AMBIGUOUS_KINDS)(
		'%s: not repeated, a clear error, nothing charged; the re-run charges once',
		async (kind) => {
			sandbox().injectFault(fault(kind, 'POST', PATH));
			await expectUnrepeatedThenOnce(kind, `exec-before-${kind}`, false);
		},
	);
});

describe('R1 faults × credit charge: answer lost after Cal.com charged', () => {
	it.each(UNANSWERED_KINDS)(
		'%s: not repeated, a clear error; the re-run does not charge again',
		async (kind) => {
			sandbox().injectFault(
				fault(kind, 'POST', PATH, kind === 'timeout' ? {} : { afterProcessing: true }),
			);
			await expectUnrepeatedThenOnce(kind, `exec-after-${kind}`, true);
		},
	);
});
