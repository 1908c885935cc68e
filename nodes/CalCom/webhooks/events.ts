import type { INodePropertyOptions } from 'n8n-workflow';

/** One Cal.com webhook trigger, as both nodes offer it. */
interface CalComEvent {
	/** Cal.com's trigger name, e.g. `BOOKING_CREATED`. */
	value: string;
	/** The first part of the option's name, so n8n's alphabetical list keeps a group together. */
	group: string;
	name: string;
	description: string;
	/** Not in the OpenAPI document of 2026-03: older self-hosted servers answer 400 for it. */
	newer?: boolean;
}

const BOOKINGS = 'Booking';
const MEETINGS = 'Meeting & Recording';
const FORMS = 'Form & Routing';
const OOO = 'Out of Office';
const NO_SHOW = 'No-Show';
const INSTANT = 'Instant Meeting';
const ADMIN = 'Administrative';

/**
 * Every webhook trigger Cal.com API v2 accepts: the 21 of the OpenAPI document of 2026-03 and the
 * 7 its live docs added since (marked `newer`), grouped by what a person looks for.
 */
export const CALCOM_EVENTS: readonly CalComEvent[] = [
	{ value: 'BOOKING_CREATED', group: BOOKINGS, name: 'Created', description: 'A booking was made (or a requested booking was confirmed)' },
	{ value: 'BOOKING_REQUESTED', group: BOOKINGS, name: 'Requested', description: 'A booking that needs the host’s confirmation was requested' },
	{ value: 'BOOKING_RESCHEDULED', group: BOOKINGS, name: 'Rescheduled', description: 'A booking was moved to another time' },
	{ value: 'BOOKING_CANCELLED', group: BOOKINGS, name: 'Cancelled', description: 'A booking was cancelled' },
	{ value: 'BOOKING_REJECTED', group: BOOKINGS, name: 'Rejected', description: 'The host declined a requested booking' },
	{ value: 'BOOKING_PAYMENT_INITIATED', group: BOOKINGS, name: 'Payment Initiated', description: 'The booker started paying for a paid event' },
	{ value: 'BOOKING_PAID', group: BOOKINGS, name: 'Paid', description: 'A paid booking’s payment succeeded' },
	{ value: 'BOOKING_LOCATION_UPDATED', group: BOOKINGS, name: 'Location Updated', description: 'A booking’s location changed', newer: true },
	{ value: 'BOOKING_REASSIGNED', group: BOOKINGS, name: 'Reassigned', description: 'A booking was reassigned to another host', newer: true },
	{ value: 'CALENDAR_ENTRY_REJECTED', group: BOOKINGS, name: 'Calendar Entry Rejected', description: 'A booking’s calendar entry was rejected', newer: true },
	{ value: 'MEETING_STARTED', group: MEETINGS, name: 'Meeting Started', description: 'A booked meeting’s start time was reached' },
	{ value: 'MEETING_ENDED', group: MEETINGS, name: 'Meeting Ended', description: 'A booked meeting’s end time was reached' },
	{ value: 'RECORDING_READY', group: MEETINGS, name: 'Recording Ready', description: 'A Cal Video recording can be downloaded' },
	{ value: 'RECORDING_TRANSCRIPTION_GENERATED', group: MEETINGS, name: 'Transcription Generated', description: 'A Cal Video recording’s transcript is ready' },
	{ value: 'FORM_SUBMITTED', group: FORMS, name: 'Form Submitted', description: 'A routing form was submitted' },
	{ value: 'FORM_SUBMITTED_NO_EVENT', group: FORMS, name: 'Form Submitted Without Booking', description: 'A routing form was submitted and no booking followed' },
	{ value: 'ROUTING_FORM_FALLBACK_HIT', group: FORMS, name: 'Fallback Route Hit', description: 'A routing form response matched no route and used the fallback' },
	{ value: 'WRONG_ASSIGNMENT_REPORT', group: FORMS, name: 'Wrong Assignment Reported', description: 'Someone reported that routing assigned a booking to the wrong host' },
	{ value: 'OOO_CREATED', group: OOO, name: 'Entry Created', description: 'A user added an out-of-office entry' },
	{ value: 'BOOKING_NO_SHOW_UPDATED', group: NO_SHOW, name: 'Marked', description: 'A host or attendee was marked (or unmarked) as a no-show' },
	{ value: 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW', group: NO_SHOW, name: 'Host Did Not Join Cal Video', description: 'No host joined the Cal Video call within the no-show delay' },
	{ value: 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW', group: NO_SHOW, name: 'Guest Did Not Join Cal Video', description: 'No guest joined the Cal Video call within the no-show delay' },
	{ value: 'INSTANT_MEETING', group: INSTANT, name: 'Requested', description: 'Someone asked for an instant meeting' },
	{ value: 'INSTANT_MEETING_ACCEPTED', group: INSTANT, name: 'Accepted', description: 'A host accepted an instant meeting', newer: true },
	{ value: 'DELEGATION_CREDENTIAL_ERROR', group: ADMIN, name: 'Delegation Credential Error', description: 'An organization’s delegation credential failed' },
	{ value: 'DELEGATION_CREDENTIAL_ROTATION_REQUIRED', group: ADMIN, name: 'Delegation Credential Rotation Required', description: 'A delegation credential’s secret must be rotated', newer: true },
	{ value: 'DELEGATION_CREDENTIAL_SECRET_ROTATED', group: ADMIN, name: 'Delegation Credential Secret Rotated', description: 'A delegation credential’s secret was rotated', newer: true },
	{ value: 'DELEGATION_CREDENTIAL_SECRET_ROTATION_FAILED', group: ADMIN, name: 'Delegation Credential Secret Rotation Failed', description: 'Rotating a delegation credential’s secret failed', newer: true },
];

/** The triggers that fire a set time after the meeting's start: they need `time` and `timeUnit`. */
export const NO_SHOW_DELAY_EVENTS = ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW', 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW'];

/** Cal.com's test delivery from its web UI; not a trigger one can subscribe to. */
export const PING_EVENT = 'PING';

const EVENT_VALUES: ReadonlySet<string> = new Set(CALCOM_EVENTS.map((event) => event.value));

/** The options of the Events parameter, sorted by name so each group stays together. */
export function eventOptions(): INodePropertyOptions[] {
	return CALCOM_EVENTS.map((event) => ({
		name: `${event.group}: ${event.name}`,
		value: event.value,
		description: event.newer
			? `${event.description} (${event.value}; newer Cal.com versions only)`
			: `${event.description} (${event.value})`,
	})).sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether one of the triggers needs a no-show delay. */
export function hasNoShowTrigger(triggers: readonly string[]): boolean {
	return triggers.some((trigger) => NO_SHOW_DELAY_EVENTS.includes(trigger));
}

/** The triggers Cal.com does not know, in the order given. */
export function unknownTriggers(triggers: readonly string[]): string[] {
	return triggers.filter((trigger) => !EVENT_VALUES.has(trigger));
}
