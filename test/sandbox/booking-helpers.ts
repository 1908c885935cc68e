/**
 * Helpers for the sandbox's booking specs: the fixed clock, the versions and a valid body.
 */
import type { Sandbox } from './index';
import { call } from './test-helpers';
import type { CallResult } from './test-helpers';

/** Monday 2027-03-01, 03:00 in New York, 09:00 in Berlin. */
export const NOW = '2027-03-01T08:00:00Z';
export const BOOKINGS = '2024-08-13';
export const SLOTS = '2024-09-04';

export function attendee(name = 'Priya Natarajan', email = 'priya@acme.example') {
	return { name, email, timeZone: 'America/Chicago' };
}

export function book(
	sandbox: Sandbox,
	body: Record<string, unknown>,
	key?: string,
	version = BOOKINGS,
): Promise<CallResult> {
	return call(sandbox, '/v2/bookings', {
		method: 'POST',
		body: { attendee: attendee(), ...body },
		key,
		version,
	});
}

export function post(
	sandbox: Sandbox,
	path: string,
	body: unknown,
	key?: string,
	version = BOOKINGS,
): Promise<CallResult> {
	return call(sandbox, path, { method: 'POST', body, key, version });
}

/** Slot starts (UTC ISO) of an event type on one UTC date. */
export async function slotStarts(
	sandbox: Sandbox,
	eventTypeId: number,
	date: string,
): Promise<string[]> {
	const res = await call(
		sandbox,
		`/v2/slots?eventTypeId=${eventTypeId}&start=${date}&end=${date}`,
		{ version: SLOTS },
	);
	return Object.values((res.json?.data ?? {}) as Record<string, Array<{ start: string }>>)
		.flat()
		.map((s) => new Date(s.start).toISOString());
}
