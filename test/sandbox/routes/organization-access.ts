/**
 * Who may use /v2/organizations/{orgId}/… (users, memberships, out of office): Cal.com's guard
 * chain for those controllers, in its order — ApiAuthGuard (server.ts), IsOrgGuard, RolesGuard
 * with @Roles("ORG_ADMIN"), IsAdminAPIEnabledGuard — then the per-route IsUserInOrg, IsUserOOO and
 * IsMembershipInOrg. Read in apps/api/v2/src/modules/organizations/users/index/controllers/
 * organizations-users.controller.ts, …/users/ooo/controllers/organizations-users-ooo.controller.ts
 * and …/memberships/organizations-membership.controller.ts. PbacGuard passes to RolesGuard when
 * the organization has no permission-based access control (not modelled); PlatformPlanGuard lets
 * every organization that is not a platform pass (billing/platform-plan.guard.ts).
 */
import { errorEnvelope } from '../envelope';
import type { SandboxOrganization, SandboxOrgMember, SandboxState, SandboxUser } from '../types';
import type { RouteRequest, RouteResult } from './route';

export type OrgAccess =
	| { ok: true; org: SandboxOrganization; member: SandboxOrgMember }
	| { ok: false; result: RouteResult };

export function refuse(status: number, message: string, req: RouteRequest): RouteResult {
	return { status, body: errorEnvelope(status, message, req.url) };
}

/**
 * The membership of `userId` in the organization: its `members` row, else (organizations a test
 * adds by hand, as the webhook specs do) the user's own organizationId and organizationRole.
 */
export function orgMembership(
	state: SandboxState,
	org: SandboxOrganization,
	userId: number,
): SandboxOrgMember | undefined {
	if (org.members) return org.members.find((m) => m.userId === userId);
	const user = state.users.find((u) => u.id === userId);
	if (user?.organizationId !== org.id) return undefined;
	return { id: user.id, userId: user.id, role: user.organizationRole ?? 'MEMBER', accepted: true };
}

/** The organization's users: those with a membership. */
export function orgUsers(state: SandboxState, org: SandboxOrganization): SandboxUser[] {
	return state.users.filter((u) => orgMembership(state, org, u.id) !== undefined);
}

const RANK = { OWNER: 0, ADMIN: 1, MEMBER: 2 } as const;

/** IsOrgGuard → RolesGuard (ORG_ADMIN) → IsAdminAPIEnabledGuard for the request's orgId. */
export function orgAdminAccess(req: RouteRequest, state: SandboxState): OrgAccess {
	return orgAccess(req, state, 'ADMIN');
}

/** The same chain for a route whose @Roles is ORG_ADMIN or ORG_MEMBER (organization-teams.ts). */
export function orgAccess(
	req: RouteRequest,
	state: SandboxState,
	minimum: 'ADMIN' | 'MEMBER',
): OrgAccess {
	const user = req.user as SandboxUser; // auth: 'required'
	const orgId = req.params.orgId;
	const org = pathOrg(req, state);
	// is-org.guard.ts returns false for an ID that is no organization: Nest's own 403
	// "Forbidden resource".
	if (!org) return { ok: false, result: refuse(403, 'Forbidden resource', req) };
	const member = orgMembership(state, org, user.id);
	// auth/guards/roles/roles.guard.ts: no membership, then a role under ORG_ADMIN.
	if (!member) {
		const text = `RolesGuard - User is not a member of the organization with id=${orgId}.`;
		return { ok: false, result: refuse(403, text, req) };
	}
	if (RANK[member.role] > RANK[minimum]) {
		const text = `RolesGuard - user with id=${user.id} does not have the minimum required role=ORG_${minimum} within organization with id=${orgId}.`;
		return { ok: false, result: refuse(403, text, req) };
	}
	const noAdminApi = adminApiRefusal(req, org);
	if (noAdminApi) return { ok: false, result: noAdminApi };
	return { ok: true, org, member };
}

/** auth/guards/organizations/is-org.guard.ts: the path's organization, else undefined. */
export function pathOrg(req: RouteRequest, state: SandboxState): SandboxOrganization | undefined {
	return state.organizations.find((o) => String(o.id) === req.params.orgId);
}

/** auth/guards/organizations/is-admin-api-enabled.guard.ts: 403 when the organization lacks it. */
export function adminApiRefusal(
	req: RouteRequest,
	org: SandboxOrganization,
): RouteResult | undefined {
	if (org.adminApiEnabled !== false) return undefined;
	const text =
		'Organization does not have Admin API access, please contact https://cal.com/sales to upgrade';
	return refuse(403, text, req);
}

/**
 * auth/guards/users/is-user-in-org.guard.ts: the path's userId must be a user of the organization;
 * the guard returns false, so Nest answers 403 "Forbidden resource".
 */
export function userInOrg(
	req: RouteRequest,
	state: SandboxState,
	org: SandboxOrganization,
): { ok: true; user: SandboxUser } | { ok: false; result: RouteResult } {
	const userId = Number(req.params.userId);
	const user = orgUsers(state, org).find((u) => u.id === userId);
	if (!user) return { ok: false, result: refuse(403, 'Forbidden resource', req) };
	return { ok: true, user };
}
