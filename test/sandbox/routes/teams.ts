/**
 * Teams (no cal-api-version needed: the controllers take every version):
 *
 *   POST   /v2/teams                      201 the new team; the caller becomes its OWNER
 *   GET    /v2/teams                      200 the teams the caller has a membership in
 *   GET    /v2/teams/{teamId}             200 TEAM_MEMBER and above
 *   PATCH  /v2/teams/{teamId}             200 TEAM_OWNER only
 *   DELETE /v2/teams/{teamId}             200 TEAM_OWNER only, the deleted team
 *   POST   /v2/teams/{teamId}/invite      200 {token, inviteLink}, TEAM_ADMIN and above
 *   GET    /v2/teams/{teamId}/bookings    200 the team event types' bookings, TEAM_ADMIN and above
 *   GET    /v2/teams/{teamId}/schedules   200 the members' schedules, TEAM_ADMIN and above
 *
 * Memberships are in team-memberships.ts; both share the role guard below.
 */
import { randomBytes } from 'node:crypto';

import { success } from '../envelope';
import type {
	SandboxBooking,
	SandboxState,
	SandboxTeam,
	SandboxTeamMember,
	SandboxUser,
} from '../types';
import { fail } from './booking-common';
import { offsetBookingsAnswer } from './bookings-list';
import type { RouteHandler, RouteRequest, RouteResult } from './route';
import { scheduleOutput } from './schedules';

export type TeamRole = 'TEAM_OWNER' | 'TEAM_ADMIN' | 'TEAM_MEMBER';
/** apps/api/v2/src/lib/roles/constants.ts: TEAM_ROLES, highest first. */
const TEAM_ROLES: readonly TeamRole[] = ['TEAM_OWNER', 'TEAM_ADMIN', 'TEAM_MEMBER'];

/**
 * apps/api/v2/src/modules/auth/guards/roles/roles.guard.ts for a route with a teamId and no orgId:
 * no membership (a team that does not exist included: the guard looks only for the membership)
 * is a 403 before the handler; a membership below the route's @Roles is the guard's other 403.
 * Invitations not yet accepted count: the guard's findMembershipByTeamId
 * (apps/api/v2/src/modules/memberships/memberships.repository.ts) ignores `accepted`.
 */
export function teamGuard(
	req: RouteRequest,
	state: SandboxState,
	minimum: TeamRole,
): SandboxTeam | RouteResult {
	const user = req.user as SandboxUser;
	const teamId = req.params.teamId;
	const team = state.teams.find((t) => String(t.id) === teamId);
	const membership = team?.members.find((m) => m.userId === user.id);
	if (!team || !membership)
		return fail(403, `RolesGuard - User is not a member of the team with id=${teamId}.`, req);
	if (TEAM_ROLES.indexOf(`TEAM_${membership.role}`) > TEAM_ROLES.indexOf(minimum)) {
		return fail(
			403,
			`RolesGuard - user with id=${user.id} does not have the minimum required role=${minimum} within team with id=${teamId}.`,
			req,
		);
	}
	return team;
}

const isAnswer = (value: SandboxTeam | RouteResult): value is RouteResult => 'status' in value;

/** The highest membership id each state has handed out: Cal.com never reuses one. */
const lastMembershipIds = new WeakMap<SandboxState, number>();

/** Membership ids are global in Cal.com; fixture members without one get the next free id. */
export function membershipId(state: SandboxState, member: SandboxTeamMember): number {
	const last = lastMembershipIds.get(state) ?? 0;
	if (member.id === undefined) {
		const ids = state.teams.flatMap((t) => t.members.map((m) => m.id ?? 0));
		member.id = Math.max(last, ...ids) + 1;
	}
	lastMembershipIds.set(state, Math.max(last, member.id));
	return member.id;
}

/**
 * TeamOutputDto: the columns set, and the defaults the Team table gives the others
 * (packages/prisma/schema.prisma: timeZone Europe/London, weekStart Sunday, the flags false).
 * Unset text columns are left out rather than sent as null [inferred: the document types them as
 * strings, and plainToClass copies the database's null].
 */
export function teamOutput(team: SandboxTeam): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: team.id,
		name: team.name,
		slug: team.slug,
		isOrganization: false,
		timeZone: 'Europe/London',
		weekStart: 'Sunday',
		hideBranding: false,
		isPrivate: false,
		hideBookATeamMember: false,
	};
	if (team.organizationId !== null) out.parentId = team.organizationId;
	for (const [key, value] of Object.entries(team.profile ?? {}))
		if (value !== null && value !== undefined) out[key] = value;
	return out;
}

/** Cal.com's slugify, as far as a team name needs it: lower case, dashes between words. */
function slugify(name: string): string {
	return name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function profileOf(body: Record<string, unknown>): Record<string, unknown> {
	const { name: _name, slug: _slug, autoAcceptCreator: _accept, ...profile } = body;
	return profile;
}

/**
 * apps/api/v2/src/modules/teams/teams/services/teams.service.ts (createTeam): the team, then an
 * OWNER membership for the caller, accepted unless autoAcceptCreator is false (default true).
 * The hosted paid-teams answer ({pendingTeam, paymentLink, message}) is not modelled.
 */
const createTeam: RouteHandler['handle'] = (req, { state }) => {
	const team = addTeam(
		state,
		req.user as SandboxUser,
		(req.body ?? {}) as Record<string, unknown>,
		null,
	);
	return { status: 201, body: success(teamOutput(team)) };
};

/**
 * A new team from a create body (a personal team, or an organization's: organization-teams.ts),
 * its slug made from the name when none is given, and the creator's OWNER membership.
 */
export function addTeam(
	state: SandboxState,
	user: SandboxUser,
	body: Record<string, unknown>,
	organizationId: number | null,
): SandboxTeam {
	const name = String(body.name);
	const team: SandboxTeam = {
		id: Math.max(0, ...state.teams.map((t) => t.id)) + 1,
		name,
		slug: typeof body.slug === 'string' && body.slug ? body.slug : slugify(name),
		organizationId,
		members: [],
		profile: profileOf(body),
	};
	const owner: SandboxTeamMember = {
		userId: user.id,
		role: 'OWNER',
		accepted: body.autoAcceptCreator !== false,
	};
	state.teams.push(team);
	team.members.push(owner);
	membershipId(state, owner);
	return team;
}

/**
 * teams.service.ts (getUserTeams): every team the caller has a membership in, accepted or not
 * (memberships.repository.ts findUserMemberships filters on the user only).
 */
const listTeams: RouteHandler['handle'] = (req, { state }) => {
	const user = req.user as SandboxUser;
	const mine = state.teams.filter((t) => t.members.some((m) => m.userId === user.id));
	return { status: 200, body: success(mine.map(teamOutput)) };
};

const getTeam: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_MEMBER');
	return isAnswer(team) ? team : { status: 200, body: success(teamOutput(team)) };
};

const updateTeam: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_OWNER');
	if (isAnswer(team)) return team;
	const body = (req.body ?? {}) as Record<string, unknown>;
	if (typeof body.name === 'string') team.name = body.name;
	if (typeof body.slug === 'string') team.slug = body.slug;
	team.profile = { ...team.profile, ...profileOf(body) };
	return { status: 200, body: success(teamOutput(team)) };
};

/**
 * packages/features/ee/teams/services/teamService.ts (delete): the team and its memberships go;
 * its event types go with it (Team → EventType cascades in schema.prisma). The answer is the
 * deleted team.
 */
const deleteTeam: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_OWNER');
	if (isAnswer(team)) return team;
	state.teams = state.teams.filter((t) => t !== team);
	state.eventTypes = state.eventTypes.filter((e) => e.teamId !== team.id);
	return { status: 200, body: success(teamOutput(team)) };
};

/**
 * apps/api/v2/src/modules/teams/invite/controllers/teams-invite.controller.ts: TeamService's
 * createTeamInvite makes a token and the signup link that carries it (InviteDataDto's example:
 * <web app>/signup?token=…&callbackUrl=/getting-started). A new token each call [inferred].
 */
const createInvite: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_ADMIN');
	if (isAnswer(team)) return team;
	const token = randomBytes(32).toString('hex');
	const inviteLink = `https://app.cal.com/signup?token=${token}&callbackUrl=/getting-started`;
	return { status: 200, body: success({ token, inviteLink }) };
};

/**
 * apps/api/v2/src/modules/teams/bookings/teams-bookings.controller.ts: the 2024-08-13 bookings
 * service with the team's id, so the bookings of the team's event types (an admin sees them all),
 * with the personal list's filters, sort and offset pagination (bookings-list.ts).
 */
const teamBookings: RouteHandler['handle'] = (req, ctx) => {
	const team = teamGuard(req, ctx.state, 'TEAM_ADMIN');
	if (isAnswer(team)) return team;
	return offsetBookingsAnswer(req, ctx, teamEventTypeBookings(ctx.state, team.id));
};

/** Bookings of the team's event types (the team list and the organization's team list). */
export function teamEventTypeBookings(
	state: SandboxState,
	teamId: number,
): (b: SandboxBooking) => boolean {
	const ids = new Set(state.eventTypes.filter((e) => e.teamId === teamId).map((e) => e.id));
	return (b) => ids.has(b.eventTypeId);
}

/**
 * apps/api/v2/src/modules/teams/schedules/services/teams-schedules.service.ts: the schedules of
 * the team's members, in the 2024-06-11 shape, take (default 250) and skip.
 */
const teamSchedules: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_ADMIN');
	if (isAnswer(team)) return team;
	const q = req.typedQuery;
	const members = new Set(team.members.map((m) => m.userId));
	const all = state.schedules.filter((s) => members.has(s.ownerId)).sort((a, b) => a.id - b.id);
	const skip = (q.skip as number | undefined) ?? 0;
	const take = (q.take as number | undefined) ?? 250;
	return {
		status: 200,
		body: success(all.slice(skip, skip + take).map((s) => scheduleOutput(s, state))),
	};
};

const teamPath = '/v2/teams/{teamId}';

export const teamsRoutes: RouteHandler[] = [
	{ method: 'POST', template: '/v2/teams', validation: 'generic', handle: createTeam },
	{ method: 'GET', template: '/v2/teams', validation: 'generic', handle: listTeams },
	{ method: 'GET', template: teamPath, validation: 'generic', handle: getTeam },
	{ method: 'PATCH', template: teamPath, validation: 'generic', handle: updateTeam },
	{
		method: 'DELETE',
		template: teamPath,
		validation: 'generic',
		// teams.controller.ts: @Throttle({ limit: 1, ttl: 1000, blockDuration: 1000, name: "teams_delete" }).
		throttle: { name: 'teams_delete', limit: 1, ttl: 1000, blockDuration: 1000 },
		handle: deleteTeam,
	},
	{ method: 'POST', template: `${teamPath}/invite`, validation: 'generic', handle: createInvite },
	{ method: 'GET', template: `${teamPath}/bookings`, validation: 'generic', handle: teamBookings },
	{
		method: 'GET',
		template: `${teamPath}/schedules`,
		validation: 'generic',
		handle: teamSchedules,
	},
];
