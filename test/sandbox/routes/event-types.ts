/**
 * Event types, read-only (cal-api-version 2024-06-14; the team list is unversioned in the
 * saved document):
 *
 *   GET /v2/event-types                      ?username (+ eventSlug) public list; no query → the caller's own
 *   GET /v2/event-types/{eventTypeId}        auth required, owner / host / team admin only
 *   GET /v2/teams/{teamId}/event-types       public list of a team's event types
 *
 * Hidden event types are listed by username only for their owner (API-NOTES §5). Cal.com
 * lists personal event types only on /v2/event-types; team ones are on the team route.
 * Not modelled: `usernames` (the synthetic dynamic event type) and org scoping by orgId.
 */
import { errorEnvelope, success } from '../envelope';
import { eventTypeById } from '../state';
import type { SandboxEventType } from '../types';
import { canManage, eventTypeOutput, teamEventTypeOutput } from './event-type-output';
import type { RouteHandler } from './route';

function sorted(list: SandboxEventType[], order: unknown): SandboxEventType[] {
	// The fixture has no creation dates; ids grow with creation, as Cal.com's do.
	const copy = [...list].sort((a, b) => a.id - b.id);
	return order === 'desc' ? copy.reverse() : copy;
}

const listEventTypes: RouteHandler['handle'] = (req, { state }) => {
	const q = req.typedQuery;
	if (q.usernames !== undefined) {
		const message =
			'The Cal.com sandbox does not model the dynamic event type of GET /v2/event-types?usernames=… yet.';
		return { status: 501, body: errorEnvelope(501, message, req.url) };
	}
	const personal = state.eventTypes.filter((e) => e.teamId === null);
	if (typeof q.username === 'string') {
		const org =
			typeof q.orgSlug === 'string'
				? state.organizations.find((o) => o.slug === q.orgSlug)
				: undefined;
		const user = state.users.find(
			(u) => u.username === q.username && (!org || u.organizationId === org.id),
		);
		// [unverified] the text of an unknown username; Cal.com's public lookup answers 404.
		if (!user)
			return {
				status: 404,
				body: errorEnvelope(404, `User with username ${q.username} not found`, req.url),
			};
		const isOwner = req.user?.id === user.id;
		let list = personal.filter((e) => e.ownerId === user.id && (isOwner || !e.hidden));
		if (typeof q.eventSlug === 'string') list = list.filter((e) => e.slug === q.eventSlug);
		return {
			status: 200,
			body: success(sorted(list, q.sortCreatedAt).map((e) => eventTypeOutput(e, state))),
		};
	}
	// No username: the caller's own event types (newer builds; older ones answered []), and []
	// for an anonymous call.
	const own = req.user ? personal.filter((e) => e.ownerId === req.user?.id) : [];
	return {
		status: 200,
		body: success(sorted(own, q.sortCreatedAt).map((e) => eventTypeOutput(e, state))),
	};
};

const getEventType: RouteHandler['handle'] = (req, { state }) => {
	const id = Number(req.params.eventTypeId);
	const et = Number.isInteger(id) ? eventTypeById(state, id) : undefined;
	// Someone else's event type is indistinguishable from a missing one.
	if (!et || !canManage(et, req.user, state)) {
		return {
			status: 404,
			body: errorEnvelope(404, `Event type with id ${req.params.eventTypeId} not found`, req.url),
		};
	}
	return { status: 200, body: success(eventTypeOutput(et, state)) };
};

const listTeamEventTypes: RouteHandler['handle'] = (req, { state }) => {
	if (req.apiVersion === '2026-06-12') {
		const message =
			'The Cal.com sandbox serves GET /v2/teams/{teamId}/event-types in the 2024-06-14 shape only (send no cal-api-version).';
		return { status: 501, body: errorEnvelope(501, message, req.url) };
	}
	const teamId = Number(req.params.teamId);
	const team = state.teams.find((t) => t.id === teamId);
	// [unverified] text; an unknown team is a 404 in Cal.com's team guards.
	if (!team)
		return {
			status: 404,
			body: errorEnvelope(404, `Team with id ${req.params.teamId} not found`, req.url),
		};
	const q = req.typedQuery;
	let list = state.eventTypes.filter((e) => e.teamId === team.id);
	if (typeof q.eventSlug === 'string') list = list.filter((e) => e.slug === q.eventSlug);
	const hostsLimit = typeof q.hostsLimit === 'number' ? q.hostsLimit : undefined;
	return {
		status: 200,
		body: success(
			sorted(list, q.sortCreatedAt).map((e) => teamEventTypeOutput(e, state, hostsLimit)),
		),
	};
};

export const eventTypesRoutes: RouteHandler[] = [
	{ method: 'GET', template: '/v2/event-types', validation: 'generic', handle: listEventTypes },
	{
		method: 'GET',
		template: '/v2/event-types/{eventTypeId}',
		validation: 'generic',
		handle: getEventType,
	},
	{
		method: 'GET',
		template: '/v2/teams/{teamId}/event-types',
		validation: 'generic',
		auth: 'optional',
		handle: listTeamEventTypes,
	},
];
