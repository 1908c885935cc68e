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
 * Scope names: packages/features/oauth/constants.ts (INDIVIDUAL_SCOPES, TEAM_SCOPES, ORG_SCOPES),
 * and the newer ones (ORG_MEMBERSHIP_, ORG_ROUTING_FORM_, TEAM_ROUTING_FORM_, ORG_WEBHOOK_,
 * TEAM_APPS_, WEBHOOK_, CREDITS_) from Cal.com's OAuth docs (cal.com/docs/api-reference/v2/oauth,
 * "Available Scopes", read in its mirror Genei-Ltd/calcom-docs).
 *
 * The family → scope table below. Where a stored controller carries the decorator, it is cited;
 * the rest follows the "Available Scopes" table of Cal.com's OAuth docs, which lists each scope's
 * endpoints:
 * - teams: apps/api/v2/src/modules/teams/teams/controllers/teams.controller.ts (TEAM_PROFILE_READ
 *   on GET /v2/teams and /v2/teams/{teamId}, TEAM_PROFILE_WRITE on the writes);
 * - organization bookings: apps/api/v2/src/modules/organizations/bookings/
 *   organizations-bookings.controller.ts (ORG_BOOKING_READ); organization schedules:
 *   apps/api/v2/src/modules/organizations/schedules/organizations-schedules.controller.ts
 *   (ORG_SCHEDULE_READ); private links: apps/api/v2/src/ee/event-types-private-links/2024-09-04/
 *   controllers/event-types-private-links.controller.ts (EVENT_TYPE_WRITE on create);
 * - from the docs table: organization users and memberships ORG_MEMBERSHIP_; organization routing
 *   forms ORG_ROUTING_FORM_, a team's TEAM_ROUTING_FORM_; out of office of organization users
 *   ORG_SCHEDULE_, of a team member TEAM_SCHEDULE_, the user's own SCHEDULE_; organization webhooks
 *   ORG_WEBHOOK_; event-type webhooks EVENT_TYPE_; a team of an organization read with
 *   TEAM_PROFILE_READ but created, changed and deleted with ORG_PROFILE_WRITE; the organization
 *   team's bookings, schedules, memberships, event types and conferencing with the TEAM_ scopes,
 *   all teams' event types (/teams/event-types) with ORG_EVENT_TYPE_READ.
 * Inferred: a family's writes need its _WRITE scope where the docs list none for them (as the
 * scope names read), and the routes the docs leave out (a booking by UID or seat, slot
 * reservations) take BOOKING_. Routes without authentication in Cal.com (GET /v2/slots) never reach
 * this check (their sandbox routes have auth 'none').
 */
const LEGACY_SCOPES = new Set(['READ_BOOKING', 'READ_PROFILE']);

interface Family {
	pattern: RegExp;
	/** The scope name without _READ / _WRITE, for both. */
	scope?: string;
	/** Where reads and writes differ in name: the full scope of each. */
	read?: string;
	write?: string;
}

const ORG = '^/v2/organizations/[^/]+';
const ORG_TEAM = `${ORG}/teams/(?!me$|event-types)[^/]+`;
const at = (prefix: string, rest: string) => new RegExp(prefix + rest);

/** First match wins; checked against the route template (`/v2/bookings/{bookingUid}` …). */
const FAMILIES: Family[] = [
	{ pattern: at(ORG_TEAM, '/bookings'), scope: 'TEAM_BOOKING' },
	{ pattern: at(ORG_TEAM, '/(users/[^/]+/)?schedules'), scope: 'TEAM_SCHEDULE' },
	{ pattern: at(ORG_TEAM, '/event-types'), scope: 'TEAM_EVENT_TYPE' },
	{ pattern: at(ORG_TEAM, '/routing-forms'), scope: 'TEAM_ROUTING_FORM' },
	{ pattern: at(ORG_TEAM, '/(memberships|invite)'), scope: 'TEAM_MEMBERSHIP' },
	{ pattern: at(ORG_TEAM, '/conferencing'), scope: 'TEAM_APPS' },
	{ pattern: at(ORG_TEAM, '$'), read: 'TEAM_PROFILE_READ', write: 'ORG_PROFILE_WRITE' },
	{ pattern: at(ORG, '/(users/[^/]+/)?bookings'), scope: 'ORG_BOOKING' },
	{ pattern: at(ORG, '/(users/[^/]+/)?(schedules|ooo)'), scope: 'ORG_SCHEDULE' },
	{ pattern: at(ORG, '/teams/event-types'), scope: 'ORG_EVENT_TYPE' },
	{ pattern: at(ORG, '/routing-forms'), scope: 'ORG_ROUTING_FORM' },
	{ pattern: at(ORG, '/webhooks'), scope: 'ORG_WEBHOOK' },
	{ pattern: at(ORG, '/(memberships|users)'), scope: 'ORG_MEMBERSHIP' },
	{ pattern: at(ORG, ''), scope: 'ORG_PROFILE' },
	{ pattern: /^\/v2\/teams\/[^/]+\/bookings/, scope: 'TEAM_BOOKING' },
	{ pattern: /^\/v2\/teams\/[^/]+\/event-types/, scope: 'TEAM_EVENT_TYPE' },
	{ pattern: /^\/v2\/teams\/[^/]+\/(schedules|users\/[^/]+\/ooo)/, scope: 'TEAM_SCHEDULE' },
	{ pattern: /^\/v2\/teams\/[^/]+\/(memberships|invite)/, scope: 'TEAM_MEMBERSHIP' },
	{ pattern: /^\/v2\/teams/, scope: 'TEAM_PROFILE' },
	{ pattern: /^\/v2\/event-types/, scope: 'EVENT_TYPE' },
	{ pattern: /^\/v2\/webhooks/, scope: 'WEBHOOK' },
	{ pattern: /^\/v2\/bookings/, scope: 'BOOKING' },
	{ pattern: /^\/v2\/slots\/reservations/, scope: 'BOOKING' },
	{ pattern: /^\/v2\/schedules/, scope: 'SCHEDULE' },
	{ pattern: /^\/v2\/me\/ooo/, scope: 'SCHEDULE' },
	{ pattern: /^\/v2\/me/, scope: 'PROFILE' },
	{ pattern: /^\/v2\/credits/, scope: 'CREDITS' },
	{ pattern: /^\/v2\/(calendars|conferencing)/, scope: 'APPS' },
];

/** The scope a route needs, or undefined when Cal.com lets no OAuth token through there. */
export function requiredScope(method: string, template: string): string | undefined {
	const family = FAMILIES.find((f) => f.pattern.test(template));
	if (!family) return undefined;
	const reading = method.toUpperCase() === 'GET';
	const named = reading ? family.read : family.write;
	return named ?? `${family.scope}_${reading ? 'READ' : 'WRITE'}`;
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
