/**
 * What this execution learned about an older self-hosted Cal.com: which newer API forms it does
 * not serve, so that the node asks in the newer form once and in the older form after that.
 *
 * Kept per execution context (helpers/executionCache.ts: n8n makes the context anew for every
 * execution), never across executions: a server may be updated between two runs.
 */
import { NodeApiError } from 'n8n-workflow';

import { executionStore, findExecutionStore } from '../helpers/executionCache';
import { isCalComRefusal } from './errors';
import type { CalComContext } from './request';

/** A newer form a server may lack, e.g. 'bookings-cursor' (cal-api-version 2026-05-01). */
export type NewerForm = 'bookings-cursor' | 'webhook-payload-2026-07-27';

const LACKS = 'newer forms the server lacks';

/** Whether this execution already found that the server lacks `form`. */
export function lacksNewerForm(context: CalComContext, form: NewerForm): boolean {
	return findExecutionStore<Set<NewerForm>>(context, LACKS)?.has(form) ?? false;
}

/** Remembers, for the rest of this execution, that the server lacks `form`. */
export function rememberLacksNewerForm(context: CalComContext, form: NewerForm): void {
	executionStore(context, LACKS, () => new Set<NewerForm>()).add(form);
}

/**
 * Whether `error` is how a Cal.com API v2 answers a `cal-api-version` it does not serve: NestJS's
 * 404 "Cannot GET /v2/…". Cal.com has no "unsupported version" error: apps/api/v2/src/app.ts
 * takes a version missing from its API_VERSIONS as 2024-04-15, and a route without a controller
 * for that version is Nest's 404.
 */
export function isVersionNotServed(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		isCalComRefusal(error, [404], /Cannot (GET|POST|PATCH|PUT|DELETE) \//)
	);
}
