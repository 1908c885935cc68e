import { book, BOOKINGS, NOW, post, slotStarts } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

describe('sandbox booking actions', () => {
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

	const message = (res: { json: { error: { message: string } } }) => res.json.error.message;
	const at = (uid: string, action: string) => `/v2/bookings/${uid}/${action}`;

	it('cancels (200), refuses a second cancel, and answers unknown uids with 404', async () => {
		const res = await post(
			sandbox,
			at('kEQ6lyUVxK9sKQNFvjgrCv', 'cancel'),
			{ cancellationReason: 'Moved on' },
			bailey,
		);
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({
			status: 'cancelled',
			cancellationReason: 'Moved on',
			cancelledByEmail: 'bailey@example.com',
		});
		const again = await post(sandbox, at('kEQ6lyUVxK9sKQNFvjgrCv', 'cancel'), {});
		expect([again.status, message(again)]).toEqual([
			400,
			"Can't cancel booking with uid=kEQ6lyUVxK9sKQNFvjgrCv because it has been cancelled already. Please provide uid of a booking that is not cancelled.",
		]);
		const missing = await post(sandbox, at('nope', 'cancel'), {});
		expect([missing.status, message(missing)]).toEqual([404, 'Booking with uid=nope not found']);
		expect(sandbox.events).toMatchObject([
			{
				type: 'BOOKING_CANCELLED',
				bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
				details: { cancellationReason: 'Moved on' },
			},
		]);
	});

	it('cancels every occurrence by recurringBookingUid, or this and later ones with cancelSubsequentBookings', async () => {
		const series = (
			await book(sandbox, { eventTypeId: 15, start: '2027-03-03T15:00:00Z', recurrenceCount: 3 })
		).json.data;
		const later = await post(sandbox, at(series[1].uid, 'cancel'), {
			cancelSubsequentBookings: true,
		});
		expect(later.status).toBe(200);
		expect(later.json.data.map((b: { status: string }) => b.status)).toEqual([
			'accepted',
			'cancelled',
			'cancelled',
		]);
		const all = await post(sandbox, at(series[0].recurringBookingUid, 'cancel'), {});
		expect(all.json.data.map((b: { status: string }) => b.status)).toEqual([
			'cancelled',
			'cancelled',
			'cancelled',
		]);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/cancel', 200, all.json, BOOKINGS),
		).toEqual([]);
		const single = await post(sandbox, at('YgCPUQTa2ppgMvBeo1Q2Gj', 'cancel'), {
			cancelSubsequentBookings: true,
		});
		expect([single.status, message(single)]).toEqual([
			400,
			'Booking with bookingUid=YgCPUQTa2ppgMvBeo1Q2Gj is not part of a recurring booking.',
		]);
	});

	it('confirms and declines pending bookings for their organizer only; a declined booking frees its slot', async () => {
		const notOwner = await post(
			sandbox,
			at('PendingDeepDiveLena001', 'confirm'),
			undefined,
			bailey,
		);
		expect(notOwner.status).toBe(403);
		const confirmed = await post(sandbox, at('PendingDeepDiveLena001', 'confirm'), undefined, lena);
		expect([confirmed.status, confirmed.json.data.status]).toEqual([200, 'accepted']);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/confirm', 200, confirmed.json, BOOKINGS),
		).toEqual([]);
		expect(
			(await post(sandbox, at('PendingDeepDiveLena001', 'confirm'), undefined, lena)).status,
		).toBe(400);
		const pending = await book(sandbox, { eventTypeId: 22, start: '2027-03-02T10:00:00Z' });
		expect(await slotStarts(sandbox, 22, '2027-03-02')).not.toContain('2027-03-02T10:00:00.000Z');
		const declined = await post(
			sandbox,
			at(pending.json.data.uid, 'decline'),
			{ reason: 'Fully booked' },
			lena,
		);
		expect([declined.status, declined.json.data.status]).toEqual([200, 'rejected']);
		expect(await slotStarts(sandbox, 22, '2027-03-02')).toContain('2027-03-02T10:00:00.000Z');
		expect((await post(sandbox, at('nope', 'decline'), {}, lena)).status).toBe(404);
		expect(sandbox.events.map((e) => e.type)).toEqual([
			'BOOKING_CREATED',
			'BOOKING_REQUESTED',
			'BOOKING_REJECTED',
		]);
		expect(sandbox.events[2].details).toEqual({ rejectionReason: 'Fully booked' });
	});

	it('marks absence only after the start on the calendar clock', async () => {
		const early = await post(
			sandbox,
			at('kEQ6lyUVxK9sKQNFvjgrCv', 'mark-absent'),
			{ host: true },
			bailey,
		);
		expect([early.status, message(early)]).toEqual([
			400,
			'Bookings can only be marked as absent after their scheduled start time. Current time in UTC+0: 2027-03-01T08:00:00.000Z, Booking start time in UTC+0: 2027-03-02T19:00:00.000Z',
		]);
		const res = await post(
			sandbox,
			at('PastBailey15min0000001', 'mark-absent'),
			{ attendees: [{ email: 'dana@wu.example', absent: true }] },
			bailey,
		);
		expect(res.status).toBe(200);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/mark-absent', 200, res.json, BOOKINGS),
		).toEqual([]);
		expect(res.json.data.attendees[0].absent).toBe(true);
		expect(sandbox.events[0]).toMatchObject({
			type: 'BOOKING_NO_SHOW_UPDATED',
			details: { attendees: [{ email: 'dana@wu.example', noShow: true }] },
		});
	});

	it('reassigns round-robin bookings to another free host, or to a chosen host, for team admins', async () => {
		const auto = await post(sandbox, at('Rr53SupportLenaKenji01', 'reassign'), undefined, bailey);
		expect(auto.status).toBe(200);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/reassign', 200, auto.json, BOOKINGS),
		).toEqual([]);
		expect(auto.json.data).toEqual({
			bookingUid: 'Rr53SupportLenaKenji01',
			reassignedTo: {
				id: 3,
				name: 'Kenji Sato',
				email: 'kenji@example.com',
				displayEmail: 'kenji@example.com',
			},
		});
		expect(sandbox.state.bookings.find((b) => b.uid === 'Rr53SupportLenaKenji01')?.userId).toBe(3);
		const member = await post(sandbox, at('hwmrAH8t1I3vthnx9usSx4', 'reassign'), undefined, lena);
		expect([member.status, message(member)]).toEqual([
			403,
			'You do not have permission to reassign this booking',
		]);
		const nobody = await post(sandbox, at('hwmrAH8t1I3vthnx9usSx4', 'reassign'), undefined, bailey);
		expect([nobody.status, message(nobody)]).toEqual([
			400,
			"Can't reassign the booking because no other host is available at that time.",
		]);
		const notHost = await post(
			sandbox,
			at('hwmrAH8t1I3vthnx9usSx4', 'reassign/3'),
			{ reason: 'Cover' },
			bailey,
		);
		expect(notHost.status).toBe(400);
		expect(message(notHost)).toMatch(/^User with id=3 is not a valid Round Robin host/);
		// A managed user's address carries "+<25 letters or digits>"; displayEmail drops it.
		const baileyUser = sandbox.state.users.find((u) => u.id === 1);
		if (baileyUser) baileyUser.email = 'bailey+clxyyy21o0003sbk7yw5z6tzg@example.com';
		const chosen = await post(
			sandbox,
			at('hwmrAH8t1I3vthnx9usSx4', 'reassign/1'),
			{ reason: 'Cover' },
			bailey,
		);
		expect(chosen.json.data.reassignedTo).toEqual({
			id: 1,
			name: baileyUser?.name,
			email: 'bailey+clxyyy21o0003sbk7yw5z6tzg@example.com',
			displayEmail: 'bailey@example.com',
		});
		expect(
			responseProblems(
				'POST',
				'/v2/bookings/{bookingUid}/reassign/{userId}',
				200,
				chosen.json,
				BOOKINGS,
			),
		).toEqual([]);
		expect(
			(await post(sandbox, at('kEQ6lyUVxK9sKQNFvjgrCv', 'reassign'), undefined, bailey)).status,
		).toBe(400);
		expect((await post(sandbox, at('nope', 'reassign'), undefined, bailey)).status).toBe(404);
		expect(sandbox.events.map((e) => e.type)).toEqual(['BOOKING_REASSIGNED', 'BOOKING_REASSIGNED']);
	});

	it('adds guests (≤ 10 per request, ≤ 30 per booking) under its own 5-per-minute limit', async () => {
		const uid = 'kEQ6lyUVxK9sKQNFvjgrCv';
		const guests = (n: number, from = 0) =>
			Array.from({ length: n }, (_, i) => ({
				email: `g${from + i}@x.example`,
				name: `G${from + i}`,
			}));
		const res = await post(sandbox, at(uid, 'guests'), { guests: guests(2) }, bailey);
		expect(res.status).toBe(200);
		expect(
			responseProblems('POST', '/v2/bookings/{bookingUid}/guests', 200, res.json, BOOKINGS),
		).toEqual([]);
		expect(res.json.data.guests).toEqual(['g0@x.example', 'g1@x.example']);
		expect(res.json.data.attendees).toHaveLength(3);
		expect((await post(sandbox, at(uid, 'guests'), { guests: guests(11) }, bailey)).status).toBe(
			400,
		);
		await post(sandbox, at(uid, 'guests'), { guests: guests(10, 10) }, bailey);
		await post(sandbox, at(uid, 'guests'), { guests: guests(10, 20) }, bailey);
		const full = await post(sandbox, at(uid, 'guests'), { guests: guests(9, 40) }, bailey); // 22 + 9 > 30
		expect(full.status).toBe(400);
		const throttled = await post(sandbox, at(uid, 'guests'), { guests: guests(1, 50) }, bailey);
		expect([throttled.status, throttled.json.error.code]).toEqual([429, 'ThrottlerException']);
		expect((await call(sandbox, '/v2/me', { key: bailey })).status).toBe(200);
	});

	it('updates the location (PATCH) for the organizer', async () => {
		const res = await call(sandbox, at('kEQ6lyUVxK9sKQNFvjgrCv', 'location'), {
			method: 'PATCH',
			key: bailey,
			version: BOOKINGS,
			body: { location: { type: 'attendeeAddress', address: '1 Main St, Springfield' } },
		});
		expect(res.status).toBe(200);
		expect(
			responseProblems('PATCH', '/v2/bookings/{bookingUid}/location', 200, res.json, BOOKINGS),
		).toEqual([]);
		expect(res.json.data.location).toBe('1 Main St, Springfield');
		expect(sandbox.events[0]).toMatchObject({
			type: 'BOOKING_LOCATION_UPDATED',
			booking: { location: '1 Main St, Springfield' },
		});
		const other = await call(sandbox, at('kEQ6lyUVxK9sKQNFvjgrCv', 'location'), {
			method: 'PATCH',
			key: lena,
			version: BOOKINGS,
			body: { location: { type: 'link', link: 'https://x.example' } },
		});
		expect(other.status).toBe(403);
	});
});
