/**
 * Every read operation of every resource of the Cal.com node, run through n8n-core twice against
 * the sandbox: with the API key credential and with the OAuth2 credential connected with its
 * default scopes by the same user. Both must succeed and give the same items.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_SCOPES } from '../../credentials/CalComOAuth2Api.credentials';
import type { RunNodeResult } from '../harness';
import type { OrganizationSeed } from '../sandbox/organization-seed';
import { seedOrganization } from '../sandbox/organization-seed';
import { runCalCom, useSandbox } from './helpers';
import { connect, runWithOAuth } from './oauth-helpers';
import type { ReadCase } from './oauth-read-cases';
import { isClassified, isRead, nodeOperations, READ_CASES } from './oauth-read-cases';

const sandbox = useSandbox();
let seed: OrganizationSeed;
beforeEach(() => {
	// A team of organization 900 and bookings of its users, for the organization reads (maya).
	seed = seedOrganization(sandbox().state);
});

const operations = nodeOperations();
const reads = operations.filter(isRead).map((op) => op.key);
const byOAuth = reads.filter((key) => !READ_CASES[key]?.notForOAuth);
const apiKeyOnly = reads.filter((key) => READ_CASES[key]?.notForOAuth);

function caseOf(key: string): ReadCase {
	const found = READ_CASES[key];
	if (!found) {
		throw new Error(
			`No parameters for the read operation ${key}: add it to READ_CASES in test/integration/oauth-read-cases.ts`,
		);
	}
	return found;
}

async function parametersOf(key: string, found: ReadCase): Promise<INodeParameters> {
	const [resource, operation] = key.split('.');
	const extra = found.setup ? await found.setup(sandbox(), seed) : {};
	return { resource, operation, ...found.parameters, ...extra };
}

const json = (result: RunNodeResult) => result.items.map((item) => item.json);

/**
 * Runs the read with the user's API key (it must succeed with items), then with the OAuth2
 * credential that user connected with the default scopes; gives the OAuth2 run and its requests.
 */
async function readWithBoth(key: string) {
	const found = caseOf(key);
	const parameters = await parametersOf(key, found);
	const withKey = await runCalCom(sandbox(), parameters, { username: found.username });
	expect(withKey.error).toBeUndefined();
	expect(withKey.items.length).toBeGreaterThan(0);
	const credentials = await connect(sandbox(), DEFAULT_SCOPES, found.username);
	const sentBefore = sandbox().requests.length;
	const withOAuth = await runWithOAuth(credentials, parameters);
	return { withKey, withOAuth, sent: sandbox().requests.slice(sentBefore) };
}

describe('the read operations of the Cal.com node, from its description', () => {
	it('every operation of every resource either reads or changes Cal.com (a new verb is classified here)', () => {
		expect(operations.length).toBeGreaterThan(100);
		const unclassified = operations.filter((op) => !isClassified(op));
		expect(unclassified.map((op) => `${op.key} ("${op.action}")`)).toEqual([]);
	});

	it('every read operation has parameters in this spec, and no stale ones are left', () => {
		expect(reads.length).toBeGreaterThan(45);
		expect(reads.filter((key) => !READ_CASES[key])).toEqual([]);
		expect(Object.keys(READ_CASES).filter((key) => !reads.includes(key))).toEqual([]);
	});
});

describe('every read operation works with either credential', () => {
	it.each(byOAuth)(
		'%s: the API key and OAuth2 (default scopes) give the same items',
		async (key) => {
			const { withKey, withOAuth, sent } = await readWithBoth(key);
			expect(withOAuth.error).toBeUndefined();
			expect(json(withOAuth)).toEqual(json(withKey));
			// Every request of the OAuth2 run was accepted: no scope refusal on the way.
			expect(sent.length).toBeGreaterThan(0);
			expect(sent.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`)).toEqual([]);
		},
	);

	it.each(apiKeyOnly)(
		'%s works with the API key; Cal.com refuses OAuth tokens there, and the node says to use the API key',
		async (key) => {
			const { withOAuth, sent } = await readWithBoth(key);
			expect(sent.map((r) => r.status)).toEqual([403]);
			expect(withOAuth.error?.message).toMatch(
				/^[A-Za-z ]+ → [A-Za-z ]+ is not available with a Cal\.com OAuth2 connection$/,
			);
			expect((withOAuth.error as { description?: string }).description).toBe(
				'Cal.com does not let OAuth apps call this endpoint. Use the API key credential (Authentication: API Key) for this node.',
			);
		},
	);
});

/** Webhook reads in each of their scopes: Cal.com asks a different scope of each (oauth-scopes.ts). */
const WEBHOOK_SCOPES: Array<[string, 'bailey' | 'maya', INodeParameters]> = [
	['an event type (EVENT_TYPE_READ)', 'bailey', { scope: 'eventType', eventTypeId: 11 }],
	[
		'a team event type (TEAM_EVENT_TYPE_READ)',
		'bailey',
		{ scope: 'teamEventType', teamId: 100, teamEventTypeId: 51 },
	],
	['an organization (ORG_WEBHOOK_READ)', 'maya', { scope: 'organization', organizationId: 900 }],
];

describe('Webhook reads in every scope work with either credential', () => {
	it.each(WEBHOOK_SCOPES)(
		'the webhooks of %s: Get Many and Get give the same items',
		async (_scope, username, scope) => {
			const made = await runCalCom(
				sandbox(),
				{
					resource: 'webhook',
					operation: 'create',
					...scope,
					subscriberUrl: 'http://127.0.0.1:1/hook',
					triggers: ['BOOKING_CREATED'],
				},
				{ username },
			);
			expect(made.error).toBeUndefined();
			const webhookId = { __rl: true, mode: 'id', value: String(made.items[0].json.id) };
			const credentials = await connect(sandbox(), DEFAULT_SCOPES, username);
			for (const parameters of [
				{ resource: 'webhook', operation: 'getMany', ...scope, returnAll: true },
				{ resource: 'webhook', operation: 'get', ...scope, webhookId },
			]) {
				const withKey = await runCalCom(sandbox(), parameters, { username });
				const withOAuth = await runWithOAuth(credentials, parameters);
				expect(withKey.error).toBeUndefined();
				expect(withOAuth.error).toBeUndefined();
				expect(withKey.items).toHaveLength(1);
				expect(json(withOAuth)).toEqual(json(withKey));
			}
		},
	);
});
