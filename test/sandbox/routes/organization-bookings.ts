/**
 * Bookings of an organization (unversioned; the 2024-08-13 list: take/skip, filters and sort as
 * GET /v2/bookings takes them, bookings-list.ts):
 *
 *   GET /v2/organizations/{orgId}/bookings                  ORG_ADMIN; userIds narrows to some users
 *   GET /v2/organizations/{orgId}/users/{userId}/bookings   ORG_ADMIN, the user in the organization
 *   GET /v2/organizations/{orgId}/teams/{teamId}/bookings   TEAM_ADMIN (an organization admin passes)
 *
 * Read in apps/api/v2/src/modules/organizations/bookings/organizations-bookings.controller.ts,
 * …/organizations/users/bookings/ (controller: IsUserInOrg; service: the list as the user sees
 * their own, getBookings with that user), …/organizations/teams/bookings/
 * organizations-teams-bookings.controller.ts (getBookings with the teamId filter, after IsTeamInOrg)
 * and apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts (getBookings: userIds
 * passed on as a filter). Inferred: an organization admin's list holds the bookings organised or
 * hosted by the organization's users and those of its teams' event types (what Cal.com's booking
 * list shows an admin of the members); userIds keeps those organised or hosted by the users named.
 */
import type { SandboxBooking } from '../types';
import { involves, offsetBookingsAnswer } from './bookings-list';
import { orgAccess, orgUsers, userInOrg } from './organization-access';
import { orgTeamAccess } from './organization-team-access';
import type { RouteHandler } from './route';
import { teamEventTypeBookings } from './teams';

function byUsers(b: SandboxBooking, ids: Set<number>): boolean {
	return ids.has(b.userId) || (b.hostIds ?? []).some((id) => ids.has(id));
}

const organizationBookings: RouteHandler['handle'] = (req, ctx) => {
	const access = orgAccess(req, ctx.state, 'ADMIN');
	if (!access.ok) return access.result;
	const members = new Set(orgUsers(ctx.state, access.org).map((u) => u.id));
	const teamEventTypes = new Set(
		ctx.state.eventTypes
			.filter((e) =>
				ctx.state.teams.some((t) => t.id === e.teamId && t.organizationId === access.org.id),
			)
			.map((e) => e.id),
	);
	const asked = req.typedQuery.userIds;
	const only =
		typeof asked === 'string' && asked.trim()
			? new Set(asked.split(',').map((id) => Number(id.trim())))
			: undefined;
	return offsetBookingsAnswer(
		req,
		ctx,
		(b) =>
			(byUsers(b, members) || teamEventTypes.has(b.eventTypeId)) &&
			(only === undefined || byUsers(b, only)),
	);
};

const userBookings: RouteHandler['handle'] = (req, ctx) => {
	const access = orgAccess(req, ctx.state, 'ADMIN');
	if (!access.ok) return access.result;
	const found = userInOrg(req, ctx.state, access.org);
	if (!found.ok) return found.result;
	return offsetBookingsAnswer(req, ctx, (b) => involves(b, found.user));
};

const teamBookings: RouteHandler['handle'] = (req, ctx) => {
	const access = orgTeamAccess(req, ctx.state, 'TEAM_ADMIN');
	if (!access.ok) return access.result;
	return offsetBookingsAnswer(req, ctx, teamEventTypeBookings(ctx.state, access.team.id));
};

const ORG = '/v2/organizations/{orgId}';

export const organizationBookingRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: `${ORG}/bookings`,
		validation: 'generic',
		handle: organizationBookings,
	},
	{
		method: 'GET',
		template: `${ORG}/users/{userId}/bookings`,
		validation: 'generic',
		handle: userBookings,
	},
	{
		method: 'GET',
		template: `${ORG}/teams/{teamId}/bookings`,
		validation: 'generic',
		handle: teamBookings,
	},
];
