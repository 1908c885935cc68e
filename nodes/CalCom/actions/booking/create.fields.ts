import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, timeParameter } from '../common.descriptions';
import { eventTypeLookupFields } from '../eventTypeLookup';
import { locationFields } from './location';

export const createFields: INodeProperties[] = [
	...eventTypeLookupFields(['eventTypeId', 'userSlug', 'teamSlug']),
	timeParameter({
		displayName: 'Start',
		name: 'start',
		purpose: 'Start of the booking; it must be a free slot (Slot → Get Available)',
		readIn: 'attendee',
		required: true,
	}),
	{
		displayName: 'Attendee Name',
		name: 'attendeeName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Ana Silva',
		description: 'Full name of the person booking',
	},
	{
		displayName: 'Attendee Email',
		name: 'attendeeEmail',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		required: true,
		description: 'Email of the person booking; Cal.com sends the confirmation there',
	},
	{
		displayName: 'Attendee Time Zone',
		name: 'attendeeTimeZone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Europe/Berlin',
		description:
			"The attendee's IANA time zone, e.g. Europe/Berlin or America/New_York; a Start without an offset is read in it",
	},
	bookingQuestionsField(
		"Answers to the event type's own booking questions; they are checked against the event type before booking",
		'The answer. Several options of a multi-select: separate them with commas. Yes/no: true or false.',
	),
	additionalFieldsCollection([
		{
			displayName: 'Answers (JSON)',
			name: 'answersJson',
			type: 'json',
			default: '{}',
			description:
				'Answers to booking questions as an object keyed by question slug, e.g. {"company": "Acme", "topics": ["Pricing"]}',
		},
		{
			displayName: 'Attendee Phone',
			name: 'attendeePhone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +4917612345678',
			description: 'Phone number in E.164 form; some event types require it',
		},
		{
			displayName: 'Guests',
			name: 'guests',
			type: 'string',
			default: '',
			placeholder: 'e.g. ana@example.com, bo@example.com',
			description: 'Comma-separated emails of more people to invite',
		},
		{
			displayName: 'Instant',
			name: 'instant',
			type: 'boolean',
			default: false,
			description: 'Whether to start an instant meeting now (team event types only)',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. de',
			description: "Language code of the attendee's emails, e.g. en, de, fr",
		},
		{
			displayName: 'Length (Minutes)',
			name: 'lengthInMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'For event types that offer several lengths',
		},
		...locationFields('create'),
		{
			displayName: 'Metadata (JSON)',
			name: 'metadata',
			type: 'json',
			default: '{}',
			description:
				'Your own data to keep on the booking: at most 50 keys of up to 40 characters, text values up to 500',
		},
		{
			displayName: 'Recurrence Count',
			name: 'recurrenceCount',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description:
				'For recurring event types: how many occurrences to book (at most what the event type allows)',
		},
	]),
];

export const createOptions: INodeProperties[] = [
	{
		displayName: 'Check Availability First',
		name: 'checkAvailability',
		type: 'boolean',
		default: true,
		description:
			'Whether to confirm the start is a free slot before booking, and list the nearest free slots when it is not',
	},
	{
		displayName: 'Check Booking Questions First',
		name: 'validateAnswers',
		type: 'boolean',
		default: true,
		description:
			"Whether to check the answers against the event type's booking questions before booking",
	},
];

/** The Booking Questions list: one answer per question, the question picked from the event type's. */
export function bookingQuestionsField(
	description: string,
	answerDescription: string,
): INodeProperties {
	return {
		displayName: 'Booking Questions',
		name: 'bookingQuestions',
		type: 'fixedCollection',
		placeholder: 'Add Answer',
		default: {},
		typeOptions: { multipleValues: true },
		description,
		options: [
			{
				displayName: 'Answers',
				name: 'answers',
				values: [
					{
						displayName: 'Question Name or ID',
						name: 'question',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getBookingQuestions',
							loadOptionsDependsOn: ['eventTypeId.value', 'username', 'eventTypeSlug', 'lookup'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Answer',
						name: 'value',
						type: 'string',
						default: '',
						description: answerDescription,
					},
				],
			},
		],
	};
}
