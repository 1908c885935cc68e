import { sleep } from 'n8n-workflow';

import type { HeaderMap } from './retry';
import { MAX_WAIT_MS, rateLimitRemaining, rateLimitResetSeconds } from './retry';

/**
 * What Cal.com last said about the rate-limit window of one API key on one server. When the
 * window is used up, the next request waits for it to end instead of earning a 429.
 */
interface WindowState {
	remaining: number;
	resetsAt: number;
}

const windows = new Map<string, WindowState>();

export function recordRateLimit(key: string, headers: HeaderMap, nowMs: number): void {
	const remaining = rateLimitRemaining(headers);
	const reset = rateLimitResetSeconds(headers);
	if (remaining === undefined || reset === undefined) return;
	windows.set(key, { remaining, resetsAt: nowMs + reset * 1000 });
}

export async function paceBeforeRequest(key: string, nowMs: number): Promise<void> {
	const state = windows.get(key);
	if (!state) return;
	if (state.resetsAt <= nowMs) {
		windows.delete(key);
		return;
	}
	if (state.remaining > 0) {
		// Count our own request so parallel items do not all rush the last slot.
		state.remaining -= 1;
		return;
	}
	await sleep(Math.min(MAX_WAIT_MS, state.resetsAt - nowMs));
	windows.delete(key);
}
