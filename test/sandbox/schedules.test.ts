import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call, slots, starts } from './test-helpers';

const V = '2024-06-11';

describe('sandbox schedules (2024-06-11)', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests().filter((r) => r.status < 400)).toEqual([]));

	it('lists the caller’s own schedules, reads the default and one by id, in the documented shape', async () => {
		const list = await call(sandbox, '/v2/schedules', { key: bailey, version: V });
		expect(list.status).toBe(200);
		expect(
			list.json.data.map((s: { id: number; isDefault: boolean }) => [s.id, s.isDefault]),
		).toEqual([
			[1, true],
			[4, false],
		]);
		expect(responseProblems('GET', '/v2/schedules', 200, list.json, V)).toEqual([]);
		const fallback = await call(sandbox, '/v2/schedules/default', { key: lena, version: V });
		expect(fallback.json.data).toMatchObject({
			id: 2,
			name: 'Arbeitszeit',
			isDefault: true,
			timeZone: 'Europe/Berlin',
		});
		expect(responseProblems('GET', '/v2/schedules/default', 200, fallback.json, V)).toEqual([]);
		const one = await call(sandbox, '/v2/schedules/4', { key: bailey, version: V });
		expect(one.json.data).toEqual({
			id: 4,
			ownerId: 1,
			name: 'Evenings',
			timeZone: 'America/New_York',
			availability: [{ days: ['Tuesday', 'Thursday'], startTime: '18:00', endTime: '21:00' }],
			isDefault: false,
			overrides: [],
		});
	});

	it('answers someone else’s schedule with 403 and a missing one with 404', async () => {
		const foreign = await call(sandbox, '/v2/schedules/4', { key: lena, version: V });
		expect(foreign.status).toBe(403);
		expect(foreign.json.error.message).toBe('User with id=2 does not own schedule with id=4');
		const missing = await call(sandbox, '/v2/schedules/999', { key: lena, version: V });
		expect(missing.status).toBe(404);
		expect(missing.json.error.message).toBe('Schedule with id=999 not found');
	});

	it('creates a schedule (Mon–Fri 09–17 when no availability is given); a new default unsets the old one', async () => {
		// New IDs follow the largest in the fixture (which other families' users share).
		const next = Math.max(...sandbox.state.schedules.map((s) => s.id)) + 1;
		const plain = await call(sandbox, '/v2/schedules', {
			method: 'POST',
			key: bailey,
			version: V,
			body: { name: 'Plain', timeZone: 'Europe/London', isDefault: false },
		});
		expect(plain.status).toBe(201);
		expect(plain.json.data).toMatchObject({
			id: next,
			ownerId: 1,
			isDefault: false,
			availability: [
				{
					days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
					startTime: '09:00',
					endTime: '17:00',
				},
			],
		});
		expect(responseProblems('POST', '/v2/schedules', 201, plain.json, V)).toEqual([]);
		const body = {
			name: 'Weekends',
			timeZone: 'America/New_York',
			isDefault: true,
			availability: [{ days: ['Saturday'], startTime: '10:00', endTime: '14:00' }],
			overrides: [{ date: '2027-03-13', startTime: '00:00', endTime: '00:00' }],
		};
		const created = await call(sandbox, '/v2/schedules', {
			method: 'POST',
			key: bailey,
			version: V,
			body,
		});
		expect(created.json.data).toMatchObject({
			id: next + 1,
			isDefault: true,
			overrides: body.overrides,
		});
		expect(sandbox.state.users.find((u) => u.username === 'bailey')?.defaultScheduleId).toBe(
			next + 1,
		);
		const list = await call(sandbox, '/v2/schedules', { key: bailey, version: V });
		expect(
			list.json.data
				.filter((s: { isDefault: boolean }) => s.isDefault)
				.map((s: { id: number }) => s.id),
		).toEqual([next + 1]);
	});

	it('rejects times that are not HH:MM and day names Cal.com does not know, before the handler', async () => {
		const before = sandbox.state.schedules.length;
		const bad = await call(sandbox, '/v2/schedules', {
			method: 'POST',
			key: bailey,
			version: V,
			body: {
				name: 'Bad',
				timeZone: 'UTC',
				isDefault: false,
				availability: [{ days: ['Funday'], startTime: '9:00', endTime: '25:00' }],
			},
		});
		expect(bad.status).toBe(400);
		expect(sandbox.invalidRequests()).toHaveLength(1);
		expect(sandbox.state.schedules).toHaveLength(before);
		const zone = await call(sandbox, '/v2/schedules', {
			method: 'POST',
			key: bailey,
			version: V,
			body: { name: 'Zone', timeZone: 'Mars/Olympus', isDefault: false },
		});
		expect(zone.status).toBe(400);
	});

	it('patches any subset, and the slots follow the new hours', async () => {
		const before = await slots(sandbox, {
			eventTypeId: '21',
			start: '2027-03-29',
			end: '2027-03-29',
			timeZone: 'Europe/Berlin',
		});
		expect(starts(before)['2027-03-29'][0]).toBe('2027-03-29T09:00:00.000+02:00');
		const patched = await call(sandbox, '/v2/schedules/2', {
			method: 'PATCH',
			key: lena,
			version: V,
			body: { availability: [{ days: ['Monday'], startTime: '13:00', endTime: '15:00' }] },
		});
		expect(patched.status).toBe(200);
		expect(patched.json.data).toMatchObject({
			name: 'Arbeitszeit',
			timeZone: 'Europe/Berlin',
			isDefault: true,
		});
		expect(responseProblems('PATCH', '/v2/schedules/{scheduleId}', 200, patched.json, V)).toEqual(
			[],
		);
		const after = await slots(sandbox, {
			eventTypeId: '21',
			start: '2027-03-29',
			end: '2027-03-29',
			timeZone: 'Europe/Berlin',
		});
		expect(starts(after)['2027-03-29']).toEqual([
			'2027-03-29T13:00:00.000+02:00',
			'2027-03-29T13:30:00.000+02:00',
			'2027-03-29T14:00:00.000+02:00',
			'2027-03-29T14:30:00.000+02:00',
		]);
	});

	it('deletes a schedule with {status: "success"}, but not the default one (400)', async () => {
		const refused = await call(sandbox, '/v2/schedules/1', {
			method: 'DELETE',
			key: bailey,
			version: V,
		});
		expect(refused.status).toBe(400);
		expect(refused.json.error.message).toBe(
			'Cannot delete the default schedule. Make another schedule the default first.',
		);
		const deleted = await call(sandbox, '/v2/schedules/4', {
			method: 'DELETE',
			key: bailey,
			version: V,
		});
		expect(deleted.status).toBe(200);
		expect(deleted.json).toEqual({ status: 'success' });
		expect(sandbox.state.eventTypes.find((e) => e.id === 14)?.scheduleId).toBeNull();
		expect(
			(await call(sandbox, '/v2/schedules/4', { method: 'DELETE', key: bailey, version: V }))
				.status,
		).toBe(400);
	});
});
