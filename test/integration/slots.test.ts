import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox, visibleText } from './helpers';

const BAILEY_30MIN = 12; // bailey (America/New_York, Mon–Fri 09:00–17:00), 30 minutes

function byId(eventTypeId: number | string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'slot',
		operation: 'getAvailable',
		lookup: 'eventTypeId',
		eventTypeId: { __rl: true, mode: 'id', value: String(eventTypeId) },
		...extra,
	};
}

function bySlug(
	username: string,
	eventTypeSlug: string,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'slot',
		operation: 'getAvailable',
		lookup: 'userSlug',
		username,
		eventTypeSlug,
		...extra,
	};
}

describe('Slot → Get Available', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists slots by event type ID in the host zone across the New York DST change', async () => {
		// Friday 03-12 is EST (UTC−5), Monday 03-15 is EDT (UTC−4): 09:00 local moves from 14:00Z to 13:00Z.
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, { start: '2027-03-12', end: '2027-03-15', timeZone: 'America/New_York' }),
		);
		expect(result.error).toBeUndefined();
		const friday = result.items.filter((item) => item.json.date === '2027-03-12');
		const monday = result.items.filter((item) => item.json.date === '2027-03-15');
		expect(friday[0].json).toEqual({
			start: '2027-03-12T14:00:00.000Z',
			end: '2027-03-12T14:30:00.000Z',
			startLocal: '2027-03-12T09:00:00-05:00',
			endLocal: '2027-03-12T09:30:00-05:00',
			date: '2027-03-12',
			timeZone: 'America/New_York',
			label: 'Fri 12 Mar, 09:00–09:30',
		});
		expect(friday.at(-1)?.json.startLocal).toBe('2027-03-12T16:30:00-05:00');
		expect(friday).toHaveLength(16);
		expect(monday[0].json.start).toBe('2027-03-15T13:00:00.000Z');
		expect(monday[0].json.startLocal).toBe('2027-03-15T09:00:00-04:00');
		expect(monday).toHaveLength(16);
		// Saturday and Sunday have no availability.
		expect(
			result.items.some((item) => ['2027-03-13', '2027-03-14'].includes(String(item.json.date))),
		).toBe(false);
		expect(
			result.items.every(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
			),
		).toBe(true);

		const [request] = sandbox.requests;
		expect(request.headers['cal-api-version']).toBe('2024-09-04');
		expect(request.query).toMatchObject({
			eventTypeId: '12',
			timeZone: 'America/New_York',
			format: 'range',
		});
	});

	it('shows the same slots in another zone: Berlin stays on CET while New York has moved to EDT', async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-15T00:00:00Z',
				end: '2027-03-15T23:59:59Z',
				timeZone: 'Europe/Berlin',
			}),
		);
		expect(result.items[0].json).toMatchObject({
			start: '2027-03-15T13:00:00.000Z',
			startLocal: '2027-03-15T14:00:00+01:00',
			timeZone: 'Europe/Berlin',
		});
	});

	it("lists slots by username and event-type slug across Berlin's DST change, with date overrides", async () => {
		// lena: Mon–Thu 09:00–17:00, Fri 09:00–13:00 Europe/Berlin; override Sat 03-27 10:00–12:00.
		const result = await runCalCom(
			sandbox,
			bySlug('lena', 'intro-call', {
				start: '2027-03-26',
				end: '2027-03-29',
				timeZone: 'Europe/Berlin',
			}),
			{ username: 'kenji' },
		);
		expect(result.error).toBeUndefined();
		const starts = (date: string) =>
			result.items.filter((item) => item.json.date === date).map((item) => item.json.start);
		expect(starts('2027-03-26')[0]).toBe('2027-03-26T08:00:00.000Z'); // 09:00 CET
		expect(starts('2027-03-26').at(-1)).toBe('2027-03-26T11:30:00.000Z'); // 12:30 CET, ends 13:00
		expect(starts('2027-03-27')).toEqual([
			'2027-03-27T09:00:00.000Z',
			'2027-03-27T09:30:00.000Z',
			'2027-03-27T10:00:00.000Z',
			'2027-03-27T10:30:00.000Z',
		]); // the Saturday override, 10:00–12:00 CET
		expect(starts('2027-03-28')).toEqual([]); // Sunday, the change day
		expect(starts('2027-03-29')[0]).toBe('2027-03-29T07:00:00.000Z'); // 09:00 CEST
		const request = sandbox.requests[0];
		expect(request.query).toMatchObject({ username: 'lena', eventTypeSlug: 'intro-call' });
		expect(request.query).not.toHaveProperty('eventTypeId');
	});

	it('lists slots of a team event type by team slug (round robin: free when any host is)', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'teamSlug',
			teamSlug: 'customer-success',
			eventTypeSlug: 'onboarding',
			start: '2027-03-17',
			end: '2027-03-17',
			timeZone: 'UTC',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(sandbox.requests[0].query).toMatchObject({
			teamSlug: 'customer-success',
			eventTypeSlug: 'onboarding',
		});
		expect(sandbox.requests[0].query).not.toHaveProperty('username');
	});

	it('lists slots where several people are all free (dynamic group)', async () => {
		const group = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'dynamic',
			usernames: 'bailey, lena',
			organizationSlug: 'acme',
			start: '2027-03-16',
			end: '2027-03-16',
			timeZone: 'UTC',
		});
		expect(group.error).toBeUndefined();
		// bailey works 13:00–21:00Z (New York, EDT) and lena 08:00–16:00Z (Berlin, CET): the overlap.
		const starts = group.items.map((item) => String(item.json.start));
		expect(starts.length).toBeGreaterThan(0);
		expect(
			starts.every(
				(start) => start >= '2027-03-16T13:00:00.000Z' && start < '2027-03-16T16:00:00.000Z',
			),
		).toBe(true);
		expect(sandbox.requests[0].query).toMatchObject({
			usernames: 'bailey,lena',
			organizationSlug: 'acme',
		});
	});

	it('needs two usernames and an organization for a dynamic group, before any request', async () => {
		const one = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'dynamic',
			usernames: 'bailey',
			organizationSlug: 'acme',
			start: '2027-03-16',
			end: '2027-03-16',
			timeZone: 'UTC',
		});
		expect(one.error?.message).toBe(
			'Usernames: a dynamic group needs at least two different usernames, e.g. bailey, lena.',
		);
		const noOrg = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'dynamic',
			usernames: 'bailey, lena',
			start: '2027-03-16',
			end: '2027-03-16',
			timeZone: 'UTC',
		});
		expect(noOrg.error?.message).toBe(
			'Organization Slug: Cal.com needs the organization of a dynamic group, e.g. acme.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('ends at an End on a UTC midnight, which Cal.com alone would read as the end of that day', async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-15T00:00:00Z',
				end: '2027-03-16T00:00:00Z',
				timeZone: 'UTC',
			}),
		);
		expect(result.error).toBeUndefined();
		const starts = result.items.map((item) => String(item.json.start));
		expect(starts[0]).toBe('2027-03-15T13:00:00.000Z');
		expect(starts.at(-1)).toBe('2027-03-15T20:30:00.000Z'); // none of Tuesday 03-16's
		expect(sandbox.requests[0].query).toMatchObject({ end: '2027-03-15T23:59:59.999Z' });
	});

	it("counts a booking's own time as free when looking for its new time", async () => {
		// Booking 1001 holds 2027-03-02 19:00Z on event type 12.
		const plain = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, { start: '2027-03-02', end: '2027-03-02', timeZone: 'UTC' }),
		);
		expect(plain.items.map((item) => item.json.start)).not.toContain('2027-03-02T19:00:00.000Z');
		const forReschedule = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-02',
				end: '2027-03-02',
				timeZone: 'UTC',
				options: { bookingUidToReschedule: 'kEQ6lyUVxK9sKQNFvjgrCv', format: 'time' },
			}),
		);
		expect(forReschedule.items.map((item) => item.json.start)).toContain(
			'2027-03-02T19:00:00.000Z',
		);
		expect(forReschedule.items[0].json.end).toBeNull();
		expect(sandbox.requests[1].query).toMatchObject({
			bookingUidToReschedule: 'kEQ6lyUVxK9sKQNFvjgrCv',
			format: 'time',
		});
	});

	it("returns Cal.com's map of dates with Output Raw", async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-15',
				end: '2027-03-15',
				timeZone: 'America/New_York',
				output: 'raw',
			}),
		);
		expect(result.items).toHaveLength(1);
		expect(Object.keys(result.items[0].json)).toEqual(['2027-03-15']);
		expect((result.items[0].json['2027-03-15'] as unknown[])[0]).toEqual({
			start: '2027-03-15T09:00:00.000-04:00',
			end: '2027-03-15T09:30:00.000-04:00',
		});
	});

	it('says which event type Cal.com could not find (404 "Event Type not found"), by ID or by slug', async () => {
		const missingId = await runCalCom(
			sandbox,
			byId(999, { start: '2027-03-15', end: '2027-03-15', timeZone: 'UTC' }),
		);
		expect(missingId.error?.message).toBe(
			'Event type 999 was not found. Pick it from the Event Type list, or check the ID (Event Type → Get Many lists yours)',
		);
		expect((missingId.error as { description?: string }).description).toBe(
			'Cal.com said: Event Type not found',
		);
		const missingSlug = await runCalCom(
			sandbox,
			bySlug('lena', 'nope', { start: '2027-03-15', end: '2027-03-15', timeZone: 'UTC' }),
		);
		expect(missingSlug.error?.message).toBe(
			'Event type "nope" of user lena was not found. Check both slugs against the booking link (cal.com/<owner>/<event type>)',
		);
		const missingUser = await runCalCom(
			sandbox,
			bySlug('nobody', '30min', { start: '2027-03-15', end: '2027-03-15', timeZone: 'UTC' }),
		);
		expect((missingUser.error as { description?: string }).description).toBe(
			'Cal.com said: User with username nobody not found',
		);
	});

	it.each([
		['Asia/Kolkata', '2027-03-29T07:30:00.000Z', 'Mon 29 Mar, 13:00–14:00'],
		['Asia/Kathmandu', '2027-03-29T07:15:00.000Z', 'Mon 29 Mar, 13:00–14:00'],
	])(
		'labels hour slots on the whole local hour in %s, as Cal.com lays them on the booker’s clock',
		async (timeZone, firstUtc, firstLabel) => {
			// Lena (Berlin 09:00–17:00, 07:00–15:00Z) seen from a +05:30 / +05:45 zone: 12:30 / 12:45 locally.
			const result = await runCalCom(
				sandbox,
				bySlug('lena', 'intro-call', {
					start: '2027-03-29',
					end: '2027-03-29',
					timeZone,
					options: { duration: 60 },
				}),
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.label)).toEqual(
				['13', '14', '15', '16', '17', '18', '19'].map(
					(hour) => `Mon 29 Mar, ${hour}:00–${Number(hour) + 1}:00`,
				),
			);
			expect([result.items[0].json.start, result.items[0].json.label]).toEqual([
				firstUtc,
				firstLabel,
			]);
		},
	);

	it('rejects an unknown time zone before any request, naming the field', async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, { start: '2027-03-15', end: '2027-03-16', timeZone: 'Europe/Berlinn' }),
		);
		expect(result.error?.message).toBe(
			'Time Zone: "Europe/Berlinn" is not a known time zone. Use an IANA time zone name such as Europe/Berlin, America/New_York or UTC.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('rejects an end before the start before any request', async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-16T10:00:00Z',
				end: '2027-03-16T09:00:00Z',
				timeZone: 'UTC',
			}),
		);
		expect(result.error?.message).toBe(
			'End: must be after Start (Start "2027-03-16T10:00:00Z", read as 2027-03-16T10:00:00+00:00 in UTC; End "2027-03-16T09:00:00Z", read as 2027-03-16T09:00:00+00:00 in UTC).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('quotes Start and End as typed, and says the zone a time without an offset was read in', async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-16T10:00',
				end: '2027-03-16T13:30:00Z',
				timeZone: 'America/New_York',
			}),
		);
		// 13:30Z is 09:30 in New York (EDT since 14 March): before the 10:00 Start read there.
		expect(result.error?.message).toBe(
			'End: must be after Start (Start "2027-03-16T10:00", read as 2027-03-16T10:00:00-04:00 in America/New_York; End "2027-03-16T13:30:00Z", read as 2027-03-16T09:30:00-04:00 in America/New_York).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('rejects an event type ID from an expression that is not a number before any request', async () => {
		// The editor's regex catches a typed value; an expression or an AI model bypasses it.
		const result = await runCalCom(
			sandbox,
			byId('={{ $json.id }}', { start: '2027-03-16', end: '2027-03-17', timeZone: 'UTC' }),
			{ inputItems: [{ id: '12; DROP' }] },
		);
		expect(result.error?.message).toBe(
			'Event Type: "12; DROP" is not an event type ID (a whole number above 0).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item becomes an error item paired to its input and the others run', async () => {
		const result = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, { start: '2027-03-15', end: '2027-03-15', timeZone: '={{ $json.zone }}' }),
			{
				continueOnFail: true,
				inputItems: [
					{ zone: 'Europe/Berlin' },
					{ zone: 'Mars/Olympus_Mons' },
					{ zone: 'Asia/Tokyo' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const errors = result.items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].json.error).toBe(
			'Time Zone: "Mars/Olympus_Mons" is not a known time zone. Use an IANA time zone name such as Europe/Berlin, America/New_York or UTC.',
		);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		const paired = (index: number) =>
			result.items.filter((item) => (item.pairedItem as { item: number }).item === index);
		expect(paired(0).every((item) => item.json.timeZone === 'Europe/Berlin')).toBe(true);
		expect(paired(2).every((item) => item.json.timeZone === 'Asia/Tokyo')).toBe(true);
		expect(paired(0).length).toBeGreaterThan(0);
		expect(sandbox.requests).toHaveLength(2);
	});

	it('never shows the API key in output or errors', async () => {
		const key = sandbox.apiKeyFor('bailey');
		const ok = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, { start: '2027-03-15', end: '2027-03-15', timeZone: 'UTC' }),
		);
		sandbox.injectFault({ kind: '500', path: '/v2/slots', count: 3 });
		const failed = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, { start: '2027-03-15', end: '2027-03-15', timeZone: 'UTC' }),
		);
		expect(failed.error).toBeDefined();
		for (const result of [ok, failed]) expect(visibleText(result)).not.toContain(key);
	});
});

describe('Output: Selected Fields', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('keeps only the named fields of the simplified output, IDs always included', async () => {
		const slots = await runCalCom(
			sandbox,
			byId(BAILEY_30MIN, {
				start: '2027-03-15',
				end: '2027-03-15',
				timeZone: 'UTC',
				output: 'selected',
				selectedFields: 'startLocal, nope',
			}),
		);
		expect(slots.items[0].json).toEqual({ startLocal: '2027-03-15T13:00:00+00:00' });
		const booking = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'get',
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			output: 'selected',
			selectedFields: 'status,startLocal',
		});
		expect(booking.items[0].json).toEqual({
			id: 1001,
			uid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			eventTypeId: 12,
			status: 'accepted',
			startLocal: '2027-03-02T13:00:00-06:00',
		});
	});

	it('needs at least one field, checked before any request', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'booking',
			operation: 'get',
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			output: 'selected',
			selectedFields: ' , ',
		});
		expect(result.error?.message).toBe(
			'Fields: name at least one field, e.g. start, startLocal, status.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});
