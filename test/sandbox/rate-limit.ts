/**
 * Cal.com's CustomThrottlerGuard, as its source and API-NOTES §10 describe it:
 * - one counter per tracker: the API key (any Bearer token) or, for anonymous calls, the client
 *   address; default limit 120 per 60 s window;
 * - every guarded response carries X-RateLimit-Limit-Default, X-RateLimit-Remaining-Default and
 *   X-RateLimit-Reset-Default (seconds until the window — or, when blocked, the block — ends);
 * - the request over the limit gets 429 ThrottlerException and starts a block of 60 s, during
 *   which every request is refused (and not counted) with Remaining 0; when the block ends the
 *   counter starts afresh. (Nest's throttler storage: the block runs from the first refused hit.)
 * - no Retry-After on ordinary throttling.
 *
 * Always on the real clock (Date.now), never the calendar clock of SandboxOptions.now, and
 * scaled by timeScale: with 0.01 the window and the block last 0.6 s.
 */

const WINDOW_MS = 60_000;

interface Counter {
	windowEnd: number;
	hits: number;
	blockedUntil: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

export class RateLimiter {
	private readonly counters = new Map<string, Counter>();

	constructor(
		readonly limit: number,
		private readonly timeScale: number,
		private readonly clock: () => number = Date.now,
	) {}

	private get windowMs(): number {
		return WINDOW_MS * this.timeScale;
	}

	/** Seconds as the Reset header prints them: whole seconds in real time, 2 decimals when scaled. */
	formatSeconds(ms: number): string {
		const seconds = Math.max(0, ms) / 1000;
		if (this.timeScale === 1) return String(Math.ceil(seconds));
		return String(Math.ceil(seconds * 100) / 100);
	}

	hit(tracker: string): RateLimitDecision {
		const now = this.clock();
		let c = this.counters.get(tracker);
		if (c && c.blockedUntil > now) {
			return { allowed: false, headers: this.headers(0, c.blockedUntil - now) };
		}
		if (!c || c.blockedUntil !== 0 || now >= c.windowEnd) {
			c = { windowEnd: now + this.windowMs, hits: 0, blockedUntil: 0 };
			this.counters.set(tracker, c);
		}
		c.hits++;
		if (c.hits > this.limit) {
			c.blockedUntil = now + this.windowMs;
			return { allowed: false, headers: this.headers(0, this.windowMs) };
		}
		return { allowed: true, headers: this.headers(this.limit - c.hits, c.windowEnd - now) };
	}

	headers(remaining: number, resetMs: number): Record<string, string> {
		return {
			'X-RateLimit-Limit-Default': String(this.limit),
			'X-RateLimit-Remaining-Default': String(Math.max(0, remaining)),
			'X-RateLimit-Reset-Default': this.formatSeconds(resetMs),
		};
	}

	reset(): void {
		this.counters.clear();
	}
}
