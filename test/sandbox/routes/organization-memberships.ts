/**
 * /v2/organizations/{orgId}/memberships — Get Many, Get, Add, Update, Remove (unversioned; an
 * organization admin's or owner's key: organization-access.ts). Read in apps/api/v2/src/modules/
 * organizations/memberships/: organizations-membership.controller.ts (take 250 by default),
 * organizations-membership.repository.ts (create is an upsert on user and organization: adding
 * a member again updates role, accepted and disableImpersonation), services/organizations-
 * membership.service.ts (remove takes the user out of the organization, TeamService.removeMembers),
 * auth/guards/memberships/is-membership-in-org.guard.ts (404 "IsMembershipInOrg - Membership (<id>)
 * not found."). Attributes are not modelled (always []). Inferred: adding a user ID that does not
 * exist fails Cal.com's foreign key, which its filters answer as a 500.
 */
import { success } from '../envelope';
import type { SandboxOrganization, SandboxOrgMember, SandboxState } from '../types';
import { orgAdminAccess, refuse } from './organization-access';
import type { RouteHandler, RouteRequest, RouteResult } from './route';

interface MembershipBody {
	userId?: number;
	role?: SandboxOrgMember['role'];
	accepted?: boolean;
	disableImpersonation?: boolean;
}

function membershipOutput(
	state: SandboxState,
	org: SandboxOrganization,
	m: SandboxOrgMember,
): Record<string, unknown> {
	const user = state.users.find((u) => u.id === m.userId);
	return {
		id: m.id,
		userId: m.userId,
		teamId: org.id,
		accepted: m.accepted,
		role: m.role,
		disableImpersonation: m.disableImpersonation ?? false,
		user: {
			avatarUrl: user?.avatarUrl ?? null,
			username: user?.username ?? null,
			name: user?.name ?? null,
			email: user?.email ?? '',
			bio: user?.bio ?? null,
			metadata: user?.metadata ?? {},
		},
		attributes: [],
	};
}

/** Keeps the user's own organization fields (GET /v2/me, organization webhooks) in step. */
function syncUser(
	state: SandboxState,
	org: SandboxOrganization,
	m: SandboxOrgMember | undefined,
	userId: number,
) {
	const user = state.users.find((u) => u.id === userId);
	if (!user) return;
	user.organizationId = m ? org.id : null;
	user.organizationRole = m?.role;
}

type Found =
	| { ok: true; org: SandboxOrganization; members: SandboxOrgMember[]; member: SandboxOrgMember }
	| { ok: false; result: RouteResult };

function findMembership(req: RouteRequest, state: SandboxState): Found {
	const access = orgAdminAccess(req, state);
	if (!access.ok) return access;
	const members = (access.org.members ??= []);
	const id = req.params.membershipId;
	const member = members.find((m) => m.id === Number(id));
	if (!member)
		return {
			ok: false,
			result: refuse(404, `IsMembershipInOrg - Membership (${id}) not found.`, req),
		};
	return { ok: true, org: access.org, members, member };
}

function addMembership(req: RouteRequest, state: SandboxState): RouteResult {
	const access = orgAdminAccess(req, state);
	if (!access.ok) return access.result;
	const body = req.body as MembershipBody;
	const userId = body.userId as number;
	if (!state.users.some((u) => u.id === userId)) return refuse(500, 'Internal server error', req);
	const members = (access.org.members ??= []);
	let member = members.find((m) => m.userId === userId);
	if (member) {
		Object.assign(member, {
			role: body.role ?? member.role,
			accepted: body.accepted ?? member.accepted,
			disableImpersonation: body.disableImpersonation ?? member.disableImpersonation,
		});
	} else {
		const ids = state.organizations.flatMap((o) => (o.members ?? []).map((m) => m.id));
		member = {
			id: Math.max(0, ...ids) + 1,
			userId,
			role: body.role ?? 'MEMBER',
			accepted: body.accepted ?? false,
			disableImpersonation: body.disableImpersonation ?? false,
		};
		members.push(member);
	}
	syncUser(state, access.org, member, userId);
	return { status: 201, body: success(membershipOutput(state, access.org, member)) };
}

export const organizationMembershipRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/organizations/{orgId}/memberships',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const access = orgAdminAccess(req, ctx.state);
			if (!access.ok) return access.result;
			const skip = (req.typedQuery.skip as number | undefined) ?? 0;
			const take = (req.typedQuery.take as number | undefined) ?? 250;
			const list = (access.org.members ?? []).slice(skip, skip + take);
			const data = list.map((m) => membershipOutput(ctx.state, access.org, m));
			return { status: 200, body: success(data) };
		},
	},
	{
		method: 'POST',
		template: '/v2/organizations/{orgId}/memberships',
		validation: 'generic',
		auth: 'required',
		handle: (req, ctx) => addMembership(req, ctx.state),
	},
	{
		method: 'GET',
		template: '/v2/organizations/{orgId}/memberships/{membershipId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = findMembership(req, ctx.state);
			if (!found.ok) return found.result;
			return { status: 200, body: success(membershipOutput(ctx.state, found.org, found.member)) };
		},
	},
	{
		method: 'PATCH',
		template: '/v2/organizations/{orgId}/memberships/{membershipId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = findMembership(req, ctx.state);
			if (!found.ok) return found.result;
			const body = req.body as MembershipBody;
			for (const key of ['role', 'accepted', 'disableImpersonation'] as const) {
				if (body[key] !== undefined) Object.assign(found.member, { [key]: body[key] });
			}
			syncUser(ctx.state, found.org, found.member, found.member.userId);
			return { status: 200, body: success(membershipOutput(ctx.state, found.org, found.member)) };
		},
	},
	{
		method: 'DELETE',
		template: '/v2/organizations/{orgId}/memberships/{membershipId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = findMembership(req, ctx.state);
			if (!found.ok) return found.result;
			const output = membershipOutput(ctx.state, found.org, found.member);
			found.members.splice(found.members.indexOf(found.member), 1);
			syncUser(ctx.state, found.org, undefined, found.member.userId);
			return { status: 200, body: success(output) };
		},
	},
];
