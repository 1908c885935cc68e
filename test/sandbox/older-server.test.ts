import { startSandbox } from './index';
import type { Sandbox } from './index';
import { call } from './test-helpers';

let sandbox: Sandbox;
let bailey: string;

beforeAll(async () => {
	// production: false so the global pipe's errors are visible in `details` (envelope.ts).
	sandbox = await startSandbox({ build: { olderServer: true }, production: false });
	bailey = sandbox.apiKeyFor('bailey');
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const hook = (url: string, extra: Record<string, unknown> = {}) => ({
	subscriberUrl: url,
	triggers: ['BOOKING_CREATED'],
	active: true,
	...extra,
});

describe('sandbox older server (build.olderServer)', () => {
	it('answers cursor paging on 2026-05-01 with 404 "Cannot GET", and still lists with 2024-08-13', async () => {
		const cursor = await call(sandbox, '/v2/bookings?limit=5', {
			key: bailey,
			version: '2026-05-01',
		});
		expect(cursor.status).toBe(404);
		expect(cursor.json.error.message).toBe('Cannot GET /v2/bookings?limit=5');
		// The request keeps the version it was sent with.
		expect(sandbox.requests[0].apiVersion).toBe('2026-05-01');

		const offset = await call(sandbox, '/v2/bookings?take=5&skip=0', {
			key: bailey,
			version: '2024-08-13',
		});
		expect(offset.status).toBe(200);
		expect(Array.isArray(offset.json.data)).toBe(true);
	});

	it('the newer build serves the same cursor request', async () => {
		sandbox.build.olderServer = false;
		const cursor = await call(sandbox, '/v2/bookings?limit=5', {
			key: bailey,
			version: '2026-05-01',
		});
		expect(cursor.status).toBe(200);
	});

	it('refuses webhook payload version 2026-07-27 with the global pipe’s 400 naming version', async () => {
		const refused = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/v', { version: '2026-07-27' }),
		});
		expect(refused.status).toBe(400);
		expect(refused.json.error.message).toBe('Bad Request Exception');
		const [error] = refused.json.error.details.errors;
		expect(error.property).toBe('version');
		expect(error.constraints).toEqual({
			isEnum: 'version must be one of the following values: 2021-10-20',
		});
		const accepted = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/v', { version: '2021-10-20' }),
		});
		expect(accepted.status).toBe(201);
		expect(accepted.json.data.version).toBe('2021-10-20');
	});

	it('refuses a trigger added after the saved document, on create and on update', async () => {
		const created = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/t'),
		});
		expect(created.status).toBe(201);
		for (const [method, path] of [
			['POST', '/v2/webhooks'],
			['PATCH', `/v2/webhooks/${created.json.data.id}`],
		]) {
			const refused = await call(sandbox, path, {
				method,
				key: bailey,
				body: hook('http://127.0.0.1:1/u', { triggers: ['BOOKING_CREATED', 'BOOKING_REASSIGNED'] }),
			});
			expect(refused.status).toBe(400);
			const [error] = refused.json.error.details.errors;
			expect(error.property).toBe('triggers');
			expect(error.constraints.isEnum).toMatch(
				/^each value in triggers must be one of the following values: BOOKING_CREATED, .*WRONG_ASSIGNMENT_REPORT$/,
			);
			expect(error.constraints.isEnum).not.toContain('BOOKING_REASSIGNED');
		}
	});
});

describe('sandbox older server with the legacy bookings list (build.olderLegacyBookings)', () => {
	it('answers cursor paging on 2026-05-01 as the 2024-04-15 controller: 200, data.bookings and a numeric nextCursor', async () => {
		sandbox.build.olderLegacyBookings = true;
		sandbox.seedBookings('bailey', 12, { start: '2027-04-01T00:00:00Z', eventTypeId: 11 });
		const legacy = await call(sandbox, '/v2/bookings?limit=5', {
			key: bailey,
			version: '2026-05-01',
		});
		expect(legacy.status).toBe(200);
		expect(Array.isArray(legacy.json.data)).toBe(false);
		expect(legacy.json.data.bookings).toHaveLength(5);
		expect(legacy.json.data.nextCursor).toBe(5);
		expect(legacy.json.data.totalCount).toBeGreaterThanOrEqual(12);
	});
});
