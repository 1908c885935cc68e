/**
 * Which OAuth scope each endpoint family needs, for third-party OAuth access tokens.
 *
 * Cal.com declares it per handler with @OAuthPermissions([...]) and checks it in
 * apps/api/v2/src/modules/auth/guards/oauth-permissions/oauth-permissions.guard.ts:
 * - a handler without the decorator refuses OAuth tokens: 403 "insufficient_scope: this endpoint is
 *   not available for third-party OAuth tokens";
 * - a missing scope: 403 "insufficient_scope: token does not have the required scopes. Required:
 *   <missing>. Token has: <token's scopes>";
 * - an ORG_ scope satisfies the TEAM_ scope of the same resource, not the reverse;
 * - a token without scopes, or with only legacy ones (READ_BOOKING, READ_PROFILE), passes (legacy).
 * Scope names: packages/features/oauth/constants.ts (INDIVIDUAL_SCOPES, TEAM_SCOPES, ORG_SCOPES).
 *
 * Inferred: the family → scope table below. The sandbox cannot read every controller's decorator,
 * so it maps families the way the scope names read (GET → _READ, other methods → _WRITE).
 * WEBHOOK_, CREDITS_ scopes are named by Cal.com's OAuth docs (issue 17) but are not in the stored
 * constants.ts; calendars and conferencing use APPS_ (inferred: they are installed apps).
 */
const LEGACY_SCOPES = new Set(['READ_BOOKING', 'READ_PROFILE']);

interface Family {
	pattern: RegExp;
	scope: string;
}

/** First match wins; checked against the route template (`/v2/bookings/{bookingUid}` …). */
const FAMILIES: Family[] = [
	{ pattern: /^\/v2\/organizations\/[^/]+\/(users\/[^/]+\/)?bookings/, scope: 'ORG_BOOKING' },
	{ pattern: /^\/v2\/organizations\/[^/]+\/teams\/[^/]+\/bookings/, scope: 'ORG_BOOKING' },
	{ pattern: /^\/v2\/organizations\/[^/]+\/.*schedules/, scope: 'ORG_SCHEDULE' },
	{ pattern: /^\/v2\/organizations\/[^/]+\/.*event-types/, scope: 'ORG_EVENT_TYPE' },
	{ pattern: /^\/v2\/organizations\/[^/]+\/webhooks/, scope: 'WEBHOOK' },
	{ pattern: /^\/v2\/organizations\//, scope: 'ORG_PROFILE' },
	{ pattern: /^\/v2\/teams\/[^/]+\/bookings/, scope: 'TEAM_BOOKING' },
	{ pattern: /^\/v2\/teams\/[^/]+\/event-types/, scope: 'TEAM_EVENT_TYPE' },
	{ pattern: /^\/v2\/teams\/[^/]+\/schedules/, scope: 'TEAM_SCHEDULE' },
	{ pattern: /^\/v2\/teams\/[^/]+\/(memberships|invite)/, scope: 'TEAM_MEMBERSHIP' },
	{ pattern: /^\/v2\/teams/, scope: 'TEAM_PROFILE' },
	{ pattern: /^\/v2\/event-types\/[^/]+\/webhooks/, scope: 'WEBHOOK' },
	{ pattern: /^\/v2\/webhooks/, scope: 'WEBHOOK' },
	{ pattern: /^\/v2\/event-types/, scope: 'EVENT_TYPE' },
	{ pattern: /^\/v2\/bookings/, scope: 'BOOKING' },
	{ pattern: /^\/v2\/slots\/reservations/, scope: 'BOOKING' },
	{ pattern: /^\/v2\/schedules/, scope: 'SCHEDULE' },
	{ pattern: /^\/v2\/me/, scope: 'PROFILE' },
	{ pattern: /^\/v2\/credits/, scope: 'CREDITS' },
	{ pattern: /^\/v2\/(calendars|conferencing)/, scope: 'APPS' },
];

/** The scope a route needs, or undefined when Cal.com lets no OAuth token through there. */
export function requiredScope(method: string, template: string): string | undefined {
	const family = FAMILIES.find((f) => f.pattern.test(template));
	if (!family) return undefined;
	return `${family.scope}_${method.toUpperCase() === 'GET' ? 'READ' : 'WRITE'}`;
}

export const NOT_FOR_OAUTH =
	'insufficient_scope: this endpoint is not available for third-party OAuth tokens';

/** Why a token with these scopes may not call the route, or undefined when it may. */
export function scopeRefusal(
	tokenScopes: string[],
	method: string,
	template: string,
): string | undefined {
	// Legacy tokens (no scopes, or only legacy ones) pass, as the guard's notes say.
	if (tokenScopes.filter((s) => !LEGACY_SCOPES.has(s)).length === 0) return undefined;
	const needed = requiredScope(method, template);
	if (!needed) return NOT_FOR_OAUTH;
	const held = new Set(tokenScopes);
	if (held.has(needed)) return undefined;
	if (needed.startsWith('TEAM_') && held.has(needed.replace('TEAM_', 'ORG_'))) return undefined;
	return `insufficient_scope: token does not have the required scopes. Required: ${needed}. Token has: ${tokenScopes.join(', ')}`;
}
