/**
 * Routing forms of an organization's teams (unversioned), read in apps/api/v2/src/modules/:
 *
 *   GET   /v2/organizations/{orgId}/routing-forms                              forms of the org's teams
 *   GET   /v2/organizations/{orgId}/routing-forms/{routingFormId}/responses    responses of one form
 *   POST  /v2/organizations/{orgId}/routing-forms/{routingFormId}/responses    store answers, route, slots
 *   PATCH /v2/organizations/{orgId}/routing-forms/{routingFormId}/responses/{responseId}
 *   the same four under /v2/organizations/{orgId}/teams/{teamId}/routing-forms…
 *   POST  /v2/routing-forms/{routingFormId}/calculate-slots                   route only (dry run), slots
 *
 * - organizations/routing-forms/controllers/organizations-routing-forms(-responses).controller.ts:
 *   IsOrgGuard, RolesGuard with ORG_ADMIN (organization-access.ts), take 250 by default; Create
 *   also lets the form's own user in (Or([RolesGuard, IsUserRoutingForm])).
 * - organizations/teams/routing-forms/controllers/*.controller.ts: IsOrgGuard, RolesGuard with
 *   TEAM_ADMIN, IsTeamInOrg, IsAdminAPIEnabledGuard (organization-team-access.ts, the same chain).
 * - organizations-routing-forms.repository.ts: forms of teams whose parent is the organization
 *   (teamIds narrows them), createdAt/updatedAt filters (gte/lte), sortCreatedAt/sortUpdatedAt,
 *   no order otherwise (the sandbox keeps the fixture's); responses filtered the same way and by
 *   routedToBookingUid; Update replaces `response` where id, form and organization match.
 * - services/shared-routing-form-response.service.ts (Create) and routing-forms/services/
 *   routing-forms.service.ts (Calculate Slots): the body's answers go to getRoutedUrl
 *   (routing-forms.ts below), then the routed event type's slots come from the slots service
 *   (routes/slots.ts slotsAnswer, the same engine as GET /v2/slots).
 */
import { randomUUID } from 'node:crypto';

import { success } from '../envelope';
import type {
	SandboxRoutingForm,
	SandboxRoutingFormResponse,
	SandboxState,
	SandboxUser,
} from '../types';
import { fail } from './booking-common';
import { orgAdminAccess } from './organization-access';
import { orgTeamAccess } from './organization-team-access';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';
import { routeAnswers } from './routing-form-logic';
import type { Routed } from './routing-form-logic';
import { slotsAnswer } from './slots';
import type { SlotsInput } from './slots-input';

const isResult = (value: unknown): value is RouteResult =>
	typeof value === 'object' && value !== null && 'status' in value;

/** RoutingFormOutput: the stored columns (get-routing-forms.output.ts). */
function formOutput(form: SandboxRoutingForm): Record<string, unknown> {
	const { id, name, description, position, createdAt, updatedAt, userId, teamId, disabled } = form;
	const { routes, fields, settings } = form;
	return {
		...{ id, name, description, position, createdAt, updatedAt, userId, teamId, disabled },
		...{ routes, fields, settings },
	};
}

/** organizations-teams-routing-forms-responses-output.service.ts: each answer's label and value. */
function responseOutput(r: SandboxRoutingFormResponse): Record<string, unknown> {
	const response: Record<string, unknown> = {};
	for (const [key, answer] of Object.entries(r.response)) {
		const { label, value } = (answer ?? {}) as Record<string, unknown>;
		response[key] = { label, value };
	}
	const { id, formId, formFillerId, routedToBookingUid, createdAt } = r;
	return { id, formId, formFillerId, routedToBookingUid, response, createdAt };
}

interface Dated {
	createdAt: string;
	updatedAt: string;
}

/** The repository's where (gte/lte on both dates), orderBy, skip and take (250). */
function listed<T extends Dated>(items: T[], query: Record<string, unknown>): T[] {
	const at = (v: unknown) => Date.parse(String(v));
	const kept = items.filter((item) => {
		const created = Date.parse(item.createdAt);
		const updated = Date.parse(item.updatedAt);
		if (query.afterCreatedAt && created < at(query.afterCreatedAt)) return false;
		if (query.beforeCreatedAt && created > at(query.beforeCreatedAt)) return false;
		if (query.afterUpdatedAt && updated < at(query.afterUpdatedAt)) return false;
		if (query.beforeUpdatedAt && updated > at(query.beforeUpdatedAt)) return false;
		return true;
	});
	const order = (key: 'createdAt' | 'updatedAt', dir: unknown) =>
		kept.sort((a, b) => (dir === 'desc' ? -1 : 1) * (Date.parse(a[key]) - Date.parse(b[key])));
	if (query.sortUpdatedAt) order('updatedAt', query.sortUpdatedAt);
	// orderBy lists createdAt first, so it decides when both are given.
	if (query.sortCreatedAt) order('createdAt', query.sortCreatedAt);
	const skip = (query.skip as number | undefined) ?? 0;
	const take = (query.take as number | undefined) ?? 250;
	return kept.slice(skip, skip + take);
}

function teamIdsOf(value: unknown): number[] {
	const parts = Array.isArray(value) ? value : value === undefined ? [] : String(value).split(',');
	return parts.map((part) => Number(part)).filter((id) => Number.isFinite(id));
}

/** Where the request's forms live: the organization's teams, or one team of it. */
type Scope = { teamIds: number[]; user: SandboxUser; orgAdmin: boolean };

function scopeOf(req: RouteRequest, state: SandboxState): Scope | RouteResult {
	const user = req.user as SandboxUser;
	if (req.params.teamId !== undefined) {
		const access = orgTeamAccess(req, state, 'TEAM_ADMIN');
		return access.ok ? { teamIds: [access.team.id], user, orgAdmin: true } : access.result;
	}
	const access = orgAdminAccess(req, state);
	if (!access.ok) return access.result;
	const teamIds = state.teams.filter((t) => t.organizationId === access.org.id).map((t) => t.id);
	return { teamIds, user, orgAdmin: true };
}

/**
 * The form of the path within the scope. Inferred: the repositories' findFirstOrThrow / update
 * with the organization (or team) in the where fail for a form elsewhere; the sandbox answers
 * that as a 404 like the services' own "Routing form not found.".
 */
function formIn(scope: Scope, req: RouteRequest, state: SandboxState) {
	const form = state.routingForms.find((f) => f.id === req.params.routingFormId);
	if (!form || form.teamId === null || !scope.teamIds.includes(form.teamId))
		return fail(404, 'Routing form not found.', req);
	return form;
}

function listForms(req: RouteRequest, ctx: RouteContext): RouteResult {
	const scope = scopeOf(req, ctx.state);
	if (isResult(scope)) return scope;
	const only = teamIdsOf(req.typedQuery.teamIds);
	const forms = ctx.state.routingForms.filter(
		(f) =>
			f.teamId !== null &&
			scope.teamIds.includes(f.teamId) &&
			(only.length === 0 || only.includes(f.teamId)),
	);
	return { status: 200, body: success(listed(forms, req.typedQuery).map(formOutput)) };
}

function listResponses(req: RouteRequest, ctx: RouteContext): RouteResult {
	const scope = scopeOf(req, ctx.state);
	if (isResult(scope)) return scope;
	const form = formIn(scope, req, ctx.state);
	if (isResult(form)) return form;
	const booking = req.typedQuery.routedToBookingUid;
	const responses = ctx.state.routingFormResponses.filter(
		(r) => r.formId === form.id && (booking === undefined || r.routedToBookingUid === booking),
	);
	return { status: 200, body: success(listed(responses, req.typedQuery).map(responseOutput)) };
}

function updateResponse(req: RouteRequest, ctx: RouteContext): RouteResult {
	const scope = scopeOf(req, ctx.state);
	if (isResult(scope)) return scope;
	const form = formIn(scope, req, ctx.state);
	if (isResult(form)) return form;
	const id = Number(req.params.responseId);
	const stored = ctx.state.routingFormResponses.find((r) => r.id === id && r.formId === form.id);
	// Inferred as formIn: Prisma's update finds no row (P2025).
	if (!stored) return fail(404, `Routing form response with id ${id} not found.`, req);
	const body = (req.body ?? {}) as { response?: Record<string, unknown> };
	if (body.response !== undefined) stored.response = body.response;
	stored.updatedAt = ctx.now().toISOString();
	return { status: 200, body: success(responseOutput(stored)) };
}

/** The slots query of both POSTs, read as the 2024-09-04 slots service reads it, by event type ID. */
function slotsInput(req: RouteRequest, eventTypeId: number): SlotsInput {
	const q = req.typedQuery;
	return {
		kind: 'byEventTypeId',
		eventTypeId,
		start: String(q.start),
		end: String(q.end),
		timeZone: q.timeZone as string | undefined,
		duration: q.duration as number | undefined,
		format: q.format as 'range' | 'time' | undefined,
		bookingUidToReschedule: q.bookingUidToReschedule as string | undefined,
	};
}

function slotsOf(req: RouteRequest, ctx: RouteContext, eventTypeId: number) {
	const answer = slotsAnswer(slotsInput(req, eventTypeId), req, ctx);
	return answer.status === 200 ? (answer.body as { data: unknown }).data : answer;
}

/**
 * auth/guards/organizations/is-user-routing-form.guard.ts (the organization route's other way in):
 * the form was made by the API key's user. Inferred from the guard's name and its use beside
 * RolesGuard in Or([…]); the team route has no such alternative.
 */
function ownForm(req: RouteRequest, state: SandboxState): boolean {
	if (req.params.teamId !== undefined) return false;
	const user = req.user as SandboxUser;
	const form = state.routingForms.find((f) => f.id === req.params.routingFormId);
	const org = state.teams.find((t) => t.id === form?.teamId)?.organizationId;
	return form?.userId === user.id && String(org) === req.params.orgId;
}

/** shared-routing-form-response.service.ts createRoutingFormResponseWithSlots, in its order. */
function createResponse(req: RouteRequest, ctx: RouteContext): RouteResult {
	const scope = scopeOf(req, ctx.state);
	if (isResult(scope) && !ownForm(req, ctx.state)) return scope;
	const q = req.typedQuery;
	if (Date.parse(String(q.end)) < Date.parse(String(q.start)))
		return fail(400, 'End date cannot be before start date.', req);
	const form = ctx.state.routingForms.find((f) => f.id === req.params.routingFormId);
	if (!form) return fail(404, 'Routing form not found.', req);
	const routed = routeAnswers(form, req.body, ctx.state);
	if (routed.kind === 'error') return fail(400, routed.message, req);
	const queued = q.queueResponse === true;
	const stored = queued ? undefined : storeResponse(ctx, form, routed);
	if (routed.kind === 'message') return created({ routingCustomMessage: routed.message });
	if (routed.kind === 'external')
		return created({ routingExternalRedirectUrl: externalUrl(routed.url, req, form) });
	// "Chosen event type not found.": the route names an event type the team no longer has.
	if (routed.eventTypeId === undefined) return fail(500, 'Chosen event type not found.', req);
	const slots = slotsOf(req, ctx, routed.eventTypeId);
	if (isResult(slots)) return slots;
	const routing = {
		...(stored ? { responseId: stored.id } : { queuedResponseId: randomUUID() }),
		teamMemberIds: routed.teamMemberIds,
		skipContactOwner: false,
	};
	return created({ routing, eventTypeId: routed.eventTypeId, slots });
}

function created(data: Record<string, unknown>): RouteResult {
	return { status: 201, body: success(data) };
}

/** getRoutedUrl.ts: `${value}?${stringify(query)}&cal.action=externalRedirectUrl`. */
function externalUrl(url: string, req: RouteRequest, form: SandboxRoutingForm): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries((req.body ?? {}) as Record<string, unknown>))
		params.append(key, String(value));
	params.append('form', form.id);
	return `${url}?${params.toString()}&cal.action=externalRedirectUrl`;
}

/** handleResponse.ts: every submission that is not a dry run or queued is stored. */
function storeResponse(
	ctx: RouteContext,
	form: SandboxRoutingForm,
	routed: Exclude<Routed, { kind: 'error' }>,
): SandboxRoutingFormResponse {
	const now = ctx.now().toISOString();
	const ids = ctx.state.routingFormResponses.map((r) => r.id);
	const response: SandboxRoutingFormResponse = {
		id: Math.max(7000, ...ids) + 1,
		formId: form.id,
		formFillerId: randomUUID(),
		routedToBookingUid: null,
		response: routed.response,
		chosenRouteId: routed.routeId,
		createdAt: now,
		updatedAt: now,
	};
	ctx.state.routingFormResponses.push(response);
	return response;
}

/** routing-forms.service.ts calculateSlotsBasedOnRoutingFormResponse: nothing is stored. */
function calculateSlots(req: RouteRequest, ctx: RouteContext): RouteResult {
	const form = ctx.state.routingForms.find((f) => f.id === req.params.routingFormId);
	// Without a destination (no form, an error message, a custom page) getRoutingUrl throws this.
	const noRoute = () =>
		fail(404, 'Route to which the form response should be redirected not found.', req);
	if (!form) return noRoute();
	const routed = routeAnswers(form, req.body, ctx.state);
	if (routed.kind === 'error' || routed.kind === 'message') return noRoute();
	if (routed.kind === 'external') return fail(404, 'Routed to a non cal.com event type URL.', req);
	if (form.teamId === null) return fail(404, 'Team ID not found in the routed URL.', req);
	if (routed.eventTypeId === undefined) return fail(404, 'Event type not found.', req);
	const slots = slotsOf(req, ctx, routed.eventTypeId);
	if (isResult(slots)) return slots;
	return { status: 200, body: success({ eventTypeId: routed.eventTypeId, slots }) };
}

function routesUnder(base: string): RouteHandler[] {
	const form = `${base}/{routingFormId}/responses`;
	const common = { validation: 'generic', auth: 'required' } as const;
	return [
		{ method: 'GET', template: base, ...common, handle: listForms },
		{ method: 'GET', template: form, ...common, handle: listResponses },
		{ method: 'POST', template: form, ...common, handle: createResponse },
		{ method: 'PATCH', template: `${form}/{responseId}`, ...common, handle: updateResponse },
	];
}

export const routingFormRoutes: RouteHandler[] = [
	...routesUnder('/v2/organizations/{orgId}/routing-forms'),
	...routesUnder('/v2/organizations/{orgId}/teams/{teamId}/routing-forms'),
	{
		method: 'POST',
		template: '/v2/routing-forms/{routingFormId}/calculate-slots',
		validation: 'generic',
		auth: 'required',
		handle: calculateSlots,
	},
];
