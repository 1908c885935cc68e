/**
 * Out-of-office entries of organization users (unversioned; an organization admin's or owner's
 * key): GET/POST /v2/organizations/{orgId}/users/{userId}/ooo, PATCH/DELETE …/ooo/{oooId} and
 * GET /v2/organizations/{orgId}/ooo. Read in apps/api/v2/src/modules/:
 * - organizations/users/ooo/controllers/organizations-users-ooo.controller.ts: the guards
 *   (organization-access.ts, then IsUserInOrg and for one entry IsUserOOO), take 250 by default;
 * - ooo/inputs/ooo.input.ts: start/end must read YYYY-MM-DDTHH:MM:SS(.sss)Z, else 400 "Invalid
 *   Date."; start becomes 00:00:00.000Z and end 23:59:59.999Z of their UTC dates; the reasons;
 * - ooo/services/ooo.service.ts, in its order: "Please specify both ooo start and end time.",
 *   "Start date must be before end date.", "Booking redirect infinite not allowed." (someone who
 *   redirects to this user in an overlapping span — any such entry when no toUserId is given —
 *   or, with toUserId, that user's entry redirecting back), 409 "Ooo entry already exists." (the
 *   same user, start and end: an update that keeps both dates is refused too, as in Cal.com),
 *   "Cannot redirect to self.", "Cannot redirect to this user." (toUserId must share a team or
 *   organization in which the user is an accepted member: users.repository.ts,
 *   findUserOOORedirectEligible); a missing reason is "unspecified";
 * - ooo/guards/is-user-ooo.ts: 403 "This OOO entry does not belong to this user.";
 * - ooo/repositories/ooo.repository.ts: no order unless sortStart/sortEnd (the sandbox keeps
 *   creation order); organization-wide lists filter by the user's email.
 * Availability: out-of-office.ts.
 */
import { randomUUID } from 'node:crypto';

import { success } from '../envelope';
import type { SandboxOooEntry, SandboxOooReason, SandboxState, SandboxUser } from '../types';
import type { OrgAccess } from './organization-access';
import { orgAdminAccess, orgUsers, refuse, userInOrg } from './organization-access';
import type { RouteHandler, RouteRequest, RouteResult } from './route';

interface OooBody {
	start?: string;
	end?: string;
	notes?: string;
	toUserId?: number;
	reason?: SandboxOooReason;
}

const CAL_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?Z$/;

export function oooOutput(entry: SandboxOooEntry): Record<string, unknown> {
	const { userId, toUserId, id, uuid, start, end, notes, reason } = entry;
	return { userId, toUserId, id, uuid, start, end, notes, reason };
}

/** start/end as Cal.com's DTO transforms them; a RouteResult when one is not its date format. */
function readDates(
	body: OooBody,
	req: RouteRequest,
): { start?: string; end?: string } | RouteResult {
	const out: { start?: string; end?: string } = {};
	for (const key of ['start', 'end'] as const) {
		const value = body[key];
		if (value === undefined) continue;
		if (!CAL_DATE.test(value) || Number.isNaN(Date.parse(value)))
			return refuse(400, 'Invalid Date.', req);
		out[key] = `${value.slice(0, 10)}T${key === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
	}
	return out;
}

function overlaps(entry: SandboxOooEntry, start: string, end: string): boolean {
	return entry.start <= end && entry.end >= start;
}

/** Whether the two users share a team or organization where `userId` is an accepted member. */
function redirectEligible(state: SandboxState, userId: number, toUserId: number): boolean {
	const teams = state.teams.map((t) => t.members);
	const orgs = state.organizations.map((o) => o.members ?? []);
	return [...teams, ...orgs].some(
		(members) =>
			members.some((m) => m.userId === userId && m.accepted) &&
			members.some((m) => m.userId === toUserId),
	);
}

/** ooo.service.ts checkIsValidOOO, in Cal.com's order. */
function checkEntry(
	state: SandboxState,
	userId: number,
	dates: { start?: string; end?: string },
	toUserId: number | undefined,
	req: RouteRequest,
): RouteResult | undefined {
	const { start, end } = dates;
	if ((start === undefined) !== (end === undefined))
		return refuse(400, 'Please specify both ooo start and end time.', req);
	if (start !== undefined && end !== undefined) {
		if (start > end) return refuse(400, 'Start date must be before end date.', req);
		const loop = state.outOfOffice.some(
			(e) =>
				e.toUserId === userId &&
				(toUserId === undefined || toUserId === 0 || e.userId === toUserId) &&
				overlaps(e, start, end),
		);
		if (loop) return refuse(400, 'Booking redirect infinite not allowed.', req);
		const same = state.outOfOffice.some(
			(e) => e.userId === userId && e.start === start && e.end === end,
		);
		if (same) return refuse(409, 'Ooo entry already exists.', req);
	}
	if (toUserId && toUserId === userId) return refuse(400, 'Cannot redirect to self.', req);
	if (toUserId && !redirectEligible(state, userId, toUserId))
		return refuse(400, 'Cannot redirect to this user.', req);
	return undefined;
}

function sorted(entries: SandboxOooEntry[], query: Record<string, unknown>): SandboxOooEntry[] {
	const list = [...entries];
	const by = (key: 'start' | 'end', order: unknown) =>
		list.sort((a, b) => (order === 'desc' ? -1 : 1) * a[key].localeCompare(b[key]));
	// ooo.repository.ts spreads orderBy twice: sortEnd, given, wins.
	if (query.sortEnd) by('end', query.sortEnd);
	else if (query.sortStart) by('start', query.sortStart);
	return list;
}

function page(entries: SandboxOooEntry[], query: Record<string, unknown>): RouteResult {
	const skip = (query.skip as number | undefined) ?? 0;
	const take = (query.take as number | undefined) ?? 250;
	const data = sorted(entries, query)
		.slice(skip, skip + take)
		.map(oooOutput);
	return { status: 200, body: success(data) };
}

type Found =
	| { ok: true; access: Extract<OrgAccess, { ok: true }>; user: SandboxUser }
	| { ok: false; result: RouteResult };

function orgUser(req: RouteRequest, state: SandboxState): Found {
	const access = orgAdminAccess(req, state);
	if (!access.ok) return access;
	const found = userInOrg(req, state, access.org);
	return found.ok ? { ok: true, access, user: found.user } : found;
}

function userEntry(req: RouteRequest, state: SandboxState, userId: number) {
	const id = Number(req.params.oooId);
	return state.outOfOffice.find((e) => e.id === id && e.userId === userId);
}

const NOT_HIS = 'This OOO entry does not belong to this user.';

export const outOfOfficeRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/organizations/{orgId}/users/{userId}/ooo',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = orgUser(req, ctx.state);
			if (!found.ok) return found.result;
			const own = ctx.state.outOfOffice.filter((e) => e.userId === found.user.id);
			return page(own, req.typedQuery);
		},
	},
	{
		method: 'GET',
		template: '/v2/organizations/{orgId}/ooo',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const access = orgAdminAccess(req, ctx.state);
			if (!access.ok) return access.result;
			const email = (req.typedQuery.email as string | undefined)?.toLowerCase();
			const users = orgUsers(ctx.state, access.org).filter(
				(u) => email === undefined || u.email.toLowerCase() === email,
			);
			const ids = new Set(users.map((u) => u.id));
			return page(
				ctx.state.outOfOffice.filter((e) => ids.has(e.userId)),
				req.typedQuery,
			);
		},
	},
	{
		method: 'POST',
		template: '/v2/organizations/{orgId}/users/{userId}/ooo',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = orgUser(req, ctx.state);
			if (!found.ok) return found.result;
			const body = req.body as OooBody;
			const dates = readDates(body, req);
			if ('status' in dates) return dates;
			const refused = checkEntry(ctx.state, found.user.id, dates, body.toUserId, req);
			if (refused) return refused;
			const entry: SandboxOooEntry = {
				id: Math.max(0, ...ctx.state.outOfOffice.map((e) => e.id)) + 1,
				uuid: randomUUID(),
				userId: found.user.id,
				start: dates.start as string,
				end: dates.end as string,
				notes: body.notes ?? null,
				toUserId: body.toUserId || null,
				reason: body.reason ?? 'unspecified',
			};
			ctx.state.outOfOffice.push(entry);
			return { status: 201, body: success(oooOutput(entry)) };
		},
	},
	{
		method: 'PATCH',
		template: '/v2/organizations/{orgId}/users/{userId}/ooo/{oooId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = orgUser(req, ctx.state);
			if (!found.ok) return found.result;
			const entry = userEntry(req, ctx.state, found.user.id);
			if (!entry) return refuse(403, NOT_HIS, req);
			const body = req.body as OooBody;
			const dates = readDates(body, req);
			if ('status' in dates) return dates;
			const refused = checkEntry(ctx.state, found.user.id, dates, body.toUserId, req);
			if (refused) return refused;
			Object.assign(entry, dates);
			if (body.notes !== undefined) entry.notes = body.notes;
			if (body.toUserId !== undefined) entry.toUserId = body.toUserId || null;
			if (body.reason !== undefined) entry.reason = body.reason;
			return { status: 200, body: success(oooOutput(entry)) };
		},
	},
	{
		method: 'DELETE',
		template: '/v2/organizations/{orgId}/users/{userId}/ooo/{oooId}',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const found = orgUser(req, ctx.state);
			if (!found.ok) return found.result;
			const entry = userEntry(req, ctx.state, found.user.id);
			if (!entry) return refuse(403, NOT_HIS, req);
			ctx.state.outOfOffice.splice(ctx.state.outOfOffice.indexOf(entry), 1);
			return { status: 200, body: success(oooOutput(entry)) };
		},
	},
];
