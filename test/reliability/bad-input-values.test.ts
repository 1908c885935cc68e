import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr, run, VALID } from './bad-input';

const sandbox = useSandbox();
const KEYS = ['__proto__', 'constructor', 'prototype'];
const questions = (VALID.bookingCreate.bookingQuestions as { answers: INodeParameters[] }).answers;

afterEach(() => {
	// Whatever was refused, nothing leaked into every object's prototype.
	expect(({} as IDataObject).polluted).toBeUndefined();
	expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

describe('R2 bad input: prototype-polluting keys', () => {
	// Every row has all four entries: jest takes a missing last one for a done() callback.
	const cases: Array<[string, string, INodeParameters, IDataObject[]]> = KEYS.flatMap(
		(key): Array<[string, string, INodeParameters, IDataObject[]]> => [
			[
				`metadata JSON text with "${key}"`,
				'Metadata',
				{ additionalFields: { metadata: `{"${key}": {"polluted": "yes"}, "crm": "42"}` } },
				[{}],
			],
			[
				`metadata object from an item with "${key}"`,
				'Metadata',
				{ additionalFields: { metadata: expr('$json.meta') } },
				[{ meta: JSON.parse(`{"${key}": {"polluted": "yes"}}`) as IDataObject }],
			],
			[
				`answers JSON text with "${key}"`,
				'Answers (JSON)',
				{ additionalFields: { answersJson: `{"${key}": {"polluted": "yes"}}` } },
				[{}],
			],
			[
				`answers object from an item with "${key}"`,
				'Answers (JSON)',
				{ additionalFields: { answersJson: expr('$json.answers') } },
				[{ answers: JSON.parse(`{"${key}": {"polluted": "yes"}}`) as IDataObject }],
			],
			[
				`a listed booking question named "${key}"`,
				'Booking Questions',
				{ bookingQuestions: { answers: [...questions, { question: key, value: 'yes' }] } },
				[{}],
			],
			[
				`a question name "${key}" from an item`,
				'Booking Questions',
				{
					bookingQuestions: {
						answers: [...questions, { question: expr('$json.q'), value: 'yes' }],
					},
				},
				[{ q: key }],
			],
		],
	);
	it.each(cases)(
		'booking create refuses %s by name before any request',
		async (_what, field, changes, inputItems) => {
			const result = await runCalCom(
				sandbox(),
				{ ...VALID.bookingCreate, ...changes },
				{ inputItems },
			);
			expectRefusedByName(sandbox(), result, field, /__proto__|constructor|prototype/);
		},
	);
});

describe('R2 bad input: prototype-polluting booking question slugs', () => {
	it.each(KEYS)(
		'event type create refuses a question slug %j by name before any request',
		async (key) => {
			const result = await runCalCom(sandbox(), {
				resource: 'eventType',
				operation: 'create',
				title: 'Intro call',
				slug: 'intro-call',
				lengthInMinutes: 30,
				additionalFields: {
					bookingQuestions: { entries: [{ slug: key, label: 'Anything', type: 'text' }] },
				},
			});
			expectRefusedByName(sandbox(), result, 'Booking Question 1 → Slug', /is not a slug/);
		},
	);

	it.each(KEYS)(
		'event type update refuses removing a question %j by name before reading the event type',
		async (key) => {
			const result = await run(sandbox(), 'eventTypeUpdate', {
				updateFields: { removeBookingQuestions: `company, ${key}` },
			});
			expectRefusedByName(sandbox(), result, 'Remove Booking Questions', /is not a question slug/);
		},
	);
});

const long = (n: number, char = 'a') => expr(`"${char}".repeat(${n})`);

describe('R2 bad input: oversized strings', () => {
	it.each([
		[
			'bookingCreate',
			'Metadata',
			{ additionalFields: { metadata: expr('{ note: "x".repeat(501) }') } },
		],
		[
			'bookingCreate',
			'Metadata',
			{ additionalFields: { metadata: expr('{ ["k".repeat(41)]: "v" }') } },
		],
		[
			'bookingCreate',
			'Metadata',
			{
				additionalFields: {
					metadata: expr(
						'Object.fromEntries(Array.from({ length: 51 }, (_, i) => ["k" + i, "v"]))',
					),
				},
			},
		],
		[
			'bookingCreate',
			'Attendee Email',
			{ attendeeEmail: expr('"a".repeat(300) + "@example.com"') },
		],
		[
			'bookingCreate',
			'Guests',
			{
				additionalFields: { guests: expr('"bo@example.com, " + "b".repeat(250) + "@example.com"') },
			},
		],
		['bookingCreate', 'Attendee Time Zone', { attendeeTimeZone: long(10_000) }],
		['bookingCreate', 'Start', { start: long(10_000, '2') }],
		['bookingCreate', 'Event Type', { eventTypeId: byId(long(400, '9')) }],
		['bookingGet', 'Booking UID', { bookingUid: long(101) }],
		['slotGetReservation', 'Reservation UID', { reservationUid: long(101) }],
		[
			'bookingCreate',
			'Username',
			{ lookup: 'userSlug', username: long(101), eventTypeSlug: '30min' },
		],
		['creditCharge', 'External Reference', { externalRef: long(256) }],
		['creditCharge', 'Credits', { credits: expr('"9".repeat(30)') }],
		[
			'bookingAddGuests',
			'Guest Emails',
			{ guestEmails: expr('Array.from({ length: 11 }, (_, i) => `g${i}@example.com`).join(",")') },
		],
	] as Array<[string, string, INodeParameters]>)(
		'%s refuses an oversized %s by name before any request',
		async (operation, field, changes) => {
			expectRefusedByName(sandbox(), await run(sandbox(), operation, changes), field);
		},
	);
});

describe('R2 bad input: wrong types from expressions', () => {
	it.each([
		['bookingCreate', 'Attendee Name', { attendeeName: expr('{ first: "Ana" }') }],
		['bookingCreate', 'Attendee Name', { attendeeName: expr('["Ana", "Silva"]') }],
		['bookingCreate', 'Attendee Name', { attendeeName: expr('true') }],
		['bookingCreate', 'Attendee Email', { attendeeEmail: expr('42') }],
		['bookingCreate', 'Attendee Email', { attendeeEmail: expr('{ email: "ana@example.com" }') }],
		['bookingCreate', 'Attendee Email', { attendeeEmail: expr('["ana@example.com"]') }],
		['bookingCreate', 'Guests', { additionalFields: { guests: expr('42') } }],
		[
			'bookingCreate',
			'Guests',
			{ additionalFields: { guests: expr('{ email: "bo@example.com" }') } },
		],
		['bookingCreate', 'Event Type', { eventTypeId: byId(expr('{ id: 12 }')) }],
		['bookingCreate', 'Event Type', { eventTypeId: byId(expr('[12]')) }],
		['bookingCreate', 'Event Type', { eventTypeId: byId(expr('12.5')) }],
		['bookingCreate', 'Event Type', { eventTypeId: byId(expr('-12')) }],
		[
			'bookingCreate',
			'Length (Minutes)',
			{ additionalFields: { lengthInMinutes: expr('{ minutes: 30 }') } },
		],
		[
			'bookingCreate',
			'Length (Minutes)',
			{ additionalFields: { lengthInMinutes: expr('"thirty"') } },
		],
		['bookingCreate', 'Metadata', { additionalFields: { metadata: expr('["crm", "42"]') } }],
		['bookingCreate', 'Metadata', { additionalFields: { metadata: expr('42') } }],
		['bookingCreate', 'Metadata', { additionalFields: { metadata: '{"crm": ' } }],
		['bookingCreate', 'Metadata', { additionalFields: { metadata: expr('{ crm: { id: 42 } }') } }],
		['bookingCreate', 'Answers (JSON)', { additionalFields: { answersJson: expr('["Acme"]') } }],
		['bookingGet', 'Booking UID', { bookingUid: expr('12345') }],
		['bookingGet', 'Booking UID', { bookingUid: expr('{ uid: "kEQ6lyUVxK9sKQNFvjgrCv" }') }],
		['bookingGet', 'Booking UID', { bookingUid: expr('["kEQ6lyUVxK9sKQNFvjgrCv"]') }],
		['bookingCancel', 'Seat UID', { options: { seatUid: expr('{ seat: 1 }') } }],
		['bookingCancel', 'Seat UID', { options: { seatUid: expr('7') } }],
		['slotGetReservation', 'Reservation UID', { reservationUid: expr('12345') }],
		['bookingReassignUser', 'User ID', { userId: expr('{ id: 2 }') }],
		['bookingAddGuests', 'Guest Emails', { guestEmails: expr('42') }],
		[
			'bookingMarkNoShow',
			'Absent Attendee Emails',
			{ hostAbsent: false, absentAttendees: expr('{ email: "ana@example.com" }') },
		],
		['bookingGetMany', 'Limit', { limit: expr('{ n: 10 }') }],
		['bookingGetMany', 'Limit', { limit: expr('"ten"') }],
		['bookingGetMany', 'Status', { filters: { status: expr('42') } }],
		['bookingGetMany', 'Status', { filters: { status: expr('["upcoming", "soon"]') } }],
		['eventTypeGetManyTeam', 'Team ID', { teamId: expr('[100]') }],
		['creditCharge', 'Credits', { credits: expr('{ credits: 5 }') }],
		['creditCharge', 'Credits', { credits: expr('[5]') }],
		['creditCharge', 'Credits', { credits: expr('"5 credits"') }],
		['creditCharge', 'Credits', { credits: expr('true') }],
		['creditCharge', 'External Reference', { externalRef: expr('{ ref: "sms-1" }') }],
		['creditCharge', 'External Reference', { externalRef: expr('["sms-1"]') }],
		['creditCharge', 'Usage Type', { creditFor: expr('5') }],
		[
			'userUpdate',
			'Default Schedule ID',
			{ updateFields: { defaultScheduleId: expr('{ id: 1 }') } },
		],
	] as Array<[string, string, INodeParameters]>)(
		'%s refuses %s of the wrong type %j by name before any request',
		async (operation, field, changes) => {
			expectRefusedByName(sandbox(), await run(sandbox(), operation, changes), field);
		},
	);
});
