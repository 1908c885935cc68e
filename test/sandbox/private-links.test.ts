import { NOW } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { useOfPrivateLink } from './routes/private-links';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

// The deprecated 2024-06-14 controller's answers (bookingUrl /d/<link>); the node sends 2024-09-04.
const EVENT_TYPES = '2024-06-14';
const BOOKER_URLS = '2024-09-04';
const LINKS = '/v2/event-types/{eventTypeId}/private-links';

describe('sandbox event type private links', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests()).toEqual([]));

	const links = (
		id: number,
		options: { method?: string; body?: unknown; key?: string; version?: string } = {},
	) =>
		call(sandbox, `/v2/event-types/${id}/private-links`, {
			key: bailey,
			version: EVENT_TYPES,
			...options,
		});
	const message = (res: { json: { error: { message: string } } }) => res.json.error.message;

	it('creates a single-use link that stops working after one booking through the web booker', async () => {
		const created = await links(12, { method: 'POST', body: { maxUsageCount: 1 } });
		expect(created.status).toBe(201);
		expect(responseProblems('POST', LINKS, 201, created.json, EVENT_TYPES)).toEqual([]);
		const link = created.json.data;
		expect(link).toEqual({
			linkId: expect.stringMatching(/^[0-9a-f]{32}$/),
			eventTypeId: 12,
			isExpired: false,
			bookingUrl: `https://cal.com/d/${link.linkId}`,
			maxUsageCount: 1,
			usageCount: 0,
		});
		expect(useOfPrivateLink(sandbox.state, link.linkId, new Date(NOW))).toEqual({ ok: true });
		expect(useOfPrivateLink(sandbox.state, link.linkId, new Date(NOW))).toEqual({
			ok: false,
			message: 'private_link_expired',
		});
		const listed = await links(12);
		expect(responseProblems('GET', LINKS, 200, listed.json, EVENT_TYPES)).toEqual([]);
		expect(
			listed.json.data.find((l: { linkId: string }) => l.linkId === link.linkId),
		).toMatchObject({ isExpired: true, usageCount: 1 });
	});

	it('lists a link past its expiry as expired, on the calendar clock, and refuses a booking through it', async () => {
		expect(
			useOfPrivateLink(sandbox.state, 'b1a2c3d4e5f60718293a4b5c6d7e8f90', new Date(NOW)),
		).toEqual({ ok: false, message: 'private_link_expired' });
		const listed = await links(12);
		expect(listed.json.data).toEqual([
			expect.objectContaining({
				linkId: 'b1a2c3d4e5f60718293a4b5c6d7e8f90',
				expiresAt: '2027-02-15T00:00:00.000Z',
				isExpired: true,
			}),
		]);
	});

	it('refuses a body with neither or both limits as Cal.com’s input service does', async () => {
		const neither = await links(12, { method: 'POST', body: {} });
		expect([neither.status, message(neither)]).toEqual([
			400,
			'Either expiresAt or maxUsageCount must be provided',
		]);
		const both = await links(12, {
			method: 'POST',
			body: { maxUsageCount: 2, expiresAt: '2027-04-01T00:00:00.000Z' },
		});
		expect([both.status, message(both)]).toEqual([
			400,
			'Provide only one of expiresAt or maxUsageCount',
		]);
	});

	it('updates a link to a time limit (its use limit goes), then deletes it', async () => {
		const created = await links(12, { method: 'POST', body: { maxUsageCount: 3 } });
		const id = created.json.data.linkId;
		const updated = await call(sandbox, `/v2/event-types/12/private-links/${id}`, {
			method: 'PATCH',
			key: bailey,
			version: EVENT_TYPES,
			body: { expiresAt: '2027-04-01T00:00:00.000Z' },
		});
		expect(responseProblems('PATCH', `${LINKS}/{linkId}`, 200, updated.json, EVENT_TYPES)).toEqual(
			[],
		);
		expect(updated.json.data).toEqual({
			linkId: id,
			eventTypeId: 12,
			isExpired: false,
			bookingUrl: `https://cal.com/d/${id}`,
			expiresAt: '2027-04-01T00:00:00.000Z',
		});
		const del = () =>
			call(sandbox, `/v2/event-types/12/private-links/${id}`, {
				method: 'DELETE',
				key: bailey,
				version: EVENT_TYPES,
			});
		const deleted = await del();
		expect(deleted.json.data).toEqual({ linkId: id, message: 'Private link deleted successfully' });
		const again = await del();
		expect([again.status, message(again)]).toEqual([404, 'Deleted link not found']);
	});

	it('answers 2024-09-04 with the booker page /d/<link>/<slug> on create, list and update', async () => {
		const created = await links(12, {
			method: 'POST',
			body: { maxUsageCount: 2 },
			version: BOOKER_URLS,
		});
		expect(responseProblems('POST', LINKS, 201, created.json, BOOKER_URLS)).toEqual([]);
		const id = String(created.json.data.linkId);
		expect(created.json.data.bookingUrl).toBe(`https://cal.com/d/${id}/30min`);
		const listed = await links(12, { version: BOOKER_URLS });
		expect(listed.json.data.map((l: { bookingUrl: string }) => l.bookingUrl)).toEqual([
			'https://cal.com/d/b1a2c3d4e5f60718293a4b5c6d7e8f90/30min',
			`https://cal.com/d/${id}/30min`,
		]);
		const updated = await call(sandbox, `/v2/event-types/12/private-links/${id}`, {
			method: 'PATCH',
			key: bailey,
			version: BOOKER_URLS,
			body: { maxUsageCount: 4 },
		});
		expect(updated.json.data).toMatchObject({
			bookingUrl: `https://cal.com/d/${id}/30min`,
			maxUsageCount: 4,
		});
	});

	it("answers 2024-09-04 for an organization user's event type on the organization's booker domain", async () => {
		const created = await call(sandbox, '/v2/event-types/49/private-links', {
			method: 'POST',
			key: sandbox.apiKeyFor('priya'),
			version: BOOKER_URLS,
			body: { maxUsageCount: 1 },
		});
		expect(created.status).toBe(201);
		expect(created.json.data.bookingUrl).toBe(
			`https://northwind.cal.com/d/${String(created.json.data.linkId)}/discovery-call`,
		);
		const old = await call(sandbox, '/v2/event-types/49/private-links', {
			key: sandbox.apiKeyFor('priya'),
			version: EVENT_TYPES,
		});
		expect(old.json.data[0].bookingUrl).toBe(
			`https://cal.com/d/${String(created.json.data.linkId)}`,
		);
	});

	it('answers a version neither private-links controller serves with 404', async () => {
		const res = await links(12, { version: '2026-06-12' });
		expect([res.status, message(res)]).toEqual([
			404,
			'Cannot GET /v2/event-types/12/private-links',
		]);
		expect(sandbox.invalidRequests().map((r) => r.problems)).toEqual([
			[
				'cal-api-version 2026-06-12 is not served by /v2/event-types/12/private-links (expects 2024-04-15 or 2024-06-11 or 2024-06-14 or 2024-08-13 or 2024-09-04)',
			],
		]);
		sandbox.reset();
	});

	it('answers 404 for an event type that is not the caller’s own', async () => {
		const other = await links(21);
		expect([other.status, message(other)]).toEqual([404, 'Event type with id 21 not found']);
	});
});
