/**
 * Small helpers for the sandbox's own specs: plain fetch against a running sandbox.
 */
import type { Sandbox } from './index';

export interface CallOptions {
	method?: string;
	key?: string;
	version?: string;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
}

export async function call(
	sandbox: Sandbox,
	path: string,
	options: CallOptions = {},
): Promise<CallResult> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	if (options.key) headers.Authorization = `Bearer ${options.key}`;
	if (options.version) headers['cal-api-version'] = options.version;
	if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
	const response = await fetch(`${sandbox.url}${path}`, {
		method: options.method ?? 'GET',
		headers,
		body:
			options.body === undefined
				? undefined
				: typeof options.body === 'string'
					? options.body
					: JSON.stringify(options.body),
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** GET /v2/slots with the right version and the given query. */
export function slots(sandbox: Sandbox, query: Record<string, string>): Promise<CallResult> {
	return call(sandbox, `/v2/slots?${new URLSearchParams(query).toString()}`, {
		version: '2024-09-04',
	});
}

/** The `start` values of a slots answer, per date. */
export function starts(result: CallResult): Record<string, string[]> {
	const data = result.json?.data as Record<string, Array<{ start: string }>>;
	return Object.fromEntries(
		Object.entries(data ?? {}).map(([date, items]) => [date, items.map((i) => i.start)]),
	);
}

/** All slot starts of an answer as UTC instants ('2027-03-29T07:00:00.000Z'). */
export function utcStarts(result: CallResult): string[] {
	return Object.values(starts(result))
		.flat()
		.map((s) => new Date(s).toISOString());
}

/**
 * Resolves once `check` holds, looking again on every turn of the event loop: a spec waits for
 * what it needs to see instead of a number of milliseconds (jest's timeout bounds it).
 */
export async function until(check: () => boolean): Promise<void> {
	while (!check()) await new Promise((resolve) => setImmediate(resolve));
}
