import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { slots, starts, utcStarts } from './test-helpers';

/** Monday 2027-03-01, 08:00 UTC: both spring DST changes (NY 03-14, Berlin 03-28) lie ahead. */
const MARCH = '2027-03-01T08:00:00Z';
/** For the autumn changes of 2026 (Berlin 10-25, New York 11-01). */
const AUTUMN = '2026-10-01T08:00:00Z';

const BOOKING_1001 = 'kEQ6lyUVxK9sKQNFvjgrCv'; // bailey/30min, 2027-03-02 14:00 New York

describe('GET /v2/slots in the sandbox', () => {
	let sandbox: Sandbox;
	let now = MARCH;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: () => new Date(now) });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		now = MARCH;
		sandbox.reset();
	});
	afterEach(() => {
		expect(sandbox.invalidRequests().filter((r) => r.status !== 400)).toEqual([]);
	});

	describe('availability', () => {
		it('offers the weekly hours of the owner’s schedule, in the requested zone, every slot length', async () => {
			const res = await slots(sandbox, {
				eventTypeId: '11',
				start: '2027-03-05',
				end: '2027-03-09',
				timeZone: 'America/New_York',
			});
			expect(res.status).toBe(200);
			expect(responseProblems('GET', '/v2/slots', 200, res.json)).toEqual([]);
			const byDate = starts(res);
			// Friday, Monday, Tuesday; nothing on the weekend.
			expect(Object.keys(byDate)).toEqual(['2027-03-05', '2027-03-08', '2027-03-09']);
			expect(byDate['2027-03-09']).toHaveLength(32);
			expect(byDate['2027-03-09'][0]).toBe('2027-03-09T09:00:00.000-05:00');
			expect(byDate['2027-03-09'][31]).toBe('2027-03-09T16:45:00.000-05:00');
		});

		it('replaces a date’s hours by its overrides, and 00:00–00:00 makes the day unavailable', async () => {
			const res = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-31',
				end: '2027-04-02',
				timeZone: 'Europe/Berlin',
			});
			const byDate = starts(res);
			expect(byDate['2027-03-31']).toEqual([
				'2027-03-31T13:00:00.000+02:00',
				'2027-03-31T13:30:00.000+02:00',
				'2027-03-31T14:00:00.000+02:00',
				'2027-03-31T14:30:00.000+02:00',
			]);
			expect(byDate['2027-04-01']).toBeUndefined();
			// Friday keeps its weekly 09:00–13:00.
			expect(byDate['2027-04-02']).toHaveLength(8);
		});

		it('uses the event type’s own schedule when it has one, and groups by date in the requested zone', async () => {
			// Evening Chat runs on "Evenings": Tue/Thu 18:00–21:00 New York = 23:00Z–02:00Z.
			const utc = await slots(sandbox, {
				eventTypeId: '14',
				start: '2027-03-02',
				end: '2027-03-03',
			});
			expect(starts(utc)).toEqual({
				'2027-03-02': ['2027-03-02T23:00:00.000Z', '2027-03-02T23:30:00.000Z'],
				'2027-03-03': [
					'2027-03-03T00:00:00.000Z',
					'2027-03-03T00:30:00.000Z',
					'2027-03-03T01:00:00.000Z',
					'2027-03-03T01:30:00.000Z',
				],
			});
			const local = await slots(sandbox, {
				eventTypeId: '14',
				start: '2027-03-02',
				end: '2027-03-03',
				timeZone: 'America/New_York',
			});
			expect(Object.keys(starts(local))).toEqual(['2027-03-02']);
			expect(starts(local)['2027-03-02'][0]).toBe('2027-03-02T18:00:00.000-05:00');
		});

		it('prints UTC with Z when no zone or "UTC" is asked for, and the zone’s offset otherwise', async () => {
			// Kenji works 10:00–18:00 Tokyo; a pending booking holds 10:00–10:30 on 03-02.
			const none = await slots(sandbox, {
				eventTypeId: '31',
				start: '2027-03-02',
				end: '2027-03-02',
			});
			expect(starts(none)['2027-03-02'][0]).toBe('2027-03-02T01:30:00.000Z');
			const utc = await slots(sandbox, {
				eventTypeId: '31',
				start: '2027-03-02',
				end: '2027-03-02',
				timeZone: 'UTC',
			});
			expect(starts(utc)['2027-03-02'][0]).toBe('2027-03-02T01:30:00.000Z');
			const tokyo = await slots(sandbox, {
				eventTypeId: '31',
				start: '2027-03-02',
				end: '2027-03-02',
				timeZone: 'Asia/Tokyo',
			});
			expect(starts(tokyo)['2027-03-02'][0]).toBe('2027-03-02T10:30:00.000+09:00');
		});

		it('reads a bare date, and an end at exactly midnight UTC, as the whole UTC day (Cal.com’s rule)', async () => {
			const bare = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29',
				end: '2027-03-29',
			});
			const midnight = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29T00:00:00Z',
				end: '2027-03-29T00:00:00Z',
			});
			expect(utcStarts(bare)).toHaveLength(16);
			expect(utcStarts(midnight)).toEqual(utcStarts(bare));
			const afternoon = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29T12:10:00Z',
				end: '2027-03-29T14:00:00Z',
			});
			expect(utcStarts(afternoon)).toEqual([
				'2027-03-29T12:30:00.000Z',
				'2027-03-29T13:00:00.000Z',
				'2027-03-29T13:30:00.000Z',
			]);
		});

		it('answers {} when nothing is free', async () => {
			const weekend = await slots(sandbox, {
				eventTypeId: '11',
				start: '2027-03-06',
				end: '2027-03-07',
				timeZone: 'America/New_York',
			});
			expect(weekend.json).toEqual({ status: 'success', data: {} });
		});

		it('answers 404 "Event Type not found" for an event type that does not exist, by ID or by slug', async () => {
			// slots-input.service.ts transformGetSlotsQuery throws NotFoundException('Event Type not found').
			const queries: Array<Record<string, string>> = [
				{ eventTypeId: '999' },
				{ eventTypeSlug: 'nope', username: 'lena' },
				{ eventTypeSlug: 'nope', teamSlug: 'customer-success' },
			];
			for (const query of queries) {
				const res = await slots(sandbox, { ...query, start: '2027-03-29', end: '2027-03-29' });
				expect([res.status, res.json.status, res.json.error.message]).toEqual([
					404,
					'error',
					'Event Type not found',
				]);
			}
		});
	});

	describe('bookings, buffers and notice', () => {
		it('removes the slot of an existing booking, keeps a cancelled one’s, and frees it for a reschedule', async () => {
			const day = { start: '2027-03-02', end: '2027-03-02', timeZone: 'America/New_York' };
			const taken = starts(await slots(sandbox, { eventTypeId: '12', ...day }))['2027-03-02'];
			expect(taken).not.toContain('2027-03-02T14:00:00.000-05:00');
			expect(taken).toContain('2027-03-02T13:30:00.000-05:00');
			expect(taken).toContain('2027-03-02T14:30:00.000-05:00');

			const rescheduling = starts(
				await slots(sandbox, { eventTypeId: '12', ...day, bookingUidToReschedule: BOOKING_1001 }),
			)['2027-03-02'];
			expect(rescheduling).toContain('2027-03-02T14:00:00.000-05:00');

			const cancelled = starts(
				await slots(sandbox, {
					eventTypeId: '11',
					start: '2027-03-03',
					end: '2027-03-03',
					timeZone: 'America/New_York',
				}),
			);
			expect(cancelled['2027-03-03']).toContain('2027-03-03T10:00:00.000-05:00');
		});

		it('sees bookings added to the live state at once', async () => {
			const query = { eventTypeId: '21', start: '2027-03-29', end: '2027-03-29' };
			expect(utcStarts(await slots(sandbox, query))).toContain('2027-03-29T10:00:00.000Z');
			sandbox.state.bookings.push({
				...sandbox.state.bookings[2],
				id: 5000,
				uid: 'NewBookingUid000000001',
				start: '2027-03-29T10:00:00.000Z',
				end: '2027-03-29T10:30:00.000Z',
			});
			const after = utcStarts(await slots(sandbox, query));
			expect(after).not.toContain('2027-03-29T10:00:00.000Z');
			expect(after).toContain('2027-03-29T10:30:00.000Z');
		});

		it('keeps both event types’ buffers clear around a booking', async () => {
			// Consultation (60 min, every 30, buffers 15/15) is booked 11:00–12:00 New York on 03-08.
			const day = { start: '2027-03-08', end: '2027-03-08', timeZone: 'America/New_York' };
			const consultation = starts(await slots(sandbox, { eventTypeId: '13', ...day }))[
				'2027-03-08'
			];
			expect(consultation.map((s) => s.slice(11, 16))).toEqual([
				'09:00',
				'09:30',
				'12:30',
				'13:00',
				'13:30',
				'14:00',
				'14:30',
				'15:00',
				'15:30',
				'16:00',
			]);
			// 15 Min Meeting has no buffers of its own: only the booking's 15/15 block 10:45–12:15.
			const quick = starts(await slots(sandbox, { eventTypeId: '11', ...day }))['2027-03-08'].map(
				(s) => s.slice(11, 16),
			);
			expect(quick).toContain('10:30');
			expect(quick).not.toContain('10:45');
			expect(quick).not.toContain('12:00');
			expect(quick).toContain('12:15');
		});

		it('honours minimum booking notice against the sandbox clock, rounding to the slot grid', async () => {
			now = '2027-03-01T10:10:00Z';
			// Deep Dive: 90 min every 30, 24 h notice → nothing before 03-02 10:10Z (11:10 Berlin).
			const res = await slots(sandbox, {
				eventTypeId: '22',
				start: '2027-03-01',
				end: '2027-03-02',
				timeZone: 'Europe/Berlin',
			});
			const byDate = starts(res);
			expect(byDate['2027-03-01']).toBeUndefined();
			expect(byDate['2027-03-02'][0]).toBe('2027-03-02T11:30:00.000+01:00');
			expect(byDate['2027-03-02'].at(-1)).toBe('2027-03-02T15:30:00.000+01:00');
		});

		it('never offers a start in the past, even without notice', async () => {
			// 08:00Z is 17:00 in Tokyo: only the 17:30 slot of Kenji's day is left.
			const res = await slots(sandbox, {
				eventTypeId: '31',
				start: '2027-03-01',
				end: '2027-03-01',
			});
			expect(utcStarts(res)).toEqual(['2027-03-01T08:30:00.000Z']);
		});
	});

	describe('daylight saving time', () => {
		it('Berlin, spring 2027: 09:00 is 08:00Z until the 28th and 07:00Z after', async () => {
			const res = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-26',
				end: '2027-03-29',
				timeZone: 'Europe/Berlin',
			});
			const byDate = starts(res);
			expect(Object.keys(byDate)).toEqual(['2027-03-26', '2027-03-27', '2027-03-29']);
			expect(new Date(byDate['2027-03-26'][0]).toISOString()).toBe('2027-03-26T08:00:00.000Z');
			expect(byDate['2027-03-27'][0]).toBe('2027-03-27T10:00:00.000+01:00'); // Saturday override
			expect(new Date(byDate['2027-03-29'][0]).toISOString()).toBe('2027-03-29T07:00:00.000Z');
			expect(byDate['2027-03-29'].at(-1)).toBe('2027-03-29T16:30:00.000+02:00');
		});

		it('Berlin, on the change day itself (2027-03-28), including hours that span the gap', async () => {
			sandbox.state.schedules[1].overrides.push({
				date: '2027-03-28',
				startTime: '01:00',
				endTime: '04:00',
			});
			const res = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-28',
				end: '2027-03-28',
				timeZone: 'Europe/Berlin',
			});
			// 01:00 CET → 04:00 CEST is two real hours.
			expect(starts(res)['2027-03-28']).toEqual([
				'2027-03-28T01:00:00.000+01:00',
				'2027-03-28T01:30:00.000+01:00',
				'2027-03-28T03:00:00.000+02:00',
				'2027-03-28T03:30:00.000+02:00',
			]);
			sandbox.state.schedules[1].overrides.pop();
			sandbox.state.schedules[1].overrides.push({
				date: '2027-03-28',
				startTime: '09:00',
				endTime: '10:00',
			});
			const day = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-28',
				end: '2027-03-28',
			});
			expect(utcStarts(day)).toEqual(['2027-03-28T07:00:00.000Z', '2027-03-28T07:30:00.000Z']);
		});

		it('Berlin, autumn 2026: 07:00Z before the 25th, 08:00Z on and after it', async () => {
			now = AUTUMN;
			sandbox.state.schedules[1].overrides.push({
				date: '2026-10-25',
				startTime: '09:00',
				endTime: '10:00',
			});
			const res = await slots(sandbox, {
				eventTypeId: '21',
				start: '2026-10-23',
				end: '2026-10-26',
				timeZone: 'Europe/Berlin',
			});
			const first = Object.fromEntries(
				Object.entries(starts(res)).map(([d, s]) => [d, new Date(s[0]).toISOString()]),
			);
			expect(first).toEqual({
				'2026-10-23': '2026-10-23T07:00:00.000Z',
				'2026-10-25': '2026-10-25T08:00:00.000Z',
				'2026-10-26': '2026-10-26T08:00:00.000Z',
			});
		});

		it('Berlin, autumn 2026: hours across the repeated hour are counted once per real hour', async () => {
			now = AUTUMN;
			sandbox.state.schedules[1].overrides.push({
				date: '2026-10-25',
				startTime: '02:00',
				endTime: '04:00',
			});
			const res = await slots(sandbox, {
				eventTypeId: '21',
				start: '2026-10-25',
				end: '2026-10-25',
				timeZone: 'Europe/Berlin',
			});
			// 02:00 CEST (the first 02:00) to 04:00 CET is three real hours.
			expect(starts(res)['2026-10-25']).toEqual([
				'2026-10-25T02:00:00.000+02:00',
				'2026-10-25T02:30:00.000+02:00',
				'2026-10-25T02:00:00.000+01:00',
				'2026-10-25T02:30:00.000+01:00',
				'2026-10-25T03:00:00.000+01:00',
				'2026-10-25T03:30:00.000+01:00',
			]);
		});

		it('New York, spring 2027: 09:00 is 14:00Z before the 14th and 13:00Z from it', async () => {
			sandbox.state.schedules[0].overrides.push({
				date: '2027-03-14',
				startTime: '09:00',
				endTime: '10:00',
			});
			const res = await slots(sandbox, {
				eventTypeId: '11',
				start: '2027-03-12',
				end: '2027-03-15',
				timeZone: 'America/New_York',
			});
			const byDate = starts(res);
			expect(new Date(byDate['2027-03-12'][0]).toISOString()).toBe('2027-03-12T14:00:00.000Z');
			expect(byDate['2027-03-12'][0]).toBe('2027-03-12T09:00:00.000-05:00');
			expect(new Date(byDate['2027-03-14'][0]).toISOString()).toBe('2027-03-14T13:00:00.000Z');
			expect(byDate['2027-03-15'][0]).toBe('2027-03-15T09:00:00.000-04:00');
			expect(new Date(byDate['2027-03-15'][0]).toISOString()).toBe('2027-03-15T13:00:00.000Z');
		});

		it('New York, autumn 2026: 13:00Z before November 1st, 14:00Z on and after it', async () => {
			now = AUTUMN;
			sandbox.state.schedules[0].overrides.push({
				date: '2026-11-01',
				startTime: '09:00',
				endTime: '10:00',
			});
			const res = await slots(sandbox, {
				eventTypeId: '11',
				start: '2026-10-30',
				end: '2026-11-02',
				timeZone: 'America/New_York',
			});
			const first = Object.fromEntries(
				Object.entries(starts(res)).map(([d, s]) => [d, new Date(s[0]).toISOString()]),
			);
			expect(first).toEqual({
				'2026-10-30': '2026-10-30T13:00:00.000Z',
				'2026-11-01': '2026-11-01T14:00:00.000Z',
				'2026-11-02': '2026-11-02T14:00:00.000Z',
			});
		});
	});

	describe('input shapes and formats', () => {
		it('adds end to every slot with format=range, and honours duration', async () => {
			const range = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29',
				end: '2027-03-29',
				timeZone: 'Europe/Berlin',
				format: 'range',
			});
			expect(range.json.data['2027-03-29'][0]).toEqual({
				start: '2027-03-29T09:00:00.000+02:00',
				end: '2027-03-29T09:30:00.000+02:00',
			});
			expect(responseProblems('GET', '/v2/slots', 200, range.json)).toEqual([]);
			const hour = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29',
				end: '2027-03-29',
				timeZone: 'Europe/Berlin',
				format: 'range',
				duration: '60',
			});
			const items = hour.json.data['2027-03-29'];
			expect(items).toHaveLength(8);
			expect(items[7]).toEqual({
				start: '2027-03-29T16:00:00.000+02:00',
				end: '2027-03-29T17:00:00.000+02:00',
			});
		});

		// packages/features/schedules/lib/slots.ts (newest) moves each free stretch's first start into the
		// booker's zone before rounding it up to the slot step, so starts sit on the booker's clock:
		// Lena's Berlin 09:00 (07:00Z) is 12:30 in Kolkata and 12:45 in Kathmandu; hour slots start at 13:00 there.
		it.each([
			['Asia/Kolkata', '+05:30', ['2027-03-29T07:30:00.000Z', '2027-03-29T13:30:00.000Z']],
			['Asia/Kathmandu', '+05:45', ['2027-03-29T07:15:00.000Z', '2027-03-29T13:15:00.000Z']],
		])(
			'aligns hour slots on the booker’s clock in %s (%s), not on the UTC hour',
			async (timeZone, offset, [first, last]) => {
				const res = await slots(sandbox, {
					eventTypeId: '21',
					start: '2027-03-29',
					end: '2027-03-29',
					timeZone,
					duration: '60',
				});
				const local = res.json.data['2027-03-29'].map((item: { start: string }) => item.start);
				expect(local).toEqual(
					['13', '14', '15', '16', '17', '18', '19'].map(
						(hour) => `2027-03-29T${hour}:00:00.000${offset}`,
					),
				);
				expect([utcStarts(res)[0], utcStarts(res).at(-1)]).toEqual([first, last]);
				// Without a zone the clock is UTC's: the same stretch gives 07:00Z … 14:00Z.
				const utc = await slots(sandbox, {
					eventTypeId: '21',
					start: '2027-03-29',
					end: '2027-03-29',
					duration: '60',
				});
				expect([utcStarts(utc)[0], utcStarts(utc).at(-1)]).toEqual([
					'2027-03-29T07:00:00.000Z',
					'2027-03-29T14:00:00.000Z',
				]);
			},
		);

		it('finds the event type by slug and username, and says when the user does not exist', async () => {
			const bySlug = await slots(sandbox, {
				eventTypeSlug: 'intro-call',
				username: 'lena',
				start: '2027-03-29',
				end: '2027-03-29',
			});
			const byId = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29',
				end: '2027-03-29',
			});
			expect(bySlug.json).toEqual(byId.json);
			const noUser = await slots(sandbox, {
				eventTypeSlug: 'intro-call',
				username: 'nobody',
				start: '2027-03-29',
				end: '2027-03-29',
			});
			expect(noUser.status).toBe(404);
			expect(noUser.json.error.message).toBe('User with username nobody not found');
			const noType = await slots(sandbox, {
				eventTypeSlug: 'nope',
				username: 'lena',
				start: '2027-03-29',
				end: '2027-03-29',
			});
			expect([noType.status, noType.json.error.message]).toEqual([404, 'Event Type not found']);
			const noOrg = await slots(sandbox, {
				eventTypeSlug: 'intro-call',
				username: 'lena',
				organizationSlug: 'acme',
				start: '2027-03-29',
				end: '2027-03-29',
			});
			expect(noOrg.status).toBe(404);
			expect(noOrg.json.error.message).toBe(
				'slots-input.service.ts: Organization with slug acme not found',
			);
		});

		it('round-robin team event: a slot is free while any host is free', async () => {
			// Lena (Berlin) has onboarding bookings 09:00–09:45Z and 15:00–15:45Z on 03-04; Bailey works 14:00–22:00Z.
			const res = await slots(sandbox, {
				teamSlug: 'customer-success',
				eventTypeSlug: 'onboarding',
				start: '2027-03-04',
				end: '2027-03-04',
			});
			const all = utcStarts(res);
			expect(all.slice(0, 3)).toEqual([
				'2027-03-04T08:00:00.000Z',
				'2027-03-04T08:15:00.000Z',
				'2027-03-04T09:45:00.000Z',
			]);
			expect(all).not.toContain('2027-03-04T09:00:00.000Z'); // Lena booked, Bailey asleep
			expect(all).toContain('2027-03-04T15:00:00.000Z'); // Lena booked, Bailey free
			expect(all.at(-1)).toBe('2027-03-04T21:15:00.000Z');
			const byId = await slots(sandbox, {
				eventTypeId: '51',
				start: '2027-03-04',
				end: '2027-03-04',
			});
			expect(byId.json).toEqual(res.json);
			const noTeam = await slots(sandbox, {
				teamSlug: 'nope',
				eventTypeSlug: 'onboarding',
				start: '2027-03-04',
				end: '2027-03-04',
			});
			expect(noTeam.json.error.message).toBe('Team with slug nope not found');
		});

		it('round robin with rrHostSubsetIds: only the listed hosts count when the event type enables it, else the list is ignored', async () => {
			const day = { eventTypeId: '51', start: '2027-03-04', end: '2027-03-04' };
			const everyone = utcStarts(await slots(sandbox, day));
			// Off (Cal.com's default): accepted and ignored.
			expect(utcStarts(await slots(sandbox, { ...day, rrHostSubsetIds: '2' }))).toEqual(everyone);
			const onboarding = sandbox.state.eventTypes.find((e) => e.id === 51);
			if (!onboarding) throw new Error('fixture has event type 51');
			onboarding.rrHostSubsetEnabled = true;
			// Lena (2) alone: her Berlin day 08:00–16:00Z less her bookings; Bailey's evening is gone.
			const lena = utcStarts(await slots(sandbox, { ...day, rrHostSubsetIds: '2' }));
			expect(lena[0]).toBe('2027-03-04T08:00:00.000Z');
			expect(lena.at(-1)).toBe('2027-03-04T14:15:00.000Z'); // her 15:00–15:45Z booking leaves no 45 minutes before 16:00Z
			expect(lena).not.toContain('2027-03-04T15:00:00.000Z'); // Lena booked; Bailey would have been free
			// Bailey (1) alone: her New York day 14:00–22:00Z.
			const bailey = utcStarts(await slots(sandbox, { ...day, rrHostSubsetIds: '1' }));
			expect([bailey[0], bailey.at(-1)]).toEqual([
				'2027-03-04T14:00:00.000Z',
				'2027-03-04T21:15:00.000Z',
			]);
			// Both listed, or an empty list: everyone; nobody of the team listed: no slots.
			expect(utcStarts(await slots(sandbox, { ...day, rrHostSubsetIds: '1,2' }))).toEqual(everyone);
			expect((await slots(sandbox, { ...day, rrHostSubsetIds: '3' })).json).toEqual({
				status: 'success',
				data: {},
			});
		});

		it('collective team event: a slot is free only when every host is', async () => {
			const res = await slots(sandbox, {
				teamSlug: 'customer-success',
				eventTypeSlug: 'team-sync',
				start: '2027-03-04',
				end: '2027-03-04',
			});
			expect(utcStarts(res)).toEqual(['2027-03-04T14:00:00.000Z', '2027-03-04T14:30:00.000Z']);
		});

		it('dynamic group (usernames): every user must be free; 30 minutes unless duration says otherwise', async () => {
			const base = {
				usernames: 'bailey,lena',
				organizationSlug: 'acme',
				start: '2027-03-04',
				end: '2027-03-04',
			};
			expect(utcStarts(await slots(sandbox, base))).toEqual([
				'2027-03-04T14:00:00.000Z',
				'2027-03-04T14:30:00.000Z',
			]);
			expect(utcStarts(await slots(sandbox, { ...base, duration: '60' }))).toEqual([
				'2027-03-04T14:00:00.000Z',
			]);
		});
	});

	describe('input Cal.com rejects', () => {
		it.each([
			[
				{ eventTypeId: '21', username: 'lena' },
				'username property is wrong,property username should not exist ',
			],
			[
				{ eventTypeId: '21', slotFormat: 'range' },
				'slotFormat property is wrong,property slotFormat should not exist ',
			],
			[
				{ eventTypeId: '21', timeZone: 'Mars/Olympus' },
				'timeZone property is wrong,timeZone must be a valid IANA time-zone ',
			],
			[
				{ eventTypeId: '21', format: 'list' },
				"format property is wrong,slotFormat must be either 'range' or 'time' ",
			],
			[
				{ eventTypeId: 'abc' },
				'eventTypeId property is wrong,eventTypeId must be a number conforming to the specified constraints ',
			],
			[
				{ usernames: 'bailey', organizationSlug: 'acme' },
				'usernames property is wrong,The array must contain at least 2 elements. ',
			],
			[
				{ usernames: 'bailey,lena' },
				'organizationSlug property is wrong,organizationSlug must be a string ',
			],
			[
				{ eventTypeId: '51', rrHostSubsetIds: '1,lena' },
				'rrHostSubsetIds property is wrong,each value in rrHostSubsetIds must be a number conforming to the specified constraints ',
			],
		])('400 for %j', async (extra, message) => {
			const res = await slots(sandbox, { start: '2027-03-29', end: '2027-03-29', ...extra });
			expect(res.status).toBe(400);
			expect(res.json.error.message).toBe(message);
			expect(sandbox.invalidRequests()).toHaveLength(1);
		});

		it('400 when start is missing', async () => {
			const res = await slots(sandbox, { eventTypeId: '21', end: '2027-03-29' });
			expect(res.json.error.message).toBe(
				'start property is wrong,start must be a valid ISO 8601 date string ',
			);
		});

		it('400 when end is before start, or more than a year after now', async () => {
			const backwards = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29T12:00:00Z',
				end: '2027-03-29T08:00:00Z',
			});
			expect(backwards.status).toBe(400);
			expect(backwards.json.error.message).toBe(
				"Invalid time range given - check the 'start' and 'end' query parameters.",
			);
			const far = await slots(sandbox, {
				eventTypeId: '21',
				start: '2028-02-28',
				end: '2028-03-02',
			});
			expect(far.status).toBe(400);
			expect(far.json.error.message).toMatch(/more than one year from now/);
			const yearAhead = await slots(sandbox, {
				eventTypeId: '21',
				start: '2028-02-28',
				end: '2028-03-01',
			});
			expect(yearAhead.status).toBe(200);
		});
	});
});
