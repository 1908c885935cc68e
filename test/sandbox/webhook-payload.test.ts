import { readFileSync } from 'node:fs';

import { book, BOOKINGS, NOW, post } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox, SandboxBookingEvent, SandboxTrigger } from './index';
import { call } from './test-helpers';
import { exampleFile } from './webhook-delivery';
import { bookingWebhookPayload, OMITTED_KEYS } from './webhook-payload';

const example = (trigger: string, version?: string) =>
	(
		JSON.parse(readFileSync(exampleFile(trigger, version) as string, 'utf8')) as {
			payload: Record<string, unknown>;
		}
	).payload;
const keys = (value: object) => Object.keys(value).sort();
const ANSWERS = {
	company: 'Acme',
	'team-size': '11-50',
	'accept-terms': true,
	notes: 'Bring the Q1 numbers',
};

/** Keys every full booking payload carries (§8.3 and the fullest example, BOOKING_CREATED). */
const GENERAL = new Set(keys(example('BOOKING_CREATED')));

describe('sandbox webhook payloads (2021-10-20, 2026-07-27)', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;
	const events = new Map<SandboxTrigger, SandboxBookingEvent>();

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
		// One of each booking trigger, through the API.
		const created = await book(
			sandbox,
			{
				eventTypeId: 12,
				start: '2027-03-15T13:00:00Z',
				guests: ['sam@acme.example'],
				bookingFieldsResponses: ANSWERS,
			},
			bailey,
		);
		expect(created.status).toBe(201);
		const moved = await post(
			sandbox,
			`/v2/bookings/${created.json.data.uid}/reschedule`,
			{ start: '2027-03-15T14:00:00Z', reschedulingReason: 'Traffic' },
			bailey,
		);
		expect(moved.status).toBe(201);
		expect(
			(
				await post(
					sandbox,
					`/v2/bookings/${moved.json.data.uid}/cancel`,
					{ cancellationReason: 'Customer asked' },
					bailey,
				)
			).status,
		).toBe(200);
		const pending = await book(sandbox, { eventTypeId: 22, start: '2027-03-02T10:00:00Z' });
		expect(
			(
				await post(
					sandbox,
					`/v2/bookings/${pending.json.data.uid}/decline`,
					{ reason: 'Fully booked' },
					lena,
				)
			).status,
		).toBe(200);
		expect(
			(
				await post(
					sandbox,
					'/v2/bookings/PastBailey15min0000001/mark-absent',
					{ attendees: [{ email: 'dana@wu.example', absent: true }] },
					bailey,
				)
			).status,
		).toBe(200);
		expect(
			(await post(sandbox, '/v2/bookings/Rr53SupportLenaKenji01/reassign', undefined, bailey))
				.status,
		).toBe(200);
		const location = await call(sandbox, '/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/location', {
			method: 'PATCH',
			key: bailey,
			version: BOOKINGS,
			body: { location: { type: 'attendeeAddress', address: '1 Main St, Springfield' } },
		});
		expect(location.status).toBe(200);
		for (const event of sandbox.events) if (!events.has(event.type)) events.set(event.type, event);
		expect(sandbox.invalidRequests()).toEqual([]);
	});
	afterAll(() => sandbox.close());

	const payload = (trigger: SandboxTrigger, version?: string) => {
		const event = events.get(trigger);
		if (!event) throw new Error(`no ${trigger} event was recorded`);
		const built = bookingWebhookPayload(sandbox.state, event, version);
		if (!built) throw new Error(`no ${trigger} payload`);
		return built;
	};

	it.each([
		'BOOKING_CREATED',
		'BOOKING_REQUESTED',
		'BOOKING_RESCHEDULED',
		'BOOKING_CANCELLED',
		'BOOKING_REJECTED',
		'BOOKING_REASSIGNED',
		'BOOKING_LOCATION_UPDATED',
		'BOOKING_NO_SHOW_UPDATED',
	] as SandboxTrigger[])(
		'%s has the top-level keys of Cal.com’s example (modulo what the sandbox does not model)',
		(trigger) => {
			const ours = new Set(keys(payload(trigger)));
			const theirs = new Set(keys(example(trigger)));
			const missing = [...theirs].filter((key) => !ours.has(key) && !OMITTED_KEYS.includes(key));
			expect(missing).toEqual([]);
			// Extra keys are general booking fields that this (shorter) example happens to leave out.
			const extra = [...ours].filter((key) => !theirs.has(key) && !GENERAL.has(key));
			expect(extra).toEqual([]);
		},
	);

	it('fills the fields as Cal.com does: organizer, attendees, responses, status in upper case', () => {
		const created = payload('BOOKING_CREATED');
		expect(created).toMatchObject({
			type: '30min',
			eventTypeId: 12,
			eventTitle: '30 Min Meeting',
			startTime: '2027-03-15T13:00:00.000Z',
			endTime: '2027-03-15T13:30:00.000Z',
			length: 30,
			status: 'ACCEPTED',
			additionalNotes: 'Bring the Q1 numbers',
			location: 'integrations:daily',
			metadata: { videoCallUrl: `https://app.cal.com/video/${String(created.uid)}` },
			iCalUID: `${String(created.uid)}@Cal.com`,
			iCalSequence: 0,
			organizer: {
				id: 1,
				name: 'Bailey Brooks',
				email: 'bailey@example.com',
				username: 'bailey',
				timeZone: 'America/New_York',
				language: { locale: 'en' },
				timeFormat: 'h:mma',
				utcOffset: -240, // New York moved to summer time on 2027-03-14
			},
			attendees: [
				{
					name: 'Priya Natarajan',
					email: 'priya@acme.example',
					firstName: 'Priya',
					lastName: 'Natarajan',
					timeZone: 'America/Chicago',
					language: { locale: 'en' },
					utcOffset: -300,
				},
				{
					name: '',
					email: 'sam@acme.example',
					firstName: '',
					lastName: '',
					timeZone: 'America/Chicago',
					language: { locale: 'en' },
					utcOffset: -300,
				},
			],
		});
		const responses = created.responses as Record<string, unknown>;
		expect(responses.name).toEqual({
			label: 'your_name',
			value: 'Priya Natarajan',
			isHidden: false,
		});
		expect(responses.guests).toEqual({
			label: 'additional_guests',
			value: ['sam@acme.example'],
			isHidden: false,
		});
		expect(responses.title).toEqual({ label: 'what_is_this_meeting_about', isHidden: true });
		expect(responses.company).toEqual({ label: 'Company', value: 'Acme', isHidden: false });
		expect(created.userFieldsResponses).toEqual({
			company: { label: 'Company', value: 'Acme', isHidden: false },
			'team-size': { label: 'Team size', value: '11-50', isHidden: false },
			'accept-terms': expect.objectContaining({ value: true }),
		});
		expect(payload('BOOKING_REQUESTED')).toMatchObject({
			status: 'PENDING',
			requiresConfirmation: true,
			organizer: { username: 'lena', timeFormat: 'HH:mm', language: { locale: 'de' } },
		});
	});

	it('reschedule: uid is the new booking, rescheduleUid/Id/StartTime/EndTime the old one, as in Cal.com’s example', () => {
		const created = payload('BOOKING_CREATED');
		const moved = payload('BOOKING_RESCHEDULED');
		expect(moved).toMatchObject({
			rescheduleUid: created.uid,
			rescheduleId: created.bookingId,
			rescheduleStartTime: '2027-03-15T13:00:00.000Z',
			rescheduleEndTime: '2027-03-15T13:30:00.000Z',
			startTime: '2027-03-15T14:00:00.000Z',
			iCalUID: created.iCalUID,
			iCalSequence: 1,
			responses: expect.objectContaining({
				rescheduleReason: { label: 'reason_for_reschedule', value: 'Traffic', isHidden: false },
			}),
		});
		expect(moved.uid).not.toBe(created.uid);
		const theirs = example('BOOKING_RESCHEDULED');
		expect([
			theirs.uid,
			theirs.rescheduleUid,
			theirs.rescheduleStartTime,
			theirs.startTime,
		]).toEqual([
			'new-booking-unique-id',
			'previous-booking-unique-id',
			'2024-01-05T14:30:00Z',
			'2024-01-10T14:30:00Z',
		]);
	});

	it('cancel, reject, no-show, reassign and location updates add their own fields', () => {
		expect(payload('BOOKING_CANCELLED')).toMatchObject({
			status: 'CANCELLED',
			cancellationReason: 'Customer asked',
			iCalSequence: 2,
		});
		expect(payload('BOOKING_REJECTED')).toMatchObject({
			status: 'REJECTED',
			rejectionReason: 'Fully booked',
		});
		expect(payload('BOOKING_NO_SHOW_UPDATED')).toEqual({
			message: 'dana@wu.example marked as no-show',
			attendees: [{ email: 'dana@wu.example', noShow: true }],
			bookingUid: 'PastBailey15min0000001',
			bookingId: expect.any(Number),
		});
		expect(payload('BOOKING_REASSIGNED')).toMatchObject({
			organizer: { id: 3, username: 'kenji' },
			addedHostUserIds: [3],
			removedHostUserIds: [2],
			schedulingType: 'ROUND_ROBIN',
		});
		expect(payload('BOOKING_LOCATION_UPDATED')).toMatchObject({
			location: '1 Main St, Springfield',
			previousLocation: 'integrations:daily',
		});
	});

	it('2026-07-27 adds attendee and organizer ICS to CREATED, RESCHEDULED, REASSIGNED and CANCELLED only', () => {
		for (const trigger of [
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_REASSIGNED',
			'BOOKING_CANCELLED',
		] as SandboxTrigger[]) {
			const built = payload(trigger, '2026-07-27');
			const attendee = String(built.attendeeIcsContent);
			expect(attendee).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
			expect(attendee).toMatch(/END:VEVENT\r\nEND:VCALENDAR$/);
			expect(attendee).toContain(
				`UID:${String(built.iCalUID)}\r\nSEQUENCE:${String(built.iCalSequence)}\r\n`,
			);
			expect(attendee).toContain(
				`DTSTART:${String(built.startTime).replace(/[-:]/g, '').replace('.000', '')}`,
			);
			expect(attendee).toContain(
				trigger === 'BOOKING_CANCELLED' ? 'METHOD:CANCEL' : 'METHOD:REQUEST',
			);
			expect(attendee).toMatch(/ATTENDEE;CN=[^;]+;ROLE=REQ-PARTICIPANT;/);
			expect(String(built.organizerIcsContent)).toContain(
				';ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:',
			);
			expect(payload(trigger, '2021-10-20')).not.toHaveProperty('attendeeIcsContent');
		}
		for (const trigger of [
			'BOOKING_REQUESTED',
			'BOOKING_REJECTED',
			'BOOKING_LOCATION_UPDATED',
			'BOOKING_NO_SHOW_UPDATED',
		] as SandboxTrigger[]) {
			expect(payload(trigger, '2026-07-27')).not.toHaveProperty('attendeeIcsContent');
		}
		const truncated = example('BOOKING_CREATED', '2026-07-27');
		const ours = payload('BOOKING_CREATED', '2026-07-27');
		expect(keys(truncated).filter((key) => !(key in ours))).toEqual([]);
	});

	it('sends nothing for a no-show update that only marks the host', () => {
		const hostOnly: SandboxBookingEvent = {
			...(events.get('BOOKING_NO_SHOW_UPDATED') as SandboxBookingEvent),
			details: { noShowHost: true, attendees: [] },
		};
		expect(bookingWebhookPayload(sandbox.state, hostOnly)).toBeUndefined();
	});
});
