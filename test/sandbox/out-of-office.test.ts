/**
 * Out-of-office entries over HTTP: Cal.com's checks on an entry, and what an entry does — the
 * user offers no slots on its days, and a booking there is refused.
 */
import { book } from './booking-helpers';
import type { Sandbox } from './index';
import { startSandbox } from './index';
import { responseProblems } from './response-check';
import { call, slots, starts } from './test-helpers';

const omar = 'cal_live_42b7e1f0a9c8d7e6f5a4b3c2d1e0f9a8'; // ADMIN of organization 900
const priya = 'cal_live_43c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5'; // MEMBER
const TAKEN = 'User either already has booking at this time or is not available';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

const create = (body: Record<string, unknown>, userId = 83, key = omar) =>
	call(sandbox, `/v2/organizations/900/users/${userId}/ooo`, { method: 'POST', key, body });

const message = (res: { json: { error: { message: string } } }) => res.json.error.message;

describe('sandbox out of office: entries', () => {
	it('stores whole UTC days, "unspecified" when no reason is given, in the documented shape', async () => {
		const res = await create({ start: '2027-03-03T10:30:00Z', end: '2027-03-04T08:00:00.000Z' });
		expect(res.status).toBe(201);
		expect(res.json.data).toMatchObject({
			userId: 83,
			start: '2027-03-03T00:00:00.000Z',
			end: '2027-03-04T23:59:59.999Z',
			reason: 'unspecified',
			toUserId: null,
			notes: null,
		});
		expect(
			responseProblems('POST', '/v2/organizations/{orgId}/users/{userId}/ooo', 201, res.json),
		).toEqual([]);
		const list = await call(sandbox, '/v2/organizations/900/ooo?email=priya@northwind.example', {
			key: omar,
		});
		expect(list.json.data.map((e: { id: number }) => e.id)).toEqual([res.json.data.id]);
		expect(responseProblems('GET', '/v2/organizations/{orgId}/ooo', 200, list.json)).toEqual([]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('refuses what Cal.com’s out-of-office service refuses, with its texts', async () => {
		expect(
			message(await create({ start: '2027-03-05T00:00:00Z', end: '2027-03-04T00:00:00Z' })),
		).toBe('Start date must be before end date.');
		expect(
			message(await create({ start: '2027-03-03T10:00:00+01:00', end: '2027-03-04T00:00:00Z' })),
		).toBe('Invalid Date.');
		const self = await create({
			start: '2027-03-03T00:00:00Z',
			end: '2027-03-04T00:00:00Z',
			toUserId: 83,
		});
		expect([self.status, message(self)]).toEqual([400, 'Cannot redirect to self.']);
		const outsider = await create({
			start: '2027-03-03T00:00:00Z',
			end: '2027-03-04T00:00:00Z',
			toUserId: 1,
		});
		expect([outsider.status, message(outsider)]).toEqual([400, 'Cannot redirect to this user.']);
		expect(
			(await create({ start: '2027-03-03T00:00:00Z', end: '2027-03-04T00:00:00Z', toUserId: 82 }))
				.status,
		).toBe(201);
		const again = await create({ start: '2027-03-03T05:00:00Z', end: '2027-03-04T05:00:00Z' });
		expect([again.status, message(again)]).toEqual([409, 'Ooo entry already exists.']);
		const loop = await create(
			{ start: '2027-03-04T00:00:00Z', end: '2027-03-05T00:00:00Z', toUserId: 83 },
			82,
		);
		expect([loop.status, message(loop)]).toEqual([400, 'Booking redirect infinite not allowed.']);
		const reason = await create({
			start: '2027-03-08T00:00:00Z',
			end: '2027-03-09T00:00:00Z',
			reason: 'holiday',
		});
		expect([reason.status, message(reason)]).toEqual([400, 'Bad Request Exception']);
	});

	it('updates and deletes only an entry of the user in the path (IsUserOOO)', async () => {
		const made = await create({ start: '2027-03-03T00:00:00Z', end: '2027-03-04T00:00:00Z' });
		const id = made.json.data.id as number;
		const half = await call(sandbox, `/v2/organizations/900/users/83/ooo/${id}`, {
			method: 'PATCH',
			key: omar,
			body: { start: '2027-03-10T00:00:00Z' },
		});
		expect([half.status, message(half)]).toEqual([
			400,
			'Please specify both ooo start and end time.',
		]);
		const updated = await call(sandbox, `/v2/organizations/900/users/83/ooo/${id}`, {
			method: 'PATCH',
			key: omar,
			body: { reason: 'sick', notes: 'Flu' },
		});
		expect(updated.json.data).toMatchObject({ id, reason: 'sick', notes: 'Flu' });
		const foreign = await call(sandbox, `/v2/organizations/900/users/82/ooo/${id}`, {
			method: 'DELETE',
			key: omar,
		});
		expect([foreign.status, message(foreign)]).toEqual([
			403,
			'This OOO entry does not belong to this user.',
		]);
		const removed = await call(sandbox, `/v2/organizations/900/users/83/ooo/${id}`, {
			method: 'DELETE',
			key: omar,
		});
		expect(removed.status).toBe(200);
		expect(sandbox.state.outOfOffice).toEqual([]);
	});

	it('refuses an organization MEMBER’s key, even for their own entries', async () => {
		const res = await create(
			{ start: '2027-03-03T00:00:00Z', end: '2027-03-04T00:00:00Z' },
			83,
			priya,
		);
		expect(res.status).toBe(403);
		expect(message(res)).toMatch(
			/^RolesGuard - user with id=83 does not have the minimum required role=ORG_ADMIN/,
		);
	});
});

describe('sandbox out of office: availability', () => {
	const week = {
		eventTypeId: '49',
		start: '2027-03-02',
		end: '2027-03-05',
		timeZone: 'Europe/London',
	};

	it('offers no slots on the entry’s days and refuses a booking there', async () => {
		const before = starts(await slots(sandbox, week));
		expect(Object.keys(before)).toEqual(['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']);
		await create({
			start: '2027-03-03T00:00:00Z',
			end: '2027-03-04T00:00:00Z',
			reason: 'vacation',
		});
		const after = starts(await slots(sandbox, week));
		expect(Object.keys(after)).toEqual(['2027-03-02', '2027-03-05']);
		expect(after['2027-03-02']).toEqual(before['2027-03-02']);
		const refused = await book(sandbox, { eventTypeId: 49, start: '2027-03-03T10:00:00.000Z' });
		expect([refused.status, message(refused)]).toEqual([400, TAKEN]);
		expect(
			(await book(sandbox, { eventTypeId: 49, start: '2027-03-05T10:00:00.000Z' })).status,
		).toBe(201);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('gives the days back when the entry is deleted', async () => {
		const made = await create({ start: '2027-03-03T00:00:00Z', end: '2027-03-03T00:00:00Z' });
		expect(Object.keys(starts(await slots(sandbox, week)))).not.toContain('2027-03-03');
		await call(sandbox, `/v2/organizations/900/users/83/ooo/${made.json.data.id}`, {
			method: 'DELETE',
			key: omar,
		});
		expect(Object.keys(starts(await slots(sandbox, week)))).toContain('2027-03-03');
	});
});
