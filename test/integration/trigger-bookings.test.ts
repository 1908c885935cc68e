/**
 * End to end through n8n-core: the Cal.com Trigger subscribes in the sandbox, the Cal.com node
 * books, reschedules and cancels, and the sandbox's own signed deliveries of those changes reach
 * the trigger's webhook() through a tiny 127.0.0.1 receiver (standing in for n8n's webhook server).
 */
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWebhookMethod } from '../harness';
import { runCalCom, useSandbox } from './helpers';
import { deactivate, deliver, nodeData, triggerOptions } from './trigger-helpers';

const sandbox = useSandbox();
const ANSWERS = { company: 'Acme', 'team-size': '11-50', 'accept-terms': 'true' };
const EVENTS = ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED'];

function createParams(start: string): INodeParameters {
	return {
		resource: 'booking',
		operation: 'create',
		lookup: 'eventTypeId',
		eventTypeId: { __rl: true, mode: 'id', value: '12' },
		start,
		attendeeName: 'Ana Silva',
		attendeeEmail: 'ana@example.com',
		attendeeTimeZone: 'America/New_York',
		bookingQuestions: {
			answers: Object.entries(ANSWERS).map(([question, value]) => ({ question, value })),
		},
	};
}

interface Execution {
	status: number;
	signature: string;
	rawBody: string;
	items?: IDataObject[];
}

describe('Cal.com Trigger ← the sandbox’s deliveries of bookings made by the Cal.com node', () => {
	let receiver: Server;
	let baseUrl: string;
	let active: { parameters: INodeParameters; staticData: IDataObject } | undefined;
	const executions: Execution[] = [];

	beforeAll(async () => {
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const rawBody = Buffer.concat(chunks);
				const headers = Object.fromEntries(
					Object.entries(req.headers).map(([k, v]) => [
						k,
						Array.isArray(v) ? v.join(', ') : (v ?? ''),
					]),
				);
				if (!active) {
					res.writeHead(410).end('no active workflow');
					return;
				}
				deliver(
					sandbox(),
					{ ...active, webhookBaseUrl: baseUrl },
					{ body: JSON.parse(rawBody.toString('utf8')), headers, rawBody },
				)
					.then(({ response, recorded }) => {
						executions.push({
							status: recorded.statusCode,
							signature: headers['x-cal-signature-256'],
							rawBody: rawBody.toString('utf8'),
							items: response.workflowData?.[0].map((item) => item.json),
						});
						res.writeHead(recorded.statusCode).end();
					})
					.catch((error: Error) => res.writeHead(500).end(error.message));
			});
		});
		receiver.listen(0, '127.0.0.1');
		await once(receiver, 'listening');
		baseUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
	});
	afterAll(async () => {
		receiver.close();
		await once(receiver, 'close');
	});
	beforeEach(() => {
		executions.length = 0;
		active = undefined;
	});

	it('runs the workflow once per booking change, verified, then after deactivation nothing is delivered', async () => {
		const parameters: INodeParameters = { events: EVENTS, scope: 'user' };
		const created = await runWebhookMethod(
			triggerOptions(sandbox(), { parameters, webhookBaseUrl: baseUrl }),
			'create',
		);
		expect(created.result).toBe(true);
		active = { parameters, staticData: created.staticData };
		const secret = String(nodeData(created.staticData).secret);
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(sandbox().state.webhooks).toMatchObject([
			{
				userId: 1,
				triggers: [...EVENTS].sort(),
				active: true,
				subscriberUrl: `${baseUrl}/harness-webhook-id/webhook`,
			},
		]);

		const booked = await runCalCom(sandbox(), createParams('2027-03-15T13:00:00Z'));
		expect(booked.error).toBeUndefined();
		const uid = String(booked.items[0].json.uid);
		await sandbox().deliveriesSettled();

		const moved = await runCalCom(sandbox(), {
			resource: 'booking',
			operation: 'reschedule',
			bookingUid: uid,
			start: '2027-03-15T10:00',
			timeZone: 'America/New_York',
			options: { reschedulingReason: 'Traffic' },
		});
		expect(moved.error).toBeUndefined();
		const newUid = String(moved.items[0].json.uid);
		await sandbox().deliveriesSettled();

		const cancelled = await runCalCom(sandbox(), {
			resource: 'booking',
			operation: 'cancel',
			bookingUid: newUid,
			cancellationReason: 'Customer asked',
		});
		expect(cancelled.error).toBeUndefined();
		await sandbox().deliveriesSettled();

		expect(executions.map((e) => e.status)).toEqual([200, 200, 200]);
		expect(executions.map((e) => e.items?.length)).toEqual([1, 1, 1]);
		expect(executions.map((e) => e.items?.[0])).toEqual([
			expect.objectContaining({
				triggerEvent: 'BOOKING_CREATED',
				uid,
				startTime: '2027-03-15T13:00:00.000Z',
				status: 'ACCEPTED',
			}),
			expect.objectContaining({
				triggerEvent: 'BOOKING_RESCHEDULED',
				uid: newUid,
				startTime: '2027-03-15T14:00:00.000Z',
				rescheduleUid: uid,
			}),
			expect.objectContaining({
				triggerEvent: 'BOOKING_CANCELLED',
				uid: newUid,
				startTime: '2027-03-15T14:00:00.000Z',
				cancellationReason: 'Customer asked',
			}),
		]);
		// The node accepted them because they were signed with the secret it registered.
		for (const execution of executions) {
			expect(execution.signature).toBe(
				createHmac('sha256', secret).update(execution.rawBody).digest('hex'),
			);
		}
		expect(JSON.stringify(executions.map((e) => e.items))).not.toContain(secret);
		expect(sandbox().deliveries.map((d) => [d.triggerEvent, d.status])).toEqual([
			['BOOKING_CREATED', 200],
			['BOOKING_RESCHEDULED', 200],
			['BOOKING_CANCELLED', 200],
		]);

		const gone = await deactivate(sandbox(), { parameters, staticData: created.staticData });
		expect(gone.result).toBe(true);
		expect(sandbox().state.webhooks).toEqual([]);

		const after = await runCalCom(sandbox(), createParams('2027-03-16T13:00:00Z'));
		expect(after.error).toBeUndefined();
		await sandbox().deliveriesSettled();
		expect(sandbox().events.map((e) => e.type)).toEqual([
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
			'BOOKING_CREATED',
		]);
		expect(sandbox().deliveries).toHaveLength(3);
		expect(executions).toHaveLength(3);
		expect(sandbox().invalidRequests()).toEqual([]);
	});
});
