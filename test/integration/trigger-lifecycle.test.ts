import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWebhookMethod } from '../harness';
import { useSandbox } from './helpers';
import {
	activate,
	captureLogs,
	deactivate,
	nodeData,
	STATIC_KEY,
	triggerOptions,
	webhooksAt,
} from './trigger-helpers';

const sandbox = useSandbox();
const URL = 'http://127.0.0.1:5678/webhook/harness-webhook-id/webhook';

const userScope: INodeParameters = {
	events: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
	scope: 'user',
};

describe('Cal.com Trigger: subscribing at each scope', () => {
	it('user scope: checkExists says no, create registers our URL, events and a fresh secret, checkExists then says yes, delete removes it', async () => {
		const before = await runWebhookMethod(
			triggerOptions(sandbox(), { parameters: userScope }),
			'checkExists',
		);
		expect(before.result).toBe(false);

		const { staticData, created } = await activate(sandbox(), { parameters: userScope });
		expect(created).toBe(true);
		const [hook] = sandbox().state.webhooks;
		expect(sandbox().state.webhooks).toHaveLength(1);
		expect(hook).toMatchObject({
			userId: 1,
			subscriberUrl: URL,
			active: true,
			version: '2021-10-20',
			payloadTemplate: null,
		});
		expect([...hook.triggers].sort()).toEqual(['BOOKING_CANCELLED', 'BOOKING_CREATED']);
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(nodeData(staticData)).toMatchObject({
			webhookId: hook.id,
			secret: hook.secret,
			scopeKey: 'user',
			url: URL,
			events: ['BOOKING_CANCELLED', 'BOOKING_CREATED'],
		});

		const again = await runWebhookMethod(
			triggerOptions(sandbox(), { parameters: userScope, staticData }),
			'checkExists',
		);
		expect(again.result).toBe(true);

		const gone = await deactivate(sandbox(), { parameters: userScope, staticData });
		expect(gone.result).toBe(true);
		expect(sandbox().state.webhooks).toEqual([]);
		expect(gone.staticData).toEqual({ [STATIC_KEY]: {} });
	});

	it.each([
		[
			'event type (From List / By ID)',
			{ scope: 'eventType', eventTypeId: { __rl: true, mode: 'id', value: '12' } },
			{ eventTypeId: 12 },
			'/v2/event-types/12/webhooks',
		],
		[
			'team event type',
			{ scope: 'teamEventType', teamId: 100, teamEventTypeId: 51 },
			{ eventTypeId: 51 },
			'/v2/teams/100/event-types/51/webhooks',
		],
		[
			'organization',
			{ scope: 'organization', organizationId: 7 },
			{ teamId: 7 },
			'/v2/organizations/7/webhooks',
		],
	])(
		'%s scope: create, checkExists, delete against that scope’s endpoints',
		async (_name, scope, owner, basePath) => {
			sandbox().state.organizations.push({ id: 7, slug: 'acme', name: 'Acme' });
			Object.assign(sandbox().state.users[0], { organizationId: 7, organizationRole: 'OWNER' });
			const parameters = { events: ['BOOKING_CREATED'], ...scope };
			const { staticData } = await activate(sandbox(), { parameters });
			expect(webhooksAt(sandbox(), owner)).toHaveLength(1);
			expect(webhooksAt(sandbox(), { userId: 1 })).toHaveLength(0);
			expect(nodeData(staticData).basePath).toBe(basePath);
			expect((await activate(sandbox(), { parameters, staticData })).created).toBe(false);
			await deactivate(sandbox(), { parameters, staticData });
			expect(sandbox().state.webhooks).toEqual([]);
			expect(
				new Set(sandbox().requests.map((r) => r.path.replace(/\/[0-9a-f-]{36}$/, ''))),
			).toEqual(new Set([basePath]));
		},
	);

	it('sends the payload version, template and no-show delay, and re-creates when any of them changes', async () => {
		const parameters = {
			events: ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW', 'BOOKING_CREATED'],
			noShowTime: 10,
			noShowTimeUnit: 'MINUTE',
			options: { payloadVersion: '2026-07-27', payloadTemplate: '{"title":"{{title}}"}' },
		};
		const { staticData } = await activate(sandbox(), { parameters });
		expect(sandbox().state.webhooks[0]).toMatchObject({
			version: '2026-07-27',
			payloadTemplate: '{"title":"{{title}}"}',
			time: 10,
			timeUnit: 'MINUTE',
		});
		expect((await activate(sandbox(), { parameters, staticData })).created).toBe(false);

		for (const changed of [
			{ ...parameters, noShowTime: 2, noShowTimeUnit: 'HOUR' },
			{
				...parameters,
				options: { payloadVersion: '2021-10-20', payloadTemplate: '{"title":"{{title}}"}' },
			},
			{ ...parameters, options: { payloadVersion: '2026-07-27' } },
		]) {
			const next = await activate(sandbox(), { parameters: changed, staticData });
			expect(next.created).toBe(true);
			expect(sandbox().state.webhooks).toHaveLength(1);
			await deactivate(sandbox(), { parameters: changed, staticData: next.staticData });
		}
		expect(sandbox().state.webhooks).toEqual([]);
	});

	it('refuses a no-show event without a valid delay, and no events at all, before any request', async () => {
		for (const parameters of [
			{ events: ['AFTER_GUESTS_CAL_VIDEO_NO_SHOW'], noShowTime: 0, noShowTimeUnit: 'MINUTE' },
			{ events: ['AFTER_GUESTS_CAL_VIDEO_NO_SHOW'], noShowTime: 5, noShowTimeUnit: 'WEEK' },
			{ events: [] },
		]) {
			await expect(
				runWebhookMethod(triggerOptions(sandbox(), { parameters }), 'checkExists'),
			).rejects.toThrow(/no-show events need a delay|at least one event/);
			await expect(
				runWebhookMethod(triggerOptions(sandbox(), { parameters }), 'create'),
			).rejects.toThrow(/no-show events need a delay|at least one event/);
		}
		expect(sandbox().requests).toEqual([]);
	});
});

describe('R4 lifecycle: replacing, adopting, never leaking', () => {
	it('changing the events replaces the webhook: the old one is deleted, the new one has a new id and secret', async () => {
		const first = await activate(sandbox(), { parameters: userScope });
		const old = { ...sandbox().state.webhooks[0] };
		const changed = {
			...userScope,
			events: ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'MEETING_ENDED'],
		};
		const second = await activate(sandbox(), { parameters: changed, staticData: first.staticData });
		expect(second.created).toBe(true);
		expect(sandbox().state.webhooks).toHaveLength(1);
		const [now] = sandbox().state.webhooks;
		expect(now.id).not.toBe(old.id);
		expect(now.secret).not.toBe(old.secret);
		expect([...now.triggers].sort()).toEqual([
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'MEETING_ENDED',
		]);
		expect(
			sandbox().requests.some((r) => r.method === 'DELETE' && r.path === `/v2/webhooks/${old.id}`),
		).toBe(true);
	});

	it('changing the scope removes the webhook from the old scope', async () => {
		const first = await activate(sandbox(), { parameters: userScope });
		const moved = {
			...userScope,
			scope: 'eventType',
			eventTypeId: { __rl: true, mode: 'list', value: '11' },
		};
		await activate(sandbox(), { parameters: moved, staticData: first.staticData });
		expect(webhooksAt(sandbox(), { userId: 1 })).toEqual([]);
		expect(webhooksAt(sandbox(), { eventTypeId: 11 })).toHaveLength(1);
	});

	it('adopts a stale webhook with our URL (Cal.com’s 409): our events and a new secret, no duplicate', async () => {
		sandbox().state.webhooks.push({
			id: '0b6f1f8e-3c9a-4d53-9a57-3f0d7f6c2a11',
			userId: 1,
			eventTypeId: null,
			teamId: null,
			subscriberUrl: URL,
			triggers: ['OOO_CREATED'],
			active: false,
			payloadTemplate: '{"x":1}',
			secret: 'left-over',
			version: '2021-10-20',
			time: null,
			timeUnit: null,
			createdAt: '2027-01-01T00:00:00Z',
		});
		const logs = captureLogs();
		let staticData: IDataObject;
		try {
			({ staticData } = await activate(sandbox(), { parameters: userScope }));
		} finally {
			logs.restore();
		}
		expect(sandbox().requests.map((r) => `${r.method} ${r.status}`)).toEqual([
			'POST 409',
			'GET 200',
			'PATCH 200',
		]);
		expect(sandbox().state.webhooks).toHaveLength(1);
		const [hook] = sandbox().state.webhooks;
		expect(hook).toMatchObject({
			id: '0b6f1f8e-3c9a-4d53-9a57-3f0d7f6c2a11',
			active: true,
			payloadTemplate: null,
		});
		expect([...hook.triggers].sort()).toEqual(['BOOKING_CANCELLED', 'BOOKING_CREATED']);
		expect(hook.secret).not.toBe('left-over');
		expect(nodeData(staticData)).toMatchObject({ webhookId: hook.id, secret: hook.secret });
		expect(logs.lines.map((l) => l.message)).toContain(
			"Adopting the existing Cal.com webhook 0b6f1f8e-3c9a-4d53-9a57-3f0d7f6c2a11 for this trigger's URL",
		);
		expect((await activate(sandbox(), { parameters: userScope, staticData })).created).toBe(false);
	});

	it('does not trust a webhook whose secret it does not hold: checkExists is false and create replaces it', async () => {
		const { staticData } = await activate(sandbox(), { parameters: userScope });
		const withoutSecret = {
			[STATIC_KEY]: { ...nodeData(staticData), secret: undefined },
		} as IDataObject;
		delete (withoutSecret[STATIC_KEY] as IDataObject).secret;
		const check = await runWebhookMethod(
			triggerOptions(sandbox(), { parameters: userScope, staticData: withoutSecret }),
			'checkExists',
		);
		expect(check.result).toBe(false);
		const again = await activate(sandbox(), { parameters: userScope, staticData: withoutSecret });
		expect(sandbox().state.webhooks).toHaveLength(1);
		expect(sandbox().state.webhooks[0].secret).toBe(nodeData(again.staticData).secret);

		// A webhook whose secret was changed in Cal.com is not ours to trust either.
		sandbox().state.webhooks[0].secret = 'changed-elsewhere';
		expect(
			(await activate(sandbox(), { parameters: userScope, staticData: again.staticData })).created,
		).toBe(true);
		expect(sandbox().state.webhooks).toHaveLength(1);
	});

	it('activating, deactivating and reactivating 20 times leaves one webhook while active and none after', async () => {
		let staticData: IDataObject | undefined;
		for (let i = 0; i < 20; i++) {
			const parameters = i % 3 === 0 ? userScope : { ...userScope, events: ['BOOKING_CREATED'] };
			({ staticData } = await activate(sandbox(), { parameters, staticData }));
			expect(sandbox().state.webhooks).toHaveLength(1);
			// A restart in between: n8n checks, finds it, creates nothing.
			expect((await activate(sandbox(), { parameters, staticData })).created).toBe(false);
			({ staticData } = await deactivate(sandbox(), { parameters, staticData }));
			expect(sandbox().state.webhooks).toHaveLength(0);
		}
		expect(staticData).toEqual({ [STATIC_KEY]: {} });
	});

	it('delete treats 404 as already gone, and logs other failures, retrying them on the next activation', async () => {
		const { staticData } = await activate(sandbox(), { parameters: userScope });
		const id = String(nodeData(staticData).webhookId);
		sandbox().state.webhooks.length = 0;
		const logs = captureLogs();
		try {
			const gone = await deactivate(sandbox(), { parameters: userScope, staticData });
			expect(gone.result).toBe(true);
			// Cal.com's 404 "Webhook (<id>) not found" (webhooks.service.ts): done, whatever the text.
			expect(
				sandbox()
					.requests.filter((r) => r.method === 'DELETE')
					.map((r) => `${r.path} ${r.status}`),
			).toEqual([`/v2/webhooks/${id} 404`]);
			expect(logs.lines).toContainEqual(
				expect.objectContaining({
					level: 'info',
					message: `Cal.com webhook ${id} was already gone`,
				}),
			);

			const next = await activate(sandbox(), { parameters: userScope });
			sandbox().injectFault({ kind: '500', method: 'DELETE', path: /^\/v2\/webhooks\//, count: 3 });
			const failed = await deactivate(sandbox(), {
				parameters: userScope,
				staticData: next.staticData,
			});
			expect(failed.result).toBe(false);
			const failedId = String(nodeData(next.staticData).webhookId);
			expect(logs.lines).toContainEqual(
				expect.objectContaining({
					level: 'warn',
					message: expect.stringContaining(`Could not remove Cal.com webhook ${failedId}`),
				}),
			);
			expect(nodeData(failed.staticData)).toEqual({
				orphans: [{ basePath: '/v2/webhooks', webhookId: failedId, attempts: 1 }],
			});
			expect(sandbox().state.webhooks).toHaveLength(1);

			// The next activation removes the orphan first; the webhook count never grows.
			const third = await activate(sandbox(), {
				parameters: {
					...userScope,
					scope: 'eventType',
					eventTypeId: { __rl: true, mode: 'id', value: '11' },
				},
				staticData: failed.staticData,
			});
			expect(webhooksAt(sandbox(), { userId: 1 })).toEqual([]);
			expect(nodeData(third.staticData).orphans).toBeUndefined();
			const secrets = logs.lines.map((l) => JSON.stringify(l));
			expect(secrets.join('\n')).not.toContain(String(nodeData(third.staticData).secret));
		} finally {
			logs.restore();
		}
	});
});
