/**
 * The one table of `cal-api-version` values the sandbox serves, per endpoint family
 * (API-NOTES §2). Rules are matched against the OpenAPI path template, first match wins,
 * so the more specific templates come first.
 *
 * Deliberately louder than Cal.com: real Cal.com falls back to the legacy 2024-04-15
 * controllers when the header is missing or unknown, and for bookings, event types and
 * schedules those answer 200 in a different (legacy) shape — a silent wrong answer. The
 * sandbox answers every missing or wrong version on a versioned family with Nest's
 * 404 "Cannot <METHOD> <path>" (what Cal.com itself does for slots) and records the request
 * as invalid, so a node that sends the wrong version fails its tests instead of passing them.
 */

export interface VersionRule {
	family: string;
	/** Only these methods; all when omitted. */
	methods?: readonly string[];
	/** Matched against the path template, e.g. '/v2/bookings/{bookingUid}'. */
	template: RegExp;
	/** Versions served; null = unversioned controller (any value or none is fine). */
	versions: readonly string[] | null;
}

export const VERSION_RULES: readonly VersionRule[] = [
	{ family: 'slots', template: /^\/v2\/slots(\/|$)/, versions: ['2024-09-04'] },
	// The list alone also serves 2026-05-01 (cursor pagination).
	{
		family: 'bookings',
		methods: ['GET'],
		template: /^\/v2\/bookings$/,
		versions: ['2024-08-13', '2026-02-25', '2026-05-01'],
	},
	{ family: 'bookings', template: /^\/v2\/bookings(\/|$)/, versions: ['2024-08-13', '2026-02-25'] },
	{
		family: 'booking fields',
		template: /^\/v2\/event-types\/\{[^}]+\}\/booking-fields(\/|$)/,
		versions: ['2026-06-12'],
	},
	{
		family: 'event type webhooks',
		template: /^\/v2\/event-types\/\{[^}]+\}\/webhooks(\/|$)/,
		versions: null,
	},
	// Private links: Cal.com's 2024-09-04 controller (event-types-private-links/2024-09-04) and the
	// deprecated 2024-06-14 one, which takes the four older values; routes/private-links.ts answers
	// bookingUrl as each does.
	{
		family: 'event type private links',
		template: /^\/v2\/event-types\/\{[^}]+\}\/private-links(\/|$)/,
		versions: ['2024-04-15', '2024-06-11', '2024-06-14', '2024-08-13', '2024-09-04'],
	},
	{ family: 'event types', template: /^\/v2\/event-types(\/|$)/, versions: ['2024-06-14'] },
	// The schedules controller lists both values.
	{
		family: 'schedules',
		template: /^\/v2\/schedules(\/|$)/,
		versions: ['2024-06-11', '2024-06-14'],
	},
	{
		family: 'team event type webhooks',
		template: /^\/v2\/teams\/\{[^}]+\}\/event-types\/\{[^}]+\}\/webhooks(\/|$)/,
		versions: null,
	},
	// The saved document's team event-type controller is unversioned (2024-06-14 shapes); live
	// docs add 2026-06-12 with a new output, which the handlers refuse with 501 rather than
	// answering in the old shape.
	{
		family: 'team event types',
		template: /^\/v2\/teams\/\{[^}]+\}\/event-types(\/|$)/,
		versions: null,
	},
	// Everything else (/v2/me, webhooks, credits, teams, organizations, calendars, …) is unversioned.
];

/** Every version string Cal.com knows (the 2026 ones only in newer builds). */
export const KNOWN_VERSIONS = [
	'2024-04-15',
	'2024-06-11',
	'2024-06-14',
	'2024-08-13',
	'2024-09-04',
	'2026-02-25',
	'2026-05-01',
	'2026-06-12',
] as const;

export function versionRuleFor(method: string, template: string): VersionRule | undefined {
	return VERSION_RULES.find(
		(rule) =>
			rule.template.test(template) &&
			(!rule.methods || rule.methods.includes(method.toUpperCase())),
	);
}

/**
 * null when the version is served; otherwise the problem to record, e.g.
 * "cal-api-version 2024-08-13 is not served by /v2/slots (expects 2024-09-04)".
 */
export function versionProblem(
	method: string,
	template: string,
	pathname: string,
	header: string | undefined,
): string | null {
	const rule = versionRuleFor(method, template);
	if (!rule || rule.versions === null) return null;
	if (header !== undefined && rule.versions.includes(header)) return null;
	const expected = rule.versions.join(' or ');
	return header === undefined
		? `cal-api-version header missing: ${method} ${pathname} (${rule.family}) expects ${expected}`
		: `cal-api-version ${header} is not served by ${pathname} (expects ${expected})`;
}
