import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingNotFound, bookingUidField, readBookingUid } from './shared';

/**
 * What Cal.com keeps beside a booking: its attendees (with their ids), Cal Video recordings,
 * transcripts and sessions, calendar and video references, add-to-calendar links.
 */
export type BookingRecord =
	| 'attendees'
	| 'recordings'
	| 'transcripts'
	| 'conferencing-sessions'
	| 'references'
	| 'calendar-links';

/** GET /v2/bookings/{uid}/{record}: the booking UID read and checked, the answer as a list. */
export async function getBookingRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	record: BookingRecord,
	query?: IDataObject,
): Promise<{ uid: string; items: unknown[] }> {
	const uid = readBookingUid(ctx, itemIndex);
	const data = await calComRequest.call(ctx, {
		method: 'GET',
		path: apiPath`/v2/bookings/${uid}/${record}`,
		...(query ? { qs: query } : {}),
		timeoutMs: readTimeoutMs(ctx, itemIndex),
		notFoundMessage: recordNotFound(uid, record),
	});
	return { uid, items: Array.isArray(data) ? data : [] };
}

/** Cal.com's 404s here: no such booking, or (Cal Video records) no Cal Video meeting. */
function recordNotFound(uid: string, record: BookingRecord): string {
	if (['recordings', 'transcripts', 'conferencing-sessions'].includes(record))
		return `Booking ${uid} has no Cal Video meeting (recordings, transcripts and sessions exist only for Cal Video), or it was not found. Check the booking UID.`;
	return bookingNotFound(uid);
}

export function simplifyAttendee(attendee: IDataObject): IDataObject {
	return {
		id: attendee.id ?? null,
		name: attendee.name ?? null,
		email: attendee.email ?? null,
		timeZone: attendee.timeZone ?? null,
		language: attendee.language ?? null,
		absent: attendee.absent ?? false,
		...(attendee.phoneNumber ? { phoneNumber: attendee.phoneNumber } : {}),
		...(attendee.bookingId !== undefined ? { bookingId: attendee.bookingId } : {}),
	};
}

/** Seconds since 1970 (Daily's timestamps) as ISO UTC; null when absent. */
function fromSeconds(value: unknown): string | null {
	return typeof value === 'number' ? new Date(value * 1000).toISOString() : null;
}

export function simplifyRecording(recording: IDataObject): IDataObject {
	return {
		id: recording.id ?? null,
		status: recording.status ?? null,
		start: fromSeconds(recording.startTs),
		durationSeconds: recording.duration ?? null,
		downloadLink: recording.downloadLink ?? null,
		...(recording.error ? { error: recording.error } : {}),
	};
}

export function simplifySession(session: IDataObject): IDataObject {
	const participants = Array.isArray(session.participants) ? session.participants : [];
	return {
		id: session.id ?? null,
		start: fromSeconds(session.startTime),
		durationSeconds: session.duration ?? null,
		ongoing: session.ongoing ?? false,
		participants: participants.map((p) => {
			const participant = asRecord(p);
			return {
				name: participant.userName ?? null,
				userId: participant.userId ?? null,
				joined: fromSeconds(participant.joinTime),
				durationSeconds: participant.duration ?? null,
			};
		}),
	};
}

export function simplifyReference(reference: IDataObject): IDataObject {
	return {
		id: reference.id ?? null,
		type: reference.type ?? null,
		eventUid: reference.eventUid ?? null,
		destinationCalendarId: reference.destinationCalendarId ?? null,
	};
}

/** Cal.com's label → a key an agent can pick by. */
const CALENDAR_KEYS: Record<string, string> = {
	'Google Calendar': 'google',
	'Microsoft Office': 'office365',
	'Microsoft Outlook': 'outlook',
	ICS: 'ics',
};

export function simplifyCalendarLink(link: IDataObject): IDataObject {
	const label = typeof link.label === 'string' ? link.label : '';
	return { calendar: CALENDAR_KEYS[label] ?? label, label, link: link.link ?? null };
}

/** The fields of an operation that reads one kind of record of a booking. */
export const recordDescription: INodeProperties[] = [
	bookingUidField,
	outputField,
	optionsCollection(),
];

/** Reads one kind of record of a booking: Cal.com's items and their simplifier. */
export async function readRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	record: BookingRecord,
	simplify: CalComAnswer['simplify'],
): Promise<CalComAnswer> {
	const { items } = await getBookingRecords(ctx, itemIndex, record);
	return { data: items.map(asRecord), simplify };
}
