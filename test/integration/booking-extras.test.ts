import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

const PAST = 'PastBailey15min0000001';
const FUTURE = 'kEQ6lyUVxK9sKQNFvjgrCv';
const booking = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'booking',
	operation,
	bookingUid: FUTURE,
	...extra,
});

describe('Booking attendees, records, calendar links and seats', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists the attendees with their IDs, reads one by ID, and adds one who then appears', async () => {
		const list = await runCalCom(sandbox, booking('getAttendees'));
		expect(list.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.headers['cal-api-version']).toBe('2024-08-13');
		const first = list.items[0].json;
		expect(first).toMatchObject({
			id: expect.any(Number),
			absent: false,
			timeZone: expect.any(String),
		});
		const one = await runCalCom(sandbox, booking('getAttendee', { attendeeId: first.id }));
		expect(one.items[0].json).toEqual(first);
		const added = await runCalCom(
			sandbox,
			booking('addAttendee', {
				attendeeName: 'Eve Ng',
				attendeeEmail: 'eve@example.com',
				attendeeTimeZone: 'Europe/Berlin',
				options: { language: 'de' },
			}),
		);
		expect(added.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.body).toEqual({
			name: 'Eve Ng',
			email: 'eve@example.com',
			timeZone: 'Europe/Berlin',
			language: 'de',
		});
		expect(added.items[0].json).toMatchObject({ name: 'Eve Ng', language: 'de', bookingId: 1001 });
		const after = await runCalCom(sandbox, booking('getAttendees', { output: 'raw' }));
		expect(after.items.map((item) => item.json.email)).toContain('eve@example.com');
	});

	it('says which attendee was not found, and repeats Cal.com’s refusal of an attendee already there', async () => {
		const missing = await runCalCom(sandbox, booking('getAttendee', { attendeeId: 999999 }));
		expect(missing.error?.message).toContain(
			`Attendee 999999 was not found in booking ${FUTURE}. Booking → Get Attendees lists`,
		);
		const twice = await runCalCom(
			sandbox,
			booking('addAttendee', {
				attendeeName: 'Priya',
				attendeeEmail: 'PRIYA@acme.example',
				attendeeTimeZone: 'UTC',
			}),
		);
		expect(twice.error?.message).toContain('emails_must_be_unique_valid');
	});

	it('repeats Cal.com’s refusal when the event type hides its guests question', async () => {
		const et = sandbox.state.eventTypes.find((e) => e.id === 12);
		const guests = et?.bookingFields.find((f) => (f as { slug?: string }).slug === 'guests');
		if (guests) (guests as { hidden?: boolean }).hidden = true;
		else et?.bookingFields.push({ slug: 'guests', hidden: true } as never);
		const result = await runCalCom(
			sandbox,
			booking('addAttendee', {
				attendeeName: 'Eve Ng',
				attendeeEmail: 'eve@example.com',
				attendeeTimeZone: 'Europe/Berlin',
			}),
		);
		expect(result.error?.message).toContain(
			'Cannot add guests to this booking. The guests field is disabled',
		);
	});

	it('tells a user without access to the booking that Cal.com refused them', async () => {
		const result = await runCalCom(sandbox, booking('getAttendees'), { username: 'lena' });
		expect(result.error?.message).toMatch(/does not have access to booking with uid=kEQ6/);
	});

	it('gives a past Cal Video meeting’s recording, transcript and session, simplified', async () => {
		const recordings = await runCalCom(sandbox, booking('getRecordings', { bookingUid: PAST }));
		expect(recordings.items.map((item) => item.json)).toEqual([
			{
				id: 'rec-pastbailey15-1',
				status: 'finished',
				start: '2027-02-26T15:01:00.000Z',
				durationSeconds: 780,
				downloadLink: 'https://cal-video-recordings.example/calvideo-pastbailey15/rec-1.mp4',
			},
		]);
		const transcripts = await runCalCom(sandbox, booking('getTranscripts', { bookingUid: PAST }));
		expect(transcripts.items.map((item) => item.json)).toEqual([
			{
				bookingUid: PAST,
				link: 'https://cal-video-transcripts.example/calvideo-pastbailey15/transcript-1.vtt',
			},
		]);
		const sessions = await runCalCom(
			sandbox,
			booking('getConferencingSessions', { bookingUid: PAST }),
		);
		expect(sessions.items[0].json).toMatchObject({
			start: '2027-02-26T15:00:00.000Z',
			durationSeconds: 840,
			ongoing: false,
			participants: [
				expect.objectContaining({ name: 'Bailey Brooks' }),
				expect.objectContaining({ name: 'Dana Wu', joined: '2027-02-26T15:01:00.000Z' }),
			],
		});
		const selected = await runCalCom(
			sandbox,
			booking('getRecordings', {
				bookingUid: PAST,
				output: 'selected',
				selectedFields: 'downloadLink',
			}),
		);
		expect(selected.items[0].json).toEqual({
			id: 'rec-pastbailey15-1',
			downloadLink: 'https://cal-video-recordings.example/calvideo-pastbailey15/rec-1.mp4',
		});
	});

	it('explains that a booking without a Cal Video meeting has no recordings', async () => {
		const result = await runCalCom(
			sandbox,
			booking('getTranscripts', { bookingUid: 'YgCPUQTa2ppgMvBeo1Q2Gj' }),
		);
		expect(result.error?.message).toContain(
			'Booking YgCPUQTa2ppgMvBeo1Q2Gj has no Cal Video meeting',
		);
	});

	it('lists references filtered by type, and says only the organizer may read them', async () => {
		const google = await runCalCom(
			sandbox,
			booking('getReferences', { bookingUid: PAST, options: { type: 'google_calendar' } }),
		);
		expect(sandbox.requests.at(-1)?.query).toEqual({ type: 'google_calendar' });
		expect(google.items.map((item) => item.json)).toEqual([
			{
				id: 5102,
				type: 'google_calendar',
				eventUid: 'g7c0ab12pastbailey15',
				destinationCalendarId: 'bailey@example.com',
			},
		]);
		const other = await runCalCom(sandbox, booking('getReferences', { bookingUid: PAST }), {
			username: 'lena',
		});
		expect(other.error?.message).toContain(`Booking with uid ${PAST} does not belong to user`);
	});

	it('gives one add-to-calendar link per calendar, keyed for an agent', async () => {
		const result = await runCalCom(sandbox, booking('getCalendarLinks', { bookingUid: PAST }));
		expect(result.items.map((item) => item.json.calendar)).toEqual([
			'google',
			'office365',
			'outlook',
			'ics',
		]);
		expect(String(result.items[0].json.link)).toMatch(
			/^https:\/\/calendar\.google\.com\/calendar\/r\/eventedit\?dates=20270226T150000Z\/20270226T151500Z/,
		);
		expect(String(result.items[3].json.link)).toMatch(/^data:text\/calendar,/);
	});

	it('finds a seated booking by a seat UID and says when no booking has that seat', async () => {
		const et = sandbox.state.eventTypes.find((e) => e.id === 11);
		if (et) et.seatsPerTimeSlot = 3;
		const created = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'create',
			lookup: 'eventTypeId',
			eventTypeId: { __rl: true, mode: 'id', value: '11' },
			start: '2027-03-15T13:00:00Z',
			attendeeName: 'Ana Silva',
			attendeeEmail: 'ana@example.com',
			attendeeTimeZone: 'America/New_York',
		});
		const seatUid = created.items[0].json.seatUid as string;
		expect(seatUid).toEqual(expect.any(String));
		const found = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'getBySeatUid',
			seatUid,
		});
		expect(found.items[0].json).toMatchObject({ uid: created.items[0].json.uid });
		expect(sandbox.requests.at(-1)?.path).toBe(`/v2/bookings/by-seat/${seatUid}`);
		const none = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'getBySeatUid',
			seatUid: 'no-such-seat',
		});
		expect(none.error?.message).toContain('No booking has the seat no-such-seat');
	});

	it('keeps going with Continue On Fail: the failed item stays paired with its input', async () => {
		const result = await runCalCom(
			sandbox,
			booking('getRecordings', { bookingUid: '={{ $json.uid }}' }),
			{ continueOnFail: true, inputItems: [{ uid: 'YgCPUQTa2ppgMvBeo1Q2Gj' }, { uid: PAST }] },
		);
		expect(result.items[0].json.error).toContain('has no Cal Video meeting');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toMatchObject({ id: 'rec-pastbailey15-1' });
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});
});
