/**
 * Team event types, managed (unversioned in the saved document: the controllers take every
 * version; 2024-06-14 shapes). The team list (GET /v2/teams/{teamId}/event-types) is public and
 * lives in event-types.ts; everything here needs TEAM_ADMIN or above:
 *
 *   POST   /v2/teams/{teamId}/event-types                 201 the event type (managed: [parent, …copies])
 *   GET    /v2/teams/{teamId}/event-types/{eventTypeId}   200
 *   PATCH  /v2/teams/{teamId}/event-types/{eventTypeId}   200 any subset; bookingFields replace the list
 *   DELETE /v2/teams/{teamId}/event-types/{eventTypeId}   200 {id, title}
 *
 * and the same five under /v2/organizations/{orgId}/teams/{teamId}/… (there the list needs no key).
 *
 * Follows apps/api/v2/src/modules/teams/event-types/controllers/teams-event-types.controller.ts
 * (@Roles("TEAM_ADMIN") on all but the list), .../services/teams-event-types.service.ts,
 * apps/api/v2/src/modules/organizations/event-types/organizations-event-types.controller.ts and
 * .../services/input.service.ts (hosts, assignAllTeamMembers, slug, schedulingType) and
 * output.service.ts (hosts printed; event-type-output.ts).
 */
import { success } from '../envelope';
import type { SandboxEventType, SandboxHost, SandboxState, SandboxTeam } from '../types';
import { fail } from './booking-common';
import { bookingFieldsFromBody } from './event-type-input';
import { PRIORITY_LABELS, teamEventTypeOutput } from './event-type-output';
import { applyEventTypeFields, newEventTypeRow } from './event-types-write';
import { pathOrg } from './organization-access';
import { orgTeamAccess, teamInOrg } from './organization-team-access';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';
import { teamGuard } from './teams';

type Body = Record<string, unknown>;
type Scheduling = NonNullable<SandboxEventType['schedulingType']>;

const isAnswer = (value: unknown): value is RouteResult =>
	typeof value === 'object' && value !== null && 'status' in value;

/**
 * The organization routes' guards in organizations-event-types.controller.ts's order: IsOrgGuard,
 * RolesGuard with TEAM_ADMIN (an organization ADMIN or OWNER passes for every team role; otherwise
 * the team membership decides), IsTeamInOrg, IsAdminAPIEnabledGuard: organization-team-access.ts,
 * from the organization's memberships. PbacGuard and the platform plan are not modelled.
 */
function orgTeamGuard(req: RouteRequest, state: SandboxState): SandboxTeam | RouteResult {
	const access = orgTeamAccess(req, state, 'TEAM_ADMIN');
	return access.ok ? access.team : access.result;
}

function guard(req: RouteRequest, state: SandboxState): SandboxTeam | RouteResult {
	return req.params.orgId === undefined
		? teamGuard(req, state, 'TEAM_ADMIN')
		: orgTeamGuard(req, state);
}

/**
 * input.service.ts getTeamUsersIds → apps/api/v2/src/modules/teams/teams/teams.repository.ts: every
 * membership of the team, accepted or not (the query filters on the team only).
 */
function memberIds(team: SandboxTeam): number[] {
	return team.members.map((m) => m.userId);
}

/** input.service.ts validateHosts: every host must be a member of the team (404). */
function invalidHosts(
	team: SandboxTeam,
	hosts: unknown,
	req: RouteRequest,
): RouteResult | undefined {
	if (!Array.isArray(hosts) || !hosts.length) return undefined;
	const members = memberIds(team);
	const invalid = (hosts as Body[]).filter((h) => !members.includes(h.userId as number));
	if (!invalid.length) return undefined;
	return fail(
		404,
		`Invalid hosts: ${invalid.map((h) => String(h.userId)).join(', ')} are not members of team with id ${team.id}.`,
		req,
	);
}

/**
 * input.service.ts transformInputHosts / getAllTeamMembers: collective hosts are all fixed at
 * medium priority; round-robin hosts are fixed when mandatory, at their priority (medium when
 * unset); "assign all" makes every member a host, fixed only for collective.
 */
function hostsFor(
	team: SandboxTeam,
	body: Body,
	scheduling: Scheduling,
): SandboxHost[] | undefined {
	const collective = scheduling === 'collective';
	if (body.assignAllTeamMembers === true)
		return memberIds(team).map((userId) => ({ userId, isFixed: collective, priority: 2 }));
	if (!Array.isArray(body.hosts)) return undefined;
	return (body.hosts as Body[]).map((h) => ({
		userId: h.userId as number,
		isFixed: collective || h.mandatory === true,
		priority: collective
			? 2
			: PRIORITY_LABELS.indexOf((h.priority as (typeof PRIORITY_LABELS)[number]) ?? 'medium'),
	}));
}

/** The checks both writes make before anything changes, in input.service.ts's order. */
function refuseInput(
	team: SandboxTeam,
	body: Body,
	req: RouteRequest,
	state: SandboxState,
): RouteResult | undefined {
	const hosts = invalidHosts(team, body.hosts, req);
	if (hosts) return hosts;
	// validateTeamEventTypeSlug looks for any event type of the team with the slug, the one being
	// updated included: so a PATCH that sends the event type's own slug is refused as well.
	if (
		typeof body.slug === 'string' &&
		state.eventTypes.some((e) => e.teamId === team.id && e.slug === body.slug)
	)
		return fail(400, 'Team event type with this slug already exists', req);
	return undefined;
}

/** Booking fields as the personal event type takes them (event-type-input.ts); a string is a 400. */
function applyFields(
	et: SandboxEventType,
	body: Body,
	isCreate: boolean,
	isOrg: boolean,
): string | undefined {
	const fields = bookingFieldsFromBody(body, isCreate);
	if (typeof fields === 'string') return fields;
	if (fields) {
		// teams-event-types.service.ts: outside an organization the email must stay required and
		// visible (checkHasUserAccessibleEmailBookingField), when bookingFields are sent.
		const email = fields.some((f) => f.slug === 'email' && f.required && !f.hidden);
		if (!isOrg && Array.isArray(body.bookingFields) && !email)
			return 'checkIsEmailUserAccessible - Email booking field must be required and visible';
		et.bookingFields = fields;
	}
	applyEventTypeFields(et, body);
	return undefined;
}

function output(et: SandboxEventType, state: SandboxState): Record<string, unknown> {
	return teamEventTypeOutput(et, state);
}

const createTeamEventType: RouteHandler['handle'] = (req, { state }: RouteContext) => {
	const team = guard(req, state);
	if (isAnswer(team)) return team;
	const body = req.body as Body;
	const refused = refuseInput(team, body, req, state);
	if (refused) return refused;
	const scheduling = body.schedulingType as Scheduling;
	const et: SandboxEventType = {
		// input.service.ts transformInputCreateTeamEventType: Cal Video unless locations are sent.
		...newEventTypeRow(state, { ownerId: null, teamId: team.id }),
		schedulingType: scheduling,
		assignAllTeamMembers: body.assignAllTeamMembers === true,
		hosts: hostsFor(team, body, scheduling) ?? [],
	};
	const problem = applyFields(et, body, true, req.params.orgId !== undefined);
	if (problem) return fail(400, problem, req);
	state.eventTypes.push(et);
	// teams-event-types.service.ts updateTeamEventType: a managed event type answers with its
	// members' copies too; the sandbox does not model the copies, so it answers [parent].
	const data = scheduling === 'managed' ? [output(et, state)] : output(et, state);
	return { status: 201, body: success(data) };
};

function teamEventType(team: SandboxTeam, req: RouteRequest, state: SandboxState) {
	const id = Number(req.params.eventTypeId);
	return state.eventTypes.find((e) => e.id === id && e.teamId === team.id);
}

const getTeamEventType: RouteHandler['handle'] = (req, { state }) => {
	const team = guard(req, state);
	if (isAnswer(team)) return team;
	const et = teamEventType(team, req, state);
	if (!et) return fail(404, `Event type with id ${req.params.eventTypeId} not found`, req);
	return { status: 200, body: success(output(et, state)) };
};

const updateTeamEventType: RouteHandler['handle'] = (req, { state }) => {
	const team = guard(req, state);
	if (isAnswer(team)) return team;
	const body = req.body as Body;
	const refused = refuseInput(team, body, req, state);
	if (refused) return refused;
	const et = teamEventType(team, req, state);
	// input.service.ts transformInputUpdateTeamEventType reads the event type of the team first.
	if (!et) return fail(400, 'Event type to update not found', req);
	const draft = structuredClone(et);
	if (typeof body.schedulingType === 'string')
		draft.schedulingType = body.schedulingType as Scheduling;
	// Hosts are replaced when hosts or assignAllTeamMembers are sent, judged by the stored
	// scheduling type (input.service.ts uses dbEventType.schedulingType).
	const hosts = hostsFor(team, body, et.schedulingType ?? 'collective');
	if (hosts) draft.hosts = hosts;
	if (typeof body.assignAllTeamMembers === 'boolean')
		draft.assignAllTeamMembers = body.assignAllTeamMembers;
	const problem = applyFields(draft, body, false, req.params.orgId !== undefined);
	if (problem) return fail(400, problem, req);
	Object.assign(et, draft);
	return { status: 200, body: success(output(et, state)) };
};

const deleteTeamEventType: RouteHandler['handle'] = (req, { state }) => {
	const team = guard(req, state);
	if (isAnswer(team)) return team;
	const et = teamEventType(team, req, state);
	if (!et) return fail(404, `Event type with ID=${req.params.eventTypeId} does not exist.`, req);
	state.eventTypes.splice(state.eventTypes.indexOf(et), 1);
	return { status: 200, body: success({ id: et.id, title: et.title }) };
};

/**
 * organizations-event-types.controller.ts getTeamEventTypes: the team's list behind IsOrgGuard and
 * IsTeamInOrg only (no auth or roles guard), so anyone may read it.
 */
const listOrgTeamEventTypes: RouteHandler['handle'] = (req, { state }) => {
	const org = pathOrg(req, state);
	if (!org) return fail(403, 'Forbidden resource', req);
	const team = teamInOrg(req, state, org);
	if (isAnswer(team)) return team;
	const q = req.typedQuery;
	let list = state.eventTypes.filter((e) => e.teamId === team.id).sort((a, b) => a.id - b.id);
	if (typeof q.eventSlug === 'string') list = list.filter((e) => e.slug === q.eventSlug);
	if (q.sortCreatedAt === 'desc') list.reverse();
	return { status: 200, body: success(list.map((e) => output(e, state))) };
};

function routesUnder(base: string): RouteHandler[] {
	const one = `${base}/{eventTypeId}`;
	return [
		{ method: 'POST', template: base, validation: 'generic', handle: createTeamEventType },
		{ method: 'GET', template: one, validation: 'generic', handle: getTeamEventType },
		{ method: 'PATCH', template: one, validation: 'generic', handle: updateTeamEventType },
		{ method: 'DELETE', template: one, validation: 'generic', handle: deleteTeamEventType },
	];
}

const orgBase = '/v2/organizations/{orgId}/teams/{teamId}/event-types';

export const teamEventTypesRoutes: RouteHandler[] = [
	...routesUnder('/v2/teams/{teamId}/event-types'),
	...routesUnder(orgBase),
	{
		method: 'GET',
		template: orgBase,
		validation: 'generic',
		auth: 'optional',
		handle: listOrgTeamEventTypes,
	},
];
