import type { INodeParameters } from 'n8n-workflow';

import { runWebhookMethod } from '../harness';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { MARCH, runCalCom } from './helpers';
import { triggerOptions } from './trigger-helpers';

/**
 * The node against an older self-hosted Cal.com (the sandbox's build.olderServer): the newer API
 * forms fall back once to the older one and stay there for the execution, or fail naming what the
 * server lacks and what to pick instead.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: MARCH, timeScale: 0.01, build: { olderServer: true } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const bookingLists = () =>
	sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v2/bookings');
const webhookWrites = () =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v2/webhooks');
/** Every request the sandbox found wrong, as "<version> <path>". */
const invalid = () => sandbox.invalidRequests().map((r) => `${r.apiVersion} ${r.path}`);

describe('older self-hosted Cal.com: Booking → Get Many with cursor paging', () => {
	it('falls back once to take/skip and sends take/skip for the rest of the execution', async () => {
		sandbox.seedBookings('bailey', 30, { start: '2027-04-01T00:00:00Z', eventTypeId: 11 });
		const result = await runCalCom(
			sandbox,
			{
				resource: 'booking',
				operation: 'getMany',
				returnAll: false,
				limit: 20,
				options: { paging: 'cursor' },
			},
			{ inputItems: [{ n: 1 }, { n: 2 }, { n: 3 }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(60);
		const versions = bookingLists().map((r) => r.apiVersion);
		// One cursor request (404 "Cannot GET"), then take/skip for all three items.
		expect(versions).toEqual(['2026-05-01', '2024-08-13', '2024-08-13', '2024-08-13']);
		expect(bookingLists()[0].status).toBe(404);
		expect(bookingLists()[0].query.limit).toBe('20');
		expect(
			bookingLists()
				.slice(1)
				.map((r) => [r.query.take, r.query.skip]),
		).toEqual([
			['20', '0'],
			['20', '0'],
			['20', '0'],
		]);
		expect(invalid()).toEqual(['2026-05-01 /v2/bookings']);
	});

	it('falls back the same way when the server answers in the legacy 2024-04-15 shape (200, no list)', async () => {
		sandbox.build.olderLegacyBookings = true;
		const result = await runCalCom(
			sandbox,
			{
				resource: 'booking',
				operation: 'getMany',
				returnAll: false,
				limit: 3,
				options: { paging: 'cursor' },
			},
			{ inputItems: [{ n: 1 }, { n: 2 }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(6);
		expect(bookingLists().map((r) => [r.apiVersion, r.status])).toEqual([
			['2026-05-01', 200],
			['2024-08-13', 200],
			['2024-08-13', 200],
		]);
	});

	it('asks again with cursor paging in the next execution (nothing is kept across executions)', async () => {
		const parameters: INodeParameters = {
			resource: 'booking',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			options: { paging: 'cursor' },
		};
		await runCalCom(sandbox, parameters);
		await runCalCom(sandbox, parameters);
		expect(bookingLists().map((r) => r.apiVersion)).toEqual([
			'2026-05-01',
			'2024-08-13',
			'2026-05-01',
			'2024-08-13',
		]);
	});
});

describe('older self-hosted Cal.com: Webhook → Create with payload version 2026-07-27', () => {
	const create = (triggers: string[]): INodeParameters => ({
		resource: 'webhook',
		operation: 'create',
		subscriberUrl: '={{ $json.url }}',
		triggers,
		options: { version: '2026-07-27' },
	});

	it('falls back once to 2021-10-20 and creates the next webhooks in it directly', async () => {
		const result = await runCalCom(sandbox, create(['BOOKING_CREATED']), {
			inputItems: [{ url: 'https://example.com/hooks/1' }, { url: 'https://example.com/hooks/2' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.version)).toEqual(['2021-10-20', '2021-10-20']);
		expect(webhookWrites().map((r) => [(r.body as { version: string }).version, r.status])).toEqual(
			[
				['2026-07-27', 400],
				['2021-10-20', 201],
				['2021-10-20', 201],
			],
		);
		expect(sandbox.state.webhooks.map((w) => w.version)).toEqual(['2021-10-20', '2021-10-20']);
	});

	it('with a newer trigger too, fails naming the trigger and what to do, creating nothing', async () => {
		const result = await runCalCom(sandbox, create(['BOOKING_CREATED', 'BOOKING_REASSIGNED']), {
			inputItems: [{ url: 'https://example.com/hooks/r' }],
		});
		expect(result.error?.message).toBe(
			'This Cal.com server does not support the trigger event BOOKING_REASSIGNED: remove BOOKING_REASSIGNED from Events, or update the server',
		);
		expect((result.error as { description?: string }).description).toMatch(
			/newer Cal\.com versions/,
		);
		expect(webhookWrites().map((r) => r.status)).toEqual([400, 400]);
		expect(sandbox.state.webhooks).toEqual([]);
	});
});

describe('older self-hosted Cal.com: Webhook → Update with payload version 2026-07-27', () => {
	it('falls back once to 2021-10-20 and keeps the webhook’s other changes', async () => {
		const created = await runCalCom(sandbox, {
			resource: 'webhook',
			operation: 'create',
			subscriberUrl: 'https://example.com/hooks/u',
			triggers: ['BOOKING_CREATED'],
		});
		const id = String(created.items[0].json.id);
		const result = await runCalCom(sandbox, {
			resource: 'webhook',
			operation: 'update',
			webhookId: { __rl: true, mode: 'id', value: id },
			updateFields: { version: '2026-07-27', active: false },
		});
		expect(result.error).toBeUndefined();
		const patches = sandbox.requests.filter((r) => r.method === 'PATCH');
		expect(patches.map((r) => [(r.body as { version: string }).version, r.status])).toEqual([
			['2026-07-27', 400],
			['2021-10-20', 200],
		]);
		expect(sandbox.state.webhooks[0]).toMatchObject({ version: '2021-10-20', active: false });
	});
});

describe('older self-hosted Cal.com: Cal.com Trigger', () => {
	const activateWith = async (parameters: INodeParameters) =>
		await runWebhookMethod(triggerOptions(sandbox, { parameters }), 'create');

	it('with a newer event, activation fails naming the event and that the server lacks it', async () => {
		await expect(
			activateWith({
				scope: 'user',
				events: ['BOOKING_CREATED', 'BOOKING_REASSIGNED', 'CALENDAR_ENTRY_REJECTED'],
			}),
		).rejects.toThrow(
			'This Cal.com server does not support the trigger events BOOKING_REASSIGNED, CALENDAR_ENTRY_REJECTED: remove BOOKING_REASSIGNED, CALENDAR_ENTRY_REJECTED from Events, or update the server',
		);
		expect(sandbox.state.webhooks).toEqual([]);
	});

	it('with payload version 2026-07-27, activation fails naming the version and what to pick', async () => {
		await expect(
			activateWith({
				scope: 'user',
				events: ['BOOKING_CREATED'],
				options: { payloadVersion: '2026-07-27' },
			}),
		).rejects.toThrow(
			'This Cal.com server does not support webhook payload version 2026-07-27: pick Payload Version 2021-10-20 in Options, or update the server',
		);
		expect(sandbox.state.webhooks).toEqual([]);
	});

	it('with older events and version, activation registers the webhook', async () => {
		const created = await activateWith({ scope: 'user', events: ['BOOKING_CREATED'] });
		expect(created.result).toBe(true);
		expect(sandbox.state.webhooks).toHaveLength(1);
	});
});
