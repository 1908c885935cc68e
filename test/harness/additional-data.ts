import './env';

import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/** Where the pretend n8n instance lives; nothing listens there. */
export const INSTANCE_BASE_URL = 'http://127.0.0.1:5678';

export interface AdditionalDataOptions {
	credentialsHelper: ICredentialsHelper;
	executionId: string;
	hooks?: ExecutionLifecycleHooks;
	/** The node's parameters while it is edited (load options and list search read them). */
	currentNodeParameters?: INodeParameters;
	/** Base of production webhook URLs, default `${INSTANCE_BASE_URL}/webhook`. */
	webhookBaseUrl?: string;
	/** The incoming request of a webhook call (WebhookContext reads body, headers, query). */
	httpRequest?: IWorkflowExecuteAdditionalData['httpRequest'];
	httpResponse?: IWorkflowExecuteAdditionalData['httpResponse'];
}

function unsupported(feature: string): () => never {
	return () => {
		throw new Error(`${feature} is not supported by the test harness`);
	};
}

/**
 * What n8n's CLI normally puts together for an execution: the credentials helper, the lifecycle
 * hooks, the instance's URLs and an execution id. Features the harness has no use for (sub-workflows,
 * task runners, agents) fail loudly instead of silently doing nothing.
 */
export function buildAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const base = INSTANCE_BASE_URL;
	return {
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		currentNodeParameters: options.currentNodeParameters,
		httpRequest: options.httpRequest,
		httpResponse: options.httpResponse,
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('Executing a sub-workflow'),
		startRunnerTask: unsupported('Running code in a task runner'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		userId: 'harness-user',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: options.webhookBaseUrl ?? `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
	};
}
