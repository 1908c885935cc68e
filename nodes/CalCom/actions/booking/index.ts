import type { INodeProperties } from 'n8n-workflow';

import * as addAttendee from './addAttendee.operation';
import * as addGuests from './addGuests.operation';
import * as cancel from './cancel.operation';
import * as confirm from './confirm.operation';
import * as create from './create.operation';
import * as createLink from './createLink.operation';
import * as decline from './decline.operation';
import * as get from './get.operation';
import * as getAttendee from './getAttendee.operation';
import * as getAttendees from './getAttendees.operation';
import * as getBySeatUid from './getBySeatUid.operation';
import * as getCalendarLinks from './getCalendarLinks.operation';
import * as getConferencingSessions from './getConferencingSessions.operation';
import * as getMany from './getMany.operation';
import * as getRecordings from './getRecordings.operation';
import * as getReferences from './getReferences.operation';
import * as getTranscripts from './getTranscripts.operation';
import * as markNoShow from './markNoShow.operation';
import * as reassign from './reassign.operation';
import * as reschedule from './reschedule.operation';
import * as updateLocation from './updateLocation.operation';

export const operations = {
	create,
	createLink,
	get,
	getMany,
	reschedule,
	cancel,
	confirm,
	decline,
	markNoShow,
	reassign,
	addGuests,
	updateLocation,
	getAttendees,
	getAttendee,
	addAttendee,
	getRecordings,
	getTranscripts,
	getConferencingSessions,
	getReferences,
	getCalendarLinks,
	getBySeatUid,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['booking'] } },
		default: 'create',
		options: [
			{
				name: 'Add Attendee',
				value: 'addAttendee',
				action: 'Add an attendee to a booking',
				description:
					'Add one person (name, email, time zone) as an attendee; Cal.com updates the calendar event and emails them. Returns the attendee with its ID.',
			},
			{
				name: 'Add Guests',
				value: 'addGuests',
				action: 'Add guests to a booking',
				description:
					'Invite more people to a booking by email (at most 10 at once); returns the booking',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a booking',
				description:
					'Cancel a booking by its UID, with an optional reason; returns the cancelled booking',
			},
			{
				name: 'Confirm',
				value: 'confirm',
				action: 'Confirm a booking',
				description:
					'Accept a booking that waits for the host to confirm (status unconfirmed/pending)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a booking',
				description:
					'Book a free slot of an event type for an attendee. Checks the booking questions and that the slot is free first; returns the booking with its UID.',
			},
			{
				name: 'Create Booking Link',
				value: 'createLink',
				action: 'Create a prefilled booking link',
				description:
					"Make a link to an event type's booking page with a person's name, email, guests, notes and answers filled in, optionally on a day, slot or length: send it so they pick a time and confirm themselves (nothing is booked). Returns the link's URL, the event type and what it fills in.",
			},
			{
				name: 'Decline',
				value: 'decline',
				action: 'Decline a booking',
				description: 'Reject a booking that waits for the host to confirm, with an optional reason',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a booking',
				description: 'Get a booking by its UID; a recurring series UID returns every occurrence',
			},
			{
				name: 'Get Attendee',
				value: 'getAttendee',
				action: 'Get an attendee of a booking',
				description: 'Get one attendee of a booking by the attendee ID that Get Attendees gives',
			},
			{
				name: 'Get Attendees',
				value: 'getAttendees',
				action: 'Get the attendees of a booking',
				description:
					'List the people attending a booking, each with ID, name, email, time zone and whether they were absent',
			},
			{
				name: 'Get by Seat UID',
				value: 'getBySeatUid',
				action: 'Get a booking by seat UID',
				description:
					'Find the seated booking a seat UID belongs to; without owner rights only that seat’s attendee is shown',
			},
			{
				name: 'Get Calendar Links',
				value: 'getCalendarLinks',
				action: 'Get add to calendar links for a booking',
				description:
					'Get links that add the booking to Google Calendar, Office 365, Outlook.com, or an ICS file (one item per calendar)',
			},
			{
				name: 'Get Conferencing Sessions',
				value: 'getConferencingSessions',
				action: 'Get the video sessions of a booking',
				description:
					'For a Cal Video meeting: each session with its start, length and who joined when',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many bookings',
				description:
					"List the API key user's bookings, filtered by status, attendee, event type and dates",
			},
			{
				name: 'Get Recordings',
				value: 'getRecordings',
				action: 'Get the recordings of a booking',
				description:
					'For a past Cal Video meeting: each recording with its start, length and download link',
			},
			{
				name: 'Get References',
				value: 'getReferences',
				action: 'Get the references of a booking',
				description:
					'Where the booking lives in calendar and video apps (event IDs per app); only for the booking’s organizer',
			},
			{
				name: 'Get Transcripts',
				value: 'getTranscripts',
				action: 'Get the transcripts of a booking',
				description: 'For a past Cal Video meeting: the download link of each transcript',
			},
			{
				name: 'Mark No-Show',
				value: 'markNoShow',
				action: 'Mark a booking no show',
				description:
					'Record that the host or attendees did not show up (only after the booking has started)',
			},
			{
				name: 'Reassign',
				value: 'reassign',
				action: 'Reassign a booking',
				description: 'Give a round-robin booking to another host, chosen by Cal.com or by you',
			},
			{
				name: 'Reschedule',
				value: 'reschedule',
				action: 'Reschedule a booking',
				description:
					'Move a booking to a new free start time; returns the NEW booking, which has a new UID',
			},
			{
				name: 'Update Location',
				value: 'updateLocation',
				action: 'Update a booking location',
				description:
					'Change where a booking takes place (the calendar event is not updated by Cal.com)',
			},
		],
	},
];
