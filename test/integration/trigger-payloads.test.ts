import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { CALCOM_EVENTS } from '../../nodes/CalCom/webhooks/events';
import { WEBHOOK_TRIGGERS } from '../sandbox/extra-webhook-schemas';
import { WEBHOOK_EXAMPLES_DIR } from '../shared-path';
import { useSandbox } from './helpers';
import { deliver, STATIC_KEY } from './trigger-helpers';

const sandbox = useSandbox();
const SECRET = '5d2e8f1a9c4b7e3d6a0f2c8b5e1d9a7c3f6b0e4d8a2c5f9b1e7d3a6c0f4b8e2d';
const staticData = { [STATIC_KEY]: { webhookId: 'a', secret: SECRET } };
const parameters = { events: CALCOM_EVENTS.map((e) => e.value), noShowTime: 5, noShowTimeUnit: 'MINUTE', options: { startOnPing: true } };

/** Every official example: webhook-examples/<version>/<TRIGGER>[.suffix].json */
const EXAMPLES = readdirSync(WEBHOOK_EXAMPLES_DIR).flatMap((version) =>
	readdirSync(join(WEBHOOK_EXAMPLES_DIR, version))
		.filter((file) => file.endsWith('.json'))
		.map((file) => [`${version}/${file}`, join(WEBHOOK_EXAMPLES_DIR, version, file)] as const),
);

async function run(file: string): Promise<{ body: IDataObject; item: IDataObject }> {
	const rawBody = readFileSync(file);
	const body = JSON.parse(rawBody.toString('utf8')) as IDataObject;
	const signature = createHmac('sha256', SECRET).update(rawBody).digest('hex');
	const { response } = await deliver(sandbox(), { parameters, staticData }, { body, rawBody, headers: { 'x-cal-signature-256': signature } });
	const items = response.workflowData?.[0] ?? [];
	expect(items).toHaveLength(1);
	return { body, item: items[0].json };
}

describe('Cal.com Trigger: every official example delivery becomes one item of the same shape', () => {
	it('offers exactly the 28 triggers Cal.com accepts, each once', () => {
		const values = CALCOM_EVENTS.map((e) => e.value);
		expect(values).toHaveLength(28);
		expect(new Set(values)).toEqual(new Set(WEBHOOK_TRIGGERS));
		expect(EXAMPLES.length).toBeGreaterThanOrEqual(18);
	});

	it.each(EXAMPLES)('%s', async (_name, file) => {
		const { body, item } = await run(file);
		expect(Object.keys(item).slice(0, 2)).toEqual(['triggerEvent', 'createdAt']);
		expect(item.triggerEvent).toBe(body.triggerEvent);
		expect(typeof item.createdAt).toBe('string');
		expect(item.payload).toBeUndefined();
		const payload = (body.payload ?? body) as IDataObject;
		for (const [key, value] of Object.entries(payload)) {
			if (key === 'triggerEvent' || key === 'createdAt') continue;
			expect({ key, value: item[key] }).toEqual({ key, value });
		}
	});

	it('FORM_SUBMITTED: the answers stay in responses, without Cal.com’s top-level copies', async () => {
		const { item } = await run(join(WEBHOOK_EXAMPLES_DIR, '2021-10-20', 'FORM_SUBMITTED.json'));
		expect(Object.keys(item)).toEqual(['triggerEvent', 'createdAt', 'formId', 'formName', 'teamId', 'responses']);
		expect((item.responses as IDataObject)['Where are you from']).toMatchObject({ value: ['Placeholder Location'] });
	});

	it('MEETING_STARTED / MEETING_ENDED: flat bodies gain bookingId and organizer like the booking events', async () => {
		for (const trigger of ['MEETING_STARTED', 'MEETING_ENDED']) {
			const { item } = await run(join(WEBHOOK_EXAMPLES_DIR, '2021-10-20', `${trigger}.json`));
			expect(item).toMatchObject({ triggerEvent: trigger, bookingId: 100, uid: 'unique-booking-identifier', organizer: { email: 'organizer@example.com' } });
		}
	});

	it('INSTANT_MEETING: triggerEvent once, at the top', async () => {
		const { item } = await run(join(WEBHOOK_EXAMPLES_DIR, '2021-10-20', 'INSTANT_MEETING.json'));
		expect(Object.keys(item).filter((k) => k === 'triggerEvent')).toHaveLength(1);
		expect(item).toMatchObject({ triggerEvent: 'INSTANT_MEETING', uid: 'unique-instant-meeting-id', eventTypeId: 100 });
	});

	it('payload version 2026-07-27 keeps the calendar files', async () => {
		const { item } = await run(join(WEBHOOK_EXAMPLES_DIR, '2026-07-27', 'BOOKING_CREATED.truncated.json'));
		expect(item.attendeeIcsContent).toMatch(/^BEGIN:VCALENDAR/);
		expect(item.organizerIcsContent).toMatch(/^BEGIN:VCALENDAR/);
	});

	it('a payload template’s body is passed on as rendered, with triggerEvent and createdAt null when it has none', async () => {
		const rawBody = Buffer.from('{"title":"Intro call","who":"Ada"}');
		const signature = createHmac('sha256', SECRET).update(rawBody).digest('hex');
		const { response } = await deliver(sandbox(), { parameters, staticData }, { body: JSON.parse(rawBody.toString()), rawBody, headers: { 'x-cal-signature-256': signature } });
		expect(response.workflowData?.[0][0].json).toEqual({ triggerEvent: null, createdAt: null, title: 'Intro call', who: 'Ada' });
	});
});
