/**
 * What the sandbox remembers about every request, for tests to assert on ("the node sent
 * nothing stray", "it retried twice", "it used version X"). Credentials never land here:
 * the Authorization header is replaced by whose key it was.
 */
import type { IncomingHttpHeaders } from 'node:http';

import { redactAuthorization } from './auth';
import type { FaultKind } from './faults';
import type { SandboxState } from './types';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-case names; authorization redacted to 'Bearer <redacted:username-or-unknown>'. */
	headers: Record<string, string>;
	/** Parsed JSON, the raw text when it was not JSON, undefined when there was none. */
	body: unknown;
	/** Status sent (0 while pending, and for 'reset' faults: no response at all). */
	status: number;
	/** false when the request failed contract validation (not for business errors or 401s). */
	valid: boolean;
	problems: string[];
	fault?: FaultKind;
	apiVersion?: string;
	/** When it was counted against the rate limit (Date.now(), the clock the limiter runs on). */
	receivedAt: number;
	/** When the answer was written (Date.now()); undefined while held or when none was sent. */
	answeredAt?: number;
}

const SECRET_HEADERS = new Set(['x-cal-secret-key', 'cookie']);

export function recordHeaders(
	state: SandboxState,
	headers: IncomingHttpHeaders,
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		const text = Array.isArray(value) ? value.join(', ') : value;
		if (name === 'authorization') out[name] = redactAuthorization(state, text);
		else if (SECRET_HEADERS.has(name)) out[name] = '<redacted>';
		else out[name] = text;
	}
	return out;
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [name, value] of params) {
		const existing = out[name];
		out[name] =
			existing === undefined
				? value
				: Array.isArray(existing)
					? [...existing, value]
					: [existing, value];
	}
	return out;
}

export function markProblems(record: RecordedRequest, problems: string[]): void {
	if (problems.length === 0) return;
	record.problems.push(...problems);
	record.valid = false;
}
