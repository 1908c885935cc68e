import type { NamedRateLimit } from './retry';

/**
 * One API key's share of Cal.com's rate limits, as one n8n process sees it: pure, with the clock
 * handed in, so it is unit-tested apart from HTTP (pacing.ts keeps one per key and waits).
 *
 * How Cal.com counts (apps/api/v2/src/lib/throttler-guard.ts and the throttler storage it plugs
 * in): per key and named limit a fixed window opens with the first request after the last one
 * ran out; every request counts, and the first over the limit blocks the key for a whole block
 * (60 s by default). Each answer says, per limit, what was left when that request was counted
 * (`X-RateLimit-Remaining-<Name>`) and how long until the window or block ends
 * (`X-RateLimit-Reset-<Name>`, rounded up). A request is refused only when every limit is blocked.
 *
 * So that executions sharing a key never overshoot together:
 * - every request takes a unit before it is sent (`inFlight`) and gives it back when its answer
 *   arrives; what may still go is Cal.com's Remaining minus the requests in flight;
 * - an answer's Remaining was counted before the requests still in flight landed, and answers
 *   arrive out of order: within one window the lowest Remaining seen stands, never a higher one;
 * - a window whose Reset has passed starts afresh, and the next answer tells its count.
 * Other processes on the same key (n8n workers in queue mode, other apps) are invisible here,
 * except as hits Cal.com counted that no request of this process explains. Once such hits are
 * seen, a reserve (a share of each limit) is left unused, so that requests this process cannot
 * see rarely take the key over the limit.
 */

/** How long other users of the key are assumed to go on after their hits were last seen. */
export const SHARED_MEMORY_MS = 10 * 60_000;
/** Wait before looking again when only requests in flight hold the budget (tiny limits). */
export const IN_FLIGHT_POLL_MS = 50;

interface LimitState {
	/** X-RateLimit-Limit, or the most seen left plus one when Cal.com does not send it. */
	limit: number;
	/** The lowest Remaining Cal.com sent in this window. */
	remaining: number;
	/** When the window (or block) ends, on this process's clock. */
	resetsAt: number;
	/** What the first answer of the window said was left, and what could explain hits since. */
	openedRemaining: number;
	inFlightAtOpen: number;
	answeredSince: number;
	/** The last ticket given out before the window's first answer arrived. */
	openedAfterTicket: number;
}

/** What take() gives: a ticket to hand back with the answer, or how long to wait first. */
export type Taken = { ticket: number } | { waitMs: number };

export class RateBudget {
	private inFlight = 0;
	private tickets = 0;
	private readonly limits = new Map<string, LimitState>();
	private sharedSeenAt = Number.NEGATIVE_INFINITY;

	/**
	 * Takes a unit for one request (its ticket), or says how long to wait before asking again.
	 * `reserveShare`: the share of each limit left unused while other users of the key are seen.
	 */
	take(nowMs: number, reserveShare: number): Taken {
		if (this.limits.size === 0 || this.hasRoom(nowMs, reserveShare)) {
			this.inFlight++;
			return { ticket: ++this.tickets };
		}
		const waits = [...this.limits.values()].map((l) =>
			l.resetsAt <= nowMs ? IN_FLIGHT_POLL_MS : l.resetsAt - nowMs,
		);
		return { waitMs: Math.max(1, Math.min(...waits)) };
	}

	/** A request's answer arrived: its unit comes back and its headers correct the count. */
	answered(ticket: number, limits: NamedRateLimit[], refused: boolean, nowMs: number): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (!this.concernsKeyLimits(limits, nowMs)) return;
		// A 429 means Cal.com counted more than this process sent: someone else uses the key.
		if (refused) this.sharedSeenAt = nowMs;
		for (const told of limits) {
			const known = this.limits.get(told.name);
			if (!known || known.resetsAt <= nowMs || refused) this.open(told, nowMs);
			else this.reconcile(known, told, ticket, nowMs);
		}
	}

	/** A request got no answer: its unit comes back, and it may have been counted. */
	unanswered(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		for (const l of this.limits.values()) {
			l.remaining = Math.max(0, l.remaining - 1);
			l.answeredSince++;
		}
	}

	/** Whether hits no request of this process explains were seen lately. */
	isShared(nowMs: number): boolean {
		return nowMs - this.sharedSeenAt < SHARED_MEMORY_MS;
	}

	/**
	 * Whether an answer speaks of the limits this budget tracks. An endpoint with its own limit
	 * (Cal.com's @Throttle, apps/api/v2/src/lib/endpoint-throttler-decorator.ts) is counted apart,
	 * under other names: its answers neither spend nor free the key's own limits. Once every known
	 * limit has run out, whatever an answer names is taken (the key's limits may have changed).
	 */
	private concernsKeyLimits(limits: NamedRateLimit[], nowMs: number): boolean {
		if (limits.length === 0) return false;
		if (this.limits.size === 0 || limits.some((l) => this.limits.has(l.name))) return true;
		if ([...this.limits.values()].some((l) => l.resetsAt > nowMs)) return false;
		this.limits.clear();
		return true;
	}

	private hasRoom(nowMs: number, reserveShare: number): boolean {
		const shared = this.isShared(nowMs);
		for (const l of this.limits.values()) {
			const left = l.resetsAt <= nowMs ? l.limit : l.remaining;
			// Never the whole limit: one request a window always goes.
			const reserve = shared ? Math.min(Math.ceil(l.limit * reserveShare), l.limit - 1) : 0;
			// Cal.com lets a request through while any of the key's limits has room.
			if (left - this.inFlight - reserve > 0) return true;
		}
		return false;
	}

	/** The first answer of a window (or a refusal, which says the block): taken as it is. */
	private open(told: NamedRateLimit, nowMs: number): void {
		const before = this.limits.get(told.name);
		this.limits.set(told.name, {
			limit: told.limit ?? Math.max(before?.limit ?? 0, told.remaining + 1),
			remaining: told.remaining,
			resetsAt: nowMs + told.resetSeconds * 1000,
			openedRemaining: told.remaining,
			inFlightAtOpen: this.inFlight,
			answeredSince: 0,
			openedAfterTicket: this.tickets,
		});
	}

	/**
	 * A later answer in the same window: the lowest count stands. A request sent before the
	 * window's first answer arrived may have been counted in the window before (its answer late):
	 * it may lower the count (which only holds back more), but not move the reset or say the key
	 * is shared.
	 */
	private reconcile(known: LimitState, told: NamedRateLimit, ticket: number, nowMs: number): void {
		known.answeredSince++;
		known.remaining = Math.min(known.remaining, told.remaining);
		if (told.limit !== undefined) known.limit = told.limit;
		if (ticket <= known.openedAfterTicket) return;
		const resetsAt = nowMs + told.resetSeconds * 1000;
		// Used up or blocked: the reset is what Cal.com says now (a block outlasts the window).
		known.resetsAt = told.remaining === 0 ? resetsAt : Math.min(known.resetsAt, resetsAt);
		// Hits counted since the window's first answer, beyond every request of this process that
		// could have landed since (answered since, in flight then, in flight now): someone else's.
		const hits = known.openedRemaining - told.remaining;
		const ours = known.answeredSince + known.inFlightAtOpen + this.inFlight;
		if (hits > ours) this.sharedSeenAt = nowMs;
	}
}
