import type { INodePropertyOptions } from 'n8n-workflow';

/** One Cal.com webhook trigger, as both nodes offer it. */
interface CalComEvent {
	/** Cal.com's trigger name, e.g. `BOOKING_CREATED`: what saved workflows hold, so it never changes. */
	value: string;
	/** The name in the Events list; n8n's list of triggers shows it as "On booking created". */
	name: string;
	description: string;
	/** Not in the OpenAPI document of 2026-03: older self-hosted servers answer 400 for it. */
	newer?: boolean;
}

/**
 * Every webhook trigger Cal.com API v2 accepts: the 21 of the OpenAPI document of 2026-03 and the
 * 7 its live docs added since (marked `newer`), in the order a person looks for them: bookings
 * (created, rescheduled, cancelled first), meetings and recordings, routing forms, out of office,
 * no-shows, and the administrative ones last. n8n keeps this order in the Events parameter and in
 * its list of triggers.
 */
export const CALCOM_EVENTS: readonly CalComEvent[] = [
	{
		value: 'BOOKING_CREATED',
		name: 'Booking Created',
		description: 'A booking was made (or a requested booking was confirmed)',
	},
	{
		value: 'BOOKING_RESCHEDULED',
		name: 'Booking Rescheduled',
		description: 'A booking was moved to another time',
	},
	{
		value: 'BOOKING_CANCELLED',
		name: 'Booking Cancelled',
		description: 'A booking was cancelled',
	},
	{
		value: 'BOOKING_REQUESTED',
		name: 'Booking Requested',
		description: 'A booking that needs the host’s confirmation was requested',
	},
	{
		value: 'BOOKING_REJECTED',
		name: 'Booking Rejected',
		description: 'The host declined a requested booking',
	},
	{
		value: 'BOOKING_PAYMENT_INITIATED',
		name: 'Booking Payment Started',
		description: 'The booker started paying for a paid event',
	},
	{
		value: 'BOOKING_PAID',
		name: 'Booking Paid',
		description: 'A paid booking’s payment succeeded',
	},
	{
		value: 'BOOKING_LOCATION_UPDATED',
		name: 'Booking Location Changed',
		description: 'A booking’s location changed',
		newer: true,
	},
	{
		value: 'BOOKING_REASSIGNED',
		name: 'Booking Reassigned',
		description: 'A booking was reassigned to another host',
		newer: true,
	},
	{
		value: 'CALENDAR_ENTRY_REJECTED',
		name: 'Booking Calendar Entry Rejected',
		description: 'A booking’s calendar entry was rejected',
		newer: true,
	},
	{
		value: 'MEETING_STARTED',
		name: 'Meeting Started',
		description: 'A booked meeting’s start time was reached',
	},
	{
		value: 'MEETING_ENDED',
		name: 'Meeting Ended',
		description: 'A booked meeting’s end time was reached',
	},
	{
		value: 'INSTANT_MEETING',
		name: 'Instant Meeting Requested',
		description: 'Someone asked for an instant meeting',
	},
	{
		value: 'INSTANT_MEETING_ACCEPTED',
		name: 'Instant Meeting Accepted',
		description: 'A host accepted an instant meeting',
		newer: true,
	},
	{
		value: 'RECORDING_READY',
		name: 'Cal Video Recording Ready',
		description: 'A Cal Video recording can be downloaded',
	},
	{
		value: 'RECORDING_TRANSCRIPTION_GENERATED',
		name: 'Cal Video Transcript Ready',
		description: 'A Cal Video recording’s transcript is ready',
	},
	{
		value: 'FORM_SUBMITTED',
		name: 'Routing Form Submitted',
		description: 'A routing form was submitted',
	},
	{
		value: 'FORM_SUBMITTED_NO_EVENT',
		name: 'Routing Form Submitted Without Booking',
		description: 'A routing form was submitted and no booking followed',
	},
	{
		value: 'ROUTING_FORM_FALLBACK_HIT',
		name: 'Routing Form Fallback Used',
		description: 'A routing form response matched no route and used the fallback',
	},
	{
		value: 'WRONG_ASSIGNMENT_REPORT',
		name: 'Wrong Host Assignment Reported',
		description: 'Someone reported that routing assigned a booking to the wrong host',
	},
	{
		value: 'OOO_CREATED',
		name: 'Out-of-Office Entry Created',
		description: 'A user added an out-of-office entry',
	},
	{
		value: 'BOOKING_NO_SHOW_UPDATED',
		name: 'No-Show Marked',
		description: 'A host or attendee was marked (or unmarked) as a no-show',
	},
	{
		value: 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
		name: 'Host No-Show in Cal Video',
		description: 'No host joined the Cal Video call within the no-show delay',
	},
	{
		value: 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
		name: 'Guest No-Show in Cal Video',
		description: 'No guest joined the Cal Video call within the no-show delay',
	},
	{
		value: 'DELEGATION_CREDENTIAL_ERROR',
		name: 'Delegation Credential Error',
		description: 'An organization’s delegation credential failed',
	},
	{
		value: 'DELEGATION_CREDENTIAL_ROTATION_REQUIRED',
		name: 'Delegation Credential Rotation Required',
		description: 'A delegation credential’s secret must be rotated',
		newer: true,
	},
	{
		value: 'DELEGATION_CREDENTIAL_SECRET_ROTATED',
		name: 'Delegation Credential Secret Rotated',
		description: 'A delegation credential’s secret was rotated',
		newer: true,
	},
	{
		value: 'DELEGATION_CREDENTIAL_SECRET_ROTATION_FAILED',
		name: 'Delegation Credential Secret Rotation Failed',
		description: 'Rotating a delegation credential’s secret failed',
		newer: true,
	},
];

/** The triggers that fire a set time after the meeting's start: they need `time` and `timeUnit`. */
export const NO_SHOW_DELAY_EVENTS = [
	'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
	'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
];

/** Cal.com's test delivery from its web UI; not a trigger one can subscribe to. */
export const PING_EVENT = 'PING';

const EVENT_VALUES: ReadonlySet<string> = new Set(CALCOM_EVENTS.map((event) => event.value));

/**
 * The line n8n's list of triggers shows for an event. Without `action` n8n writes "On " and the
 * name in lower case (editor-ui NodeCreator: useActionsGeneration.ts triggersCategory, utils.ts
 * formatTriggerActionName), which turns "Cal Video" into "cal video".
 */
export function triggerAction(name: string): string {
	return `On ${name.toLowerCase().replace(/cal video/g, 'Cal Video')}`;
}

/**
 * The options of the Events parameter, in CALCOM_EVENTS' order (not alphabetical: n8n's lint rule
 * for literal option lists does not see a list built here, and a person looks for bookings first).
 */
export function eventOptions(): INodePropertyOptions[] {
	return CALCOM_EVENTS.map((event) => ({
		name: event.name,
		value: event.value,
		action: triggerAction(event.name),
		description: event.newer
			? `${event.description} (${event.value}; newer Cal.com versions only)`
			: `${event.description} (${event.value})`,
	}));
}

/** Whether one of the triggers needs a no-show delay. */
export function hasNoShowTrigger(triggers: readonly string[]): boolean {
	return triggers.some((trigger) => NO_SHOW_DELAY_EVENTS.includes(trigger));
}

/** The triggers only newer Cal.com servers know (marked `newer`), in the order given. */
export function newerTriggers(triggers: unknown): string[] {
	if (!Array.isArray(triggers)) return [];
	return triggers.filter(
		(trigger): trigger is string =>
			CALCOM_EVENTS.find((event) => event.value === trigger)?.newer === true,
	);
}

/** The triggers Cal.com does not know, in the order given. */
export function unknownTriggers(triggers: readonly string[]): string[] {
	return triggers.filter((trigger) => !EVENT_VALUES.has(trigger));
}
