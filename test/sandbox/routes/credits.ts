/**
 * Credits (API-NOTES §7; not in the saved document, schemas in extra-schemas.ts). Unversioned,
 * API key required.
 *
 *   GET  /v2/credits/available → {hasCredits, balance: {monthlyRemaining, additional}}
 *   POST /v2/credits/charge    {credits ≥ 1, creditFor, externalRef?}
 *                              → 200 {charged: true, teamId?, remainingBalance}
 *
 * Follows apps/api/v2/src/modules/credits/controllers/credits.controller.ts and
 * services/credits.service.ts, which call packages/features/ee/billing/credit-service.ts
 * (CreditService) with the user's id only, never a team id; its balances come from
 * packages/features/credits/repositories/CreditsRepository.ts. What that means here:
 *   - `charged` is always true: the service answers it without looking at what happened.
 *   - A user in a team or organization never pays: the team does (an organization before any
 *     team), even when it has nothing left. Only a user in no team pays, from purchased credits;
 *     a user has no monthly credits.
 *   - A team spends its monthly allowance while any is left (the whole charge is logged against
 *     it, so what exceeds it is lost), then its purchased credits. Neither is ever refused: what is
 *     missing is not taken (at most what is there), and the answer is still 200.
 *   - A repeated externalRef is looked up among every charge of every user (the column is
 *     unique) and nothing is charged; the answer then names no team and carries the asking user's
 *     own balance (monthly 0), not the payer's.
 *   - GET /available carries the asking user's own balance too; `hasCredits` is true while the
 *     paying team has not reached its limit this month, else whether the user has purchased
 *     credits.
 *
 * Inferred, not read:
 *   - Cal.com on hosted runs with IS_SMS_CREDITS_ENABLED; self-hosted without it answers
 *     hasCredits true always. The sandbox is hosted.
 *   - A user's warning threshold comes from a Stripe price; the sandbox takes it as above 0, so a
 *     user's charge that leaves nothing marks the limit (which no answer shows).
 *   - Two requests with one new externalRef at the same instant: in Cal.com both may pass the
 *     look-up and the second fail on the unique column (an Error, so 500). The sandbox handles one
 *     request at a time, so the second is always a replay.
 */
import { success } from '../envelope';
import type {
	SandboxCreditBalance,
	SandboxCreditCharge,
	SandboxState,
	SandboxUser,
} from '../types';
import type { RouteHandler } from './route';

interface ChargeBody {
	credits: number;
	creditFor: string;
	externalRef?: string;
}

export type CreditOwner = { teamId: number } | { userId: number };

interface Payer {
	owner: CreditOwner;
	/** Monthly remaining + additional, what Cal.com calls available credits. */
	available: number;
	creditType: SandboxCreditCharge['creditType'];
	limitReached: boolean;
}

/** The month starts at 00:00 UTC on the 1st (dayjs().startOf('month') on a UTC server). */
function startOfMonth(now: Date): number {
	return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
}

function findBalance(state: SandboxState, owner: CreditOwner): SandboxCreditBalance | undefined {
	return state.credits.find((c) =>
		'teamId' in owner
			? c.teamId === owner.teamId
			: c.userId === owner.userId && c.teamId === undefined,
	);
}

/** Follows CreditsRepository.createCreditBalance: a row made on the first charge. */
function balanceRow(state: SandboxState, owner: CreditOwner): SandboxCreditBalance {
	let balance = findBalance(state, owner);
	if (!balance) {
		balance = { ...owner, additional: 0 };
		state.credits.push(balance);
	}
	return balance;
}

/**
 * Follows credit-service.ts _getAllCreditsForTeam / _getAllCredits: a team's monthly remaining is
 * its allowance less this month's MONTHLY charges, never below 0; a user's is always 0. Exported
 * for specs: `now` is the calendar clock's time (the month counted).
 */
export function creditsOf(
	state: SandboxState,
	owner: CreditOwner,
	now: Date,
): { monthlyRemaining: number; additional: number } {
	const balance = findBalance(state, owner);
	const additional = balance?.additional ?? 0;
	if (!('teamId' in owner)) return { monthlyRemaining: 0, additional };
	const since = startOfMonth(now);
	const used = state.creditCharges
		.filter(
			(c) => c.teamId === owner.teamId && c.creditType === 'MONTHLY' && Date.parse(c.date) >= since,
		)
		.reduce((sum, c) => sum + c.credits, 0);
	return { monthlyRemaining: Math.max((balance?.monthlyCredits ?? 0) - used, 0), additional };
}

function limitReachedThisMonth(balance: SandboxCreditBalance | undefined, now: Date): boolean {
	return !!balance?.limitReachedAt && Date.parse(balance.limitReachedAt) > startOfMonth(now);
}

/**
 * Follows MembershipRepository.findAllAcceptedPublishedTeamMemberships (accepted, team with a
 * slug) and credit-service.ts filterMembershipsForCreditCheck: a user in an organization is
 * checked against the organization only.
 */
function payingTeams(state: SandboxState, user: SandboxUser): number[] {
	if (user.organizationId !== null) return [user.organizationId];
	return state.teams
		.filter((t) => t.slug && t.members.some((m) => m.userId === user.id && m.accepted))
		.map((t) => t.id);
}

/**
 * Follows credit-service.ts _getTeamWithAvailableCredits and _getUserOrTeamToCharge: the first
 * team not at its limit this month, or with credits again (its limit is then cleared); else the
 * first team, at its limit. A user in no team pays from their purchased credits.
 */
function payerFor(state: SandboxState, user: SandboxUser, now: Date): Payer {
	const teams = payingTeams(state, user);
	for (const teamId of teams) {
		const owner = { teamId };
		const credits = creditsOf(state, owner, now);
		const available = credits.monthlyRemaining + credits.additional;
		const balance = findBalance(state, owner);
		const limitReached = limitReachedThisMonth(balance, now);
		if (!limitReached || available > 0) {
			if (limitReached && balance) balance.limitReachedAt = null;
			return {
				owner,
				available,
				creditType: credits.monthlyRemaining > 0 ? 'MONTHLY' : 'ADDITIONAL',
				limitReached: false,
			};
		}
	}
	if (teams.length > 0)
		return {
			owner: { teamId: teams[0] },
			available: 0,
			creditType: 'ADDITIONAL',
			limitReached: true,
		};
	const owner = { userId: user.id };
	return {
		owner,
		available: creditsOf(state, owner, now).additional,
		creditType: 'ADDITIONAL',
		limitReached: false,
	};
}

/**
 * Follows credit-service.ts _handleLowCreditBalance, without its e-mails: below the warning
 * threshold (a team's: a fifth of its allowance) a charge that left nothing marks the limit,
 * unless already marked (a team's: this month); at or above it the marks are cleared.
 */
function markLimit(balance: SandboxCreditBalance, remaining: number, now: Date): void {
	const isTeam = balance.teamId !== undefined;
	const warningLimit = isTeam ? (balance.monthlyCredits ?? 0) * 0.2 : 1; // a user's: inferred, see the header
	if (remaining >= warningLimit) {
		balance.limitReachedAt = null;
		return;
	}
	const alreadyMarked = isTeam ? limitReachedThisMonth(balance, now) : !!balance.limitReachedAt;
	if (!alreadyMarked && remaining <= 0) balance.limitReachedAt = now.toISOString();
}

export const creditsRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/credits/available',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const now = ctx.now();
			// Follows credit-service.ts hasAvailableCredits (user path) and getAllCredits({userId}).
			const payer = payerFor(ctx.state, user, now);
			const own = creditsOf(ctx.state, { userId: user.id }, now);
			const hasCredits = ('teamId' in payer.owner && !payer.limitReached) || own.additional > 0;
			return { status: 200, body: success({ hasCredits, balance: own }) };
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
			const now = ctx.now();
			// Follows credit-service.ts chargeCredits: an empty externalRef is no reference.
			const externalRef =
				typeof body.externalRef === 'string' && body.externalRef !== '' ? body.externalRef : null;
			// Follows CreditsRepository.findCreditExpenseLogByExternalRef: one look-up over every charge.
			if (
				externalRef !== null &&
				ctx.state.creditCharges.some((c) => c.externalRef === externalRef)
			) {
				// credits.service.ts: no teamId comes back, so the balance read is the user's own.
				return {
					status: 200,
					body: success({
						charged: true,
						remainingBalance: creditsOf(ctx.state, { userId: user.id }, now),
					}),
				};
			}
			const payer = payerFor(ctx.state, user, now);
			const balance = balanceRow(ctx.state, payer.owner);
			// credit-service.ts _createExpenseLog: purchased credits go down by at most what is there.
			if (payer.creditType === 'ADDITIONAL')
				balance.additional -= Math.min(body.credits, balance.additional);
			const teamId = 'teamId' in payer.owner ? payer.owner.teamId : null;
			ctx.state.creditCharges.push({
				userId: user.id,
				teamId,
				credits: body.credits,
				creditFor: body.creditFor,
				externalRef,
				creditType: payer.creditType,
				date: now.toISOString(),
			});
			markLimit(balance, payer.available - body.credits, now);
			const result: Record<string, unknown> = { charged: true };
			if (teamId !== null) result.teamId = teamId;
			result.remainingBalance = creditsOf(ctx.state, payer.owner, now);
			return { status: 200, body: success(result) };
		},
	},
];
