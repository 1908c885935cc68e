/**
 * Team memberships (no cal-api-version needed), all behind Cal.com's roles guard with
 * @Roles("TEAM_ADMIN") (apps/api/v2/src/modules/teams/memberships/controllers/
 * teams-memberships.controller.ts): a MEMBER's key gets the guard's 403, a non-member's the other.
 *
 *   POST   /v2/teams/{teamId}/memberships                  201 {userId, role?, accepted?}
 *   GET    /v2/teams/{teamId}/memberships                  200 take (≤ 250, default 250), skip, emails
 *   GET    /v2/teams/{teamId}/memberships/{membershipId}   200
 *   PATCH  /v2/teams/{teamId}/memberships/{membershipId}   200 {role?, accepted?, disableImpersonation?}
 *   DELETE /v2/teams/{teamId}/memberships/{membershipId}   200 the removed membership
 */
import { success } from '../envelope';
import type { SandboxState, SandboxTeam, SandboxTeamMember } from '../types';
import { fail } from './booking-common';
import type { RouteHandler, RouteRequest, RouteResult } from './route';
import { membershipId, teamGuard } from './teams';

/** TeamMembershipOutput; the user's unset columns are left out (see teamOutput). */
function membershipOutput(
	state: SandboxState,
	team: SandboxTeam,
	member: SandboxTeamMember,
): Record<string, unknown> {
	const user = state.users.find((u) => u.id === member.userId);
	const person: Record<string, unknown> = { email: user?.email ?? '' };
	for (const key of ['username', 'name', 'avatarUrl', 'bio'] as const)
		if (user?.[key] !== null && user?.[key] !== undefined) person[key] = user[key];
	return {
		id: membershipId(state, member),
		userId: member.userId,
		teamId: team.id,
		accepted: member.accepted,
		role: member.role,
		disableImpersonation: false,
		user: person,
	};
}

type Found = { team: SandboxTeam; member: SandboxTeamMember };

/**
 * The membership the path names, in the team the path names. teams-memberships.service.ts
 * answers a missing one with 404 "Organization's Team membership not found" (getTeamMembership;
 * PATCH reads it the same way [inferred: its repository update would fail on no row]) and, on
 * DELETE, "Membership with id <id> not found in team <teamId>".
 */
function findMembership(req: RouteRequest, state: SandboxState): Found | RouteResult {
	const team = teamGuard(req, state, 'TEAM_ADMIN');
	if ('status' in team) return team;
	const id = Number(req.params.membershipId);
	const member = team.members.find((m) => membershipId(state, m) === id);
	if (member) return { team, member };
	return req.method === 'DELETE'
		? fail(404, `Membership with id ${id} not found in team ${team.id}`, req)
		: fail(404, "Organization's Team membership not found", req);
}

/**
 * teams-memberships.repository.ts (createTeamMembership): a new row with the body's role (default
 * MEMBER) and accepted (default false). A user who is already a member, or who does not exist,
 * breaks the table's unique key or foreign key: Cal.com answers that with a 500
 * [inferred: no check before the insert; the Prisma error reaches the global filter].
 */
const addMembership: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_ADMIN');
	if ('status' in team) return team;
	const body = (req.body ?? {}) as Record<string, unknown>;
	const userId = Number(body.userId);
	if (!state.users.some((u) => u.id === userId) || team.members.some((m) => m.userId === userId))
		return fail(500, 'Internal server error', req);
	const member: SandboxTeamMember = {
		userId,
		role: (body.role as SandboxTeamMember['role'] | undefined) ?? 'MEMBER',
		accepted: body.accepted === true,
	};
	team.members.push(member);
	membershipId(state, member);
	return { status: 201, body: success(membershipOutput(state, team, member)) };
};

const listMemberships: RouteHandler['handle'] = (req, { state }) => {
	const team = teamGuard(req, state, 'TEAM_ADMIN');
	if ('status' in team) return team;
	const q = req.typedQuery;
	const emails = (Array.isArray(q.emails) ? q.emails : q.emails ? [q.emails] : [])
		.flatMap((e) => String(e).split(','))
		.map((e) => e.trim().toLowerCase());
	const members = team.members
		.filter((m) => {
			if (emails.length === 0) return true;
			const email = state.users.find((u) => u.id === m.userId)?.email.toLowerCase();
			return email !== undefined && emails.includes(email);
		})
		.sort((a, b) => membershipId(state, a) - membershipId(state, b));
	const skip = (q.skip as number | undefined) ?? 0;
	const take = (q.take as number | undefined) ?? 250;
	const page = members.slice(skip, skip + take).map((m) => membershipOutput(state, team, m));
	return { status: 200, body: success(page) };
};

const getMembership: RouteHandler['handle'] = (req, { state }) => {
	const found = findMembership(req, state);
	if ('status' in found) return found;
	return { status: 200, body: success(membershipOutput(state, found.team, found.member)) };
};

const updateMembership: RouteHandler['handle'] = (req, { state }) => {
	const found = findMembership(req, state);
	if ('status' in found) return found;
	const body = (req.body ?? {}) as Record<string, unknown>;
	if (typeof body.role === 'string') found.member.role = body.role as SandboxTeamMember['role'];
	if (typeof body.accepted === 'boolean') found.member.accepted = body.accepted;
	return { status: 200, body: success(membershipOutput(state, found.team, found.member)) };
};

/**
 * deleteTeamMembership: the membership goes (TeamService.removeMembers), and the controller then
 * removes the user from the team's event types (deleteUserTeamEventTypesAndHosts).
 */
const removeMembership: RouteHandler['handle'] = (req, { state }) => {
	const found = findMembership(req, state);
	if ('status' in found) return found;
	const { team, member } = found;
	const answer = membershipOutput(state, team, member);
	team.members = team.members.filter((m) => m !== member);
	for (const eventType of state.eventTypes) {
		if (eventType.teamId === team.id && eventType.hosts)
			eventType.hosts = eventType.hosts.filter((h) => h.userId !== member.userId);
	}
	return { status: 200, body: success(answer) };
};

const list = '/v2/teams/{teamId}/memberships';
const one = `${list}/{membershipId}`;

export const teamMembershipsRoutes: RouteHandler[] = [
	{ method: 'POST', template: list, validation: 'generic', handle: addMembership },
	{ method: 'GET', template: list, validation: 'generic', handle: listMemberships },
	{ method: 'GET', template: one, validation: 'generic', handle: getMembership },
	{ method: 'PATCH', template: one, validation: 'generic', handle: updateMembership },
	{ method: 'DELETE', template: one, validation: 'generic', handle: removeMembership },
];
