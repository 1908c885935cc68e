/**
 * The `cal-api-version` header each endpoint family needs. Cal.com has no single version: a
 * value that suits one family makes another answer 404 or, worse, 200 in a legacy shape. This
 * table is the only place that knows the values.
 */
export const CAL_API_VERSIONS = {
	slots: '2024-09-04',
	bookings: '2024-08-13',
	eventTypes: '2024-06-14',
	// Private links of an event type: Cal.com's 2024-09-04 controller (event-types-private-links/
	// 2024-09-04) answers bookingUrl as the booker page, <booker origin>/d/<link>/<slug>, on the
	// organization's domain for an organization's event type; the 2024-06-14 one, now deprecated and
	// out of the docs, answers <web app>/d/<link>, which is not a page. The saved document gives these
	// routes no cal-api-version (an unversioned controller then: any value served).
	privateLinks: '2024-09-04',
	schedules: '2024-06-11',
} as const;

export type ApiFamily = keyof typeof CAL_API_VERSIONS;

/** First match wins; a path that matches nothing is unversioned (no header is sent). */
const FAMILY_BY_PATH: Array<[RegExp, ApiFamily | null]> = [
	[/^\/v2\/slots(\/|$)/, 'slots'],
	[/^\/v2\/bookings(\/|$)/, 'bookings'],
	// Webhooks below an event type are unversioned, unlike the event type itself.
	[/^\/v2\/event-types\/[^/]+\/webhooks(\/|$)/, null],
	[/^\/v2\/event-types\/[^/]+\/private-links(\/|$)/, 'privateLinks'],
	[/^\/v2\/event-types(\/|$)/, 'eventTypes'],
	[/^\/v2\/schedules(\/|$)/, 'schedules'],
	// Team event types, also under an organization: the saved document's controller takes every
	// version (2024-06-14 shapes); 2026-06-12 would switch to a new output, so none is sent.
	[/^\/v2\/(organizations\/[^/]+\/)?teams\/[^/]+\/event-types(\/|$)/, null],
];

export function apiFamilyForPath(path: string): ApiFamily | null {
	for (const [pattern, family] of FAMILY_BY_PATH) {
		if (pattern.test(path)) return family;
	}
	return null;
}

export function apiVersionForPath(path: string): string | undefined {
	const family = apiFamilyForPath(path);
	return family ? CAL_API_VERSIONS[family] : undefined;
}
