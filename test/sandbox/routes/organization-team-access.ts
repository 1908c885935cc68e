/**
 * Who may use /v2/organizations/{orgId}/teams/{teamId}/…: Cal.com's chain for those routes —
 * IsOrgGuard, RolesGuard with both an orgId and a teamId, IsTeamInOrg, IsAdminAPIEnabledGuard
 * (organization-access.ts holds the organization-only chain).
 *
 * apps/api/v2/src/modules/auth/guards/roles/roles.guard.ts, branch "teamId and orgId": no
 * organization membership is its own 403; a TEAM_* role lets an organization admin or owner through
 * ("org is above team") and otherwise needs a membership of the team (any team: the guard looks the
 * membership up by team ID alone) with the role; an ORG_* role is checked on the organization
 * membership. apps/api/v2/src/modules/auth/guards/teams/is-team-in-org.guard.ts: a team that is not
 * the organization's (OrganizationsTeamsRepository.findOrgTeam filters on parentId) is a 404.
 */
import type { SandboxOrganization, SandboxState, SandboxTeam, SandboxUser } from '../types';
import { adminApiRefusal, orgMembership, pathOrg, refuse } from './organization-access';
import type { RouteRequest, RouteResult } from './route';

const TEAM_RANK = { OWNER: 0, ADMIN: 1, MEMBER: 2 } as const;

export type OrgTeamRole = 'TEAM_ADMIN' | 'ORG_ADMIN';

export type OrgTeamAccess =
	| { ok: true; org: SandboxOrganization; team: SandboxTeam }
	| { ok: false; result: RouteResult };

function rolesGuard(
	req: RouteRequest,
	state: SandboxState,
	org: SandboxOrganization,
	minimum: OrgTeamRole,
): RouteResult | undefined {
	const user = req.user as SandboxUser;
	const { orgId, teamId } = req.params;
	const orgMember = orgMembership(state, org, user.id);
	if (!orgMember)
		return refuse(403, `RolesGuard - User is not part of the organization with id=${orgId}.`, req);
	const tooLow = refuse(
		403,
		`RolesGuard - user with id=${user.id} does not have the minimum required role=${minimum} within organization with id=${orgId} team with id=${teamId}.`,
		req,
	);
	const orgAdmin = TEAM_RANK[orgMember.role] <= TEAM_RANK.ADMIN;
	if (minimum === 'ORG_ADMIN') return orgAdmin ? undefined : tooLow;
	if (orgAdmin) return undefined;
	const team = state.teams.find((t) => String(t.id) === teamId);
	const teamMember = team?.members.find((m) => m.userId === user.id);
	if (!teamMember) {
		return refuse(
			403,
			`RolesGuard - User is not part of the team with id=${teamId} and/or, is not an admin nor an owner of the organization with id=${orgId}.`,
			req,
		);
	}
	return TEAM_RANK[teamMember.role] <= TEAM_RANK.ADMIN ? undefined : tooLow;
}

/**
 * auth/guards/teams/is-team-in-org.guard.ts: the organization's team of the path, else 404 (also
 * for routes that have no roles guard, such as the organization's public team event-type list).
 */
export function teamInOrg(
	req: RouteRequest,
	state: SandboxState,
	org: SandboxOrganization,
): SandboxTeam | RouteResult {
	const teamId = req.params.teamId;
	const team = state.teams.find((t) => String(t.id) === teamId && t.organizationId === org.id);
	return team ?? refuse(404, `IsTeamInOrg - Team (${teamId}) not found.`, req);
}

/**
 * The organization and its team, or Cal.com's refusal, in the controllers' order (organizations-
 * teams, -teams-memberships, -teams-bookings, -event-types, -teams-routing-forms): IsOrgGuard (403),
 * RolesGuard (403), IsTeamInOrg (404), IsAdminAPIEnabledGuard (403).
 */
export function orgTeamAccess(
	req: RouteRequest,
	state: SandboxState,
	minimum: OrgTeamRole,
): OrgTeamAccess {
	const org = pathOrg(req, state);
	if (!org) return { ok: false, result: refuse(403, 'Forbidden resource', req) };
	const refused = rolesGuard(req, state, org, minimum);
	if (refused) return { ok: false, result: refused };
	const team = teamInOrg(req, state, org);
	if ('status' in team) return { ok: false, result: team };
	const noAdminApi = adminApiRefusal(req, org);
	if (noAdminApi) return { ok: false, result: noAdminApi };
	return { ok: true, org, team };
}
