import { BOOKINGS, NOW } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const CURSOR = '2026-05-01';

describe('sandbox GET /v2/bookings', () => {
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

	const list = (query: string, key = bailey, version = BOOKINGS) =>
		call(sandbox, `/v2/bookings${query}`, { key, version });
	const uids = (res: { json: { data: Array<{ uid: string }> } }) => res.json.data.map((b) => b.uid);

	it('lists only the caller’s bookings, in the documented shape with the offset pagination object', async () => {
		const res = await list('');
		expect(res.status).toBe(200);
		expect(responseProblems('GET', '/v2/bookings', 200, res.json, BOOKINGS)).toEqual([]);
		expect(uids(res)).toEqual([
			'PastBailey15min0000001',
			'kEQ6lyUVxK9sKQNFvjgrCv',
			'Wd3You42ns8R9HDNGAiK3I',
			'a0lXZUoaSYF2vxirZdZ6vQ',
			'YgCPUQTa2ppgMvBeo1Q2Gj',
		]);
		expect(res.json.pagination).toEqual({
			totalItems: 5,
			remainingItems: 0,
			returnedItems: 5,
			itemsPerPage: 100,
			currentPage: 1,
			totalPages: 1,
			hasNextPage: false,
			hasPreviousPage: false,
		});
		expect((await call(sandbox, '/v2/bookings', { version: BOOKINGS })).status).toBe(401);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('filters by status, one or several', async () => {
		expect(uids(await list('?status=upcoming'))).toEqual([
			'kEQ6lyUVxK9sKQNFvjgrCv',
			'YgCPUQTa2ppgMvBeo1Q2Gj',
		]);
		expect(uids(await list('?status=past'))).toEqual(['PastBailey15min0000001']);
		expect(uids(await list('?status=cancelled'))).toEqual([
			'a0lXZUoaSYF2vxirZdZ6vQ',
			'Wd3You42ns8R9HDNGAiK3I',
		]);
		expect(uids(await list('?status=upcoming,past'))).toHaveLength(3);
		expect(uids(await list('?status=unconfirmed', lena))).toEqual(['PendingDeepDiveLena001']);
		expect(uids(await list('?status=recurring'))).toEqual([]);
		const bad = await list('?status=later');
		expect(bad.status).toBe(400);
	});

	it('filters by attendee, uid, event types, teams, and start/end, created and updated times', async () => {
		expect(uids(await list('?attendeeEmail=PRIYA@acme.example'))).toEqual([
			'kEQ6lyUVxK9sKQNFvjgrCv',
		]);
		expect(uids(await list('?attendeeName=olu'))).toEqual(['YgCPUQTa2ppgMvBeo1Q2Gj']);
		expect(uids(await list('?bookingUid=Wd3You42ns8R9HDNGAiK3I'))).toEqual([
			'Wd3You42ns8R9HDNGAiK3I',
		]);
		expect(uids(await list('?eventTypeIds=12,13'))).toEqual([
			'kEQ6lyUVxK9sKQNFvjgrCv',
			'a0lXZUoaSYF2vxirZdZ6vQ',
			'YgCPUQTa2ppgMvBeo1Q2Gj',
		]);
		expect(uids(await list('?eventTypeId=11'))).toEqual([
			'PastBailey15min0000001',
			'Wd3You42ns8R9HDNGAiK3I',
		]);
		expect(uids(await list('?teamsIds=100', lena))).toEqual([
			'hwmrAH8t1I3vthnx9usSx4',
			'wohvpmDhCY9MxyM6zc6bBC',
			'Rr53SupportLenaKenji01',
		]);
		expect(uids(await list('?teamId=100', lena))).toHaveLength(3);
		expect(
			uids(await list('?afterStart=2027-03-03T00:00:00Z&beforeEnd=2027-03-06T00:00:00Z')),
		).toEqual(['Wd3You42ns8R9HDNGAiK3I', 'a0lXZUoaSYF2vxirZdZ6vQ']);
		expect(uids(await list('?afterCreatedAt=2027-01-01T00:00:00Z'))).toEqual([
			'PastBailey15min0000001',
		]);
		expect(uids(await list('?beforeCreatedAt=2027-01-01T00:00:00Z'))).toHaveLength(4);
		expect(uids(await list('?afterUpdatedAt=2027-01-01T00:00:00Z'))).toEqual([
			'PastBailey15min0000001',
		]);
		expect(uids(await list('?beforeUpdatedAt=2026-12-01T00:00:00Z'))).toHaveLength(4);
	});

	it('sorts by start, end, creation or update', async () => {
		expect(uids(await list('?sortStart=desc'))[0]).toBe('YgCPUQTa2ppgMvBeo1Q2Gj');
		expect(uids(await list('?sortEnd=asc'))[0]).toBe('PastBailey15min0000001');
		expect(uids(await list('?sortCreated=desc'))[0]).toBe('PastBailey15min0000001');
		expect(uids(await list('?sortUpdatedAt=asc'))[4]).toBe('PastBailey15min0000001');
	});

	it('pages with take/skip across seeded bookings and refuses take outside 1–250', async () => {
		sandbox.seedBookings('bailey', 250, { start: '2027-04-01T00:00:00Z' });
		const first = await list('?take=100&status=upcoming');
		expect(first.json.pagination).toMatchObject({
			totalItems: 252,
			returnedItems: 100,
			remainingItems: 152,
			currentPage: 1,
			totalPages: 3,
			hasNextPage: true,
			hasPreviousPage: false,
		});
		const last = await list('?take=100&skip=200&status=upcoming');
		expect(last.json.pagination).toMatchObject({
			returnedItems: 52,
			remainingItems: 0,
			currentPage: 3,
			hasNextPage: false,
			hasPreviousPage: true,
		});
		const seen = new Set([
			...uids(first),
			...uids(await list('?take=100&skip=100&status=upcoming')),
			...uids(last),
		]);
		expect(seen.size).toBe(252);
		expect(responseProblems('GET', '/v2/bookings', 200, last.json, BOOKINGS)).toEqual([]);
		const tooMany = await list('?take=251');
		// The global validation pipe: a fixed message, no details on hosted Cal.com (validation-errors.test.ts).
		expect([tooMany.status, tooMany.json.error.message]).toEqual([400, 'Bad Request Exception']);
		expect((await list('?take=0')).json.error).toEqual({
			code: 'BadRequestException',
			message: 'Bad Request Exception',
		});
	});

	it('answers an empty list as page 0 of 0, and a skip past the end as the last page with nothing in it', async () => {
		const empty = await list('?status=recurring');
		expect([empty.json.data, empty.json.pagination]).toEqual([
			[],
			{
				returnedItems: 0,
				totalItems: 0,
				itemsPerPage: 100,
				remainingItems: 0,
				currentPage: 0,
				totalPages: 0,
				hasNextPage: false,
				hasPreviousPage: false,
			},
		]);
		expect(responseProblems('GET', '/v2/bookings', 200, empty.json, BOOKINGS)).toEqual([]);
		// Five bookings, pages of two: skip 40 is clamped to 5 for the figures, and nothing comes back.
		const past = await list('?take=2&skip=40');
		expect([past.json.data, past.json.pagination]).toEqual([
			[],
			{
				returnedItems: 0,
				totalItems: 5,
				itemsPerPage: 2,
				remainingItems: 0,
				currentPage: 3,
				totalPages: 3,
				hasNextPage: false,
				hasPreviousPage: true,
			},
		]);
		const last = await list('?take=2&skip=4');
		expect([
			uids(last),
			last.json.pagination.currentPage,
			last.json.pagination.returnedItems,
		]).toEqual([['YgCPUQTa2ppgMvBeo1Q2Gj'], 3, 1]);
		expect(responseProblems('GET', '/v2/bookings', 200, past.json, BOOKINGS)).toEqual([]);
	});

	it('refuses a negative skip, and names the count itemsReturned when playing the earlier pagination helper', async () => {
		const negative = await list('?skip=-1');
		expect([negative.status, negative.json.error.message]).toEqual([400, 'Bad Request Exception']); // the global pipe (GetBookingsInput's @Min(0)), as for take
		sandbox.build.paginationCountField = 'itemsReturned';
		const older = await list('?take=2&skip=2');
		expect(older.json.pagination).toEqual({
			itemsReturned: 2,
			totalItems: 5,
			itemsPerPage: 2,
			remainingItems: 1,
			currentPage: 2,
			totalPages: 3,
			hasNextPage: true,
			hasPreviousPage: true,
		});
		expect(responseProblems('GET', '/v2/bookings', 200, older.json, BOOKINGS)).toEqual([]);
	});

	it('pages with limit/cursor under 2026-05-01, one status at a time', async () => {
		sandbox.seedBookings('bailey', 120, { start: '2027-04-01T00:00:00Z' });
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res = await list(
				`?status=upcoming&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
				bailey,
				CURSOR,
			);
			expect(res.status).toBe(200);
			for (const item of res.json.data)
				expect(
					responseProblems(
						'GET',
						'/v2/bookings/{bookingUid}',
						200,
						{ status: 'success', data: item },
						BOOKINGS,
					),
				).toEqual([]);
			seen.push(...uids(res));
			cursor = res.json.pagination.nextCursor;
			expect(res.json.pagination.hasMore).toBe(cursor !== null);
			pages++;
		} while (cursor);
		expect([pages, seen.length, new Set(seen).size]).toEqual([3, 122, 122]);
		const past = await list('?status=past', bailey, CURSOR);
		expect(past.json).toMatchObject({ pagination: { nextCursor: null, hasMore: false } });
		expect((await list('?status=upcoming,past', bailey, CURSOR)).status).toBe(400);
		expect((await list('?limit=101', bailey, CURSOR)).status).toBe(400);
		expect((await list('?take=10', bailey, CURSOR)).status).toBe(200);
		expect(sandbox.invalidRequests().map((r) => r.query)).toEqual([
			{ status: 'upcoming,past' },
			{ limit: '101' },
			{ take: '10' },
		]);
	});

	it('seeds 20,000 bookings quickly and still pages them', async () => {
		// CPU time of this process, not wall-clock time: a busy machine delays it, but does not add to it.
		const started = process.cpuUsage();
		sandbox.seedBookings('bailey', 20_000);
		const res = await list('?take=250&skip=19750');
		expect(res.json.pagination).toMatchObject({
			totalItems: 20_005,
			returnedItems: 250,
			hasNextPage: true,
		});
		const used = process.cpuUsage(started);
		expect((used.user + used.system) / 1000).toBeLessThan(5000);
	});
});
