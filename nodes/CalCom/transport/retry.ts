// How long to wait before another attempt. Pure functions, so the policy is unit-tested apart
// from HTTP.

export const MAX_ATTEMPTS_RATE_LIMITED = 5;
export const MAX_ATTEMPTS_TRANSIENT = 3;
/** Cal.com's default block is 60 s; never wait longer than that plus a margin at once. */
export const MAX_WAIT_MS = 65_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 20_000;

export type HeaderMap = Record<string, string | string[] | undefined>;

function headerValue(headers: HeaderMap, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** Seconds from a header that holds a number of seconds, or undefined when absent or garbage. */
function secondsHeader(headers: HeaderMap, name: string): number | undefined {
	const raw = headerValue(headers, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const seconds = Number(raw);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** What Cal.com said about one of its named rate limits in one answer. */
export interface RateLimitWindow {
	/** Requests left before this limit blocks the key; 0 while it is blocked. */
	remaining: number;
	/** Seconds until this limit's block ends, or else until its window ends. */
	resetSeconds: number;
}

/** One named limit as an answer described it; `limit` only when Cal.com sent X-RateLimit-Limit. */
export interface NamedRateLimit extends RateLimitWindow {
	name: string;
	limit?: number;
}

/**
 * Cal.com's rate-limit headers, one entry per limit: it sends `X-RateLimit-Limit-<Name>`,
 * `X-RateLimit-Remaining-<Name>` and `X-RateLimit-Reset-<Name>` for every limit the key counts
 * against (`-Default`, or the names of the key's own limits, or an endpoint's limit), in any
 * letter case.
 */
function readLimits(headers: HeaderMap): Array<Partial<NamedRateLimit> & { name: string }> {
	const byName = new Map<string, Partial<NamedRateLimit> & { name: string }>();
	for (const key of Object.keys(headers)) {
		const match = /^x-ratelimit-(limit|remaining|reset)(?:-(.*))?$/i.exec(key);
		if (!match) continue;
		const value = secondsHeader(headers, key);
		if (value === undefined) continue;
		const name = (match[2] ?? '').toLowerCase();
		const entry = byName.get(name) ?? { name };
		const field = match[1].toLowerCase();
		if (field === 'remaining') entry.remaining = value;
		else if (field === 'reset') entry.resetSeconds = value;
		else entry.limit = value;
		byName.set(name, entry);
	}
	return [...byName.values()];
}

/** The limits that said both how much is left and when they reset, with their names. */
export function namedRateLimits(headers: HeaderMap): NamedRateLimit[] {
	return readLimits(headers).filter(
		(l): l is NamedRateLimit => l.remaining !== undefined && l.resetSeconds !== undefined,
	);
}

/** The limits that said both how much is left and when they reset. */
export function rateLimitWindows(headers: HeaderMap): RateLimitWindow[] {
	return namedRateLimits(headers).map(({ remaining, resetSeconds }) => ({
		remaining,
		resetSeconds,
	}));
}

/**
 * How long until Cal.com takes a request again after a 429. It refuses one only when every limit
 * of the key is blocked (apps/api/v2/src/lib/throttler-guard.ts), so the first limit to free up
 * decides: the shortest reset among the limits that have nothing left (or do not say).
 */
export function rateLimitResetSeconds(headers: HeaderMap): number | undefined {
	const resets = readLimits(headers).filter((l) => l.resetSeconds !== undefined);
	const used = resets.filter((l) => !l.remaining);
	const candidates = used.length > 0 ? used : resets;
	if (candidates.length === 0) return undefined;
	return Math.min(...candidates.map((l) => l.resetSeconds as number));
}

/** Retry-After as seconds or as an HTTP date. */
export function retryAfterSeconds(headers: HeaderMap, nowMs: number): number | undefined {
	const seconds = secondsHeader(headers, 'retry-after');
	if (seconds !== undefined) return seconds;
	const raw = headerValue(headers, 'retry-after');
	if (!raw) return undefined;
	const at = Date.parse(raw);
	return Number.isNaN(at) ? undefined : Math.max(0, (at - nowMs) / 1000);
}

/** Exponential back-off with full jitter: a random wait in [0, min(cap, base·2^attempt)). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/**
 * Wait before retrying a 429: what Cal.com said (Retry-After, then the reset header) plus a
 * little jitter so parallel executions do not stampede, else back-off.
 */
export function rateLimitWaitMs(
	headers: HeaderMap,
	attempt: number,
	nowMs: number,
	random: () => number = Math.random,
): number {
	const told = retryAfterSeconds(headers, nowMs) ?? rateLimitResetSeconds(headers);
	if (told === undefined) return backoffMs(attempt, random);
	const jitter = Math.floor(random() * 250);
	return Math.min(MAX_WAIT_MS, Math.ceil(told * 1000) + jitter);
}
