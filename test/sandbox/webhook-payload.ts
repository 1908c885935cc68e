/**
 * The payload of Cal.com's booking webhooks (API-NOTES §8.3), built from what happened to a
 * sandbox booking (a sandbox.events entry) and the state around it: the organizer, the event
 * type and its booking questions, the attendees.
 *
 * Field set and spelling follow the documented examples in ../shared/calcom/webhook-examples
 * (2021-10-20); webhook-payload.test.ts compares the key sets trigger by trigger. What the
 * sandbox does not model (video call data, apps status, one-time passwords, hashed links …) is
 * left out; those keys are listed in OMITTED_KEYS. Per trigger, as the examples show:
 *   - CREATED, REQUESTED, RESCHEDULED, LOCATION_UPDATED, REASSIGNED: the full booking fields
 *     with `metadata` and `status` in upper case;
 *   - RESCHEDULED (on the new booking): `rescheduleUid`/`rescheduleId` name the old booking,
 *     `rescheduleStartTime`/`rescheduleEndTime` its times;
 *   - CANCELLED: `cancellationReason`, `requestReschedule`, no `metadata`;
 *   - REJECTED: `rejectionReason`, no `metadata` and no iCal fields;
 *   - NO_SHOW_UPDATED: `{message, attendees[{email,noShow}], bookingUid, bookingId}` only;
 *   - version 2026-07-27 adds `attendeeIcsContent`/`organizerIcsContent` to CREATED,
 *     RESCHEDULED, REASSIGNED and CANCELLED.
 * [inferred] `iCalUID` is `<uid of the first booking of a reschedule chain>@Cal.com` and
 * `iCalSequence` counts the reschedules (+1 for a cancellation), as Cal.com keeps one calendar
 * event across reschedules; system booking questions carry Cal.com's i18n keys as labels, as
 * the examples do (`your_name`, `email_address` …).
 */
import { bookingByUid, eventTypeById, userById } from './state';
import { offsetMinutes } from './tz';
import type {
	SandboxBooking,
	SandboxBookingEvent,
	SandboxEventType,
	SandboxState,
	SandboxTrigger,
	SandboxUser,
} from './types';

export const PAYLOAD_VERSIONS = ['2021-10-20', '2026-07-27'] as const;

/** Cal.com's web app, as `bookerUrl` and the base of Cal Video links. */
export const BOOKER_URL = 'https://app.cal.com';

/** Keys in Cal.com's examples that the sandbox does not produce (it models no apps, payments, seats). */
export const OMITTED_KEYS: readonly string[] = [
	'videoCallData',
	'conferenceData',
	'appsStatus',
	'oneTimePassword',
	'hashedLink',
	'paymentId',
	'usernameInOrg',
];

/** Triggers whose payload the sandbox builds from a booking event. */
export const BOOKING_TRIGGERS: readonly SandboxTrigger[] = [
	'BOOKING_CREATED',
	'BOOKING_REQUESTED',
	'BOOKING_RESCHEDULED',
	'BOOKING_CANCELLED',
	'BOOKING_REJECTED',
	'BOOKING_NO_SHOW_UPDATED',
	'BOOKING_REASSIGNED',
	'BOOKING_LOCATION_UPDATED',
];

const ICS_TRIGGERS = new Set<string>([
	'BOOKING_CREATED',
	'BOOKING_RESCHEDULED',
	'BOOKING_REASSIGNED',
	'BOOKING_CANCELLED',
]);

/** Cal.com's default labels of the system booking questions (i18n keys, as in the examples). */
const SYSTEM_LABELS: Record<string, string> = {
	name: 'your_name',
	email: 'email_address',
	location: 'location',
	title: 'what_is_this_meeting_about',
	notes: 'additional_notes',
	guests: 'additional_guests',
	rescheduleReason: 'reason_for_reschedule',
	attendeePhoneNumber: 'phone_number',
};

const DEFAULT_FIELDS = [
	'name',
	'email',
	'location',
	'title',
	'notes',
	'guests',
	'rescheduleReason',
	'attendeePhoneNumber',
];

interface Answer {
	label: string;
	value?: unknown;
	isHidden: boolean;
}

function organizerOf(user: SandboxUser | undefined, at: number): Record<string, unknown> {
	const timeZone = user?.timeZone ?? 'UTC';
	return {
		id: user?.id ?? 0,
		name: user?.name ?? 'Nameless',
		email: user?.email ?? '',
		username: user?.username ?? '',
		timeZone,
		language: { locale: user?.locale ?? 'en' },
		timeFormat: user?.timeFormat === 24 ? 'HH:mm' : 'h:mma',
		utcOffset: offsetMinutes(at, timeZone),
	};
}

function splitName(name: string): { firstName: string; lastName: string } {
	const trimmed = name.trim();
	const space = trimmed.indexOf(' ');
	return space < 0
		? { firstName: trimmed, lastName: '' }
		: { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}

function attendeesOf(booking: SandboxBooking, at: number): Array<Record<string, unknown>> {
	return booking.attendees.map((a, index) => ({
		name: a.name,
		email: a.email,
		// Cal.com fills first/last name from the booker's name answer; guests have neither.
		...(index === 0 ? splitName(a.name) : { firstName: '', lastName: '' }),
		timeZone: a.timeZone,
		language: { locale: a.language ?? 'en' },
		...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
		utcOffset: offsetMinutes(at, a.timeZone),
	}));
}

function answerFor(slug: string, booking: SandboxBooking): unknown {
	const main = booking.attendees[0];
	switch (slug) {
		case 'name':
			return main?.name;
		case 'email':
			return main?.email;
		case 'location':
			return booking.location ? { value: booking.location, optionValue: '' } : undefined;
		case 'notes':
			return booking.bookingFieldsResponses.notes ?? booking.description ?? undefined;
		case 'guests':
			return booking.guests.length > 0 ? booking.guests : undefined;
		case 'rescheduleReason':
			return booking.reschedulingReason ?? undefined;
		case 'attendeePhoneNumber':
			return main?.phoneNumber ?? booking.bookingFieldsResponses.attendeePhoneNumber;
		default:
			return booking.bookingFieldsResponses[slug];
	}
}

/** `responses` (every booking question) and `userFieldsResponses` (the event type's own questions). */
function responsesOf(
	booking: SandboxBooking,
	et: SandboxEventType | undefined,
): { responses: Record<string, Answer>; userFieldsResponses: Record<string, Answer> } {
	const fields = et?.bookingFields.length
		? et.bookingFields
		: DEFAULT_FIELDS.map((slug) => ({ slug, isDefault: true, hidden: false, label: undefined }));
	const responses: Record<string, Answer> = {};
	const userFieldsResponses: Record<string, Answer> = {};
	for (const field of fields) {
		const value = answerFor(field.slug, booking);
		const label = field.isDefault
			? (SYSTEM_LABELS[field.slug] ?? field.label ?? field.slug)
			: (field.label ?? field.slug);
		const answer: Answer = {
			label,
			...(value !== undefined && value !== null ? { value } : {}),
			isHidden: field.hidden ?? false,
		};
		responses[field.slug] = answer;
		if (!field.isDefault && answer.value !== undefined) userFieldsResponses[field.slug] = answer;
	}
	return { responses, userFieldsResponses };
}

/** The first booking of a reschedule chain and how many reschedules led here. */
function chainOf(state: SandboxState, booking: SandboxBooking): { rootUid: string; depth: number } {
	let current = booking;
	let depth = 0;
	const seen = new Set<string>([booking.uid]);
	while (current.rescheduledFromUid) {
		const previous = bookingByUid(state, current.rescheduledFromUid);
		if (!previous || seen.has(previous.uid)) break;
		seen.add(previous.uid);
		current = previous;
		depth++;
	}
	return { rootUid: current.uid, depth };
}

/** An iCalendar timestamp: 20270315T130000Z. */
function icsTime(iso: string): string {
	return new Date(iso)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

function icsText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** A small but real iCalendar text (RFC 5545, CRLF lines) for the attendees' or the organizer's copy. */
export function icsContent(
	payload: {
		uid: string;
		title: string;
		startTime: string;
		endTime: string;
		iCalUID: string;
		iCalSequence: number;
		location?: string | null;
	},
	organizer: { name: string; email: string },
	attendees: Array<{ name: string; email: string }>,
	copy: 'attendee' | 'organizer',
	cancelled: boolean,
	stamp: string,
): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Cal.com sandbox//n8n-nodes-cal-com//EN',
		`METHOD:${cancelled ? 'CANCEL' : 'REQUEST'}`,
		'BEGIN:VEVENT',
		`UID:${payload.iCalUID}`,
		`SEQUENCE:${payload.iCalSequence}`,
		`DTSTAMP:${icsTime(stamp)}`,
		`DTSTART:${icsTime(payload.startTime)}`,
		`DTEND:${icsTime(payload.endTime)}`,
		`SUMMARY:${icsText(payload.title)}`,
		...(payload.location ? [`LOCATION:${icsText(payload.location)}`] : []),
		`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		`ORGANIZER;CN=${icsText(organizer.name)}:mailto:${organizer.email}`,
		...(copy === 'organizer'
			? [
					`ATTENDEE;CN=${icsText(organizer.name)};ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${organizer.email}`,
				]
			: attendees.map(
					(a) =>
						`ATTENDEE;CN=${icsText(a.name || a.email)};ROLE=REQ-PARTICIPANT;PARTSTAT=${cancelled ? 'DECLINED' : 'ACCEPTED'};RSVP=TRUE:mailto:${a.email}`,
				)),
		'END:VEVENT',
		'END:VCALENDAR',
	];
	return lines.join('\r\n');
}

/**
 * [inferred wording for several attendees] Cal.com's handleMarkNoShow: one attendee →
 * "<email> marked as no-show" / "<email> unmarked as no-show"; several → "No-show updated".
 */
function noShowMessage(attendees: Array<{ email: string; noShow: boolean }>): string {
	if (attendees.length === 1)
		return `${attendees[0].email} ${attendees[0].noShow ? 'marked' : 'unmarked'} as no-show`;
	return 'No-show updated';
}

/**
 * The `payload` object Cal.com delivers for a booking event, for one payload version. Returns
 * undefined when Cal.com sends nothing (a no-show update that only marks the host).
 */
export function bookingWebhookPayload(
	state: SandboxState,
	event: SandboxBookingEvent,
	version: string = '2021-10-20',
): Record<string, unknown> | undefined {
	const { booking, type } = event;
	const details = event.details ?? {};
	if (type === 'BOOKING_NO_SHOW_UPDATED') {
		const attendees = Array.isArray(details.attendees)
			? (details.attendees as Array<{ email: string; noShow: boolean }>)
			: [];
		if (attendees.length === 0) return undefined;
		return {
			message: noShowMessage(attendees),
			attendees,
			bookingUid: booking.uid,
			bookingId: booking.id,
		};
	}

	const et = eventTypeById(state, booking.eventTypeId);
	const organizerUser = userById(state, booking.userId);
	const start = Date.parse(booking.start);
	const length = Math.round((Date.parse(booking.end) - start) / 60_000);
	const team =
		et?.teamId !== null && et?.teamId !== undefined
			? state.teams.find((t) => t.id === et.teamId)
			: undefined;
	const organizationId = team?.organizationId ?? organizerUser?.organizationId ?? null;
	const notes =
		typeof booking.bookingFieldsResponses.notes === 'string'
			? booking.bookingFieldsResponses.notes
			: (booking.description ?? '');
	const { rootUid, depth } = chainOf(state, booking);
	const organizer = organizerOf(organizerUser, start);
	const attendees = attendeesOf(booking, start);

	const payload: Record<string, unknown> = {
		bookerUrl: BOOKER_URL,
		type: et?.slug ?? 'unknown',
		title: booking.title,
		description: booking.description ?? '',
		additionalNotes: notes,
		customInputs: {},
		eventTypeId: booking.eventTypeId,
		startTime: new Date(start).toISOString(),
		endTime: new Date(booking.end).toISOString(),
		organizer,
		attendees,
		...responsesOf(booking, et),
		location: booking.location,
		destinationCalendar: null,
		hideCalendarNotes: false,
		hideCalendarEventDetails: false,
		hideOrganizerEmail: false,
		schedulingType: et?.schedulingType
			? et.schedulingType === 'roundRobin'
				? 'ROUND_ROBIN'
				: 'COLLECTIVE'
			: null,
		seatsPerTimeSlot: et?.seatsPerTimeSlot ?? null,
		seatsShowAttendees: true,
		seatsShowAvailabilityCount: true,
		customReplyToEmail: null,
		disableRescheduling: false,
		disableCancelling: false,
		iCalUID: `${rootUid}@Cal.com`,
		iCalSequence: depth + (type === 'BOOKING_CANCELLED' ? 1 : 0),
		requiresConfirmation: et?.requiresConfirmation ?? false,
		organizationId,
		uid: booking.uid,
		bookingId: booking.id,
		eventTitle: et?.title ?? booking.title,
		eventDescription: et?.description ?? '',
		price: 0,
		currency: 'usd',
		length,
		metadata: {
			...booking.metadata,
			...(booking.location === 'integrations:daily'
				? { videoCallUrl: `${BOOKER_URL}/video/${booking.uid}` }
				: {}),
		},
		status: booking.status.toUpperCase(),
	};

	switch (type) {
		case 'BOOKING_RESCHEDULED': {
			const previousUid =
				typeof details.rescheduleUid === 'string'
					? details.rescheduleUid
					: (booking.rescheduledFromUid ?? undefined);
			const previous = previousUid ? bookingByUid(state, previousUid) : undefined;
			Object.assign(payload, {
				rescheduleUid: previousUid ?? null,
				rescheduleId: previous?.id ?? null,
				rescheduleStartTime: new Date(
					String(details.rescheduleStartTime ?? previous?.start),
				).toISOString(),
				rescheduleEndTime: new Date(
					String(details.rescheduleEndTime ?? previous?.end),
				).toISOString(),
			});
			break;
		}
		case 'BOOKING_CANCELLED':
			delete payload.metadata;
			for (const key of [
				'schedulingType',
				'hideCalendarNotes',
				'hideCalendarEventDetails',
				'seatsShowAvailabilityCount',
				'disableRescheduling',
				'disableCancelling',
			]) {
				delete payload[key];
			}
			Object.assign(payload, {
				cancellationReason: details.cancellationReason ?? booking.cancellationReason ?? null,
				requestReschedule: false,
			});
			break;
		case 'BOOKING_REJECTED':
			for (const key of [
				'metadata',
				'iCalUID',
				'iCalSequence',
				'schedulingType',
				'seatsPerTimeSlot',
				'seatsShowAttendees',
				'seatsShowAvailabilityCount',
				'disableRescheduling',
				'disableCancelling',
			]) {
				delete payload[key];
			}
			payload.rejectionReason = details.rejectionReason ?? booking.rejectionReason ?? null;
			break;
		case 'BOOKING_LOCATION_UPDATED':
			if (typeof details.previousLocation === 'string' || details.previousLocation === null)
				payload.previousLocation = details.previousLocation;
			break;
		case 'BOOKING_REASSIGNED':
			if (typeof details.previousUserId === 'number') {
				Object.assign(payload, {
					addedHostUserIds: [booking.userId],
					removedHostUserIds: [details.previousUserId],
				});
			}
			break;
		default:
			break;
	}

	if (version === '2026-07-27' && ICS_TRIGGERS.has(type)) {
		const ics = payload as {
			uid: string;
			title: string;
			startTime: string;
			endTime: string;
			iCalUID: string;
			iCalSequence: number;
			location: string | null;
		};
		const who = { name: String(organizer.name), email: String(organizer.email) };
		const cancelled = type === 'BOOKING_CANCELLED';
		payload.attendeeIcsContent = icsContent(
			ics,
			who,
			booking.attendees,
			'attendee',
			cancelled,
			event.at,
		);
		payload.organizerIcsContent = icsContent(
			ics,
			who,
			booking.attendees,
			'organizer',
			cancelled,
			event.at,
		);
	}
	return payload;
}
