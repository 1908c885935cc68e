import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialType,
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWebhook, runWebhookMethod } from './trigger';

/** A tiny subscription API on 127.0.0.1 that remembers webhooks by id. */
const subscriptions = new Map<string, { url: string; auth?: string }>();
const calls: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
	server = createServer((request, response) => {
		calls.push(`${request.method} ${request.url}`);
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			response.setHeader('content-type', 'application/json');
			const id = request.url?.split('/')[2];
			if (request.method === 'POST') {
				const created = String(subscriptions.size + 1);
				subscriptions.set(created, {
					url: (JSON.parse(body) as { url: string }).url,
					auth: request.headers.authorization,
				});
				response.end(JSON.stringify({ id: created }));
			} else if (id && subscriptions.has(id)) {
				if (request.method === 'DELETE') subscriptions.delete(id);
				response.end(JSON.stringify({ id }));
			} else {
				response.statusCode = 404;
				response.end('{}');
			}
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.close();
	await once(server, 'close');
});

class HookApi implements ICredentialType {
	name = 'hookApi';

	displayName = 'Hook API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};
}

async function api(
	ctx: IHookFunctions,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	body?: IDataObject,
) {
	const { baseUrl: url } = await ctx.getCredentials<{ baseUrl: string }>('hookApi');
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'hookApi', {
		method,
		url: `${url}${path}`,
		body,
		json: true,
	})) as IDataObject;
}

/** Subscribes on activation, keeps the subscription in static data, checks an HMAC on delivery. */
class HookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hook Trigger',
		name: 'hookTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Harness trigger',
		defaults: { name: 'Hook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hookApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (typeof data.subscriptionId !== 'string') return false;
				try {
					await api(this, 'GET', `/hooks/${data.subscriptionId}`);
					return true;
				} catch {
					return false;
				}
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const created = await api(this, 'POST', '/hooks', {
					url: this.getNodeWebhookUrl('default') ?? '',
				});
				const data = this.getWorkflowStaticData('node');
				data.subscriptionId = created.id;
				data.secret = 'shh';
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				await api(this, 'DELETE', `/hooks/${String(data.subscriptionId)}`);
				delete data.subscriptionId;
				delete data.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = String(this.getWorkflowStaticData('node').secret);
		const raw = (this.getRequestObject() as { rawBody: Buffer }).rawBody;
		const expected = createHmac('sha256', secret).update(raw).digest('hex');
		if (this.getHeaderData()['x-signature'] !== expected) {
			this.getResponseObject().status(401).json({ message: 'bad signature' });
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray(this.getBodyData())] };
	}
}

const options = () => ({
	node: new HookTrigger(),
	credentialTypes: [new HookApi()],
	credentials: { hookApi: { apiKey: 'k1', baseUrl } },
	parameters: {},
});

describe('trigger lifecycle through n8n-core’s HookContext and WebhookContext', () => {
	it('subscribes with the node’s webhook URL, keeps the subscription in static data, and unsubscribes', async () => {
		const before = await runWebhookMethod(options(), 'checkExists');
		expect(before.result).toBe(false);

		const created = await runWebhookMethod(options(), 'create');
		expect(created.webhookUrl).toBe('http://127.0.0.1:5678/webhook/harness-webhook-id/webhook');
		expect(created.staticData).toEqual({ 'node:Cal.com': { subscriptionId: '1', secret: 'shh' } });
		expect(subscriptions.get('1')).toEqual({ url: created.webhookUrl, auth: 'Bearer k1' });

		const exists = await runWebhookMethod(
			{ ...options(), staticData: created.staticData },
			'checkExists',
		);
		expect(exists.result).toBe(true);

		const deleted = await runWebhookMethod(
			{ ...options(), staticData: created.staticData },
			'delete',
		);
		expect(deleted.staticData).toEqual({ 'node:Cal.com': {} });
		expect(subscriptions.has('1')).toBe(false);
		expect(calls).toEqual(['POST /hooks', 'GET /hooks/1', 'DELETE /hooks/1']);
	});

	it('gives webhook() the raw body and headers, and records a response it writes itself', async () => {
		const staticData = { 'node:Cal.com': { subscriptionId: '9', secret: 'shh' } };
		const rawBody = Buffer.from('{"event":"BOOKING_CREATED"}');
		const signature = createHmac('sha256', 'shh').update(rawBody).digest('hex');

		const accepted = await runWebhook({
			...options(),
			staticData,
			request: {
				body: { event: 'BOOKING_CREATED' },
				rawBody,
				headers: { 'X-Signature': signature },
			},
		});
		expect(accepted.response.workflowData?.[0].map((item) => item.json)).toEqual([
			{ event: 'BOOKING_CREATED' },
		]);

		const refused = await runWebhook({
			...options(),
			staticData,
			request: {
				body: { event: 'BOOKING_CREATED' },
				rawBody,
				headers: { 'x-signature': 'forged' },
			},
		});
		expect(refused.response).toEqual({ noWebhookResponse: true });
		expect(refused.recorded).toEqual({
			statusCode: 401,
			headers: {},
			body: { message: 'bad signature' },
		});
	});
});
