/**
 * GET /v2/me — the profile behind the API key (GetMeOutput). Unversioned, auth required;
 * the credential test of the node calls it.
 */
import { success } from '../envelope';
import type { SandboxState, SandboxUser } from '../types';
import type { RouteHandler } from './route';

export function meOutput(user: SandboxUser, state: SandboxState): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: user.id,
		username: user.username,
		email: user.email,
		name: user.name,
		avatarUrl: user.avatarUrl ?? null,
		bio: user.bio ?? null,
		timeFormat: user.timeFormat,
		defaultScheduleId: user.defaultScheduleId,
		weekStart: user.weekStart,
		timeZone: user.timeZone,
		organizationId: user.organizationId,
	};
	// Cal.com adds `organization` only for organization members.
	if (user.organizationId !== null && state.organizations.some((o) => o.id === user.organizationId)) {
		out.organization = { isPlatform: false, id: user.organizationId };
	}
	return out;
}

export const meRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/me',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			// auth: 'required' guarantees a user here.
			return { status: 200, body: success(meOutput(req.user as SandboxUser, ctx.state)) };
		},
	},
];
