import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { requiredString, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';
import type { BookingField } from './bookingQuestions';
import { simplifyQuestion } from './bookingQuestions';

export function readEventTypeId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(ctx.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }), 'Event Type', 'an event type ID');
}

/** The slug of an event type being created or renamed, in the form Cal.com's booking links use. */
export function readEventTypeSlug(value: unknown): string {
	const slug = requiredString(value, 'Slug', 'intro-call');
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
		throw new ParameterError('Slug', `"${slug}" is not a slug: lowercase letters and digits, words joined by single hyphens, e.g. intro-call.`);
	}
	return slug;
}

export function eventTypeNotFound(id: number): string {
	return `Event type ${id} was not found among the event types the API key's user may manage. Check the event type ID (Event Type → Get Many lists them).`;
}

/** The fields a person or an agent needs; booking questions only where asked for (Get). */
export function simplifyEventType(eventType: IDataObject, withQuestions: boolean): IDataObject {
	const policy = eventType.confirmationPolicy as IDataObject | undefined;
	const out: IDataObject = {
		id: eventType.id ?? null,
		title: eventType.title ?? null,
		slug: eventType.slug ?? null,
		lengthInMinutes: eventType.lengthInMinutes ?? null,
		description: eventType.description || null,
		hidden: eventType.hidden ?? false,
		bookingUrl: eventType.bookingUrl ?? null,
		ownerId: eventType.ownerId ?? null,
		teamId: eventType.teamId ?? null,
		scheduleId: eventType.scheduleId ?? null,
		minimumBookingNotice: eventType.minimumBookingNotice ?? null,
		beforeEventBuffer: eventType.beforeEventBuffer ?? null,
		afterEventBuffer: eventType.afterEventBuffer ?? null,
		slotInterval: eventType.slotInterval ?? null,
		requiresConfirmation: Boolean(policy && policy.disabled !== true),
		locations: Array.isArray(eventType.locations) ? eventType.locations : [],
	};
	if (Array.isArray(eventType.lengthInMinutesOptions)) out.lengthInMinutesOptions = eventType.lengthInMinutesOptions;
	if (eventType.schedulingType) out.schedulingType = eventType.schedulingType;
	if (withQuestions) {
		out.bookingQuestions = (Array.isArray(eventType.bookingFields) ? (eventType.bookingFields as IDataObject[]) : []).map(simplifyQuestion);
	}
	return out;
}

export function shapeEventTypes(ctx: IExecuteFunctions, itemIndex: number, data: unknown, withQuestions: boolean): IDataObject[] {
	const list = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	if (ctx.getNodeParameter('output', itemIndex, 'simplified') === 'raw') return list;
	return list.map((eventType) => simplifyEventType(eventType, withQuestions));
}

/**
 * The event type's booking questions, or undefined when they cannot be read with this key (a
 * team event type by slug, or another user's event type by ID): Cal.com then judges alone.
 */
export async function loadBookingFields(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	ref: EventTypeRef,
	timeoutMs?: number,
): Promise<BookingField[] | undefined> {
	let eventType: IDataObject | undefined;
	try {
		if (ref.eventTypeId !== undefined) {
			eventType = (await calComRequest.call(this, { method: 'GET', path: apiPath`/v2/event-types/${ref.eventTypeId}`, timeoutMs })) as IDataObject;
		} else if (ref.username && ref.eventTypeSlug) {
			const qs: IDataObject = { username: ref.username, eventSlug: ref.eventTypeSlug };
			if (ref.organizationSlug) qs.orgSlug = ref.organizationSlug;
			const list = (await calComRequest.call(this, { method: 'GET', path: '/v2/event-types', qs, timeoutMs })) as unknown;
			eventType = Array.isArray(list) ? (list[0] as IDataObject | undefined) : undefined;
		}
	} catch (error) {
		if (error instanceof NodeApiError && ['403', '404'].includes(String(error.httpCode))) return undefined;
		// Already a NodeApiError from the transport: n8n hands the same error back.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	const fields = eventType?.bookingFields;
	return Array.isArray(fields) ? (fields as unknown as BookingField[]) : undefined;
}
