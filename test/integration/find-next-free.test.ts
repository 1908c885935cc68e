import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

const next = (extra: INodeParameters): INodeParameters => ({
	resource: 'slot',
	operation: 'findNextFree',
	lookup: 'userSlug',
	username: 'bailey',
	eventTypeSlug: '30min',
	timeZone: 'America/New_York',
	...extra,
});

describe('Slot → Find Next Free', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});
	const slotRequests = () => sandbox.requests.filter((r) => r.path === '/v2/slots');
	/** How many days each slots request reached from its start. */
	const spanDays = () =>
		slotRequests().map(
			(r) => (Date.parse(String(r.query.end)) - Date.parse(String(r.query.start))) / 86_400_000,
		);

	it('gives the next mornings slots after a time, with short local labels, in one request', async () => {
		const result = await runCalCom(
			sandbox,
			next({
				after: '2027-03-15T15:00',
				count: 3,
				options: { windowStart: '09:00', windowEnd: '12:00' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.startLocal, item.json.label])).toEqual([
			['2027-03-16T09:00:00-04:00', 'Tue 16 Mar, 09:00–09:30'],
			['2027-03-16T09:30:00-04:00', 'Tue 16 Mar, 09:30–10:00'],
			['2027-03-16T10:00:00-04:00', 'Tue 16 Mar, 10:00–10:30'],
		]);
		expect(result.items[0].json.start).toBe('2027-03-16T13:00:00.000Z');
		expect(slotRequests()).toHaveLength(1);
	});

	it('says which event type Cal.com could not find, instead of finding nothing', async () => {
		const result = await runCalCom(
			sandbox,
			next({ eventTypeSlug: 'nope', after: '2027-03-15T15:00', count: 3 }),
		);
		expect(result.error?.message).toBe(
			'Event type "nope" of user bailey was not found. Check both slugs against the booking link (cal.com/<owner>/<event type>)',
		);
		expect((result.error as { description?: string }).description).toBe(
			'Cal.com said: Event Type not found',
		);
		expect(slotRequests()).toHaveLength(1);
	});

	it('finds the next slots on the whole local hour in Asia/Kathmandu (+05:45)', async () => {
		const result = await runCalCom(
			sandbox,
			next({
				username: 'lena',
				eventTypeSlug: 'intro-call',
				timeZone: 'Asia/Kathmandu',
				after: '2027-03-29T13:30',
				count: 2,
				options: { duration: 60 },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.start, item.json.label])).toEqual([
			['2027-03-29T08:15:00.000Z', 'Mon 29 Mar, 14:00–15:00'],
			['2027-03-29T09:15:00.000Z', 'Mon 29 Mar, 15:00–16:00'],
		]);
	});

	it('walks past a day off and the weekend', async () => {
		// bailey: Mon–Fri 09:00–17:00 New York; 2027-03-19 (Friday) is off.
		const result = await runCalCom(sandbox, next({ after: '2027-03-18T16:00', count: 3 }));
		expect(result.items.map((item) => item.json.label)).toEqual([
			'Thu 18 Mar, 16:00–16:30',
			'Thu 18 Mar, 16:30–17:00',
			'Mon 22 Mar, 09:00–09:30',
		]);
	});

	it('widens the search eight times as far when nothing fits, every request from After, and stops at the horizon, returning nothing', async () => {
		const result = await runCalCom(
			sandbox,
			next({
				after: '2027-03-15T00:00',
				count: 1,
				options: { windowStart: '22:00', windowEnd: '23:00', horizonDays: 30 },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(slotRequests().map((r) => r.query.start)).toEqual(
			Array(2).fill('2027-03-15T04:00:00.000Z'),
		);
		const days = spanDays();
		// A week, then eight weeks cut at the 30-day horizon.
		expect(days).toEqual([7, 30]);
	});

	it('reaches as far as the slots found in the first week say the rest need', async () => {
		// 09:00–10:00 gives two slots a working day: 8 in the first week (Friday 19 is off), so 20
		// need about 2.5 weeks more; the next read reaches four weeks (1.25 × 20 ÷ 8, rounded up).
		const result = await runCalCom(
			sandbox,
			next({
				after: '2027-03-15T00:00',
				count: 20,
				options: { windowStart: '09:00', windowEnd: '10:00' },
			}),
		);
		expect(result.items).toHaveLength(20);
		expect(result.items[19].json.label).toBe('Mon 29 Mar, 09:30–10:00');
		const days = spanDays();
		expect(days).toEqual([7, 28]);
	});

	it('keeps a slot that runs across the end of the first week asked for', async () => {
		// The first request ends Mon 22 Mar 10:10; the 10:00–10:30 slot that day is free all the same.
		const result = await runCalCom(
			sandbox,
			next({
				after: '2027-03-15T10:10',
				count: 4,
				options: { windowStart: '10:00', windowEnd: '10:30' },
			}),
		);
		expect(result.items.map((item) => item.json.label)).toEqual([
			'Tue 16 Mar, 10:00–10:30',
			'Wed 17 Mar, 10:00–10:30',
			'Thu 18 Mar, 10:00–10:30',
			'Mon 22 Mar, 10:00–10:30',
		]);
	});

	it('keeps a slot that ends at a repeated hour of the fall-back night inside the window', async () => {
		// New York falls back at 02:00 EDT on Sun 7 Nov 2027: 01:30 EDT + 30 min is 01:00 EST.
		sandbox.state.schedules[0].overrides.push({
			date: '2027-11-07',
			startTime: '00:00',
			endTime: '03:00',
		});
		const result = await runCalCom(
			sandbox,
			next({
				after: '2027-11-07T00:00',
				count: 8,
				options: { windowStart: '00:00', windowEnd: '02:00', horizonDays: 1 },
			}),
		);
		expect(
			result.items.map(
				(item) => `${String(item.json.startLocal)}–${String(item.json.endLocal).slice(11)}`,
			),
		).toEqual([
			'2027-11-07T00:00:00-04:00–00:30:00-04:00',
			'2027-11-07T00:30:00-04:00–01:00:00-04:00',
			'2027-11-07T01:00:00-04:00–01:30:00-04:00',
			'2027-11-07T01:30:00-04:00–01:00:00-05:00',
			'2027-11-07T01:00:00-05:00–01:30:00-05:00',
			'2027-11-07T01:30:00-05:00–02:00:00-05:00',
		]);
	});

	it('checks the window before any request, naming the field', async () => {
		const bad = await runCalCom(
			sandbox,
			next({ after: '2027-03-15T00:00', options: { windowStart: '25:00' } }),
		);
		expect(bad.error?.message).toBe(
			'Daily Window From: "25:00" is not a time of day (HH:MM, 24-hour), e.g. 09:00.',
		);
		const reversed = await runCalCom(
			sandbox,
			next({ after: '2027-03-15T00:00', options: { windowStart: '17:00', windowEnd: '09:00' } }),
		);
		expect(reversed.error?.message).toBe(
			'Daily Window To: must be after Daily Window From (17:00).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});
