import { sleep } from 'n8n-workflow';

import { RateBudget } from './budget';
import type { HeaderMap } from './retry';
import { MAX_WAIT_MS, namedRateLimits } from './retry';

/**
 * One budget per Cal.com server and API key, shared by every execution in this n8n process (module
 * state: n8n loads a node's code once per process). The key in this map is the server plus a hash
 * of the API key (request.ts), never the key itself.
 */
const budgets = new Map<string, RateBudget>();

function budgetOf(key: string): RateBudget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = new RateBudget();
		budgets.set(key, budget);
	}
	return budget;
}

/**
 * Waits until the key's budget has room for one more request, takes it, and gives the ticket to
 * hand back with settleAnswer / settleNoAnswer. `clock` is Date.now outside unit specs.
 */
export async function paceBeforeRequest(
	key: string,
	reserveShare: number,
	clock: () => number = Date.now,
): Promise<number> {
	const budget = budgetOf(key);
	for (;;) {
		const taken = budget.take(clock(), reserveShare);
		if ('ticket' in taken) return taken.ticket;
		await sleep(Math.min(MAX_WAIT_MS, taken.waitMs));
	}
}

/** The answer to a paced request arrived (a 429 too): its headers correct the budget. */
export function settleAnswer(
	key: string,
	ticket: number,
	headers: HeaderMap,
	statusCode: number,
	nowMs: number,
): void {
	budgetOf(key).answered(ticket, namedRateLimits(headers), statusCode === 429, nowMs);
}

/** A paced request got no answer (dropped, timed out, cancelled): it may have been counted. */
export function settleNoAnswer(key: string): void {
	budgetOf(key).unanswered();
}
