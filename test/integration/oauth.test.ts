import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_SCOPES } from '../../credentials/CalComOAuth2Api.credentials';
import { runWebhookMethod } from '../harness';
import { useSandbox, visibleText } from './helpers';
import { connect, oauthTriggerOptions, runWithOAuth } from './oauth-helpers';

const sandbox = useSandbox();
const ALL_READ = [...DEFAULT_SCOPES, 'TEAM_PROFILE_READ'];

describe('Cal.com node with the OAuth2 credential', () => {
	it.each<[string, INodeParameters, string]>([
		['bookings', { resource: 'booking', operation: 'getMany', returnAll: true }, '/v2/bookings'],
		[
			'event types',
			{ resource: 'eventType', operation: 'getMany', source: 'own', returnAll: true },
			'/v2/event-types',
		],
		[
			'the default schedule',
			{ resource: 'schedule', operation: 'getDefault' },
			'/v2/schedules/default',
		],
		['the profile', { resource: 'user', operation: 'get' }, '/v2/me'],
		['credits', { resource: 'credit', operation: 'getAvailable' }, '/v2/credits/available'],
		['calendars', { resource: 'calendar', operation: 'getMany', returnAll: true }, '/v2/calendars'],
		['teams', { resource: 'team', operation: 'getMany', returnAll: true }, '/v2/teams'],
	])('reads %s with the access token from Cal.com OAuth', async (_what, parameters, path) => {
		const credentials = await connect(sandbox(), ALL_READ);
		const result = await runWithOAuth(credentials, parameters);
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		const sent = sandbox().requests.filter((r) => r.path === path);
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.every((r) => r.status === 200)).toBe(true);
	});

	it('acts for the user who consented', async () => {
		const credentials = await connect(sandbox(), ['PROFILE_READ'], 'lena');
		const result = await runWithOAuth(credentials, { resource: 'user', operation: 'get' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ username: 'lena' });
	});

	it('an expired access token is refreshed by n8n and the run succeeds', async () => {
		const credentials = await connect(sandbox(), ['BOOKING_READ']);
		sandbox().oauth.expireAccessTokens();
		const result = await runWithOAuth(credentials, {
			resource: 'booking',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().oauth.grants.refresh_token).toBe(1);
		const statuses = sandbox()
			.requests.filter((r) => r.path === '/v2/bookings')
			.map((r) => r.status);
		expect(statuses).toEqual([401, 200]);
	});

	it('a 401 that a renewed token does not cure says to reconnect, not to check an API key', async () => {
		const credentials = await connect(sandbox(), ['PROFILE_READ'], 'kenji');
		sandbox().oauth.expireAccessTokens();
		// Kenji's account is gone: the renewal still works, the new token is still refused.
		sandbox().state.users = sandbox().state.users.filter((u) => u.username !== 'kenji');
		const result = await runWithOAuth(credentials, { resource: 'user', operation: 'get' });
		expect(sandbox().oauth.grants.refresh_token).toBe(1);
		expect(result.error?.message).toBe(
			'Cal.com did not accept the OAuth2 connection, even after n8n renewed its access token. Reconnect the Cal.com OAuth2 credential (Connect my account).',
		);
	});

	it('a revoked connection (the renewal refused) says to reconnect the credential', async () => {
		const credentials = await connect(sandbox(), ['PROFILE_READ']);
		const tokens = credentials.calComOAuth2Api.oauthTokenData as Record<string, string>;
		sandbox().reset(); // forgets every token: as if the connection was revoked in Cal.com
		const result = await runWithOAuth(credentials, { resource: 'user', operation: 'get' });
		// n8n's own words for it, passed on as they are, after a single attempt.
		expect(result.error?.message).toBe(
			'The credential "calComOAuth2Api (harness)" needs to be reconnected.',
		);
		expect(sandbox().requests.filter((r) => r.path === '/v2/me')).toHaveLength(1);
		expect(sandbox().oauth.grants.refresh_token).toBe(0);
		expect(visibleText(result)).not.toContain(tokens.refresh_token);
	});

	it('never shows the access or refresh token in its output or errors', async () => {
		const credentials = await connect(sandbox(), ['BOOKING_READ']);
		const tokens = credentials.calComOAuth2Api.oauthTokenData as Record<string, string>;
		const ok = await runWithOAuth(credentials, { resource: 'user', operation: 'get' });
		const text = visibleText(ok);
		expect(text).not.toContain(tokens.access_token);
		expect(text).not.toContain(tokens.refresh_token);
	});
});

describe('Cal.com OAuth2: a scope the connection lacks', () => {
	it('a write without BOOKING_WRITE names the scope to add and the operation', async () => {
		const credentials = await connect(sandbox(), ['BOOKING_READ']);
		const result = await runWithOAuth(credentials, {
			resource: 'booking',
			operation: 'cancel',
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			cancellationReason: 'Scope check',
		});
		expect(result.error?.message).toBe(
			'Booking → Cancel needs the Cal.com OAuth scope BOOKING_WRITE, which this connection was not granted',
		);
		expect((result.error as { description?: string }).description).toBe(
			'Add BOOKING_WRITE under Scopes in the Cal.com OAuth2 credential (and to your OAuth client in Cal.com under Settings → Developer → OAuth if it is not registered there), then reconnect the credential.',
		);
		expect(
			sandbox().state.bookings.find((b) => b.uid === 'kEQ6lyUVxK9sKQNFvjgrCv')?.status,
		).not.toBe('cancelled');
	});

	it('a read of another family names its read scope', async () => {
		const credentials = await connect(sandbox(), ['BOOKING_READ']);
		const result = await runWithOAuth(credentials, {
			resource: 'eventType',
			operation: 'getMany',
			source: 'own',
			returnAll: true,
		});
		expect(result.error?.message).toBe(
			'Event Type → Get Many needs the Cal.com OAuth scope EVENT_TYPE_READ, which this connection was not granted',
		);
	});

	it("the trigger's activation without WEBHOOK_WRITE names that scope", async () => {
		const credentials = await connect(sandbox(), ['WEBHOOK_READ']);
		const parameters: INodeParameters = { events: ['BOOKING_CREATED'], scope: 'user' };
		await expect(
			runWebhookMethod(oauthTriggerOptions(credentials, parameters), 'create'),
		).rejects.toThrow(
			'POST /v2/webhooks needs the Cal.com OAuth scope WEBHOOK_WRITE, which this connection was not granted',
		);
		expect(sandbox().state.webhooks).toEqual([]);
	});
});

describe('Cal.com Trigger with the OAuth2 credential', () => {
	const parameters: INodeParameters = { events: ['BOOKING_CREATED'], scope: 'user' };

	it('registers its webhook on activation and removes it on deactivation', async () => {
		const credentials = await connect(sandbox(), ['WEBHOOK_READ', 'WEBHOOK_WRITE']);
		const check = await runWebhookMethod(
			oauthTriggerOptions(credentials, parameters),
			'checkExists',
		);
		expect(check.result).toBe(false);
		const created = await runWebhookMethod(
			oauthTriggerOptions(credentials, parameters, check.staticData),
			'create',
		);
		expect(created.result).toBe(true);
		expect(sandbox().state.webhooks).toHaveLength(1);
		expect(sandbox().state.webhooks[0]).toMatchObject({ userId: 1, triggers: ['BOOKING_CREATED'] });

		const deleted = await runWebhookMethod(
			oauthTriggerOptions(credentials, parameters, created.staticData),
			'delete',
		);
		expect(deleted.result).toBe(true);
		expect(sandbox().state.webhooks).toEqual([]);
	});

	it("registers and removes an event type's webhook with the default scopes (EVENT_TYPE_WRITE)", async () => {
		const credentials = await connect(sandbox(), DEFAULT_SCOPES);
		const onEventType: INodeParameters = {
			events: ['BOOKING_CREATED'],
			scope: 'eventType',
			eventTypeId: { __rl: true, mode: 'id', value: '12' },
		};
		const created = await runWebhookMethod(oauthTriggerOptions(credentials, onEventType), 'create');
		expect(created.result).toBe(true);
		expect(sandbox().state.webhooks).toHaveLength(1);
		expect(sandbox().requests.at(-1)).toMatchObject({
			method: 'POST',
			path: '/v2/event-types/12/webhooks',
			status: 201,
		});
		const deleted = await runWebhookMethod(
			oauthTriggerOptions(credentials, onEventType, created.staticData),
			'delete',
		);
		expect(deleted.result).toBe(true);
		expect(sandbox().state.webhooks).toEqual([]);
	});
});
