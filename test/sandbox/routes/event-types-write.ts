/**
 * Event types, writes (cal-api-version 2024-06-14, auth required, personal event types of the
 * caller only; team event types are written on /v2/teams/{teamId}/event-types, not modelled):
 *
 *   POST   /v2/event-types                 201 EventTypeOutput   {lengthInMinutes, title, slug, …}
 *   PATCH  /v2/event-types/{eventTypeId}   200 EventTypeOutput   any subset; bookingFields (or disableGuests
 *                                                                  alone) replaces the whole array
 *   DELETE /v2/event-types/{eventTypeId}   200 {id, lengthInMinutes, title, slug}
 *
 * Behaviour (API-NOTES §5; texts recalled from Cal.com's EventTypesService_2024_06_14, unverified):
 * - A slug the caller already uses → 400 "User already has an event type with this slug."
 * - scheduleId must be one of the caller's schedules → 404.
 * - Someone else's (or a team's) event type → 403; an unknown id → 404.
 * - Stored and printed: title, slug, length, description, locations, booking fields,
 *   slot interval, notice, buffers, schedule, hidden, confirmation policy, recurrence (guests: the
 *   guests question's `hidden`, not `disableGuests`; see event-type-input.ts). Other
 *   documented fields are accepted and not kept (the sandbox does not model them).
 */
import { errorEnvelope, success } from '../envelope';
import type {
	SandboxEventType,
	SandboxLocation,
	SandboxRecurrence,
	SandboxState,
	SandboxUser,
} from '../types';
import { bookingFieldsFromBody } from './event-type-input';
import { eventTypeOutput } from './event-type-output';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';

type Body = Record<string, unknown>;

function fail(status: number, message: string, req: RouteRequest): RouteResult {
	return { status, body: errorEnvelope(status, message, req.url) };
}

/**
 * The modelled columns a create or update body sets (title … recurrence); the booking fields,
 * slug and schedule checks stay with the caller, as they differ for team event types.
 */
export function applyEventTypeFields(et: SandboxEventType, body: Body): void {
	if (typeof body.title === 'string') et.title = body.title;
	if (typeof body.slug === 'string') et.slug = body.slug;
	if (typeof body.lengthInMinutes === 'number') et.lengthInMinutes = body.lengthInMinutes;
	if (typeof body.description === 'string') et.description = body.description;
	if (Array.isArray(body.locations)) et.locations = body.locations as SandboxLocation[];
	for (const key of [
		'slotInterval',
		'minimumBookingNotice',
		'beforeEventBuffer',
		'afterEventBuffer',
		'scheduleId',
	] as const) {
		if (typeof body[key] === 'number') et[key] = body[key] as number;
	}
	if (typeof body.hidden === 'boolean') et.hidden = body.hidden;
	// disableGuests is taken out of the input and never written to the event type's own column,
	// so the answer's `disableGuests` keeps its old value (input-event-types.service.ts).
	const policy = body.confirmationPolicy as Body | undefined;
	if (policy) et.requiresConfirmation = policy.disabled !== true;
	const recurrence = body.recurrence as Body | undefined;
	if (recurrence)
		et.recurrence =
			recurrence.disabled === true ? null : (recurrence as unknown as SandboxRecurrence);
}

/** Applies the body's modelled fields to `et`; an error answer when Cal.com would refuse it. */
function apply(
	et: SandboxEventType,
	body: Body,
	req: RouteRequest,
	{ state }: RouteContext,
	isCreate: boolean,
): RouteResult | undefined {
	const user = req.user as SandboxUser;
	if (typeof body.slug === 'string' && body.slug !== et.slug) {
		const taken = state.eventTypes.some(
			(e) => e.id !== et.id && e.teamId === null && e.ownerId === user.id && e.slug === body.slug,
		);
		if (taken) return fail(400, 'User already has an event type with this slug.', req);
	}
	if (
		typeof body.scheduleId === 'number' &&
		!state.schedules.some((s) => s.id === body.scheduleId && s.ownerId === user.id)
	) {
		return fail(
			404,
			`User with ID=${user.id} does not own schedule with ID=${body.scheduleId}`,
			req,
		);
	}
	// disableGuests and bookingFields: see event-type-input.ts (input-event-types.service.ts).
	const fields = bookingFieldsFromBody(body, isCreate);
	if (typeof fields === 'string') return fail(400, fields, req);
	if (fields) {
		// Follows event-types.service.ts checkHasUserAccessibleEmailBookingField (personal event types).
		if (!fields.some((f) => f.slug === 'email' && f.isDefault && f.required && !f.hidden)) {
			return fail(
				400,
				'checkIsEmailUserAccessible - Email booking field must be required and visible',
				req,
			);
		}
		et.bookingFields = fields;
	}
	applyEventTypeFields(et, body);
	return undefined;
}

function ownEventType(req: RouteRequest, ctx: RouteContext): SandboxEventType | RouteResult {
	const id = Number(req.params.eventTypeId);
	const et = ctx.state.eventTypes.find((e) => e.id === id);
	if (!et) return fail(404, `Event type with id ${req.params.eventTypeId} not found`, req);
	const user = req.user as SandboxUser;
	if (et.teamId !== null || et.ownerId !== user.id) {
		return fail(
			403,
			`User with id ${user.id} is not the owner of event type with id ${et.id}`,
			req,
		);
	}
	return et;
}

/**
 * A new event type before its body is applied, personal or a team's: the next ID, the event type
 * columns' defaults (minimumBookingNotice 120, no buffers, shown) and Cal Video as the location
 * (the personal and the team input services both default to it when no locations are sent).
 */
export function newEventTypeRow(
	state: SandboxState,
	owner: { ownerId: number | null; teamId: number | null },
): SandboxEventType {
	return {
		id: state.eventTypes.reduce((max, e) => Math.max(max, e.id), 0) + 1,
		...owner,
		slug: '',
		title: '',
		description: null,
		lengthInMinutes: 0,
		slotInterval: null,
		minimumBookingNotice: 120,
		beforeEventBuffer: 0,
		afterEventBuffer: 0,
		scheduleId: null,
		requiresConfirmation: false,
		hidden: false,
		locations: [{ type: 'integration', integration: 'cal-video' }],
		bookingFields: [],
	};
}

const createEventType: RouteHandler['handle'] = (req, ctx) => {
	const body = req.body as Body;
	const user = req.user as SandboxUser;
	const et = newEventTypeRow(ctx.state, { ownerId: user.id, teamId: null });
	const refused = apply(et, body, req, ctx, true);
	if (refused) return refused;
	ctx.state.eventTypes.push(et);
	return { status: 201, body: success(eventTypeOutput(et, ctx.state)) };
};

const updateEventType: RouteHandler['handle'] = (req, ctx) => {
	const et = ownEventType(req, ctx);
	if ('status' in et) return et;
	// Apply to a copy, so a refused PATCH changes nothing.
	const draft = structuredClone(et);
	const refused = apply(draft, req.body as Body, req, ctx, false);
	if (refused) return refused;
	Object.assign(et, draft);
	return { status: 200, body: success(eventTypeOutput(et, ctx.state)) };
};

const deleteEventType: RouteHandler['handle'] = (req, ctx) => {
	const et = ownEventType(req, ctx);
	if ('status' in et) return et;
	ctx.state.eventTypes.splice(ctx.state.eventTypes.indexOf(et), 1);
	return {
		status: 200,
		body: success({
			id: et.id,
			lengthInMinutes: et.lengthInMinutes,
			title: et.title,
			slug: et.slug,
		}),
	};
};

export const eventTypeWriteRoutes: RouteHandler[] = [
	{ method: 'POST', template: '/v2/event-types', validation: 'generic', handle: createEventType },
	{
		method: 'PATCH',
		template: '/v2/event-types/{eventTypeId}',
		validation: 'generic',
		handle: updateEventType,
	},
	{
		method: 'DELETE',
		template: '/v2/event-types/{eventTypeId}',
		validation: 'generic',
		handle: deleteEventType,
	},
];
