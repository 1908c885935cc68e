/** The webhook settings Cal.com checks: payload versions and the no-show delay. */

/** The payload shape Cal.com uses when a webhook names none; older servers know only this one. */
export const DEFAULT_PAYLOAD_VERSION = '2021-10-20';

/** The shapes of the bodies Cal.com sends; `2026-07-27` adds the calendar files. */
export const PAYLOAD_VERSIONS: readonly string[] = [DEFAULT_PAYLOAD_VERSION, '2026-07-27'];

/** The units of a no-show delay (`timeUnit`). */
export const TIME_UNITS: readonly string[] = ['DAY', 'HOUR', 'MINUTE'];

export function isPayloadVersion(value: unknown): value is string {
	return typeof value === 'string' && PAYLOAD_VERSIONS.includes(value);
}

/** A no-show delay's amount: a whole number of at least 1. */
export function isNoShowTime(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	const amount = Number(value);
	return Number.isInteger(amount) && amount >= 1;
}

export function isTimeUnit(value: unknown): value is string {
	return typeof value === 'string' && TIME_UNITS.includes(value);
}

/** Cal.com's largest `take` for webhook lists. */
export const WEBHOOK_PAGE_SIZE = 250;
