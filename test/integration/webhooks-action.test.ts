import { randomUUID } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { CALCOM_EVENTS } from '../../nodes/CalCom/webhooks/events';
import { runListSearch } from '../harness';
import type { Sandbox, SandboxWebhook } from '../sandbox';
import { WEBHOOK_TRIGGERS } from '../sandbox/extra-webhook-schemas';
import { credentialsFor, runCalCom, useSandbox, visibleText } from './helpers';

const SECRET = 'whsec-do-not-leak-7d1c';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const eventType11 = { __rl: true, mode: 'id', value: '11' };

function seedWebhook(sandbox: Sandbox, extra: Partial<SandboxWebhook> = {}): SandboxWebhook {
	const webhook: SandboxWebhook = {
		id: randomUUID(),
		userId: 1,
		eventTypeId: null,
		teamId: null,
		subscriberUrl: `https://example.com/hooks/${sandbox.state.webhooks.length}`,
		triggers: ['BOOKING_CREATED'],
		active: true,
		payloadTemplate: null,
		secret: SECRET,
		version: '2021-10-20',
		time: null,
		timeUnit: null,
		createdAt: '2027-03-01T08:00:00.000Z',
		...extra,
	};
	sandbox.state.webhooks.push(webhook);
	return webhook;
}

const webhookParams = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'webhook', operation, ...extra });

describe('Webhook → Create', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('creates a user webhook with secret, template and version, and never shows the secret', async () => {
		const result = await runCalCom(
			sandbox,
			webhookParams('create', {
				subscriberUrl: 'https://example.com/hooks/cal',
				triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
				options: { secret: SECRET, payloadTemplate: '{"title":"{{title}}"}', version: '2026-07-27' },
			}),
		);
		expect(result.error).toBeUndefined();
		const stored = sandbox.state.webhooks[0];
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: stored.id,
				userId: 1,
				subscriberUrl: 'https://example.com/hooks/cal',
				triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
				active: true,
				payloadTemplate: '{"title":"{{title}}"}',
				version: '2026-07-27',
				time: null,
				timeUnit: null,
				hasSecret: true,
			},
		]);
		expect(stored.secret).toBe(SECRET);
		expect(sandbox.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				'/v2/webhooks',
				{
					subscriberUrl: 'https://example.com/hooks/cal',
					triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
					active: true,
					secret: SECRET,
					payloadTemplate: '{"title":"{{title}}"}',
					version: '2026-07-27',
				},
			],
		]);
		expect(sandbox.requests[0].headers['cal-api-version']).toBeUndefined();
		expect(visibleText(result)).not.toContain(SECRET);
	});

	it('creates an event-type webhook with every trigger Cal.com knows (all 28) and the no-show delay', async () => {
		expect(CALCOM_EVENTS.map((event) => event.value).sort()).toEqual([...WEBHOOK_TRIGGERS].sort());
		const result = await runCalCom(
			sandbox,
			webhookParams('create', {
				scope: 'eventType',
				eventTypeId: eventType11,
				subscriberUrl: 'https://example.com/hooks/all',
				triggers: [...WEBHOOK_TRIGGERS],
				noShowTime: 2,
				noShowTimeUnit: 'HOUR',
				options: { active: false },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ eventTypeId: 11, active: false, time: 2, timeUnit: 'HOUR', hasSecret: false });
		expect((result.items[0].json.triggers as string[]).sort()).toEqual([...WEBHOOK_TRIGGERS].sort());
		expect(sandbox.state.webhooks[0]).toMatchObject({ eventTypeId: 11, userId: null, triggers: expect.arrayContaining([...WEBHOOK_TRIGGERS]) });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/event-types/11/webhooks']);
	});

	it('refuses a no-show trigger without a valid delay before any request', async () => {
		const result = await runCalCom(
			sandbox,
			webhookParams('create', {
				subscriberUrl: 'https://example.com/hooks/noshow',
				triggers: ['AFTER_GUESTS_CAL_VIDEO_NO_SHOW'],
				noShowTime: 0,
				noShowTimeUnit: 'MINUTE',
			}),
		);
		expect(result.error?.message).toBe(
			'No-Show Delay: a whole number of at least 1 is required with AFTER_HOSTS_CAL_VIDEO_NO_SHOW or AFTER_GUESTS_CAL_VIDEO_NO_SHOW.',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses a subscriber URL that is not http(s) before any request', async () => {
		const result = await runCalCom(sandbox, webhookParams('create', { subscriberUrl: 'ftp://example.com/x', triggers: ['BOOKING_CREATED'] }));
		expect(result.error?.message).toBe('Subscriber URL: must start with https:// (or http:// on self-hosted Cal.com), not "ftp:".');
		expect(sandbox.requests).toEqual([]);
	});

	it("explains Cal.com's 409 for a subscriber URL the scope already has, and does not repeat the POST", async () => {
		seedWebhook(sandbox, { subscriberUrl: 'https://example.com/hooks/taken' });
		const result = await runCalCom(sandbox, webhookParams('create', { subscriberUrl: 'https://example.com/hooks/taken', triggers: ['BOOKING_CREATED'] }));
		expect(result.error?.message).toBe('Cal.com reported a conflict: Webhook with this subscriber url already exists for this user');
		expect((result.error as { description?: string }).description).toBe(
			'A webhook for https://example.com/hooks/taken already exists in this scope, and Cal.com takes each URL once per scope. Update that webhook instead (Get Many lists it), delete it first, or use another URL.',
		);
		expect(sandbox.requests).toHaveLength(1);
		expect(visibleText(result)).not.toContain(SECRET);
	});

	it("passes on Cal.com's 403 for another user's event type", async () => {
		const result = await runCalCom(
			sandbox,
			webhookParams('create', { scope: 'eventType', eventTypeId: byId('21'), subscriberUrl: 'https://example.com/h', triggers: ['BOOKING_CREATED'] }),
		);
		expect(result.error?.message).toBe('Cal.com refused the request (403 Forbidden): You are not the owner of event type with id 21');
	});
});

describe('Webhook → Get Many, Get, Update, Delete', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists the user webhooks simplified, without secrets, up to the limit', async () => {
		for (let i = 0; i < 5; i++) seedWebhook(sandbox);
		seedWebhook(sandbox, { userId: null, eventTypeId: 11 });
		const result = await runCalCom(sandbox, webhookParams('getMany', { limit: 3 }));
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toEqual({
			id: sandbox.state.webhooks[0].id,
			userId: 1,
			subscriberUrl: 'https://example.com/hooks/0',
			triggers: ['BOOKING_CREATED'],
			active: true,
			payloadTemplate: null,
			version: '2021-10-20',
			time: null,
			timeUnit: null,
			hasSecret: true,
		});
		expect(sandbox.requests.map((r) => [r.path, r.query])).toEqual([['/v2/webhooks', { take: '3', skip: '0' }]]);
		expect(visibleText(result)).not.toContain(SECRET);
	});

	it('returns all webhooks of an event type in pages of 250, Raw without the secret', async () => {
		for (let i = 0; i < 260; i++) seedWebhook(sandbox, { userId: null, eventTypeId: 11 });
		seedWebhook(sandbox);
		const result = await runCalCom(sandbox, webhookParams('getMany', { scope: 'eventType', eventTypeId: eventType11, returnAll: true, output: 'raw' }));
		expect(result.items).toHaveLength(260);
		expect(result.items[0].json).toMatchObject({ eventTypeId: 11, hasSecret: true });
		expect(result.items[0].json).not.toHaveProperty('secret');
		expect(sandbox.requests.map((r) => [r.path, r.query])).toEqual([
			['/v2/event-types/11/webhooks', { take: '250', skip: '0' }],
			['/v2/event-types/11/webhooks', { take: '250', skip: '250' }],
		]);
		expect(visibleText(result)).not.toContain(SECRET);
	});

	it('gets one webhook chosen from the list or by ID', async () => {
		const hook = seedWebhook(sandbox, { triggers: ['MEETING_ENDED'] });
		const listed = await runCalCom(sandbox, webhookParams('get', { webhookId: fromList(hook.id) }));
		expect(listed.items[0].json).toMatchObject({ id: hook.id, triggers: ['MEETING_ENDED'], hasSecret: true });
		const typed = await runCalCom(sandbox, webhookParams('get', { webhookId: byId(` ${hook.id} `), output: 'raw' }));
		expect(typed.items[0].json).toMatchObject({ id: hook.id, hasSecret: true });
		expect(visibleText(listed) + visibleText(typed)).not.toContain(SECRET);
		expect(sandbox.requests.map((r) => r.path)).toEqual([`/v2/webhooks/${hook.id}`, `/v2/webhooks/${hook.id}`]);
	});

	it('names the missing webhook on a 404 and refuses an ID that is not a UUID before any request', async () => {
		const missing = randomUUID();
		const result = await runCalCom(sandbox, webhookParams('get', { webhookId: byId(missing) }));
		expect(result.error?.message).toBe(`Webhook ${missing} was not found among your webhooks`);
		// Cal.com's own words (webhooks.service.ts) stay in the description.
		expect((result.error as { description?: string }).description).toBe(`Cal.com said: Webhook (${missing}) not found`);
		const deleted = await runCalCom(sandbox, webhookParams('delete', { webhookId: byId(missing) }));
		expect([deleted.error?.message, (deleted.error as { description?: string }).description]).toEqual([
			`Webhook ${missing} was not found among your webhooks`,
			`Cal.com said: Webhook (${missing}) not found`,
		]);
		// The editor refuses such an ID in By ID mode; an expression in From List can still produce one.
		const bad = await runCalCom(sandbox, webhookParams('delete', { webhookId: fromList('../me') }));
		expect(bad.error?.message).toBe('Webhook: "../me" is not a webhook ID (a UUID such as 6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34).');
		expect(sandbox.requests).toHaveLength(2);
	});

	it('updates only the given fields', async () => {
		const hook = seedWebhook(sandbox, { payloadTemplate: '{"a":1}' });
		const result = await runCalCom(
			sandbox,
			webhookParams('update', { webhookId: byId(hook.id), updateFields: { triggers: ['BOOKING_RESCHEDULED', 'OOO_CREATED'], active: false } }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: hook.id, triggers: ['BOOKING_RESCHEDULED', 'OOO_CREATED'], active: false, payloadTemplate: '{"a":1}', hasSecret: true });
		expect(sandbox.requests.map((r) => [r.method, r.body])).toEqual([['PATCH', { triggers: ['BOOKING_RESCHEDULED', 'OOO_CREATED'], active: false }]]);
		expect(sandbox.state.webhooks[0]).toMatchObject({ secret: SECRET, subscriberUrl: hook.subscriberUrl });
		expect(visibleText(result)).not.toContain(SECRET);
	});

	it('adds a no-show trigger only with a delay: its own, or the one the webhook has', async () => {
		const plain = seedWebhook(sandbox);
		const refused = await runCalCom(sandbox, webhookParams('update', { webhookId: byId(plain.id), updateFields: { triggers: ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW'] } }));
		expect(refused.error?.message).toMatch(/^No-Show Delay: a whole number of at least 1 is required/);
		expect(sandbox.requests.map((r) => r.method)).toEqual(['GET']);

		const given = await runCalCom(
			sandbox,
			webhookParams('update', { webhookId: byId(plain.id), updateFields: { triggers: ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW'], noShowTime: 1, noShowTimeUnit: 'DAY' } }),
		);
		expect(given.items[0].json).toMatchObject({ triggers: ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW'], time: 1, timeUnit: 'DAY' });

		const kept = await runCalCom(sandbox, webhookParams('update', { webhookId: byId(plain.id), updateFields: { triggers: ['AFTER_GUESTS_CAL_VIDEO_NO_SHOW'] } }));
		expect(kept.items[0].json).toMatchObject({ triggers: ['AFTER_GUESTS_CAL_VIDEO_NO_SHOW'], time: 1, timeUnit: 'DAY' });
	});

	it('explains the 409 when the new subscriber URL is taken, and asks for a field when none is given', async () => {
		seedWebhook(sandbox, { subscriberUrl: 'https://example.com/hooks/taken' });
		const hook = seedWebhook(sandbox);
		const result = await runCalCom(sandbox, webhookParams('update', { webhookId: byId(hook.id), updateFields: { subscriberUrl: 'https://example.com/hooks/taken' } }));
		expect(result.error?.message).toBe('Cal.com reported a conflict: Webhook with this subscriber url already exists for this user');
		expect((result.error as { description?: string }).description).toContain('already exists in this scope');
		const empty = await runCalCom(sandbox, webhookParams('update', { webhookId: byId(hook.id), updateFields: {} }));
		expect(empty.error?.message).toBe('Update Fields: add at least one field to change.');
	});

	it('deletes a webhook and returns deleted: true with its ID only', async () => {
		const hook = seedWebhook(sandbox, { userId: null, eventTypeId: 11 });
		const result = await runCalCom(sandbox, webhookParams('delete', { scope: 'eventType', eventTypeId: eventType11, webhookId: byId(hook.id) }));
		expect(result.items.map((item) => item.json)).toEqual([{ deleted: true, id: hook.id }]);
		expect(sandbox.state.webhooks).toEqual([]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /v2/event-types/11/webhooks/${hook.id}`]);
	});
});

/** [scope, its parameters, its webhook collection, the owner field Cal.com answers with]. */
const SCOPES: Array<[string, INodeParameters, string, IDataObject]> = [
	['User', {}, '/v2/webhooks', { userId: 1 }],
	['Event Type', { scope: 'eventType', eventTypeId: eventType11 }, '/v2/event-types/11/webhooks', { eventTypeId: 11 }],
	[
		'Team Event Type',
		{ scope: 'teamEventType', teamId: 100, teamEventTypeId: 51 },
		'/v2/teams/100/event-types/51/webhooks',
		{ eventTypeId: 51 },
	],
	['Organization', { scope: 'organization', organizationId: 7 }, '/v2/organizations/7/webhooks', { teamId: 7 }],
];

/** Bailey owns team 100 (fixture) and, here, organization 7. */
function makeBaileyOrganizationOwner(sandbox: Sandbox): void {
	sandbox.state.organizations.push({ id: 7, slug: 'acme', name: 'Acme' });
	Object.assign(sandbox.state.users[0], { organizationId: 7, organizationRole: 'OWNER' });
}

describe('Webhook → the four scopes', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
		makeBaileyOrganizationOwner(sandbox);
	});

	it.each(SCOPES)('%s: creates, lists, gets, updates and deletes a webhook at the scope’s own path', async (_name, scope, basePath, owner) => {
		const created = await runCalCom(
			sandbox,
			webhookParams('create', { ...scope, subscriberUrl: 'https://example.com/hooks/scoped', triggers: ['BOOKING_CREATED'], options: { secret: SECRET } }),
		);
		expect(created.error).toBeUndefined();
		const id = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ ...owner, subscriberUrl: 'https://example.com/hooks/scoped', active: true, hasSecret: true });

		const listed = await runCalCom(sandbox, webhookParams('getMany', { ...scope, returnAll: true }));
		expect(listed.items.map((item) => item.json.id)).toEqual([id]);
		const got = await runCalCom(sandbox, webhookParams('get', { ...scope, webhookId: fromList(id) }));
		expect(got.items[0].json).toMatchObject({ id, ...owner, triggers: ['BOOKING_CREATED'] });
		const updated = await runCalCom(sandbox, webhookParams('update', { ...scope, webhookId: byId(id), updateFields: { active: false } }));
		expect(updated.items[0].json).toMatchObject({ id, ...owner, active: false, hasSecret: true });
		const deleted = await runCalCom(sandbox, webhookParams('delete', { ...scope, webhookId: byId(id) }));
		expect(deleted.items.map((item) => item.json)).toEqual([{ deleted: true, id }]);

		expect(sandbox.state.webhooks).toEqual([]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${basePath}`,
			`GET ${basePath}`,
			`GET ${basePath}/${id}`,
			`PATCH ${basePath}/${id}`,
			`DELETE ${basePath}/${id}`,
		]);
		expect([created, listed, got, updated, deleted].map(visibleText).join('')).not.toContain(SECRET);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('lists only the scope’s own webhooks', async () => {
		const teamHook = seedWebhook(sandbox, { userId: null, eventTypeId: 51 });
		const orgHook = seedWebhook(sandbox, { userId: null, teamId: 7 });
		seedWebhook(sandbox);
		const team = await runCalCom(sandbox, webhookParams('getMany', { ...SCOPES[2][1], returnAll: true }));
		const org = await runCalCom(sandbox, webhookParams('getMany', { ...SCOPES[3][1], returnAll: true }));
		expect([team, org].map((result) => result.items.map((item) => item.json.id))).toEqual([[teamHook.id], [orgHook.id]]);
		expect(org.items[0].json).toMatchObject({ teamId: 7, hasSecret: true });
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('names the team event type or the organization when a webhook is not found there', async () => {
		const missing = randomUUID();
		const team = await runCalCom(sandbox, webhookParams('get', { ...SCOPES[2][1], webhookId: byId(missing) }));
		expect(team.error?.message).toBe(`Webhook ${missing} was not found among the webhooks of team 100’s event type 51`);
		const org = await runCalCom(sandbox, webhookParams('delete', { ...SCOPES[3][1], webhookId: byId(missing) }));
		expect(org.error?.message).toBe(`Webhook ${missing} was not found among the webhooks of organization 7`);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('refuses a team, team event type or organization ID that is not a whole number above 0 before any request', async () => {
		const messages: Array<string | undefined> = [];
		for (const scope of [
			{ scope: 'teamEventType', teamId: 0, teamEventTypeId: 51 },
			{ scope: 'teamEventType', teamId: 100, teamEventTypeId: -3 },
			{ scope: 'organization', organizationId: 1.5 },
		]) {
			messages.push((await runCalCom(sandbox, webhookParams('getMany', { ...scope, returnAll: true }))).error?.message);
		}
		expect(messages).toEqual([
			'Team ID: "0" is not a team ID (a whole number above 0).',
			'Team Event Type ID: "-3" is not a team event type ID (a whole number above 0).',
			'Organization ID: "1.5" is not an organization ID (a whole number above 0).',
		]);
		expect(sandbox.requests).toEqual([]);
	});

	it("passes on Cal.com's 403 for a team event type whose team the key owner does not run", async () => {
		const result = await runCalCom(sandbox, webhookParams('getMany', { ...SCOPES[2][1], returnAll: true }), { username: 'lena' });
		expect(result.error?.message).toBe(
			'Cal.com refused the request (403 Forbidden): You must be an admin or owner of this team to manage its event type webhooks',
		);
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});

describe('Webhook picker', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	const search = (filter?: string, parameters = {}) =>
		runListSearch(new CalCom(), [new CalComV2Api()], credentialsFor(sandbox) as never, 'searchWebhooks', filter, {
			resource: 'webhook',
			operation: 'get',
			...parameters,
		});

	it('lists the scope’s webhooks by subscriber URL and filters them', async () => {
		const crm = seedWebhook(sandbox, { subscriberUrl: 'https://crm.example.com/cal', triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'] });
		const slack = seedWebhook(sandbox, { subscriberUrl: 'https://hooks.slack.example/abc', active: false });
		const eventTypeHook = seedWebhook(sandbox, { userId: null, eventTypeId: 11, subscriberUrl: 'https://crm.example.com/et' });

		const all = await search();
		expect(all.results).toEqual([
			{ name: 'https://crm.example.com/cal (2 triggers)', value: crm.id },
			{ name: 'https://hooks.slack.example/abc (1 trigger, inactive)', value: slack.id },
		]);
		expect((await search('SLACK')).results.map((r) => r.value)).toEqual([slack.id]);
		const scoped = await search('crm', { scope: 'eventType', eventTypeId: eventType11 });
		expect(scoped.results.map((r) => r.value)).toEqual([eventTypeHook.id]);
		expect(JSON.stringify([all, scoped])).not.toContain(SECRET);
	});

	it('lists a team event type’s or an organization’s webhooks', async () => {
		makeBaileyOrganizationOwner(sandbox);
		const teamHook = seedWebhook(sandbox, { userId: null, eventTypeId: 51, subscriberUrl: 'https://crm.example.com/team' });
		const orgHook = seedWebhook(sandbox, { userId: null, teamId: 7, subscriberUrl: 'https://crm.example.com/org' });
		const team = await search(undefined, { scope: 'teamEventType', teamId: 100, teamEventTypeId: 51 });
		const org = await search('crm', { scope: 'organization', organizationId: 7 });
		expect([team.results, org.results]).toEqual([
			[{ name: 'https://crm.example.com/team (1 trigger)', value: teamHook.id }],
			[{ name: 'https://crm.example.com/org (1 trigger)', value: orgHook.id }],
		]);
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v2/teams/100/event-types/51/webhooks', '/v2/organizations/7/webhooks']);
	});

	it('lists nothing while the event type is not chosen yet', async () => {
		seedWebhook(sandbox);
		expect((await search(undefined, { scope: 'eventType' })).results).toEqual([]);
		expect(sandbox.requests).toEqual([]);
	});
});
