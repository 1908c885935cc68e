import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { book, BOOKINGS, NOW, post } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { call, until } from './test-helpers';

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	raw: string;
	body: { triggerEvent: string; createdAt: string; payload: Record<string, unknown> };
}

/**
 * A tiny subscriber on 127.0.0.1: records every POST by path. While `holding`, it keeps its answers
 * back until the spec calls release(): slowness is a step of the scenario, not a number of ms.
 */
async function startReceiver(): Promise<{
	url: string;
	received: Received[];
	holding: { on: boolean };
	release(): void;
	close(): Promise<void>;
}> {
	const received: Received[] = [];
	const holding = { on: false };
	const held: ServerResponse[] = [];
	const answer = (res: ServerResponse) => {
		if (!res.destroyed) res.writeHead(200).end('ok');
	};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({
				path: req.url ?? '',
				headers: req.headers,
				raw,
				body: JSON.parse(raw) as Received['body'],
			});
			if (holding.on) held.push(res);
			else answer(res);
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		holding,
		release: () => {
			holding.on = false;
			for (const res of held.splice(0)) answer(res);
		},
		close: async () => {
			held.length = 0;
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		},
	};
}

const signed = (secret: string, r: Received) =>
	r.headers['x-cal-signature-256'] === createHmac('sha256', secret).update(r.raw).digest('hex');
const ANSWERS = { company: 'Acme', 'team-size': '11-50', 'accept-terms': true };

describe('sandbox: booking changes deliver signed webhooks', () => {
	let sandbox: Sandbox;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		receiver = await startReceiver();
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});
	beforeEach(() => {
		sandbox.reset();
		receiver.received.length = 0;
		receiver.release();
	});
	afterEach(() => expect(sandbox.invalidRequests()).toEqual([]));

	async function subscribe(
		path: string,
		key: string,
		name: string,
		triggers: string[],
		extra: Record<string, unknown> = {},
	): Promise<string> {
		const res = await call(sandbox, path, {
			method: 'POST',
			key,
			body: {
				subscriberUrl: `${receiver.url}/${name}`,
				triggers,
				active: true,
				secret: `secret-${name}`,
				...extra,
			},
		});
		expect(res.status).toBe(201);
		return res.json.data.id as string;
	}
	const at = (name: string) => receiver.received.filter((r) => r.path === `/${name}`);
	const triggersAt = (name: string) => at(name).map((r) => r.body.triggerEvent);

	it('create, reschedule and cancel reach the organizer’s webhook in order, signed, with the version header', async () => {
		await subscribe('/v2/webhooks', bailey, 'bailey', [
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
		]);
		await subscribe('/v2/webhooks', bailey, 'bailey-off', ['BOOKING_CREATED'], { active: false });
		await subscribe('/v2/webhooks', bailey, 'bailey-rejects', ['BOOKING_REJECTED']);
		await subscribe('/v2/webhooks', lena, 'lena', [
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
		]);

		const created = await book(
			sandbox,
			{ eventTypeId: 12, start: '2027-03-15T13:00:00Z', bookingFieldsResponses: ANSWERS },
			bailey,
		);
		expect(created.status).toBe(201);
		const uid = created.json.data.uid as string;
		await sandbox.deliveriesSettled();
		const moved = await post(
			sandbox,
			`/v2/bookings/${uid}/reschedule`,
			{ start: '2027-03-15T14:00:00Z' },
			bailey,
		);
		expect(moved.status).toBe(201);
		const newUid = moved.json.data.uid as string;
		await sandbox.deliveriesSettled();
		expect(
			(
				await post(
					sandbox,
					`/v2/bookings/${newUid}/cancel`,
					{ cancellationReason: 'Customer asked' },
					bailey,
				)
			).status,
		).toBe(200);
		await sandbox.deliveriesSettled();

		expect(triggersAt('bailey')).toEqual([
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
		]);
		const [c, r, x] = at('bailey');
		expect(at('bailey').every((d) => signed('secret-bailey', d))).toBe(true);
		expect(c.headers).toMatchObject({
			'content-type': 'application/json',
			'x-cal-webhook-version': '2021-10-20',
		});
		expect(c.body).toMatchObject({
			triggerEvent: 'BOOKING_CREATED',
			createdAt: NOW.replace('Z', '.000Z'),
			payload: {
				uid,
				status: 'ACCEPTED',
				startTime: '2027-03-15T13:00:00.000Z',
				organizer: { id: 1 },
			},
		});
		expect(r.body.payload).toMatchObject({
			uid: newUid,
			rescheduleUid: uid,
			startTime: '2027-03-15T14:00:00.000Z',
			rescheduleStartTime: '2027-03-15T13:00:00.000Z',
		});
		expect(x.body.payload).toMatchObject({
			uid: newUid,
			status: 'CANCELLED',
			cancellationReason: 'Customer asked',
		});
		// Not subscribed to these triggers, inactive, or another user's: nothing.
		expect(at('bailey-off')).toEqual([]);
		expect(at('bailey-rejects')).toEqual([]);
		expect(at('lena')).toEqual([]);
		expect(sandbox.deliveries.map((d) => [d.triggerEvent, d.status])).toEqual([
			['BOOKING_CREATED', 200],
			['BOOKING_RESCHEDULED', 200],
			['BOOKING_CANCELLED', 200],
		]);
	});

	it('confirm is announced as BOOKING_CREATED after BOOKING_REQUESTED; decline as BOOKING_REJECTED; event-type webhooks get only their event type', async () => {
		const triggers = ['BOOKING_REQUESTED', 'BOOKING_CREATED', 'BOOKING_REJECTED'];
		await subscribe('/v2/event-types/22/webhooks', lena, 'deep-dive', triggers);
		await subscribe('/v2/event-types/21/webhooks', lena, 'intro-call', triggers);

		const pending = await book(sandbox, { eventTypeId: 22, start: '2027-03-02T10:00:00Z' });
		expect(pending.json.data.status).toBe('pending');
		expect(
			(await post(sandbox, `/v2/bookings/${pending.json.data.uid}/confirm`, undefined, lena))
				.status,
		).toBe(200);
		await sandbox.deliveriesSettled();
		const other = await book(sandbox, { eventTypeId: 22, start: '2027-03-03T10:00:00Z' });
		expect(
			(
				await post(
					sandbox,
					`/v2/bookings/${other.json.data.uid}/decline`,
					{ reason: 'Fully booked' },
					lena,
				)
			).status,
		).toBe(200);
		await sandbox.deliveriesSettled();

		expect(
			at('deep-dive').map((r) => [r.body.triggerEvent, r.body.payload.uid, r.body.payload.status]),
		).toEqual([
			['BOOKING_REQUESTED', pending.json.data.uid, 'PENDING'],
			['BOOKING_CREATED', pending.json.data.uid, 'ACCEPTED'],
			['BOOKING_REQUESTED', other.json.data.uid, 'PENDING'],
			['BOOKING_REJECTED', other.json.data.uid, 'REJECTED'],
		]);
		expect(at('deep-dive').every((d) => signed('secret-deep-dive', d))).toBe(true);
		expect(at('deep-dive')[3].body.payload.rejectionReason).toBe('Fully booked');
		expect(at('intro-call')).toEqual([]);

		const intro = await book(sandbox, { eventTypeId: 21, start: '2027-03-02T12:00:00Z' });
		expect(intro.status).toBe(201);
		await sandbox.deliveriesSettled();
		expect(at('intro-call').map((r) => [r.body.triggerEvent, r.body.payload.uid])).toEqual([
			['BOOKING_CREATED', intro.json.data.uid],
		]);
		expect(at('deep-dive')).toHaveLength(4);
	});

	it('mark-absent sends BOOKING_NO_SHOW_UPDATED with Cal.com’s short payload; marking only the host sends nothing', async () => {
		await subscribe('/v2/webhooks', bailey, 'no-show', ['BOOKING_NO_SHOW_UPDATED']);
		const res = await post(
			sandbox,
			'/v2/bookings/PastBailey15min0000001/mark-absent',
			{ attendees: [{ email: 'dana@wu.example', absent: true }] },
			bailey,
		);
		expect(res.status).toBe(200);
		await sandbox.deliveriesSettled();
		expect(at('no-show').map((r) => r.body)).toEqual([
			{
				triggerEvent: 'BOOKING_NO_SHOW_UPDATED',
				createdAt: expect.any(String),
				payload: {
					message: 'dana@wu.example marked as no-show',
					attendees: [{ email: 'dana@wu.example', noShow: true }],
					bookingUid: 'PastBailey15min0000001',
					bookingId: res.json.data.id,
				},
			},
		]);
		expect(signed('secret-no-show', at('no-show')[0])).toBe(true);
		expect(
			(
				await post(
					sandbox,
					'/v2/bookings/PastBailey15min0000001/mark-absent',
					{ host: true },
					bailey,
				)
			).status,
		).toBe(200);
		await sandbox.deliveriesSettled();
		expect(at('no-show')).toHaveLength(1);
	});

	it('team event-type webhooks get the team’s bookings, whoever hosts them; version 2026-07-27 adds the ICS texts', async () => {
		await subscribe(
			'/v2/teams/100/event-types/51/webhooks',
			bailey,
			'onboarding',
			['BOOKING_CREATED'],
			{ version: '2026-07-27' },
		);
		const res = await book(sandbox, { eventTypeId: 51, start: '2027-03-17T09:00:00Z' });
		expect(res.status).toBe(201);
		await sandbox.deliveriesSettled();
		const [delivery] = at('onboarding');
		expect(delivery.headers['x-cal-webhook-version']).toBe('2026-07-27');
		expect(signed('secret-onboarding', delivery)).toBe(true);
		expect(delivery.body.payload).toMatchObject({
			uid: res.json.data.uid,
			type: 'onboarding',
			schedulingType: 'ROUND_ROBIN',
			eventTypeId: 51,
		});
		expect(String(delivery.body.payload.attendeeIcsContent)).toContain('BEGIN:VCALENDAR\r\n');
		expect(String(delivery.body.payload.organizerIcsContent)).toContain('ROLE=CHAIR');
	});

	it('never delays or breaks the API answer: a slow subscriber and a dead one are recorded in deliveries', async () => {
		await subscribe('/v2/webhooks', bailey, 'slow', ['BOOKING_CREATED']);
		const dead = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: {
				subscriberUrl: 'http://127.0.0.1:1/dead',
				triggers: ['BOOKING_CREATED'],
				active: true,
			},
		});
		expect(dead.status).toBe(201);
		receiver.holding.on = true;

		const res = await book(sandbox, { eventTypeId: 11, start: '2027-03-02T15:00:00Z' }, bailey);
		// Answered while the subscriber still sits on its delivery.
		expect(res.status).toBe(201);
		await until(() => at('slow').length === 1);
		expect(
			sandbox.deliveries.find((d) => d.subscriberUrl === `${receiver.url}/slow`),
		).toMatchObject({ status: 0 });
		receiver.release();
		await sandbox.deliveriesSettled();

		const byUrl = Object.fromEntries(sandbox.deliveries.map((d) => [d.subscriberUrl, d]));
		expect(byUrl[`${receiver.url}/slow`]).toMatchObject({
			status: 200,
			triggerEvent: 'BOOKING_CREATED',
		});
		expect(byUrl['http://127.0.0.1:1/dead']).toMatchObject({
			status: 0,
			error: expect.stringMatching(/ECONNREFUSED/),
			headers: { 'x-cal-signature-256': 'no-secret-provided' },
		});
		expect(
			(await call(sandbox, `/v2/bookings/${res.json.data.uid}`, { version: BOOKINGS, key: bailey }))
				.json.data.status,
		).toBe('accepted');
	});

	it('organization webhooks get the bookings of the organization’s members and of its teams’ event types', async () => {
		sandbox.state.organizations.push({ id: 7, slug: 'acme', name: 'Acme' });
		Object.assign(sandbox.state.users[0], { organizationId: 7, organizationRole: 'ADMIN' });
		sandbox.state.teams[0].organizationId = 7;
		await subscribe('/v2/organizations/7/webhooks', bailey, 'org', ['BOOKING_CREATED']);
		const own = await book(sandbox, { eventTypeId: 11, start: '2027-03-02T15:00:00Z' }, bailey);
		const team = await book(sandbox, { eventTypeId: 53, start: '2027-03-17T09:00:00Z' });
		const outside = await book(sandbox, { eventTypeId: 31, start: '2027-03-02T02:00:00Z' });
		expect([own.status, team.status, outside.status]).toEqual([201, 201, 201]);
		await sandbox.deliveriesSettled();
		// 53 is hosted by lena or kenji, who are not in the organization: it counts as the team's.
		expect(
			at('org')
				.map((r) => r.body.payload.uid)
				.sort(),
		).toEqual([own.json.data.uid, team.json.data.uid].sort());
		expect(at('org').every((d) => signed('secret-org', d))).toBe(true);
	});

	it('close() aborts deliveries in flight and records them', async () => {
		const other = await startSandbox({ now: NOW });
		await call(other, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: { subscriberUrl: `${receiver.url}/hang`, triggers: ['BOOKING_CREATED'], active: true },
		});
		receiver.holding.on = true;
		expect(
			(await book(other, { eventTypeId: 11, start: '2027-03-02T15:00:00Z' }, bailey)).status,
		).toBe(201);
		await until(() => at('hang').length > 0);
		// The subscriber never answers: close() returns only because it aborts the delivery.
		await other.close();
		expect(other.deliveries).toMatchObject([
			{ triggerEvent: 'BOOKING_CREATED', status: 0, error: 'aborted' },
		]);
	});

	it('delivers nothing when nobody subscribed', async () => {
		expect(
			(await post(sandbox, '/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/cancel', {}, bailey)).status,
		).toBe(200);
		await sandbox.deliveriesSettled();
		expect(sandbox.deliveries).toEqual([]);
		expect(receiver.received).toEqual([]);
	});
});
