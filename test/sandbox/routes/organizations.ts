/**
 * /v2/organizations/{orgId}/users — Get, Create, Update, Delete (unversioned; an organization
 * admin's or owner's key: organization-access.ts). Read in apps/api/v2/src/modules/organizations/
 * users/index/: controllers/organizations-users.controller.ts (answers, default take 250),
 * services/organizations-users-service.ts (409 "A user already exists with that email",
 * 409 "Username is already taken" within the organization), and
 * packages/features/auth/signup/utils/getOrgUsernameFromEmail.ts (a new user's username is
 * "<local part>-<first label of the domain>", slugified). Inferred: an email that belongs to a
 * user outside the organization answers the same 409 (Cal.com would connect that user, which the
 * sandbox does not model); a new user's defaults are Cal.com's column defaults (Europe/London,
 * weekStart Sunday, 12-hour clock); a deleted user's schedules, event types and out-of-office
 * entries go with them (the rows cascade), bookings stay.
 */
import { randomBytes } from 'node:crypto';

import { success } from '../envelope';
import type { SandboxOrganization, SandboxState, SandboxUser } from '../types';
import { orgAdminAccess, orgMembership, orgUsers, refuse, userInOrg } from './organization-access';
import type { RouteHandler } from './route';

export function orgUserOutput(
	state: SandboxState,
	org: SandboxOrganization,
	user: SandboxUser,
): Record<string, unknown> {
	const member = orgMembership(state, org, user.id);
	return {
		id: user.id,
		username: user.username,
		name: user.name,
		email: user.email,
		emailVerified: null,
		bio: user.bio ?? null,
		avatarUrl: user.avatarUrl ?? null,
		timeZone: user.timeZone,
		weekStart: user.weekStart,
		appTheme: user.appTheme ?? null,
		theme: user.theme ?? null,
		defaultScheduleId: user.defaultScheduleId,
		locale: user.locale ?? null,
		timeFormat: user.timeFormat,
		hideBranding: user.hideBranding ?? false,
		brandColor: user.brandColor ?? null,
		darkBrandColor: user.darkBrandColor ?? null,
		allowDynamicBooking: true,
		createdDate: user.createdDate ?? '2026-01-05T09:00:00.000Z',
		verified: member?.accepted ?? false,
		invitedTo: null,
		metadata: user.metadata ?? {},
		profile: { id: user.id, organizationId: org.id, userId: user.id, username: user.username },
	};
}

interface UserBody {
	email?: string;
	username?: string;
	bio?: string;
	timeZone?: string;
	timeFormat?: number;
	weekday?: string;
	locale?: string | null;
	avatarUrl?: string;
	brandColor?: string;
	darkBrandColor?: string;
	hideBranding?: boolean;
	theme?: string | null;
	appTheme?: string | null;
	defaultScheduleId?: number;
	metadata?: Record<string, unknown>;
	organizationRole?: 'MEMBER' | 'ADMIN' | 'OWNER';
	autoAccept?: boolean;
}

const COPIED = [
	'username',
	'bio',
	'timeZone',
	'timeFormat',
	'avatarUrl',
	'brandColor',
	'darkBrandColor',
	'hideBranding',
	'theme',
	'appTheme',
	'defaultScheduleId',
	'metadata',
] as const;

function applyFields(user: SandboxUser, body: UserBody): void {
	const target = user as unknown as Record<string, unknown>;
	for (const key of COPIED) if (body[key] !== undefined) target[key] = body[key];
	if (body.email !== undefined) user.email = body.email;
	if (body.weekday !== undefined) user.weekStart = body.weekday;
	if (body.locale !== undefined) user.locale = body.locale ?? undefined;
}

function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9-]+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

function usernameTaken(state: SandboxState, org: SandboxOrganization, username: string): boolean {
	return orgUsers(state, org).some((u) => u.username === username);
}

function createUser(state: SandboxState, org: SandboxOrganization, body: UserBody, now: Date) {
	const [local, domain = ''] = (body.email as string).split('@');
	const user: SandboxUser = {
		id: Math.max(0, ...state.users.map((u) => u.id)) + 1,
		username: slugify(`${local}-${domain.split('.')[0]}`),
		email: body.email as string,
		name: null,
		timeZone: 'Europe/London',
		apiKey: `cal_live_${randomBytes(16).toString('hex')}`,
		defaultScheduleId: null,
		weekStart: 'Sunday',
		timeFormat: 12,
		organizationId: org.id,
		organizationRole: body.organizationRole ?? 'MEMBER',
		locale: 'en',
		createdDate: now.toISOString(),
	};
	applyFields(user, body);
	state.users.push(user);
	const members = (org.members ??= []);
	members.push({
		id: Math.max(0, ...state.organizations.flatMap((o) => (o.members ?? []).map((m) => m.id))) + 1,
		userId: user.id,
		role: user.organizationRole ?? 'MEMBER',
		accepted: body.autoAccept ?? true,
	});
	return user;
}

/** Removes in place: tests and other handlers hold the state's arrays. */
function removeWhere<T>(list: T[], drop: (item: T) => boolean): void {
	for (let i = list.length - 1; i >= 0; i--) if (drop(list[i])) list.splice(i, 1);
}

function removeUser(state: SandboxState, org: SandboxOrganization, user: SandboxUser): void {
	removeWhere(state.users, (u) => u.id === user.id);
	removeWhere(state.schedules, (s) => s.ownerId === user.id);
	removeWhere(state.eventTypes, (e) => e.ownerId === user.id);
	removeWhere(state.outOfOffice, (o) => o.userId === user.id || o.toUserId === user.id);
	if (org.members) removeWhere(org.members, (m) => m.userId === user.id);
}

export const organizationUserRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/organizations/{orgId}/users',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const access = orgAdminAccess(req, ctx.state);
			if (!access.ok) return access.result;
			const q = req.typedQuery as { emails?: string[] | string; take?: number; skip?: number };
			// users/inputs/get-users.input.ts: one value or repeated values, each an email.
			const emails = [q.emails ?? []].flat().map((e) => e.toLowerCase());
			const users = orgUsers(ctx.state, access.org)
				.filter((u) => emails.length === 0 || emails.includes(u.email.toLowerCase()))
				.sort((a, b) => a.id - b.id);
			const skip = q.skip ?? 0;
			const page = users.slice(skip, skip + (q.take ?? 250));
			const data = page.map((u) => orgUserOutput(ctx.state, access.org, u));
			return { status: 200, body: success(data) };
		},
	},
	{
		method: 'POST',
		template: '/v2/organizations/{orgId}/users',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const access = orgAdminAccess(req, ctx.state);
			if (!access.ok) return access.result;
			const body = req.body as UserBody;
			const email = (body.email as string).toLowerCase();
			if (ctx.state.users.some((u) => u.email.toLowerCase() === email))
				return refuse(409, 'A user already exists with that email', req);
			if (body.username && usernameTaken(ctx.state, access.org, body.username))
				return refuse(409, 'Username is already taken', req);
			const user = createUser(ctx.state, access.org, body, ctx.now());
			return { status: 201, body: success(orgUserOutput(ctx.state, access.org, user)) };
		},
	},
	{
		method: 'PATCH',
		template: '/v2/organizations/{orgId}/users/{userId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const access = orgAdminAccess(req, ctx.state);
			if (!access.ok) return access.result;
			const found = userInOrg(req, ctx.state, access.org);
			if (!found.ok) return found.result;
			const body = req.body as UserBody;
			if (body.username && usernameTaken(ctx.state, access.org, body.username))
				return refuse(409, 'Username is already taken', req);
			applyFields(found.user, body);
			return { status: 200, body: success(orgUserOutput(ctx.state, access.org, found.user)) };
		},
	},
	{
		method: 'DELETE',
		template: '/v2/organizations/{orgId}/users/{userId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const access = orgAdminAccess(req, ctx.state);
			if (!access.ok) return access.result;
			const found = userInOrg(req, ctx.state, access.org);
			if (!found.ok) return found.result;
			const output = orgUserOutput(ctx.state, access.org, found.user);
			removeUser(ctx.state, access.org, found.user);
			return { status: 200, body: success(output) };
		},
	},
];
