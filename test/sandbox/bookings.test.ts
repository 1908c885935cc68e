import { attendee, book, BOOKINGS, NOW, post, slotStarts } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const TAKEN = 'User either already has booking at this time or is not available';

describe('sandbox bookings: create, get, reschedule', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const message = (res: { json: { error: { message: string } } }) => res.json.error.message;

	it('creates a booking by event type id: 201, documented shape, stored with attendee, location, metadata and uid', async () => {
		const res = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00.000Z',
			guests: ['sam@acme.example'],
			metadata: { crmId: 'A-1' },
			bookingFieldsResponses: { notes: 'Agenda attached' },
		});
		expect(res.status).toBe(201);
		expect(responseProblems('POST', '/v2/bookings', 201, res.json, BOOKINGS)).toEqual([]);
		expect(res.json.data).toMatchObject({
			status: 'accepted',
			start: '2027-03-02T15:00:00.000Z',
			end: '2027-03-02T15:15:00.000Z',
			duration: 15,
			eventType: { id: 11, slug: '15min' },
			location: 'integrations:daily',
			description: 'Agenda attached',
			guests: ['sam@acme.example'],
			metadata: { crmId: 'A-1' },
			hosts: [{ id: 1, username: 'bailey', email: 'bailey@example.com' }],
			createdAt: '2027-03-01T08:00:00.000Z',
		});
		expect(res.json.data.uid).toMatch(/^[A-Za-z0-9]{22}$/);
		expect(res.json.data.attendees[0]).toMatchObject({
			name: 'Priya Natarajan',
			email: 'priya@acme.example',
			absent: false,
		});
		expect(res.json.data.bookingFieldsResponses).toMatchObject({
			name: 'Priya Natarajan',
			email: 'priya@acme.example',
			notes: 'Agenda attached',
		});
		expect(sandbox.state.bookings.some((b) => b.uid === res.json.data.uid)).toBe(true);
		expect(sandbox.events.map((e) => [e.type, e.bookingUid])).toEqual([
			['BOOKING_CREATED', res.json.data.uid],
		]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('finds the event type by username + slug and by team slug + slug; round robin picks the free host with fewest bookings', async () => {
		const byUser = await book(sandbox, {
			eventTypeSlug: '15min',
			username: 'bailey',
			start: '2027-03-02T15:00:00Z',
		});
		expect(byUser.status).toBe(201);
		const byTeam = await book(sandbox, {
			eventTypeSlug: 'onboarding',
			teamSlug: 'customer-success',
			start: '2027-03-03T15:00:00Z',
		});
		expect(byTeam.status).toBe(201);
		expect(byTeam.json.data.hosts.map((h: { id: number }) => h.id)).toEqual([1]);
		const collective = await book(sandbox, { eventTypeId: 52, start: '2027-03-02T14:00:00Z' });
		expect(collective.status).toBe(201);
		expect(collective.json.data.hosts.map((h: { id: number }) => h.id)).toEqual([1, 2]);
	});

	it('answers a missing event type with Cal.com’s 404 texts', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ eventTypeId: 999 }, 'Event type with id 999 not found.'],
			[
				{ eventTypeSlug: 'nope', username: 'bailey' },
				'Event type with slug nope belonging to user bailey not found.',
			],
			[
				{ eventTypeSlug: 'nope', teamSlug: 'customer-success' },
				'Event type with slug nope belonging to team customer-success not found.',
			],
			[{ eventTypeSlug: '15min', username: 'ghost' }, 'User with username ghost not found'],
			[{ eventTypeSlug: 'x', teamSlug: 'ghosts' }, 'Team with slug ghosts not found'],
		];
		for (const [body, text] of cases) {
			const res = await book(sandbox, { ...body, start: '2027-03-02T15:00:00Z' });
			expect([res.status, message(res)]).toEqual([404, text]);
		}
	});

	it('refuses the past, the minimum notice and taken or unavailable times, in that order', async () => {
		const past = await book(sandbox, { eventTypeId: 11, start: '2027-02-28T15:00:00Z' });
		expect([past.status, message(past)]).toEqual([
			400,
			'Attempting to book a meeting in the past.',
		]);
		const soon = await book(sandbox, { eventTypeId: 13, start: '2027-03-01T09:00:00Z' });
		expect(soon.status).toBe(400);
		expect(message(soon)).toMatch(
			/^The event type can't be booked at the "start" time provided\. This could be because it's too soon/,
		);
		const taken = await book(sandbox, { eventTypeId: 11, start: '2027-03-02T19:00:00Z' });
		expect([taken.status, taken.json.error.code, message(taken)]).toEqual([
			400,
			'BadRequestException',
			TAKEN,
		]);
		const night = await book(sandbox, { eventTypeId: 11, start: '2027-03-02T03:00:00Z' });
		expect([night.status, message(night)]).toEqual([400, TAKEN]);
		const team = await book(sandbox, { eventTypeId: 52, start: '2027-03-02T20:00:00Z' });
		expect([team.status, message(team)]).toEqual([
			400,
			'One of the hosts either already has booking at this time or is not available',
		]);
	});

	it('answers a taken time 409 ConflictException with the same texts when playing hosted Cal.com', async () => {
		sandbox.build.slotTakenStatus = 409;
		const taken = await book(sandbox, { eventTypeId: 11, start: '2027-03-02T19:00:00Z' });
		expect([taken.status, taken.json.error.code, message(taken)]).toEqual([
			409,
			'ConflictException',
			TAKEN,
		]);
		const team = await book(sandbox, { eventTypeId: 52, start: '2027-03-02T20:00:00Z' });
		expect([team.status, message(team)]).toEqual([
			409,
			'One of the hosts either already has booking at this time or is not available',
		]);
		const past = await book(sandbox, { eventTypeId: 11, start: '2027-02-28T15:00:00Z' });
		expect(past.status).toBe(400);
		sandbox.reset();
		expect(sandbox.build.slotTakenStatus).toBe(400);
	});

	it('checks custom booking fields: required, type and option, with Cal.com’s texts', async () => {
		const base = { eventTypeId: 12, start: '2027-03-02T15:00:00Z' };
		const ok = { company: 'Acme', 'team-size': '11-50', 'accept-terms': true };
		const missing = await book(sandbox, {
			...base,
			bookingFieldsResponses: { 'team-size': '1-10', 'accept-terms': true },
		});
		expect([missing.status, message(missing)]).toEqual([
			400,
			'Missing required booking field response: company - it is required by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch the event type with ID 12 to see the required fields.',
		]);
		const wrongType = await book(sandbox, {
			...base,
			bookingFieldsResponses: { ...ok, 'seats-needed': '25' },
		});
		expect(message(wrongType)).toBe(
			"Invalid type for booking field 'seats-needed'. Expected type number (compatible with field type 'number'), but received string.",
		);
		const wrongOption = await book(sandbox, {
			...base,
			bookingFieldsResponses: { ...ok, 'team-size': 'huge' },
		});
		expect(message(wrongOption)).toBe(
			"Invalid option 'huge' for booking field 'team-size'. Allowed options are: 1-10, 11-50, 51-200, 200+.",
		);
		const wrongMulti = await book(sandbox, {
			...base,
			bookingFieldsResponses: { ...ok, topics: ['Pricing', 'Gossip'] },
		});
		expect(message(wrongMulti)).toBe(
			"One or more invalid options for booking field 'topics'. Allowed options are: Pricing, Integrations, Security, Onboarding.",
		);
		const good = await book(sandbox, {
			...base,
			bookingFieldsResponses: { ...ok, topics: ['Pricing'] },
			location: { type: 'phone' },
		});
		expect(good.status).toBe(201);
		expect(good.json.data.location).toBe('+12125550123');
		expect(good.json.data.bookingFieldsResponses).toMatchObject(ok);
	});

	it('takes lengthInMinutes only where offered, instant only for team event types, and enforces the metadata limits', async () => {
		const single = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			lengthInMinutes: 30,
		});
		expect(message(single)).toBe(
			"Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
		);
		const notOffered = await book(sandbox, {
			eventTypeId: 21,
			start: '2027-03-02T09:00:00Z',
			lengthInMinutes: 45,
		});
		expect(message(notOffered)).toBe(
			"Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: 30, 60",
		);
		const long = await book(sandbox, {
			eventTypeId: 21,
			start: '2027-03-02T09:00:00Z',
			lengthInMinutes: 60,
		});
		expect([long.status, long.json.data.duration]).toEqual([201, 60]);
		const instant = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			instant: true,
		});
		expect([instant.status, message(instant)]).toEqual([
			400,
			'Instant bookings are only supported for team event types, not individual user event types.',
		]);
		const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
		const metadata = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			metadata: many,
		});
		expect([metadata.status, message(metadata)]).toEqual([
			400,
			// CreateBookingInputPipe's format: no space after "wrong,", a trailing space.
			'metadata property is wrong,Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters. ',
		]);
		const tooLong = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			metadata: { note: 'x'.repeat(501) },
		});
		expect(tooLong.status).toBe(400);
	});

	it('leaves event types that need confirmation pending, and books recurring event types as an array of occurrences', async () => {
		const pending = await book(sandbox, { eventTypeId: 22, start: '2027-03-02T10:00:00Z' });
		expect([pending.status, pending.json.data.status]).toEqual([201, 'pending']);
		const series = await book(sandbox, {
			eventTypeId: 15,
			start: '2027-03-03T15:00:00Z',
			recurrenceCount: 3,
		});
		expect(series.status).toBe(201);
		expect(responseProblems('POST', '/v2/bookings', 201, series.json, BOOKINGS)).toEqual([]);
		expect(series.json.data.map((b: { start: string }) => b.start)).toEqual([
			'2027-03-03T15:00:00.000Z',
			'2027-03-10T15:00:00.000Z',
			'2027-03-17T15:00:00.000Z',
		]);
		const recurringUid = series.json.data[0].recurringBookingUid;
		expect(
			series.json.data.every(
				(b: { recurringBookingUid: string }) => b.recurringBookingUid === recurringUid,
			),
		).toBe(true);
		const all = await call(sandbox, `/v2/bookings/${recurringUid}`, { version: BOOKINGS });
		expect(all.json.data).toHaveLength(3);
		expect(responseProblems('GET', '/v2/bookings/{bookingUid}', 200, all.json, BOOKINGS)).toEqual(
			[],
		);
		const tooMany = await book(sandbox, {
			eventTypeId: 15,
			start: '2027-03-04T15:00:00Z',
			recurrenceCount: 5,
		});
		expect(tooMany.status).toBe(400);
		expect(sandbox.events.map((e) => e.type)).toEqual([
			'BOOKING_REQUESTED',
			'BOOKING_CREATED',
			'BOOKING_CREATED',
			'BOOKING_CREATED',
		]);
	});

	it('lets a host override conflicts and notice with 2026-02-25, and nobody else', async () => {
		const body = { eventTypeId: 11, start: '2027-03-02T19:00:00Z', allowConflicts: true };
		expect((await book(sandbox, body, undefined, '2026-02-25')).status).toBe(400);
		expect((await book(sandbox, body, sandbox.apiKeyFor('lena'), '2026-02-25')).status).toBe(400);
		const host = await book(sandbox, body, bailey, '2026-02-25');
		expect(host.status).toBe(201);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('GET /v2/bookings/{uid}: the booking, or 404 "Booking with uid=… was not found in the database"', async () => {
		const res = await call(sandbox, '/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv', { version: BOOKINGS });
		expect(res.status).toBe(200);
		expect(responseProblems('GET', '/v2/bookings/{bookingUid}', 200, res.json, BOOKINGS)).toEqual(
			[],
		);
		expect(res.json.data).toMatchObject({
			uid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			status: 'accepted',
			description: null,
		});
		const cancelled = await call(sandbox, '/v2/bookings/Wd3You42ns8R9HDNGAiK3I', {
			version: '2026-02-25',
		});
		expect(cancelled.json.data).toMatchObject({
			status: 'cancelled',
			cancellationReason: 'Conflict',
			cancelledByEmail: 'tom@lee.example',
		});
		const missing = await call(sandbox, '/v2/bookings/doesNotExist', { version: BOOKINGS });
		expect([missing.status, message(missing)]).toEqual([
			404,
			'Booking with uid=doesNotExist was not found in the database',
		]);
	});

	it('runs the loop slots → create → slot gone → reschedule → old slot free → cancel → slot free again', async () => {
		const day = '2027-03-02';
		expect(await slotStarts(sandbox, 11, day)).toEqual(
			expect.arrayContaining(['2027-03-02T15:00:00.000Z', '2027-03-02T16:00:00.000Z']),
		);
		const created = await book(sandbox, { eventTypeId: 11, start: '2027-03-02T15:00:00.000Z' });
		const uid = created.json.data.uid;
		expect(await slotStarts(sandbox, 11, day)).not.toContain('2027-03-02T15:00:00.000Z');

		const moved = await post(sandbox, `/v2/bookings/${uid}/reschedule`, {
			start: '2027-03-02T16:00:00.000Z',
			reschedulingReason: 'Clash',
		});
		expect(moved.status).toBe(201);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/reschedule', 201, moved.json, BOOKINGS),
		).toEqual([]);
		expect(moved.json.data).toMatchObject({
			rescheduledFromUid: uid,
			reschedulingReason: 'Clash',
			status: 'accepted',
			start: '2027-03-02T16:00:00.000Z',
		});
		const newUid = moved.json.data.uid;
		expect(newUid).not.toBe(uid);
		const slotsAfter = await slotStarts(sandbox, 11, day);
		expect(slotsAfter).toContain('2027-03-02T15:00:00.000Z');
		expect(slotsAfter).not.toContain('2027-03-02T16:00:00.000Z');
		const old = await call(sandbox, `/v2/bookings/${uid}`, { version: BOOKINGS });
		expect(old.json.data).toMatchObject({ status: 'cancelled', rescheduledToUid: newUid });

		const again = await post(sandbox, `/v2/bookings/${uid}/reschedule`, {
			start: '2027-03-02T17:00:00.000Z',
		});
		expect([again.status, message(again)]).toEqual([
			400,
			`Can't reschedule booking with uid=${uid} because it has been cancelled and rescheduled already to booking with uid=${newUid}. You probably want to reschedule ${newUid} instead by passing it within the request URL.`,
		]);
		const cancelled = await post(sandbox, `/v2/bookings/${newUid}/cancel`, {
			cancellationReason: 'No longer needed',
		});
		expect(cancelled.status).toBe(200);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/cancel', 200, cancelled.json, BOOKINGS),
		).toEqual([]);
		expect(cancelled.json.data).toMatchObject({
			status: 'cancelled',
			cancellationReason: 'No longer needed',
		});
		expect(await slotStarts(sandbox, 11, day)).toContain('2027-03-02T16:00:00.000Z');
		const twice = await post(sandbox, `/v2/bookings/${newUid}/reschedule`, {
			start: '2027-03-02T17:00:00.000Z',
		});
		expect(message(twice)).toBe(
			`Can't reschedule booking with uid=${newUid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
		);
		expect(sandbox.events.map((e) => e.type)).toEqual([
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
		]);
		expect(sandbox.events[1]).toMatchObject({
			bookingUid: newUid,
			details: { rescheduleUid: uid },
			at: '2027-03-01T08:00:00.000Z',
		});
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('refuses a reschedule onto a taken time like a create, and auto-confirms when the organizer reschedules', async () => {
		const pending = await book(sandbox, {
			eventTypeId: 22,
			start: '2027-03-02T10:00:00Z',
			attendee: attendee('Ines', 'ines@x.example'),
		});
		const onto = await post(sandbox, `/v2/bookings/${pending.json.data.uid}/reschedule`, {
			start: '2027-03-03T09:00:00Z',
		});
		expect([onto.status, message(onto)]).toEqual([400, TAKEN]);
		const byGuest = await post(sandbox, `/v2/bookings/${pending.json.data.uid}/reschedule`, {
			start: '2027-03-02T13:00:00Z',
		});
		expect(byGuest.json.data.status).toBe('pending');
		const byOwner = await post(sandbox, `/v2/bookings/${byGuest.json.data.uid}/reschedule`, {
			start: '2027-03-02T11:00:00Z',
			rescheduledBy: 'lena@example.com',
		});
		expect(byOwner.json.data).toMatchObject({
			status: 'accepted',
			rescheduledByEmail: 'lena@example.com',
		});
	});
});
