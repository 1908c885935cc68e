import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

const ANSWERS = { company: 'Acme', 'team-size': '11-50', 'accept-terms': 'true' };
const byId = (id: number) => ({
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: String(id) },
});

function createParams(start: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'booking',
		operation: 'create',
		...byId(12),
		start,
		attendeeName: 'Ana Silva',
		attendeeEmail: 'ana@example.com',
		attendeeTimeZone: 'America/New_York',
		bookingQuestions: {
			answers: Object.entries(ANSWERS).map(([question, value]) => ({ question, value })),
		},
		...extra,
	};
}

async function freeStarts(sandbox: Sandbox, day: string): Promise<string[]> {
	const result = await runCalCom(sandbox, {
		resource: 'slot',
		operation: 'getAvailable',
		...byId(12),
		start: day,
		end: day,
		timeZone: 'America/New_York',
	});
	expect(result.error).toBeUndefined();
	return result.items.map((item) => String(item.json.start));
}

const posts = (sandbox: Sandbox) =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v2/bookings');

describe('Booking: the scheduling loop', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('books the first free slot, which then disappears; rescheduling frees it again; cancelling frees the new one', async () => {
		const before = await freeStarts(sandbox, '2027-03-15');
		expect(before[0]).toBe('2027-03-15T13:00:00.000Z');

		const created = await runCalCom(sandbox, createParams(before[0]));
		expect(created.error).toBeUndefined();
		const booking = created.items[0].json;
		expect(booking).toMatchObject({
			status: 'accepted',
			start: '2027-03-15T13:00:00.000Z',
			startLocal: '2027-03-15T09:00:00-04:00',
			attendeeTimeZone: 'America/New_York',
			eventTypeId: 12,
			eventTypeSlug: '30min',
			attendees: [
				{
					name: 'Ana Silva',
					email: 'ana@example.com',
					timeZone: 'America/New_York',
					absent: false,
				},
			],
			bookingFieldsResponses: expect.objectContaining({
				company: 'Acme',
				'team-size': '11-50',
				'accept-terms': true,
			}),
		});
		expect(typeof booking.uid).toBe('string');
		expect(posts(sandbox)[0].body).toMatchObject({
			eventTypeId: 12,
			start: '2027-03-15T13:00:00.000Z',
		});
		expect(await freeStarts(sandbox, '2027-03-15')).not.toContain('2027-03-15T13:00:00.000Z');

		const moved = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'reschedule',
			bookingUid: booking.uid as string,
			start: '2027-03-15T10:00',
			timeZone: 'America/New_York',
			options: { reschedulingReason: 'Traffic' },
		});
		expect(moved.error).toBeUndefined();
		const newBooking = moved.items[0].json;
		expect(newBooking).toMatchObject({
			start: '2027-03-15T14:00:00.000Z',
			rescheduledFromUid: booking.uid,
			status: 'accepted',
		});
		expect(newBooking.uid).not.toBe(booking.uid);
		const afterMove = await freeStarts(sandbox, '2027-03-15');
		expect(afterMove).toContain('2027-03-15T13:00:00.000Z');
		expect(afterMove).not.toContain('2027-03-15T14:00:00.000Z');

		const cancelled = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'cancel',
			bookingUid: newBooking.uid as string,
			cancellationReason: 'Customer asked',
		});
		expect(cancelled.items[0].json).toMatchObject({
			status: 'cancelled',
			cancellationReason: 'Customer asked',
		});
		expect(await freeStarts(sandbox, '2027-03-15')).toContain('2027-03-15T14:00:00.000Z');
		expect(sandbox.events.map((event) => event.type)).toEqual([
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
		]);
	});

	it('books by username + slug and by team slug + slug', async () => {
		const byUser = await runCalCom(
			sandbox,
			createParams('2027-03-16T09:00', {
				lookup: 'userSlug',
				username: 'lena',
				eventTypeSlug: 'intro-call',
				attendeeTimeZone: 'Europe/Berlin',
				bookingQuestions: {},
			}),
			{ username: 'kenji' },
		);
		expect(byUser.error).toBeUndefined();
		expect(byUser.items[0].json).toMatchObject({
			start: '2027-03-16T08:00:00.000Z',
			eventTypeSlug: 'intro-call',
		});
		expect(posts(sandbox)[0].body).toMatchObject({ username: 'lena', eventTypeSlug: 'intro-call' });

		const byTeam = await runCalCom(
			sandbox,
			createParams('2027-03-17T10:00', {
				lookup: 'teamSlug',
				teamSlug: 'customer-success',
				eventTypeSlug: 'onboarding',
				attendeeTimeZone: 'Europe/Berlin',
				bookingQuestions: {},
			}),
		);
		expect(byTeam.error).toBeUndefined();
		expect(byTeam.items[0].json).toMatchObject({
			start: '2027-03-17T09:00:00.000Z',
			eventTypeSlug: 'onboarding',
		});
		expect(posts(sandbox)[1].body).toMatchObject({
			teamSlug: 'customer-success',
			eventTypeSlug: 'onboarding',
		});
	});

	it('names a missing required question by label and slug before any booking request', async () => {
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-15T13:00:00Z', {
				bookingQuestions: { answers: [{ question: 'company', value: 'Acme' }] },
			}),
		);
		expect(result.error?.message).toBe(
			'Booking Question Answers: "Team size" (team-size) is required (options: 1-10, 11-50, 51-200, 200+); "I accept the terms of service" (accept-terms) is required (boolean)',
		);
		expect(posts(sandbox)).toHaveLength(0);
	});

	it('rejects an option that is not offered and a value of the wrong type, before booking', async () => {
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-15T13:00:00Z', {
				additionalFields: {
					answersJson: JSON.stringify({ 'team-size': 'huge', 'seats-needed': 'many' }),
				},
			}),
		);
		expect(result.error?.message).toContain(
			'"Team size" (team-size): "huge" is not one of the options: 1-10, 11-50, 51-200, 200+',
		);
		expect(result.error?.message).toContain(
			'"Seats needed" (seats-needed): expected a number, got "many"',
		);
		expect(posts(sandbox)).toHaveLength(0);
	});

	it("passes Cal.com's own message through when the check is switched off", async () => {
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-15T13:00:00Z', {
				bookingQuestions: {},
				options: { validateAnswers: false },
			}),
		);
		expect(result.error?.message).toMatch(
			/^Cal\.com rejected the request: Missing required booking field response: company/,
		);
		expect(posts(sandbox)).toHaveLength(1);
	});

	it('refuses a taken slot before booking and lists the nearest free slots', async () => {
		// Booking 1001 holds 2027-03-02 14:00 New York on bailey's 30 min event type.
		const result = await runCalCom(sandbox, createParams('2027-03-02T14:00'));
		expect(result.error?.message).toBe(
			'Start "2027-03-02T14:00" has no offset, so it was read in the Attendee Time Zone: 2027-03-02T14:00:00-05:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-02T12:30:00-05:00, 2027-03-02T13:00:00-05:00, 2027-03-02T13:30:00-05:00, 2027-03-02T14:30:00-05:00, 2027-03-02T15:00:00-05:00',
		);
		expect(posts(sandbox)).toHaveLength(0);
	});

	it("a taken start without an offset: says it was read in the Attendee Time Zone, and lists the slots in the key owner's zone too", async () => {
		// Bailey (the key's owner and the event type's host) lives in America/New_York: 20:00 in
		// Berlin is 14:00 in New York, which booking 1001 holds.
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-02T20:00', { attendeeTimeZone: 'Europe/Berlin' }),
		);
		expect(result.error?.message).toBe(
			'Start "2027-03-02T20:00" has no offset, so it was read in the Attendee Time Zone: 2027-03-02T20:00:00+01:00 (Europe/Berlin) is not a free slot. Nearest free slots: 2027-03-02T18:30:00+01:00, 2027-03-02T19:00:00+01:00, 2027-03-02T19:30:00+01:00, 2027-03-02T20:30:00+01:00, 2027-03-02T21:00:00+01:00; in your Cal.com time zone (America/New_York): 2027-03-02T12:30:00-05:00, 2027-03-02T13:00:00-05:00, 2027-03-02T13:30:00-05:00, 2027-03-02T14:30:00-05:00, 2027-03-02T15:00:00-05:00',
		);
		expect(posts(sandbox)).toHaveLength(0);
		expect(sandbox.requests.filter((r) => r.path === '/v2/me')).toHaveLength(1);
	});

	it('a taken start with an offset: no reading to explain, the slots in both zones', async () => {
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-02T14:00:00-05:00', { attendeeTimeZone: 'Europe/Berlin' }),
		);
		expect(result.error?.message).toBe(
			'2027-03-02T20:00:00+01:00 (Europe/Berlin) is not a free slot. Nearest free slots: 2027-03-02T18:30:00+01:00, 2027-03-02T19:00:00+01:00, 2027-03-02T19:30:00+01:00, 2027-03-02T20:30:00+01:00, 2027-03-02T21:00:00+01:00; in your Cal.com time zone (America/New_York): 2027-03-02T12:30:00-05:00, 2027-03-02T13:00:00-05:00, 2027-03-02T13:30:00-05:00, 2027-03-02T14:30:00-05:00, 2027-03-02T15:00:00-05:00',
		);
		expect(posts(sandbox)).toHaveLength(0);
	});

	it('a free start asks nothing more than before: no GET /v2/me', async () => {
		const result = await runCalCom(sandbox, createParams('2027-03-15T09:00'));
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.filter((r) => r.path === '/v2/me')).toHaveLength(0);
	});

	// Cal.com's source answers "slot taken" 400 (errors.service.ts); hosted Cal.com answers 409.
	it.each([400, 409] as const)(
		"turns Cal.com's %i slot-taken answer into the nearest free slots when the pre-check is off",
		async (status) => {
			sandbox.build.slotTakenStatus = status;
			const result = await runCalCom(
				sandbox,
				createParams('2027-03-02T14:00', { options: { checkAvailability: false } }),
			);
			expect(result.error?.message).toBe(
				'Start "2027-03-02T14:00" has no offset, so it was read in the Attendee Time Zone: 2027-03-02T14:00:00-05:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-02T12:30:00-05:00, 2027-03-02T13:00:00-05:00, 2027-03-02T13:30:00-05:00, 2027-03-02T14:30:00-05:00, 2027-03-02T15:00:00-05:00',
			);
			expect(posts(sandbox).map((r) => r.status)).toEqual([status]);
		},
	);

	it.each([400, 409] as const)(
		"turns Cal.com's %i slot-taken answer to a reschedule into the nearest free slots, counting the booking's own time as free",
		async (status) => {
			sandbox.build.slotTakenStatus = status;
			const created = await runCalCom(sandbox, createParams('2027-03-15T13:00:00Z'));
			expect(created.error).toBeUndefined();
			const uid = created.items[0].json.uid as string;
			// Booking 1001 holds 2027-03-02 14:00 New York.
			const moved = await runCalCom(sandbox, {
				resource: 'booking',
				operation: 'reschedule',
				bookingUid: uid,
				start: '2027-03-02T14:00',
				timeZone: 'America/New_York',
			});
			expect(moved.error?.message).toBe(
				'2027-03-02T14:00:00-05:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-02T12:30:00-05:00, 2027-03-02T13:00:00-05:00, 2027-03-02T13:30:00-05:00, 2027-03-02T14:30:00-05:00, 2027-03-02T15:00:00-05:00',
			);
			const reschedules = sandbox.requests.filter(
				(r) => r.method === 'POST' && r.path === `/v2/bookings/${uid}/reschedule`,
			);
			expect(reschedules.map((r) => r.status)).toEqual([status]);
			expect(
				sandbox.requests.some(
					(r) => r.path === '/v2/slots' && r.query.bookingUidToReschedule === uid,
				),
			).toBe(true);
			expect(sandbox.state.bookings.find((b) => b.uid === uid)?.status).toBe('accepted');
		},
	);

	it('after a timeout on create, finds the booking that was made instead of booking twice', async () => {
		// Held until the node gives up; the 3 s Timeout is room for the normal answers around it.
		sandbox.injectFault({ kind: 'timeout', method: 'POST', path: '/v2/bookings' });
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-15T13:00:00Z', { options: { timeoutSeconds: 3 } }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			start: '2027-03-15T13:00:00.000Z',
			status: 'accepted',
		});
		expect(posts(sandbox)).toHaveLength(1);
		const anas = sandbox.state.bookings.filter((b) =>
			JSON.stringify(b).includes('ana@example.com'),
		);
		expect(anas).toHaveLength(1);
		expect(sandbox.requests.some((r) => r.method === 'GET' && r.path === '/v2/bookings')).toBe(
			true,
		);
	});

	it('after a 500 on create with no booking made, reports the error without repeating the create', async () => {
		sandbox.injectFault({ kind: '500', method: 'POST', path: '/v2/bookings' });
		const result = await runCalCom(sandbox, createParams('2027-03-15T13:00:00Z'));
		expect(result.error?.message).toMatch(/^Cal\.com had a server error \(HTTP 500\)/);
		expect(posts(sandbox)).toHaveLength(1);
		expect(
			sandbox.state.bookings.filter((b) => JSON.stringify(b).includes('ana@example.com')),
		).toHaveLength(0);
	});

	it('books a recurring series as one item per occurrence', async () => {
		const result = await runCalCom(
			sandbox,
			createParams('2027-03-15T11:00', {
				...byId(15),
				bookingQuestions: {},
				additionalFields: { recurrenceCount: 3 },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.start)).toHaveLength(3);
		const recurringUid = result.items[0].json.recurringBookingUid as string;
		expect(recurringUid).toBeTruthy();
		const series = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'get',
			bookingUid: recurringUid,
		});
		expect(series.items).toHaveLength(3);
	});
});

describe('Booking: owner actions', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	const act = (operation: string, parameters: IDataObject, username = 'bailey') =>
		runCalCom(sandbox, { resource: 'booking', operation, ...parameters } as INodeParameters, {
			username,
		});

	it('gets a booking by UID, and says which one was not found', async () => {
		const found = await act('get', { bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv' });
		expect(found.items[0].json).toMatchObject({
			uid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			start: '2027-03-02T19:00:00.000Z',
			startLocal: expect.any(String),
		});
		const raw = await act('get', { bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv', output: 'raw' });
		expect(raw.items[0].json).toHaveProperty('hosts');
		const missing = await act('get', { bookingUid: 'NoSuchBooking000000000' });
		expect(missing.error?.message).toBe(
			'Booking NoSuchBooking000000000 was not found. Check the booking UID (the "uid" field, not the numeric ID).',
		);
	});

	it('refuses a UID that would change the route before any request', async () => {
		const result = await act('get', { bookingUid: '../me' });
		expect(result.error?.message).toBe(
			'Booking UID: "../me" is not a booking UID (letters, digits, - and _ only).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('confirms a booking that waits for confirmation', async () => {
		const result = await act('confirm', { bookingUid: 'PendingDeepDiveLena001' }, 'lena');
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('accepted');
	});

	it('declines a booking that waits for confirmation, with a reason', async () => {
		const result = await act(
			'decline',
			{ bookingUid: 'PendingDeepDiveLena001', reason: 'Fully booked' },
			'lena',
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('rejected');
	});

	it("gives Cal.com's error clearly when marking a no-show before the meeting starts", async () => {
		const result = await act('markNoShow', {
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			absentAttendees: 'priya@acme.example',
		});
		expect(result.error?.message).toMatch(
			/^Cal\.com rejected the request: Bookings can only be marked as absent after their scheduled start time/,
		);
	});

	it('marks attendees and the host absent after the meeting', async () => {
		const result = await act('markNoShow', {
			bookingUid: 'PastBailey15min0000001',
			hostAbsent: true,
			absentAttendees: 'dana@wu.example',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			absentHost: true,
			attendees: [expect.objectContaining({ email: 'dana@wu.example', absent: true })],
		});
		const body = sandbox.requests.find((r) => r.path.endsWith('/mark-absent'))?.body;
		expect(body).toEqual({ host: true, attendees: [{ email: 'dana@wu.example', absent: true }] });
	});

	it('needs someone to mark absent', async () => {
		const result = await act('markNoShow', { bookingUid: 'PastBailey15min0000001' });
		expect(result.error?.message).toBe(
			'Absent Attendee Emails: name at least one absent attendee, or switch on Host Absent.',
		);
	});

	it('reassigns a round-robin booking automatically and to a given user', async () => {
		// bailey owns the team; a plain member may not reassign.
		const refused = await act(
			'reassign',
			{ bookingUid: 'Rr53SupportLenaKenji01', reassignMode: 'automatic' },
			'lena',
		);
		expect(refused.error?.message).toBe(
			'Cal.com refused the request (403 Forbidden): You do not have permission to reassign this booking',
		);
		const automatic = await act('reassign', {
			bookingUid: 'Rr53SupportLenaKenji01',
			reassignMode: 'automatic',
		});
		expect(automatic.error).toBeUndefined();
		// Cal.com's answer (ReassignBookingOutput_2024_08_13) is passed on: the new host with displayEmail.
		expect(automatic.items[0].json).toEqual({
			bookingUid: 'Rr53SupportLenaKenji01',
			reassignedTo: {
				id: 3,
				name: 'Kenji Sato',
				email: 'kenji@example.com',
				displayEmail: 'kenji@example.com',
			},
		});
		const toUser = await act('reassign', {
			bookingUid: 'Rr53SupportLenaKenji01',
			reassignMode: 'user',
			userId: 2,
			reason: 'Speaks German',
		});
		expect(toUser.error).toBeUndefined();
		expect(toUser.items[0].json).toEqual({
			bookingUid: 'Rr53SupportLenaKenji01',
			reassignedTo: {
				id: 2,
				name: expect.any(String),
				email: 'lena@example.com',
				displayEmail: 'lena@example.com',
			},
		});
	});

	it('adds guests and updates the location', async () => {
		const guests = await act('addGuests', {
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			guestEmails: 'bo@example.com, cy@example.com',
		});
		expect(guests.error).toBeUndefined();
		expect(sandbox.requests.find((r) => r.path.endsWith('/guests'))?.body).toEqual({
			guests: [{ email: 'bo@example.com' }, { email: 'cy@example.com' }],
		});
		const location = await act('updateLocation', {
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			locationType: 'link',
			locationValue: 'https://meet.example.com/abc',
		});
		expect(location.error).toBeUndefined();
		expect(sandbox.requests.find((r) => r.path.endsWith('/location'))?.body).toEqual({
			location: { type: 'link', link: 'https://meet.example.com/abc' },
		});
		expect(location.items[0].json.location).toBe('https://meet.example.com/abc');
	});

	it('refuses more than 10 guests at once before any request', async () => {
		const emails = Array.from({ length: 11 }, (_, index) => `g${index}@example.com`).join(',');
		const result = await act('addGuests', {
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			guestEmails: emails,
		});
		expect(result.error?.message).toBe(
			'Guest Emails: Cal.com adds at most 10 guests per request; 11 were given.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Booking → Create for an event type Cal.com does not know', () => {
	const current = useSandbox();

	it('names the event type when the free-slot check answers 404 "Event Type not found", and books nothing', async () => {
		const sandbox = current();
		const result = await runCalCom(sandbox, createParams('2027-03-15T10:00', byId(999)));
		expect(result.error?.message).toBe(
			'Event type 999 was not found. Pick it from the Event Type list, or check the ID (Event Type → Get Many lists yours)',
		);
		expect((result.error as { description?: string }).description).toBe(
			'Cal.com said: Event Type not found',
		);
		expect(posts(sandbox)).toHaveLength(0);
	});
});
