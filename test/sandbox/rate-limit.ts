/**
 * The counters behind Cal.com's CustomThrottlerGuard: what @nest-lab/throttler-storage-redis does
 * for each named limit (its Lua script in throttler-storage-redis.service.ts, the storage
 * apps/api/v2/src/app.module.ts plugs in), and the headers the guard writes from the answer
 * (apps/api/v2/src/lib/throttler-guard.ts, incrementRateLimit). Which limits apply to whom is
 * throttler.ts.
 *
 * Per tracker and limit, two keys:
 * - the hit counter: every hit increments it, also a hit that is refused during a block; its
 *   window (ttl) starts with the first hit after the previous window ran out and is not extended;
 * - the block: set for blockDuration by the first hit that takes the counter over the limit, and
 *   left alone until it runs out (hits during a block neither extend nor restart it). When it has
 *   run out the next hit is judged on the counter again, which may still be over the limit if the
 *   window it counts in is still open.
 * - Headers, per limit, with the name's first letter upper-cased: X-RateLimit-Limit-<Name>,
 *   X-RateLimit-Remaining-<Name> (0 while blocked, else limit − hits, never below 0),
 *   X-RateLimit-Reset-<Name> (seconds, rounded up, until the block ends, or else until the window
 *   ends).
 *
 * On the real clock (Date.now) unless SandboxOptions.rateLimitClock is given, never the calendar
 * clock of SandboxOptions.now, and every
 * ttl and block duration is multiplied by timeScale: with 0.01 Cal.com's 60 s window and 60 s block
 * last 0.6 s. Scaled Reset headers keep two decimals (inferred: whole seconds would make a scaled
 * 0.6 s window read as 1 s and every client wait almost twice as long as the sandbox blocks).
 */

/** One of Cal.com's rate limits (its RateLimit rows, or the guard's default): times in ms. */
export interface RateLimitRule {
	name: string;
	limit: number;
	ttl: number;
	blockDuration: number;
}

/** Cal.com's window and block when nothing else is configured: 60 s each. */
export const DEFAULT_TTL_MS = 60_000;
export const DEFAULT_BLOCK_DURATION_MS = 60_000;

interface Counter {
	hits: number;
	windowEnd: number;
	blockedUntil: number;
}

export interface RateLimitDecision {
	/** False only when every limit that counted this hit is blocked. */
	allowed: boolean;
	headers: Record<string, string>;
}

export class RateLimiter {
	private readonly counters = new Map<string, Counter>();

	/** `limit`: the default limit per window (SandboxOptions.rateLimit), also used by canned 429 faults. */
	constructor(
		readonly limit: number,
		private readonly timeScale: number,
		private readonly clock: () => number = Date.now,
	) {}

	/** The guard's default limit for API keys and anonymous callers, named "default". */
	defaultRule(limit: number = this.limit): RateLimitRule {
		return {
			name: 'default',
			limit,
			ttl: DEFAULT_TTL_MS,
			blockDuration: DEFAULT_BLOCK_DURATION_MS,
		};
	}

	/** Seconds as the Reset header prints them: whole seconds in real time, 2 decimals when scaled. */
	formatSeconds(ms: number): string {
		const seconds = Math.max(0, ms) / 1000;
		if (this.timeScale === 1) return String(Math.ceil(seconds));
		return String(Math.ceil(seconds * 100) / 100);
	}

	/**
	 * One hit of `tracker` against each rule. Every rule counts the hit; the request is refused only
	 * when all of them are blocked (Cal.com's handleApiKeyRequest; with one rule that is the same as
	 * "refused when blocked").
	 */
	hit(tracker: string, rules: readonly RateLimitRule[]): RateLimitDecision {
		const now = this.clock();
		const headers: Record<string, string> = {};
		let allBlocked = true;
		for (const rule of rules) {
			const outcome = this.count(`${tracker}:${rule.limit}:${rule.ttl}:${rule.name}`, rule, now);
			if (!outcome.blocked) allBlocked = false;
			const name = rule.name.charAt(0).toUpperCase() + rule.name.slice(1);
			headers[`X-RateLimit-Limit-${name}`] = String(rule.limit);
			headers[`X-RateLimit-Remaining-${name}`] = String(
				outcome.blocked ? 0 : Math.max(0, rule.limit - outcome.hits),
			);
			headers[`X-RateLimit-Reset-${name}`] = this.formatSeconds(outcome.resetMs);
		}
		return { allowed: rules.length === 0 || !allBlocked, headers };
	}

	private count(
		key: string,
		rule: RateLimitRule,
		now: number,
	): { hits: number; blocked: boolean; resetMs: number } {
		const ttl = rule.ttl * this.timeScale;
		let c = this.counters.get(key);
		if (!c) {
			c = { hits: 0, windowEnd: 0, blockedUntil: 0 };
			this.counters.set(key, c);
		}
		if (now >= c.windowEnd) {
			c.hits = 0;
			c.windowEnd = now + ttl;
		}
		c.hits++;
		if (c.blockedUntil > now) return { hits: c.hits, blocked: true, resetMs: c.blockedUntil - now };
		if (c.hits > rule.limit) {
			const block = rule.blockDuration * this.timeScale;
			c.blockedUntil = now + block;
			return { hits: c.hits, blocked: true, resetMs: block };
		}
		return { hits: c.hits, blocked: false, resetMs: c.windowEnd - now };
	}

	reset(): void {
		this.counters.clear();
	}
}
