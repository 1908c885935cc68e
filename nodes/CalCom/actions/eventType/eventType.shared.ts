import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toPositiveInt } from '../../helpers/parameters';
import type { CalComAnswer } from '../types';
import { simplifyQuestion } from './bookingQuestions';

export function readEventTypeId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(ctx.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }), 'Event Type', 'an event type ID');
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

/** Cal.com's event types, one item each, with their simplifier. */
export function shapeEventTypes(data: unknown, withQuestions: boolean): CalComAnswer {
	const list = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	return { data: list, simplify: (eventType) => simplifyEventType(eventType, withQuestions) };
}
