import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WEBHOOK_TRIGGERS } from './extra-webhook-schemas';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

let sandbox: Sandbox;
let bailey: string;
let lena: string;

beforeAll(async () => {
	sandbox = await startSandbox();
	bailey = sandbox.apiKeyFor('bailey');
	lena = sandbox.apiKeyFor('lena');
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const hook = (url: string, extra: Record<string, unknown> = {}) => ({
	subscriberUrl: url,
	triggers: ['BOOKING_CREATED'],
	active: true,
	...extra,
});

describe('sandbox webhooks: management', () => {
	it('creates a user webhook with a UUID id, lists it, reads it, and DELETE answers with the deleted webhook', async () => {
		const created = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/a', { secret: 's' }),
		});
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({
			userId: 1,
			subscriberUrl: 'http://127.0.0.1:1/a',
			triggers: ['BOOKING_CREATED'],
			active: true,
			payloadTemplate: null,
			version: '2021-10-20',
		});
		expect(created.json.data.id).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		expect(responseProblems('POST', '/v2/webhooks', 201, created.json)).toEqual([]);
		const id = created.json.data.id as string;

		const listed = await call(sandbox, '/v2/webhooks', { key: bailey });
		expect(listed.json).toEqual({ status: 'success', data: [created.json.data] });
		expect(responseProblems('GET', '/v2/webhooks', 200, listed.json)).toEqual([]);
		expect((await call(sandbox, `/v2/webhooks/${id}`, { key: bailey })).json.data).toEqual(
			created.json.data,
		);

		const deleted = await call(sandbox, `/v2/webhooks/${id}`, { method: 'DELETE', key: bailey });
		expect(deleted.json.data).toEqual(created.json.data);
		const gone = await call(sandbox, `/v2/webhooks/${id}`, { key: bailey });
		expect([gone.status, gone.json.error.message]).toEqual([404, `Webhook (${id}) not found`]);
		const goneAgain = await call(sandbox, `/v2/event-types/11/webhooks/${id}`, {
			method: 'DELETE',
			key: bailey,
		});
		expect([goneAgain.status, goneAgain.json.error.message]).toEqual([
			404,
			`Webhook (${id}) not found`,
		]);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('answers 409 with Cal.com’s text for the same subscriber URL twice in one scope, not across scopes', async () => {
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/x'),
		});
		const again = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/x'),
		});
		expect(again.status).toBe(409);
		expect(again.json.error.message).toBe(
			'Webhook with this subscriber url already exists for this user',
		);
		const eventType = await call(sandbox, '/v2/event-types/11/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/x'),
		});
		expect(eventType.status).toBe(201);
		const etAgain = await call(sandbox, '/v2/event-types/11/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/x'),
		});
		expect(etAgain.json.error.message).toBe(
			'Webhook with this subscriber url already exists for this event type',
		);
		expect(
			(
				await call(sandbox, '/v2/webhooks', {
					method: 'POST',
					key: lena,
					body: hook('http://127.0.0.1:1/x'),
				})
			).status,
		).toBe(201);
	});

	it('accepts all 28 triggers, version 2026-07-27 and time/timeUnit; rejects an unknown trigger with 400', async () => {
		const all = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/all', {
				triggers: [...WEBHOOK_TRIGGERS],
				version: '2026-07-27',
				time: 5,
				timeUnit: 'MINUTE',
			}),
		});
		expect(all.status).toBe(201);
		expect(all.json.data.triggers).toHaveLength(28);
		expect(sandbox.invalidRequests()).toEqual([]);

		const bad = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/b', { triggers: ['BOOKING_CONFIRMED'] }),
		});
		expect(bad.status).toBe(400);
		expect(sandbox.invalidRequests()).toHaveLength(1);
	});

	it('pages with take and skip', async () => {
		for (let i = 0; i < 5; i++)
			await call(sandbox, '/v2/webhooks', {
				method: 'POST',
				key: bailey,
				body: hook(`http://127.0.0.1:1/${i}`),
			});
		const page = await call(sandbox, '/v2/webhooks?take=2&skip=3', { key: bailey });
		expect(page.json.data.map((w: { subscriberUrl: string }) => w.subscriberUrl)).toEqual([
			'http://127.0.0.1:1/3',
			'http://127.0.0.1:1/4',
		]);
		expect(page.json.pagination).toBeUndefined();
	});

	it('checks ownership: another user’s webhook, event type, team and organization', async () => {
		const mine = await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/m'),
		});
		expect(
			(await call(sandbox, `/v2/webhooks/${mine.json.data.id}`, { method: 'DELETE', key: lena }))
				.status,
		).toBe(403);
		expect((await call(sandbox, '/v2/event-types/21/webhooks', { key: bailey })).status).toBe(403);
		expect((await call(sandbox, '/v2/event-types/999/webhooks', { key: bailey })).status).toBe(404);
		// Team 100: bailey is OWNER, lena a MEMBER.
		expect(
			(
				await call(sandbox, '/v2/teams/100/event-types/51/webhooks', {
					method: 'POST',
					key: bailey,
					body: hook('http://127.0.0.1:1/t'),
				})
			).status,
		).toBe(201);
		expect(
			(await call(sandbox, '/v2/teams/100/event-types/51/webhooks', { key: lena })).status,
		).toBe(403);
		expect(
			(await call(sandbox, '/v2/teams/100/event-types/11/webhooks', { key: bailey })).status,
		).toBe(404);
		sandbox.state.organizations.push({ id: 7, slug: 'acme', name: 'Acme' });
		expect((await call(sandbox, '/v2/organizations/7/webhooks', { key: bailey })).status).toBe(403);
		Object.assign(sandbox.state.users[0], { organizationId: 7, organizationRole: 'ADMIN' });
		const org = await call(sandbox, '/v2/organizations/7/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('http://127.0.0.1:1/o'),
		});
		expect(org.status).toBe(201);
		expect(org.json.data.teamId).toBe(7);
		expect(responseProblems('POST', '/v2/organizations/{orgId}/webhooks', 201, org.json)).toEqual(
			[],
		);
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});

describe('sandbox webhooks: signed deliveries', () => {
	let receiver: Server;
	let url: string;
	const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

	beforeAll(async () => {
		receiver = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
			req.on('end', () => {
				received.push({ headers: req.headers, body });
				res.statusCode = 200;
				res.end('ok');
			});
		});
		receiver.listen(0, '127.0.0.1');
		await once(receiver, 'listening');
		url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		receiver.close();
		await once(receiver, 'close');
	});
	beforeEach(() => (received.length = 0));

	it('signs the exact body with the secret, sends the version header, and records the delivery', async () => {
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(url, { secret: 'topsecret' }),
		});
		const [delivery] = await sandbox.deliver('BOOKING_CREATED', undefined, { ownerUserId: 1 });
		expect(delivery.status).toBe(200);
		expect(received).toHaveLength(1);
		const { headers, body } = received[0];
		expect(headers['x-cal-signature-256']).toBe(
			createHmac('sha256', 'topsecret').update(body).digest('hex'),
		);
		expect(headers['x-cal-webhook-version']).toBe('2021-10-20');
		expect(headers['content-type']).toBe('application/json');
		expect(JSON.parse(body)).toMatchObject({
			triggerEvent: 'BOOKING_CREATED',
			payload: { uid: expect.any(String) },
		});
		expect(sandbox.deliveries).toEqual([delivery]);
	});

	it('sends no-secret-provided without a secret, and only to active subscribers of the trigger', async () => {
		await call(sandbox, '/v2/webhooks', { method: 'POST', key: bailey, body: hook(url) });
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(`${url}/off`, { active: false }),
		});
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(`${url}/other`, { triggers: ['BOOKING_CANCELLED'] }),
		});
		await sandbox.deliver('BOOKING_CREATED', { uid: 'x' }, { ownerUserId: 1 });
		expect(received.map((r) => r.headers['x-cal-signature-256'])).toEqual(['no-secret-provided']);
		expect(await sandbox.deliver('BOOKING_CREATED', { uid: 'x' }, { ownerUserId: 2 })).toEqual([]);
	});

	it('delivers flat MEETING_STARTED bodies and FORM_SUBMITTED answers at the top level, as Cal.com does', async () => {
		await call(sandbox, '/v2/event-types/11/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(url, { triggers: ['MEETING_STARTED', 'FORM_SUBMITTED'] }),
		});
		await sandbox.deliver('MEETING_STARTED', undefined, { eventTypeId: 11 });
		await sandbox.deliver('FORM_SUBMITTED', undefined, { eventTypeId: 11 });
		const [meeting, form] = received.map((r) => JSON.parse(r.body));
		expect(meeting.payload).toBeUndefined();
		expect(meeting).toMatchObject({
			triggerEvent: 'MEETING_STARTED',
			uid: 'unique-booking-identifier',
		});
		expect(form['Where are you from']).toEqual(['Placeholder Location']);
		expect(form.payload.responses['Where are you from'].value).toEqual(['Placeholder Location']);
	});

	it('renders a payload template and refuses to deliver off loopback', async () => {
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(url, { payloadTemplate: '{"who":"{{organizer.name}}","t":"{{triggerEvent}}"}' }),
		});
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook('https://example.com/hook'),
		});
		const deliveries = await sandbox.deliver('BOOKING_CREATED', undefined, { ownerUserId: 1 });
		expect(JSON.parse(received[0].body)).toEqual({ who: 'Organizer Name', t: 'BOOKING_CREATED' });
		expect(deliveries[1]).toMatchObject({
			status: 0,
			error: expect.stringMatching(/127\.0\.0\.1/),
		});
	});

	const sign = (secret: string, body: string) =>
		createHmac('sha256', secret).update(body).digest('hex');

	it('Ping test: Cal.com’s fixed test event, unsigned when the form has no secret, signed with the secret typed in it otherwise', async () => {
		const at = '2027-07-01T10:00:00.000Z';
		const unsigned = await sandbox.pingTest(url, { at });
		expect(unsigned.status).toBe(200);
		const { headers, body } = received[0];
		expect(headers['x-cal-signature-256']).toBe('no-secret-provided');
		expect(headers['x-cal-webhook-version']).toBe('2021-10-20');
		expect(headers['content-type']).toBe('application/json');
		const london = { timeZone: 'Europe/London', language: { locale: 'en' }, utcOffset: 60 };
		expect(JSON.parse(body)).toEqual({
			triggerEvent: 'PING',
			createdAt: at,
			payload: {
				type: 'Test',
				title: 'Test trigger event',
				startTime: at,
				endTime: at,
				attendees: [{ email: 'jdoe@example.com', name: 'John Doe', ...london }],
				organizer: { name: 'Cal', email: 'no-reply@cal.com', ...london },
			},
		});
		await sandbox.pingTest(url, { at, secret: 'typed-in-the-form' });
		expect(received[1].headers['x-cal-signature-256']).toBe(
			sign('typed-in-the-form', received[1].body),
		);
		expect(sandbox.deliveries.map((d) => d.triggerEvent)).toEqual(['PING', 'PING']);
	});

	it('templates: the content type follows the template, values are HTML-escaped, a render that is not JSON is sent as false, and the signature covers what is sent', async () => {
		const json = '{"title": "{{title}}", "who": "{{organizer.name}}"}';
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(url, { secret: 's', payloadTemplate: json }),
		});
		await sandbox.deliver(
			'BOOKING_CREATED',
			{ title: "Tom & Jerry <intro> = 'fun'", organizer: { name: 'Bailey' } },
			{ ownerUserId: 1 },
		);
		await sandbox.deliver(
			'BOOKING_CREATED',
			{ title: 'The "big" one', organizer: { name: 'Bailey' } },
			{ ownerUserId: 1 },
		);
		const [escaped, broken] = received;
		expect(escaped.headers['content-type']).toBe('application/json');
		expect(escaped.body).toBe(
			'{"title":"Tom &amp; Jerry &lt;intro&gt; &#x3D; &#x27;fun&#x27;","who":"Bailey"}',
		);
		expect(broken.body).toBe('false');
		expect(broken.headers['x-cal-signature-256']).toBe(sign('s', 'false'));

		received.length = 0;
		const text = 'title={{title}}&length={{length}}&raw={{{title}}}';
		await call(sandbox, '/v2/webhooks', {
			method: 'POST',
			key: lena,
			body: hook(`${url}/text`, { secret: 't', payloadTemplate: text }),
		});
		await sandbox.deliver('BOOKING_CREATED', { title: 'A & B', length: 30 }, { ownerUserId: 2 });
		expect(received[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(received[0].body).toBe('title=A &amp; B&length=30&raw=A & B');
		expect(received[0].headers['x-cal-signature-256']).toBe(sign('t', received[0].body));
	});

	it('FORM_SUBMITTED takes the template too, with the form under payload and the answers at the top level (newest sendGenericWebhookPayload)', async () => {
		const template =
			'{"form": "{{payload.formName}}", "where": "{{where}}", "event": "{{triggerEvent}}", "flat": "{{formName}}"}';
		await call(sandbox, '/v2/event-types/11/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(url, { triggers: ['FORM_SUBMITTED'], payloadTemplate: template }),
		});
		const payload = {
			formId: 'f1',
			formName: 'Intake',
			responses: { where: { label: 'Where', value: 'Lisbon' } },
		};
		await sandbox.deliver('FORM_SUBMITTED', payload, { eventTypeId: 11 });
		expect(JSON.parse(received[0].body)).toEqual({
			form: 'Intake',
			where: 'Lisbon',
			event: 'FORM_SUBMITTED',
			flat: '',
		});
	});

	it('scheduled MEETING_STARTED / MEETING_ENDED: flat JSON whatever the template, signed, with the webhook’s payload version in X-Cal-Webhook-Version', async () => {
		await call(sandbox, '/v2/event-types/11/webhooks', {
			method: 'POST',
			key: bailey,
			body: hook(url, {
				triggers: ['MEETING_STARTED', 'MEETING_ENDED'],
				secret: 'm',
				payloadTemplate: '{"t": "{{title}}"}',
				version: '2026-07-27',
			}),
		});
		await sandbox.deliver('MEETING_STARTED', undefined, { eventTypeId: 11 });
		await sandbox.deliver('MEETING_ENDED', undefined, { eventTypeId: 11 });
		for (const [index, trigger] of ['MEETING_STARTED', 'MEETING_ENDED'].entries()) {
			const { headers, body } = received[index];
			expect(JSON.parse(body)).toMatchObject({
				triggerEvent: trigger,
				uid: 'unique-booking-identifier',
			});
			expect(headers).toMatchObject({
				'content-type': 'application/json',
				'x-cal-webhook-version': '2026-07-27',
				'x-cal-signature-256': sign('m', body),
			});
		}
	});
});
