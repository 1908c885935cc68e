/**
 * How long to wait before another attempt. Pure functions, so the policy is unit-tested apart
 * from HTTP.
 */

export const MAX_ATTEMPTS_RATE_LIMITED = 5;
export const MAX_ATTEMPTS_TRANSIENT = 3;
/** Cal.com blocks a key for 60 s at most; never wait longer than that plus a margin. */
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

/**
 * Cal.com names its rate-limit headers after the limit (`X-RateLimit-Reset-Default` for the
 * default one, other suffixes for custom limits), so every `x-ratelimit-reset-*` counts; the
 * longest one is the binding one.
 */
export function rateLimitResetSeconds(headers: HeaderMap): number | undefined {
	let longest: number | undefined;
	for (const key of Object.keys(headers)) {
		if (!/^x-ratelimit-reset(-|$)/i.test(key)) continue;
		const seconds = secondsHeader(headers, key);
		if (seconds !== undefined && (longest === undefined || seconds > longest)) longest = seconds;
	}
	return longest;
}

/** The smallest `x-ratelimit-remaining-*` value, or undefined when none is sent. */
export function rateLimitRemaining(headers: HeaderMap): number | undefined {
	let smallest: number | undefined;
	for (const key of Object.keys(headers)) {
		if (!/^x-ratelimit-remaining(-|$)/i.test(key)) continue;
		const value = secondsHeader(headers, key);
		if (value !== undefined && (smallest === undefined || value < smallest)) smallest = value;
	}
	return smallest;
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
