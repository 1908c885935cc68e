import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

const getMany = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'booking',
	operation: 'getMany',
	...extra,
});
const listRequests = (sandbox: Sandbox) =>
	sandbox.requests.filter((r) => r.path === '/v2/bookings' && r.method === 'GET');

describe('Booking → Get Many', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('returns all of 600 bookings in pages of 250 (3 requests) with Return All', async () => {
		sandbox.seedBookings('bailey', 600, { start: '2027-04-01T00:00:00Z', eventTypeId: 11 });
		const result = await runCalCom(sandbox, getMany({ returnAll: true }));
		expect(result.error).toBeUndefined();
		// 600 seeded plus bailey's fixture bookings: 3 pages.
		expect(result.items.length).toBeGreaterThanOrEqual(600);
		expect(listRequests(sandbox)).toHaveLength(3);
		expect(listRequests(sandbox).map((r) => [r.query.take, r.query.skip])).toEqual(
			Array.from({ length: Math.ceil(result.items.length / 250) }, (_, page) => [
				'250',
				String(page * 250),
			]),
		);
		expect(new Set(result.items.map((item) => item.json.uid)).size).toBe(result.items.length);
	});

	it('stops at the limit, asking only for what it needs', async () => {
		sandbox.seedBookings('bailey', 300, { start: '2027-04-01T00:00:00Z', eventTypeId: 11 });
		const result = await runCalCom(sandbox, getMany({ returnAll: false, limit: 260 }));
		expect(result.items).toHaveLength(260);
		expect(listRequests(sandbox).map((r) => [r.query.take, r.query.skip])).toEqual([
			['250', '0'],
			['10', '250'],
		]);
	});

	it('reads Output and Limit given by expressions for each item, and fixed ones the same for all', async () => {
		const perItem = await runCalCom(
			sandbox,
			getMany({
				limit: '={{ $json.limit }}',
				output: '={{ $json.raw ? "raw" : "simplified" }}',
			}),
			{
				inputItems: [
					{ limit: 1, raw: true },
					{ limit: 2, raw: false },
				],
			},
		);
		expect(perItem.error).toBeUndefined();
		expect(listRequests(sandbox).map((r) => r.query.take)).toEqual(['1', '2']);
		// Raw is Cal.com's booking (no startLocal); Simplified adds the attendee's local times.
		expect(perItem.items.map((item) => [item.pairedItem, 'startLocal' in item.json])).toEqual([
			[{ item: 0 }, false],
			[{ item: 1 }, true],
			[{ item: 1 }, true],
		]);

		const fixed = await runCalCom(sandbox, getMany({ limit: 1, output: 'raw' }), {
			inputItems: [{}, {}],
		});
		expect(fixed.items.map((item) => [item.pairedItem, 'startLocal' in item.json])).toEqual([
			[{ item: 0 }, false],
			[{ item: 1 }, false],
		]);
		expect(listRequests(sandbox).map((r) => r.query.take)).toEqual(['1', '2', '1', '1']);
	});

	it('returns no items for an empty list (Cal.com: page 0 of 0), in one request', async () => {
		const result = await runCalCom(
			sandbox,
			getMany({ returnAll: true, filters: { status: ['recurring'] } }),
		);
		expect([result.error, result.items]).toEqual([undefined, []]);
		expect(listRequests(sandbox)).toHaveLength(1);
	});

	it('pages a Cal.com build that names the count itemsReturned the same way', async () => {
		sandbox.build.paginationCountField = 'itemsReturned';
		sandbox.seedBookings('bailey', 300, { start: '2027-04-01T00:00:00Z', eventTypeId: 11 });
		const result = await runCalCom(sandbox, getMany({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(listRequests(sandbox).map((r) => r.query.skip)).toEqual(['0', '250']);
		expect(new Set(result.items.map((item) => item.json.uid)).size).toBe(result.items.length);
		expect(result.items.length).toBeGreaterThanOrEqual(300);
	});

	it('pages with cursors on the 2026-05-01 API, one status at a time', async () => {
		sandbox.seedBookings('bailey', 230, { start: '2027-04-01T00:00:00Z', eventTypeId: 11 });
		const result = await runCalCom(
			sandbox,
			getMany({
				returnAll: true,
				filters: { status: ['upcoming', 'past'] },
				options: { paging: 'cursor' },
			}),
		);
		expect(result.error).toBeUndefined();
		const requests = listRequests(sandbox);
		expect(requests.every((r) => r.headers['cal-api-version'] === '2026-05-01')).toBe(true);
		expect(requests.every((r) => r.query.limit === '100')).toBe(true);
		expect(requests.filter((r) => r.query.status === 'upcoming').length).toBeGreaterThanOrEqual(3);
		expect(requests.some((r) => r.query.status === 'past')).toBe(true);
		expect(result.items.some((item) => item.json.uid === 'PastBailey15min0000001')).toBe(true);
		expect(result.items.length).toBeGreaterThanOrEqual(230);
	});

	it.each([
		[
			{ attendeeEmail: 'priya@acme.example' },
			{ attendeeEmail: 'priya@acme.example' },
			['kEQ6lyUVxK9sKQNFvjgrCv'],
		],
		[{ attendeeName: 'Olu' }, { attendeeName: 'Olu' }, ['YgCPUQTa2ppgMvBeo1Q2Gj']],
		[
			{ bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv' },
			{ bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv' },
			['kEQ6lyUVxK9sKQNFvjgrCv'],
		],
		[{ status: ['cancelled'] }, { status: 'cancelled' }, ['Wd3You42ns8R9HDNGAiK3I']],
		[{ status: ['past'] }, { status: 'past' }, ['PastBailey15min0000001']],
		[{ eventTypeIds: '13' }, { eventTypeIds: '13' }, ['YgCPUQTa2ppgMvBeo1Q2Gj']],
		[
			{ afterStart: '2027-03-08T00:00:00Z', beforeEnd: '2027-03-09T00:00:00Z' },
			{ afterStart: '2027-03-08T00:00:00.000Z', beforeEnd: '2027-03-09T00:00:00.000Z' },
			['YgCPUQTa2ppgMvBeo1Q2Gj'],
		],
	])('filters by %j', async (filters, query, expectedUids) => {
		const result = await runCalCom(sandbox, getMany({ returnAll: true, filters }));
		expect(result.error).toBeUndefined();
		expect(listRequests(sandbox)[0].query).toMatchObject(query);
		for (const uid of expectedUids)
			expect(result.items.map((item) => item.json.uid)).toContain(uid);
		const all = await runCalCom(sandbox, getMany({ returnAll: true }));
		expect(result.items.length).toBeLessThan(all.items.length);
	});

	it('filters by created and updated time and team, sorting as asked', async () => {
		const result = await runCalCom(
			sandbox,
			getMany({
				returnAll: true,
				filters: {
					afterCreatedAt: '2020-01-01T00:00:00Z',
					beforeCreatedAt: '2030-01-01T00:00:00Z',
					afterUpdatedAt: '2020-01-01T00:00:00Z',
					beforeUpdatedAt: '2030-01-01T00:00:00Z',
					teamsIds: '100',
				},
				sort: { field: 'sortStart', direction: 'desc' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(listRequests(sandbox)[0].query).toMatchObject({
			teamsIds: '100',
			sortStart: 'desc',
			afterCreatedAt: '2020-01-01T00:00:00.000Z',
		});
		const starts = result.items.map((item) => String(item.json.start));
		expect(starts).toEqual([...starts].sort().reverse());
	});

	it('reads date filters without Z or an offset in UTC, in each form the field takes', async () => {
		const result = await runCalCom(
			sandbox,
			getMany({
				returnAll: true,
				filters: {
					afterStart: '2027-03-15',
					beforeEnd: '2027-03-16T09:00',
					afterCreatedAt: '2020-01-01T08:30:00',
					beforeCreatedAt: '2030-01-01T02:00:00+02:00',
					afterUpdatedAt: '2020-01-01T00:00Z',
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(listRequests(sandbox)[0].query).toMatchObject({
			afterStart: '2027-03-15T00:00:00.000Z',
			beforeEnd: '2027-03-16T09:00:00.000Z',
			afterCreatedAt: '2020-01-01T08:30:00.000Z',
			beforeCreatedAt: '2030-01-01T00:00:00.000Z',
			afterUpdatedAt: '2020-01-01T00:00:00.000Z',
		});
	});

	it('quotes both filters as typed when a range can match nothing, before any request', async () => {
		const result = await runCalCom(
			sandbox,
			getMany({
				returnAll: true,
				filters: { afterStart: '2027-03-20', beforeEnd: '2027-03-10T12:00' },
			}),
		);
		expect(result.error?.message).toBe(
			'Ends Before: must be after Starts After (Starts After "2027-03-20", read as 2027-03-20T00:00:00+00:00 in UTC; Ends Before "2027-03-10T12:00", read as 2027-03-10T12:00:00+00:00 in UTC).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('rejects a bad filter before any request, naming it', async () => {
		const result = await runCalCom(
			sandbox,
			getMany({ returnAll: true, filters: { eventTypeIds: '12, abc' } }),
		);
		expect(result.error?.message).toBe(
			'Event Type IDs: "abc" is not an ID (a whole number above 0).',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});
