/**
 * Teams of an organization (unversioned), read in apps/api/v2/src/modules/organizations/teams/index/
 * organizations-teams.controller.ts, services/organizations-teams.service.ts and
 * organizations-teams.repository.ts:
 *
 *   GET    /v2/organizations/{orgId}/teams            200 the organization's teams, ORG_ADMIN
 *   GET    /v2/organizations/{orgId}/teams/me         200 ORG_MEMBER: an admin or owner gets every
 *                                                     team, a member their own; each team the caller
 *                                                     is in carries their role and accepted
 *   POST   /v2/organizations/{orgId}/teams            201 ORG_ADMIN; slug from the name when empty;
 *                                                     the caller an OWNER, accepted unless
 *                                                     autoAcceptCreator is false (default true)
 *   GET    /v2/organizations/{orgId}/teams/{teamId}   200 TEAM_ADMIN (an organization admin passes)
 *   PATCH  /v2/organizations/{orgId}/teams/{teamId}   200 ORG_ADMIN
 *   DELETE /v2/organizations/{orgId}/teams/{teamId}   200 ORG_ADMIN, the deleted team; its own
 *                                                     limit org_teams_delete (1 a second)
 * take ≤ 250 (default 250) and skip, as SkipTakePagination; guards in organization-access.ts and
 * organization-team-access.ts. Not modelled: a system admin creating a team gets no membership;
 * a slug another team of the organization has (Prisma's unique slug_parentId: a 500 in Cal.com).
 */
import { success } from '../envelope';
import type { SandboxState, SandboxTeam, SandboxUser } from '../types';
import { orgAccess } from './organization-access';
import { orgTeamAccess } from './organization-team-access';
import type { RouteHandler, RouteRequest, RouteResult } from './route';
import { addTeam, profileOf, teamOutput } from './teams';

function page<T>(req: RouteRequest, list: T[]): T[] {
	const skip = (req.typedQuery.skip as number | undefined) ?? 0;
	const take = (req.typedQuery.take as number | undefined) ?? 250;
	return list.slice(skip, skip + take);
}

function orgTeams(state: SandboxState, orgId: number): SandboxTeam[] {
	return state.teams.filter((t) => t.organizationId === orgId).sort((a, b) => a.id - b.id);
}

const ok = (status: number, data: unknown): RouteResult => ({ status, body: success(data) });

const listTeams: RouteHandler['handle'] = (req, { state }) => {
	const access = orgAccess(req, state, 'ADMIN');
	if (!access.ok) return access.result;
	return ok(200, page(req, orgTeams(state, access.org.id)).map(teamOutput));
};

const myTeams: RouteHandler['handle'] = (req, { state }) => {
	const access = orgAccess(req, state, 'MEMBER');
	if (!access.ok) return access.result;
	const user = req.user as SandboxUser;
	const admin = access.member.role !== 'MEMBER';
	const teams = orgTeams(state, access.org.id).filter(
		(t) => admin || t.members.some((m) => m.userId === user.id),
	);
	return ok(
		200,
		page(req, teams).map((team) => {
			const me = team.members.find((m) => m.userId === user.id);
			return me ? { ...teamOutput(team), role: me.role, accepted: me.accepted } : teamOutput(team);
		}),
	);
};

const createTeam: RouteHandler['handle'] = (req, { state }) => {
	const access = orgAccess(req, state, 'ADMIN');
	if (!access.ok) return access.result;
	const body = (req.body ?? {}) as Record<string, unknown>;
	const team = addTeam(state, req.user as SandboxUser, body, access.org.id);
	return ok(201, teamOutput(team));
};

const getTeam: RouteHandler['handle'] = (req, { state }) => {
	const access = orgTeamAccess(req, state, 'TEAM_ADMIN');
	return access.ok ? ok(200, teamOutput(access.team)) : access.result;
};

const updateTeam: RouteHandler['handle'] = (req, { state }) => {
	const access = orgTeamAccess(req, state, 'ORG_ADMIN');
	if (!access.ok) return access.result;
	const { team } = access;
	const body = (req.body ?? {}) as Record<string, unknown>;
	if (typeof body.name === 'string') team.name = body.name;
	if (typeof body.slug === 'string') team.slug = body.slug;
	team.profile = { ...team.profile, ...profileOf(body) };
	return ok(200, teamOutput(team));
};

/** The team row goes; its memberships and event types with it (schema.prisma cascades). */
const deleteTeam: RouteHandler['handle'] = (req, { state }) => {
	const access = orgTeamAccess(req, state, 'ORG_ADMIN');
	if (!access.ok) return access.result;
	state.teams = state.teams.filter((t) => t !== access.team);
	state.eventTypes = state.eventTypes.filter((e) => e.teamId !== access.team.id);
	return ok(200, teamOutput(access.team));
};

const BASE = '/v2/organizations/{orgId}/teams';
const ONE = `${BASE}/{teamId}`;

export const organizationTeamRoutes: RouteHandler[] = [
	{ method: 'GET', template: BASE, validation: 'generic', handle: listTeams },
	{ method: 'POST', template: BASE, validation: 'generic', handle: createTeam },
	{ method: 'GET', template: `${BASE}/me`, validation: 'generic', handle: myTeams },
	{ method: 'GET', template: ONE, validation: 'generic', handle: getTeam },
	{ method: 'PATCH', template: ONE, validation: 'generic', handle: updateTeam },
	{
		method: 'DELETE',
		template: ONE,
		validation: 'generic',
		// organizations-teams.controller.ts: @Throttle({ limit: 1, ttl: 1000, blockDuration: 1000, name: "org_teams_delete" }).
		throttle: { name: 'org_teams_delete', limit: 1, ttl: 1000, blockDuration: 1000 },
		handle: deleteTeam,
	},
];
