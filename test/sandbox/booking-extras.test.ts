import { attendee, book, BOOKINGS, NOW, post } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const PAST = 'PastBailey15min0000001';
const FUTURE = 'kEQ6lyUVxK9sKQNFvjgrCv';

describe('sandbox booking attendees and records', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests()).toEqual([]));

	const get = (path: string, key = bailey) => call(sandbox, path, { key, version: BOOKINGS });
	const message = (res: { json: { error: { message: string } } }) => res.json.error.message;

	it('lists attendees with ids, reads one, adds one, and refuses an attendee already there', async () => {
		const list = await get(`/v2/bookings/${FUTURE}/attendees`);
		expect(list.status).toBe(200);
		expect(
			responseProblems('GET', '/v2/bookings/{bookingUid}/attendees', 200, list.json, BOOKINGS),
		).toEqual([]);
		const first = list.json.data[0];
		expect(first).toMatchObject({ id: expect.any(Number), absent: false });
		const one = await get(`/v2/bookings/${FUTURE}/attendees/${first.id}`);
		expect(one.json.data).toEqual(first);
		const missing = await get(`/v2/bookings/${FUTURE}/attendees/999999`);
		expect([missing.status, message(missing)]).toEqual([
			404,
			`Attendee with id 999999 not found in booking ${FUTURE}`,
		]);
		const added = await post(
			sandbox,
			`/v2/bookings/${FUTURE}/attendees`,
			{ name: 'Eve Ng', email: 'eve@example.com', timeZone: 'Europe/Berlin' },
			bailey,
		);
		expect(added.status).toBe(201);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/attendees', 201, added.json, BOOKINGS),
		).toEqual([]);
		expect(added.json.data).toMatchObject({ name: 'Eve Ng', bookingId: expect.any(Number) });
		const twice = await post(
			sandbox,
			`/v2/bookings/${FUTURE}/attendees`,
			{ name: 'Eve', email: 'EVE@example.com', timeZone: 'Europe/Berlin' },
			bailey,
		);
		expect([twice.status, message(twice)]).toEqual([400, 'emails_must_be_unique_valid']);
	});

	it('refuses a user without access to the booking with the guard’s 403, for unknown UIDs too', async () => {
		const other = await get(`/v2/bookings/${FUTURE}/attendees`, lena);
		expect([other.status, message(other)]).toEqual([
			403,
			`BookingPbacGuard - user with id=2 does not have access to booking with uid=${FUTURE}`,
		]);
		const unknown = await get('/v2/bookings/NoSuchBooking000000000/recordings');
		expect(unknown.status).toBe(403);
	});

	it('gives the recordings, transcripts and sessions of a past Cal Video meeting', async () => {
		for (const [what, template] of [
			['recordings', '/v2/bookings/{bookingUid}/recordings'],
			['transcripts', '/v2/bookings/{bookingUid}/transcripts'],
			['conferencing-sessions', '/v2/bookings/{bookingUid}/conferencing-sessions'],
		]) {
			const res = await get(`/v2/bookings/${PAST}/${what}`);
			expect(res.status).toBe(200);
			expect(res.json.data).toHaveLength(1);
			expect(responseProblems('GET', template, 200, res.json, BOOKINGS)).toEqual([]);
		}
		const none = await get(`/v2/bookings/${FUTURE}/recordings`);
		expect(none.json.data).toEqual([]);
		const noRoom = await get('/v2/bookings/YgCPUQTa2ppgMvBeo1Q2Gj/transcripts');
		expect([noRoom.status, message(noRoom)]).toEqual([
			404,
			'No Cal Video reference found with booking uid YgCPUQTa2ppgMvBeo1Q2Gj',
		]);
	});

	it('gives references to the organizer only, filtered by type', async () => {
		const all = await get(`/v2/bookings/${PAST}/references`);
		expect(all.json.data.map((r: { type: string }) => r.type)).toEqual([
			'daily_video',
			'google_calendar',
		]);
		expect(
			responseProblems('GET', '/v2/bookings/{bookingUid}/references', 200, all.json, BOOKINGS),
		).toEqual([]);
		const calendars = await get(`/v2/bookings/${PAST}/references?type=google_calendar`);
		expect(calendars.json.data).toEqual([
			{
				id: 5102,
				type: 'google_calendar',
				eventUid: 'g7c0ab12pastbailey15',
				destinationCalendarId: 'bailey@example.com',
			},
		]);
		const notOwner = await get(`/v2/bookings/${PAST}/references`, lena);
		expect([notOwner.status, message(notOwner)]).toEqual([
			400,
			`Booking with uid ${PAST} does not belong to user`,
		]);
	});

	it('builds the add-to-calendar links as Cal.com does', async () => {
		const res = await get(`/v2/bookings/${PAST}/calendar-links`);
		expect(res.status).toBe(200);
		expect(
			responseProblems('GET', '/v2/bookings/{bookingUid}/calendar-links', 200, res.json, BOOKINGS),
		).toEqual([]);
		const [google, office, outlook, ics] = res.json.data as Array<{ label: string; link: string }>;
		expect([google.label, office.label, outlook.label, ics.label]).toEqual([
			'Google Calendar',
			'Microsoft Office',
			'Microsoft Outlook',
			'ICS',
		]);
		expect(google.link).toBe(
			'https://calendar.google.com/calendar/r/eventedit?dates=20270226T150000Z/20270226T151500Z&text=15 Min Meeting between Bailey Brooks and Dana Wu&details=A%20quick%20chat.',
		);
		expect(office.link).toContain('startdt=2027-02-26T15:00:00Z');
		expect(outlook.link).toContain('path=%252Fcalendar%252Faction%252Fcompose');
		const calendar = decodeURIComponent(ics.link.replace('data:text/calendar,', ''));
		expect(calendar).toContain('DTSTART:20270226T150000Z');
		expect(calendar).toContain('DURATION:PT15M');
		const unknown = await get('/v2/bookings/NoSuchBooking000000000/calendar-links');
		expect([unknown.status, message(unknown)]).toEqual([
			404,
			'Booking with uid NoSuchBooking000000000 not found',
		]);
	});

	it('finds a booking by seat UID, showing only that seat when attendees are hidden', async () => {
		const et = sandbox.state.eventTypes.find((e) => e.id === 11);
		if (et) et.seatsPerTimeSlot = 3;
		const seats: string[] = [];
		for (const [name, email] of [
			['Ana', 'ana@example.com'],
			['Bo', 'bo@example.com'],
		]) {
			const res = await book(sandbox, {
				eventTypeId: 11,
				start: '2027-03-15T13:00:00Z',
				attendee: attendee(name, email),
			});
			seats.push(res.json.data.seatUid);
		}
		const anonymous = await call(sandbox, `/v2/bookings/by-seat/${seats[1]}`, {
			version: BOOKINGS,
		});
		expect(anonymous.status).toBe(200);
		expect(anonymous.json.data.attendees.map((a: { name: string }) => a.name)).toEqual(['Bo']);
		const owner = await get(`/v2/bookings/by-seat/${seats[1]}`);
		expect(owner.json.data.attendees).toHaveLength(2);
		const missing = await get('/v2/bookings/by-seat/no-such-seat');
		expect([missing.status, message(missing)]).toEqual([
			404,
			'Booking with seatUid=no-such-seat was not found in the database',
		]);
	});
});
