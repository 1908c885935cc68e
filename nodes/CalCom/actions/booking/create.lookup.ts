import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { BookingField } from '../../helpers/bookingFields';
import { apiPath, calComRequest } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';

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
			eventType = (await calComRequest.call(this, {
				method: 'GET',
				path: apiPath`/v2/event-types/${ref.eventTypeId}`,
				timeoutMs,
			})) as IDataObject;
		} else if (ref.username && ref.eventTypeSlug) {
			const qs: IDataObject = { username: ref.username, eventSlug: ref.eventTypeSlug };
			if (ref.organizationSlug) qs.orgSlug = ref.organizationSlug;
			const list = (await calComRequest.call(this, {
				method: 'GET',
				path: '/v2/event-types',
				qs,
				timeoutMs,
			})) as unknown;
			eventType = Array.isArray(list) ? (list[0] as IDataObject | undefined) : undefined;
		}
	} catch (error) {
		if (error instanceof NodeApiError && ['403', '404'].includes(String(error.httpCode)))
			return undefined;
		// Already a NodeApiError from the transport: n8n hands the same error back.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	const fields = eventType?.bookingFields;
	return Array.isArray(fields) ? (fields as unknown as BookingField[]) : undefined;
}

/**
 * After a create failed without a clear answer (timeout, dropped connection, 5xx), the booking
 * may exist. Finds a live booking of this attendee at this start for this event type.
 */
export async function findBookingAfterFailure(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	start: Date,
	attendeeEmail: string,
	timeoutMs?: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = {
		attendeeEmail,
		afterStart: new Date(start.getTime() - 60_000).toISOString(),
		beforeEnd: new Date(start.getTime() + 2 * 24 * 60 * 60_000).toISOString(),
		take: 100,
	};
	if (ref.eventTypeId !== undefined) qs.eventTypeId = String(ref.eventTypeId);
	let found: unknown;
	try {
		found = await calComRequest.call(this, { method: 'GET', path: '/v2/bookings', qs, timeoutMs });
	} catch {
		return [];
	}
	if (!Array.isArray(found)) return [];
	return (found as IDataObject[]).filter((booking) => {
		const eventType = (booking.eventType ?? {}) as IDataObject;
		const sameEventType =
			ref.eventTypeId !== undefined
				? Number(eventType.id ?? booking.eventTypeId) === ref.eventTypeId
				: eventType.slug === ref.eventTypeSlug;
		const attendees = Array.isArray(booking.attendees) ? (booking.attendees as IDataObject[]) : [];
		return (
			sameEventType &&
			typeof booking.start === 'string' &&
			new Date(booking.start).getTime() === start.getTime() &&
			!['cancelled', 'rejected'].includes(String(booking.status)) &&
			attendees.some(
				(attendee) => String(attendee.email).toLowerCase() === attendeeEmail.toLowerCase(),
			)
		);
	});
}
