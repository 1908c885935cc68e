import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DAY_MS } from '../../helpers/time';
import { calComRequest } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';

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
		beforeEnd: new Date(start.getTime() + 2 * DAY_MS).toISOString(),
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
