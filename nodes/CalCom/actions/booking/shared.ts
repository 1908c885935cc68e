import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readUid } from '../../helpers/parameters';
import { formatInZone } from '../../helpers/time';
import type { CalComAnswer } from '../types';

export const bookingUidField: INodeProperties = {
	displayName: 'Booking UID',
	name: 'bookingUid',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. kEQ6lyUVxK9sKQNFvjgrCv',
	description: 'The booking\'s UID (the "uid" field of a booking, not its numeric ID)',
};

export function readBookingUid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'bookingUid',
): string {
	return readUid(
		ctx.getNodeParameter(name, itemIndex, ''),
		'Booking UID',
		'a booking UID',
		'kEQ6lyUVxK9sKQNFvjgrCv',
	);
}

export function bookingNotFound(uid: string): string {
	return `Booking ${uid} was not found. Check the booking UID (the "uid" field, not the numeric ID).`;
}

/** An instant as ISO with the zone's offset; null when it is not a date-time. */
function localTime(value: unknown, zone: string): string | null {
	if (typeof value !== 'string') return null;
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return null;
	try {
		return formatInZone(date, zone);
	} catch {
		return null;
	}
}

function simplifyAttendee(attendee: IDataObject): IDataObject {
	return {
		name: attendee.name ?? null,
		email: attendee.email ?? null,
		timeZone: attendee.timeZone ?? null,
		absent: attendee.absent ?? false,
		// Seated event types: the seat to give Cancel's Seat UID.
		...(typeof attendee.seatUid === 'string' && attendee.seatUid
			? { seatUid: attendee.seatUid }
			: {}),
	};
}

/** Fields a booking has only sometimes: kept when Cal.com sends them. */
const OPTIONAL_BOOKING_FIELDS = [
	'seatUid',
	'recurringBookingUid',
	'rescheduledFromUid',
	'rescheduledToUid',
	'cancellationReason',
	'reschedulingReason',
	'absentHost',
	'bookingFieldsResponses',
	'metadata',
];

/**
 * The fields a person or an AI agent needs from a booking: ids, status, times in UTC and in the
 * attendee's zone, who, where, and what it came from or became.
 */
export function simplifyBooking(booking: IDataObject): IDataObject {
	const attendees = Array.isArray(booking.attendees) ? (booking.attendees as IDataObject[]) : [];
	const zone =
		typeof attendees[0]?.timeZone === 'string' ? (attendees[0].timeZone as string) : 'UTC';
	const eventType = asRecord(booking.eventType);
	const out: IDataObject = {
		uid: booking.uid ?? null,
		id: booking.id ?? null,
		status: booking.status ?? null,
		title: booking.title ?? null,
		start: booking.start ?? null,
		end: booking.end ?? null,
		attendeeTimeZone: zone,
		startLocal: localTime(booking.start, zone),
		endLocal: localTime(booking.end, zone),
		duration: booking.duration ?? null,
		eventTypeId: eventType.id ?? booking.eventTypeId ?? null,
		eventTypeSlug: eventType.slug ?? null,
		attendees: attendees.map(simplifyAttendee),
		guests: Array.isArray(booking.guests) ? booking.guests : [],
		hosts: (Array.isArray(booking.hosts) ? (booking.hosts as IDataObject[]) : []).map((host) => ({
			id: host.id ?? null,
			name: host.name ?? null,
			email: host.email ?? null,
		})),
		location: booking.location ?? null,
		meetingUrl: booking.meetingUrl ?? null,
	};
	for (const key of OPTIONAL_BOOKING_FIELDS) {
		if (booking[key] !== undefined && booking[key] !== null) out[key] = booking[key];
	}
	return out;
}

/** Cal.com answers one booking, or an array for recurring series: always a list here. */
export function bookingsOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data.map(asRecord);
	return [asRecord(data)];
}

/** Cal.com's bookings, one item each, with their simplifier. */
export function shapeBookings(data: unknown): CalComAnswer {
	return { data: bookingsOf(data), simplify: simplifyBooking };
}
