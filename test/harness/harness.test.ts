import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	HARNESS_INSTANCE_ID,
	runListSearch,
	runLoadOptions,
	runNode,
	testCredential,
} from './index';

/** A tiny API on 127.0.0.1: answers 200 to the right bearer token, 401 otherwise. */
interface SeenRequest {
	method?: string;
	url?: string;
	headers: IncomingHttpHeaders;
}

const GOOD_KEY = 'key-good';
const seen: SeenRequest[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
	server = createServer((request, response) => {
		seen.push({ method: request.method, url: request.url, headers: request.headers });
		const authorized = request.headers.authorization === `Bearer ${GOOD_KEY}`;
		response.setHeader('content-type', 'application/json');
		if (!authorized) {
			response.statusCode = 401;
			response.end(JSON.stringify({ status: 'error', error: { message: 'bad key' } }));
			return;
		}
		if (request.url?.startsWith('/suspended')) {
			response.end(JSON.stringify({ status: 'error', suspended: true }));
			return;
		}
		response.end(
			JSON.stringify({ status: 'success', data: { path: request.url, items: ['a', 'b'] } }),
		);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.close();
	await once(server, 'close');
});

beforeEach(() => {
	seen.length = 0;
});

class HarnessTestApi implements ICredentialType {
	name = 'harnessTestApi';

	displayName = 'Harness Test API';

	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Test Path', name: 'testPath', type: 'string', default: '/me' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '={{$credentials.testPath}}' },
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The API key was not accepted.' },
			},
		],
	};
}

/** Calls the tiny API once per item with the credential, or fails on request. */
class HarnessTestNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Test',
		name: 'harnessTest',
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		description: 'Calls the harness test API',
		defaults: { name: 'Harness Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'harnessTestApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/things' },
			{ displayName: 'Fail', name: 'fail', type: 'boolean', default: false },
		],
	};

	methods = {
		listSearch: {
			async searchThings(
				this: ILoadOptionsFunctions,
				filter?: string,
			): Promise<INodeListSearchResult> {
				const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>('harnessTestApi');
				const body = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'harnessTestApi',
					{
						url: `${url}/things`,
						json: true,
					},
				)) as { data: { items: string[] } };
				const results = body.data.items.filter((item) => !filter || item.includes(filter));
				return { results: results.map((item) => ({ name: item, value: item })) };
			},
		},
		loadOptions: {
			async currentPath(this: ILoadOptionsFunctions) {
				return [{ name: String(this.getCurrentNodeParameter('path')), value: 'path' }];
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				if (this.getNodeParameter('fail', itemIndex) === true) {
					throw new NodeOperationError(this.getNode(), `Item ${itemIndex} was asked to fail`, {
						itemIndex,
					});
				}
				const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>('harnessTestApi');
				const path = this.getNodeParameter('path', itemIndex) as string;
				const body = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'harnessTestApi',
					{
						url: `${url}${path}`,
						json: true,
					},
				)) as IDataObject;
				output.push({
					json: {
						...body,
						input: items[itemIndex].json,
						executionId: this.getExecutionId(),
						instanceId: this.getInstanceId(),
						version: this.getNode().typeVersion,
					},
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				const message = error instanceof Error ? error.message : String(error);
				output.push({ json: { error: message }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}

const credentialTypes = [new HarnessTestApi()];
const credentials = () => ({ harnessTestApi: { apiKey: GOOD_KEY, baseUrl } });

describe('runNode: the node runs through n8n-core and really calls the server', () => {
	it('sends the Authorization header the credential computes, and returns each item paired to its input', async () => {
		const result = await runNode({
			node: new HarnessTestNode(),
			credentialTypes,
			credentials: credentials(),
			parameters: { path: '/things?x=1' },
			inputItems: [{ n: 1 }, { n: 2 }],
		});

		expect(result.error).toBeUndefined();
		expect(
			seen.map((request) => [request.method, request.url, request.headers.authorization]),
		).toEqual([
			['GET', '/things?x=1', `Bearer ${GOOD_KEY}`],
			['GET', '/things?x=1', `Bearer ${GOOD_KEY}`],
		]);
		expect(result.items.map((item) => [item.json.input, item.pairedItem])).toEqual([
			[{ n: 1 }, { item: 0 }],
			[{ n: 2 }, { item: 1 }],
		]);
		expect(result.outputs).toHaveLength(1);
		expect(Object.keys(result.runData).sort()).toEqual(['Cal.com', 'Input']);
	});

	it('gives the node a stable execution id for the run and the default version of its type', async () => {
		const result = await runNode({
			node: new HarnessTestNode(),
			credentialTypes,
			credentials: credentials(),
			parameters: {},
			inputItems: [{}, {}],
			executionId: 'exec-42',
		});

		expect(result.items.map((item) => item.json.executionId)).toEqual(['exec-42', 'exec-42']);
		expect(result.items[0].json.version).toBe(2);
		expect(seen[0].url).toBe('/things');

		const older = await runNode({
			node: new HarnessTestNode(),
			credentialTypes,
			credentials: credentials(),
			parameters: {},
			typeVersion: 1,
		});
		expect(older.items[0].json.version).toBe(1);
		expect(older.items[0].json.executionId).toMatch(/^harness-execution-\d+$/);
	});

	it('gives the node the harness instance id, or the one the run asks for, and refuses to overlap runs on two instances', async () => {
		const run = (instanceId?: string) =>
			runNode({
				node: new HarnessTestNode(),
				credentialTypes,
				credentials: credentials(),
				parameters: {},
				instanceId,
			});
		expect((await run()).items[0].json.instanceId).toBe(HARNESS_INSTANCE_ID);
		expect((await run('instance-b')).items[0].json.instanceId).toBe('instance-b');
		expect((await run()).items[0].json.instanceId).toBe(HARNESS_INSTANCE_ID);
		const [first, second] = await Promise.allSettled([run(), run('instance-b')]);
		expect(first.status).toBe('fulfilled');
		expect(second.status === 'rejected' && (second.reason as Error).message).toBe(
			'Harness: a run with instance id "instance-b" cannot overlap runs with "harness-instance"; run them one after another',
		);
	});

	it('surfaces an error thrown by the node in `error`, with its message', async () => {
		const result = await runNode({
			node: new HarnessTestNode(),
			credentialTypes,
			credentials: credentials(),
			parameters: { fail: true },
		});

		// The run data holds n8n's stored form of the error: its fields, not the class instance.
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Item 0 was asked to fail',
			context: { itemIndex: 0 },
			node: { name: 'Cal.com' },
		});
		expect(result.items).toEqual([]);
	});

	it('surfaces an HTTP failure as n8n-core’s NodeApiError', async () => {
		const result = await runNode({
			node: new HarnessTestNode(),
			credentialTypes,
			credentials: { harnessTestApi: { apiKey: 'key-wrong', baseUrl } },
			parameters: {},
		});

		expect(seen[0].headers.authorization).toBe('Bearer key-wrong');
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(result.error?.message).toMatch(/Authorization failed/);
	});

	it('with continueOnFail, turns the failure into an error item paired to its input', async () => {
		const result = await runNode({
			node: new HarnessTestNode(),
			credentialTypes,
			credentials: credentials(),
			parameters: { fail: true },
			inputItems: [{ n: 1 }],
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'Item 0 was asked to fail' }, pairedItem: { item: 0 } },
		]);
	});

	it('fails with n8n’s own message when the node has no credentials', async () => {
		const result = await runNode({ node: new HarnessTestNode(), credentialTypes, parameters: {} });

		expect(result.error?.message).toBe('Node does not have any credentials set');
		expect(seen).toEqual([]);
	});
});

describe('testCredential: the editor’s credential test through n8n-core', () => {
	it('is OK when the test request answers 200 with the credential applied', async () => {
		await expect(
			testCredential(new HarnessTestApi(), { apiKey: GOOD_KEY, baseUrl }),
		).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(seen.map((request) => [request.url, request.headers.authorization])).toEqual([
			['/me', `Bearer ${GOOD_KEY}`],
		]);
	});

	it('gives the responseCode rule’s message for a 401', async () => {
		await expect(
			testCredential(new HarnessTestApi(), { apiKey: 'key-wrong', baseUrl }),
		).resolves.toEqual({
			status: 'Error',
			message: 'The API key was not accepted.',
		});
	});

	it('gives a responseSuccessBody rule’s message when the 200 body matches it', async () => {
		const type = new HarnessTestApi();
		type.test.rules = [
			{
				type: 'responseSuccessBody',
				properties: { key: 'suspended', value: true, message: 'The account is suspended.' },
			},
		];
		await expect(
			testCredential(type, { apiKey: GOOD_KEY, baseUrl, testPath: '/suspended' }),
		).resolves.toEqual({
			status: 'Error',
			message: 'The account is suspended.',
		});
	});

	it('reports an unreachable server by its network error code', async () => {
		await expect(
			testCredential(new HarnessTestApi(), { apiKey: GOOD_KEY, baseUrl: 'http://127.0.0.1:1' }),
		).resolves.toEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});
});

describe('runListSearch and runLoadOptions: the editor’s LoadOptionsContext', () => {
	it('runs a list search with the credential applied', async () => {
		const result = await runListSearch(
			new HarnessTestNode(),
			credentialTypes,
			credentials(),
			'searchThings',
			'b',
		);

		expect(result).toEqual({ results: [{ name: 'b', value: 'b' }] });
		expect(seen[0].headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
	});

	it('gives load options the node’s current parameters', async () => {
		const options = await runLoadOptions(
			new HarnessTestNode(),
			credentialTypes,
			credentials(),
			'currentPath',
			{ path: '/x' },
		);

		expect(options).toEqual([{ name: '/x', value: 'path' }]);
	});
});
