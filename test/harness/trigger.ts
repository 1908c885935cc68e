import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	IHttpRequestMethods,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WebhookType,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, deepCopy, NodeHelpers, Workflow } from 'n8n-workflow';

import { buildAdditionalData, INSTANCE_BASE_URL } from './additional-data';
import type { CredentialsData } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';
import { NODE_NAME, nodeUnderTest, WORKFLOW_ID } from './workflow';

export const WEBHOOK_ID = 'harness-webhook-id';

export interface TriggerOptions {
	node: INodeType | IVersionedNodeType;
	credentialTypes: ICredentialType[];
	parameters: INodeParameters;
	credentials?: CredentialsData;
	typeVersion?: number;
	/** The workflow's static data from the previous call (subscription id, secret …); default {}. */
	staticData?: IDataObject;
	/** Default `${INSTANCE_BASE_URL}/webhook`; the node's URL is `<base>/<webhookId>/<path>`. */
	webhookBaseUrl?: string;
	webhookId?: string;
}

/** The parts of an incoming request a webhook method reads. */
export interface WebhookRequest {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	/** The bytes as received, for signature checks. Default: the JSON of `body`. */
	rawBody?: Buffer;
	query?: Record<string, string>;
	params?: Record<string, string>;
	method?: IHttpRequestMethods;
}

/** What a webhook method wrote to the response itself (when it answers with `noWebhookResponse`). */
export interface RecordedResponse {
	statusCode: number;
	headers: Record<string, string>;
	body?: unknown;
}

function prepare(
	options: TriggerOptions,
	extra: Partial<Parameters<typeof buildAdditionalData>[0]> = {},
) {
	const definition = nodeUnderTest(options);
	definition.webhookId = options.webhookId ?? WEBHOOK_ID;
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		nodes: [definition],
		connections: {},
		active: true,
		nodeTypes: new HarnessNodeTypes([options.node]),
		staticData: deepCopy(options.staticData ?? {}),
	});
	const node = workflow.nodes[NODE_NAME];
	const nodeType = NodeHelpers.getVersionedNodeType(options.node, node.typeVersion);
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(options.credentialTypes, options.credentials),
		executionId: 'harness-trigger',
		webhookBaseUrl: options.webhookBaseUrl ?? `${INSTANCE_BASE_URL}/webhook`,
		...extra,
	});
	return { workflow, node, nodeType, additionalData };
}

function webhookData(prepared: ReturnType<typeof prepare>, name: string): IWebhookData {
	const description = prepared.nodeType.description.webhooks?.find(
		(webhook) => webhook.name === name,
	);
	if (!description) throw new Error(`The node has no webhook named "${name}"`);
	return {
		httpMethod: (description.httpMethod as IHttpRequestMethods | undefined) ?? 'POST',
		node: NODE_NAME,
		path: String(description.path),
		webhookDescription: description,
		workflowId: WORKFLOW_ID,
		workflowExecuteAdditionalData: prepared.additionalData,
		webhookId: prepared.node.webhookId,
	};
}

/** The workflow's static data after a call, as n8n would save it. */
function savedStaticData(workflow: Workflow): IDataObject {
	return deepCopy(workflow.staticData) as IDataObject;
}

/**
 * Runs one of a trigger's `webhookMethods` (`checkExists`, `create`, `delete`) in n8n-core's
 * `HookContext`, as n8n does when a workflow is activated or deactivated.
 */
export async function runWebhookMethod(
	options: TriggerOptions,
	method: 'checkExists' | 'create' | 'delete',
	webhookName: WebhookType = 'default',
	activation: WorkflowActivateMode = 'activate',
): Promise<{
	result: boolean | undefined;
	staticData: IDataObject;
	webhookUrl: string | undefined;
}> {
	const prepared = prepare(options);
	const fn = prepared.nodeType.webhookMethods?.[webhookName]?.[method];
	if (!fn) throw new Error(`The node has no webhook method "${webhookName}.${method}"`);
	const context = new HookContext(
		prepared.workflow,
		prepared.node,
		prepared.additionalData,
		'trigger',
		activation,
		webhookData(prepared, webhookName),
	);
	const result = await fn.call(context);
	return {
		result,
		staticData: savedStaticData(prepared.workflow),
		webhookUrl: context.getNodeWebhookUrl(webhookName),
	};
}

function responseRecorder(
	recorded: RecordedResponse,
): IWorkflowExecuteAdditionalData['httpResponse'] {
	const response = {
		status(code: number) {
			recorded.statusCode = code;
			return response;
		},
		setHeader(name: string, value: string) {
			recorded.headers[name.toLowerCase()] = value;
			return response;
		},
		header(name: string, value: string) {
			return response.setHeader(name, value);
		},
		json(body: unknown) {
			recorded.body = body;
			return response;
		},
		send(body?: unknown) {
			recorded.body = body;
			return response;
		},
		end(body?: unknown) {
			if (body !== undefined) recorded.body = body;
			return response;
		},
	};
	// Only the methods above exist; express's Response type is not installed (it is `any` here).
	return response as IWorkflowExecuteAdditionalData['httpResponse'];
}

/**
 * Delivers a request to a trigger's `webhook()` in n8n-core's `WebhookContext`, with the raw body
 * and headers on `additionalData.httpRequest` as n8n's webhook server puts them there.
 */
export async function runWebhook(
	options: TriggerOptions & { request: WebhookRequest; webhookName?: WebhookType },
): Promise<{
	response: IWebhookResponseData;
	recorded: RecordedResponse;
	staticData: IDataObject;
}> {
	const { request } = options;
	const headers = Object.fromEntries(
		Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
	const httpRequest = {
		method: request.method ?? 'POST',
		body: request.body,
		headers,
		rawBody: request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? null)),
		query: request.query ?? {},
		params: request.params ?? {},
		header: (name: string) => headers[name.toLowerCase()],
	};
	const recorded: RecordedResponse = { statusCode: 200, headers: {} };
	const prepared = prepare(options, { httpRequest, httpResponse: responseRecorder(recorded) });
	if (!prepared.nodeType.webhook) throw new Error('The node has no webhook() method');
	const context = new WebhookContext(
		prepared.workflow,
		prepared.node,
		prepared.additionalData,
		'webhook',
		webhookData(prepared, options.webhookName ?? 'default'),
		[],
		createEmptyRunExecutionData(),
	);
	const response = await prepared.nodeType.webhook.call(context);
	return { response, recorded, staticData: savedStaticData(prepared.workflow) };
}
