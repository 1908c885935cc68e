/**
 * GET /v2/slots (cal-api-version 2024-09-04, no auth).
 *
 * Time range, as Cal.com's 2024-09-04 input service reads it (we follow the source):
 * - `start`/`end` are parsed as UTC; a value without an offset is UTC, one with an offset is
 *   converted. A bare date is 00:00:00 UTC — not midnight in `timeZone`.
 * - An `end` at exactly 00:00:00 UTC (a bare date, or an explicit T00:00:00Z) means 23:59:59
 *   of that UTC date.
 * - `timeZone` only shapes the output: times printed with that zone's offset, grouped by the
 *   date in that zone. Without it times are UTC ('…Z') grouped by UTC date.
 * Deliberately louder than Cal.com: end before start, and end more than one year after
 * `now`, are 400s here (Cal.com returns {} for the first and, in newer builds, silently clamps
 * the second to one year).
 * Unknown event type (by id, or by slug of an existing user/team) → 404 "Event Type not found";
 * unknown user/team/organization → 404 with Cal.com's texts (all thrown by
 * apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots-input.service.ts,
 * transformGetSlotsQuery and getEventType).
 * rrHostSubsetIds (hidden from the document, comma-separated user ids) narrows the hosts of a
 * round-robin event type whose rrHostSubsetEnabled is on, fixed hosts included; otherwise it is
 * ignored (packages/features/bookings/lib/host-filtering/findQualifiedHostsWithDelegationCredentials.ts,
 * isWithinRRHostSubset).
 */
import { planForEventType, slotStarts } from '../availability';
import type { Plan } from '../availability';
import { errorEnvelope, success } from '../envelope';
import { eventTypeById, teamBySlug, userByUsername } from '../state';
import { formatInZone, localDate } from '../tz';
import type { SandboxEventType, SandboxState, SandboxUser } from '../types';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';
import { parseSlotsQuery } from './slots-input';
import type { SlotsInput } from './slots-input';

const MINUTE = 60_000;

/** Cal.com's dynamic (group) event: 30 minutes, 120 minutes' notice, collective. */
const DYNAMIC_EVENT = {
	lengthInMinutes: 30,
	slotInterval: null,
	minimumBookingNotice: 120,
	beforeEventBuffer: 0,
	afterEventBuffer: 0,
};

type Resolved = { plan: Plan } | { result: RouteResult };

function notFound(message: string, url: string): Resolved {
	return { result: { status: 404, body: errorEnvelope(404, message, url) } };
}

// Inferred: an event type whose owner is gone cannot exist in Cal.com (the rows cascade); the
// sandbox answers {} for it rather than inventing an error.
const EMPTY: Resolved = { result: { status: 200, body: success({}) } };

function orgUserFilter(
	state: SandboxState,
	organizationSlug: string | undefined,
	url: string,
): ((u: SandboxUser) => boolean) | Resolved {
	if (!organizationSlug) return () => true;
	const org = state.organizations.find((o) => o.slug === organizationSlug);
	if (!org)
		return notFound(
			`slots-input.service.ts: Organization with slug ${organizationSlug} not found`,
			url,
		);
	return (u) => u.organizationId === org.id;
}

function resolve(input: SlotsInput, state: SandboxState, url: string): Resolved {
	const forEventType = (et: SandboxEventType | undefined): Resolved => {
		// Follows slots-input.service.ts transformGetSlotsQuery: no event type → NotFoundException.
		if (!et) return notFound('Event Type not found', url);
		const plan = planForEventType(state, et, input.rrHostSubsetIds);
		return plan ? { plan } : EMPTY;
	};

	switch (input.kind) {
		case 'byEventTypeId':
			return forEventType(eventTypeById(state, input.eventTypeId));
		case 'byUsernameAndEventTypeSlug': {
			const inOrg = orgUserFilter(state, input.organizationSlug, url);
			if (typeof inOrg !== 'function') return inOrg;
			const user = state.users.find((u) => u.username === input.username && inOrg(u));
			if (!user) return notFound(`User with username ${input.username} not found`, url);
			return forEventType(
				state.eventTypes.find(
					(e) => e.ownerId === user.id && e.teamId === null && e.slug === input.eventTypeSlug,
				),
			);
		}
		case 'byTeamSlugAndEventTypeSlug': {
			const org = input.organizationSlug
				? state.organizations.find((o) => o.slug === input.organizationSlug)
				: undefined;
			if (input.organizationSlug && !org) {
				return notFound(
					`slots-input.service.ts: Organization with slug ${input.organizationSlug} not found`,
					url,
				);
			}
			const team = teamBySlug(state, input.teamSlug);
			if (!team || (org && team.organizationId !== org.id))
				return notFound(`Team with slug ${input.teamSlug} not found`, url);
			return forEventType(
				state.eventTypes.find((e) => e.teamId === team.id && e.slug === input.eventTypeSlug),
			);
		}
		default: {
			// Dynamic group booking: organizationSlug is required by the DTO. Users of that
			// organization are looked up; a slug that names no organization in the fixture is
			// accepted for users without one (the fixture's users have no organization).
			const org = state.organizations.find((o) => o.slug === input.organizationSlug);
			const users: SandboxUser[] = [];
			for (const name of input.usernames) {
				const user = userByUsername(state, name);
				if (!user || (org ? user.organizationId !== org.id : user.organizationId !== null)) {
					return notFound(`User with username ${name} not found`, url);
				}
				users.push(user);
			}
			const length = input.duration ?? DYNAMIC_EVENT.lengthInMinutes;
			return {
				plan: {
					eventType: { ...DYNAMIC_EVENT, lengthInMinutes: length },
					fixed: users,
					anyOf: [],
					dynamic: true,
				},
			};
		}
	}
}

/** Instant of `start`/`end` as Cal.com reads them (UTC unless an offset is given). */
function parseInstant(value: string, isEnd: boolean): number {
	const hasTime = value.includes('T');
	const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
	const t = Date.parse(hasTime ? (hasOffset ? value : `${value}Z`) : `${value}T00:00:00Z`);
	const d = new Date(t);
	if (isEnd && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) {
		return t + (23 * 3600 + 59 * 60 + 59) * 1000;
	}
	return t;
}

function getSlots(req: RouteRequest, ctx: RouteContext): RouteResult {
	const parsed = parseSlotsQuery(req.query);
	if (!parsed.ok)
		return {
			status: 400,
			body: errorEnvelope(400, parsed.message, req.url),
			problems: parsed.problems,
		};
	return slotsAnswer(parsed.input, req, ctx);
}

/**
 * The slots of a parsed query, as GET /v2/slots answers them. Also used by the routing-form
 * routes, which (like Cal.com's SlotsService_2024_09_04) ask for the routed event type's slots.
 */
export function slotsAnswer(input: SlotsInput, req: RouteRequest, ctx: RouteContext): RouteResult {
	const start = parseInstant(input.start, false);
	const end = parseInstant(input.end, true);
	const now = ctx.now().getTime();
	if (end < start) {
		return {
			status: 400,
			body: errorEnvelope(
				400,
				"Invalid time range given - check the 'start' and 'end' query parameters.",
				req.url,
			),
		};
	}
	const yearAhead = new Date(now);
	yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
	// Compared before the end-of-day snap, as Cal.com's own one-year clamp does: a bare date one
	// year ahead is still fine.
	if (parseInstant(input.end, false) > yearAhead.getTime()) {
		return {
			status: 400,
			body: errorEnvelope(
				400,
				`end ${input.end} is more than one year from now: slots can be requested at most one year ahead.`,
				req.url,
			),
		};
	}

	const resolved = resolve(input, ctx.state, req.url);
	if ('result' in resolved) return resolved.result;
	const { plan } = resolved;

	const length = input.duration ?? plan.eventType.lengthInMinutes;
	const starts = slotStarts(ctx.state, plan, {
		start,
		end,
		now,
		lengthMinutes: input.duration,
		timeZone: input.timeZone,
		bookingUidToReschedule: input.bookingUidToReschedule,
	});

	const data: Record<string, Array<{ start: string; end?: string }>> = {};
	for (const t of starts) {
		const key = localDate(t, input.timeZone);
		const item: { start: string; end?: string } = { start: formatInZone(t, input.timeZone) };
		if (input.format === 'range') item.end = formatInZone(t + length * MINUTE, input.timeZone);
		(data[key] ??= []).push(item);
	}
	return { status: 200, body: success(data) };
}

export const slotsRoutes: RouteHandler[] = [
	{ method: 'GET', template: '/v2/slots', validation: 'own', auth: 'none', handle: getSlots },
];
