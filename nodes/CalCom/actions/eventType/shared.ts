import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toPositiveInt } from '../../helpers/parameters';
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

export function shapeEventTypes(ctx: IExecuteFunctions, itemIndex: number, data: unknown, withQuestions: boolean): IDataObject[] {
	const list = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	if (ctx.getNodeParameter('output', itemIndex, 'simplified') === 'raw') return list;
	return list.map((eventType) => simplifyEventType(eventType, withQuestions));
}
