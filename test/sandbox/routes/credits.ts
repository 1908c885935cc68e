/**
 * Credits (API-NOTES §7; not in the saved document, schemas in extra-schemas.ts). Unversioned,
 * API key required.
 *
 *   GET  /v2/credits/available → {hasCredits, balance: {monthlyRemaining, additional}}
 *   POST /v2/credits/charge    {credits ≥ 1, creditFor, externalRef?}
 *                              → 200 {charged: true, teamId?, remainingBalance}
 *
 * Read in Cal.com's docs and source: the shapes, 200 (not 201) for a charge, the 400s for a
 * missing body, credits below 1 and an unknown creditFor (the generic validation answers those
 * before the handler runs), and that `externalRef` "prevents double-charging".
 *
 * Inferred, not read (tests must not quote these as Cal.com's words):
 *   - a repeated externalRef of the same user does not charge again and answers the first
 *     charge's result, charged: true. Whether Cal.com answers the same result, an error or
 *     charged: false for a repeat is unverified.
 *   - the monthly allowance is spent before the additional credits.
 *   - a charge larger than the balance is refused with a 400 and the balance stays as it was;
 *     the text is ours.
 */
import { errorEnvelope, success } from '../envelope';
import type { SandboxCreditBalance, SandboxCreditCharge, SandboxState, SandboxUser } from '../types';
import type { RouteHandler } from './route';

export const INSUFFICIENT_CREDITS = 'Insufficient credits to complete this charge';

interface ChargeBody {
	credits: number;
	creditFor: string;
	externalRef?: string;
}

/** The user's balance entry, created empty for users the fixture gives no credits. */
function balanceOf(state: SandboxState, user: SandboxUser): SandboxCreditBalance {
	let balance = state.credits.find((c) => c.userId === user.id);
	if (!balance) {
		balance = { userId: user.id, monthlyRemaining: 0, additional: 0 };
		state.credits.push(balance);
	}
	return balance;
}

const balanceOutput = (b: SandboxCreditBalance) => ({ monthlyRemaining: b.monthlyRemaining, additional: b.additional });

export const creditsRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/credits/available',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const balance = balanceOf(ctx.state, req.user as SandboxUser);
			return {
				status: 200,
				body: success({ hasCredits: balance.monthlyRemaining + balance.additional > 0, balance: balanceOutput(balance) }),
			};
		},
	},
	{
		method: 'POST',
		template: '/v2/credits/charge',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const body = req.body as ChargeBody;
			const externalRef = typeof body.externalRef === 'string' && body.externalRef !== '' ? body.externalRef : null;
			if (externalRef !== null) {
				const earlier = ctx.state.creditCharges.find((c) => c.userId === user.id && c.externalRef === externalRef);
				// Inferred: a repeat answers the first result and charges nothing (see the header).
				if (earlier) return { status: 200, body: success(structuredClone(earlier.result)) };
			}
			const balance = balanceOf(ctx.state, user);
			if (balance.monthlyRemaining + balance.additional < body.credits) {
				return { status: 400, body: errorEnvelope(400, INSUFFICIENT_CREDITS, req.url) };
			}
			const fromMonthly = Math.min(balance.monthlyRemaining, body.credits);
			balance.monthlyRemaining -= fromMonthly;
			balance.additional -= body.credits - fromMonthly;
			const result: SandboxCreditCharge['result'] = { charged: true, remainingBalance: balanceOutput(balance) };
			if (typeof balance.teamId === 'number') result.teamId = balance.teamId;
			ctx.state.creditCharges.push({ userId: user.id, credits: body.credits, creditFor: body.creditFor, externalRef, result });
			return { status: 200, body: success(structuredClone(result)) };
		},
	},
];
