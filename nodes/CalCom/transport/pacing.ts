import { sleep } from 'n8n-workflow';

import type { HeaderMap } from './retry';
import { MAX_WAIT_MS, rateLimitWindows } from './retry';

/**
 * What Cal.com last said about the rate limits of one API key on one server, one entry per named
 * limit. Cal.com counts every request against each limit and refuses it only when all of them are
 * used up (apps/api/v2/src/lib/throttler-guard.ts); so the next request goes while any limit has
 * room, and when none has, it waits for the first one to start afresh instead of earning a 429.
 */
interface LimitState {
	remaining: number;
	resetsAt: number;
}

const windows = new Map<string, LimitState[]>();

export function recordRateLimit(key: string, headers: HeaderMap, nowMs: number): void {
	const limits = rateLimitWindows(headers);
	if (limits.length === 0) return;
	windows.set(
		key,
		limits.map((l) => ({ remaining: l.remaining, resetsAt: nowMs + l.resetSeconds * 1000 })),
	);
}

export async function paceBeforeRequest(key: string, nowMs: number): Promise<void> {
	const limits = windows.get(key);
	if (!limits) return;
	if (limits.some((l) => l.resetsAt <= nowMs)) {
		// A limit has started afresh: the request goes, and its answer tells the new state.
		windows.delete(key);
		return;
	}
	if (limits.some((l) => l.remaining > 0)) {
		// Count our own request against each limit so parallel items do not all rush the last slot.
		for (const l of limits) l.remaining = Math.max(0, l.remaining - 1);
		return;
	}
	const firstReset = Math.min(...limits.map((l) => l.resetsAt));
	await sleep(Math.min(MAX_WAIT_MS, firstReset - nowMs));
	windows.delete(key);
}
