import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialsData } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { withInstanceId } from './instance';
import { HarnessNodeTypes, SOURCE_NODE_TYPE, sourceNodeType } from './node-types';
import { NODE_NAME, nodeUnderTest, WORKFLOW_ID, workflowBase } from './workflow';

export interface RunNodeOptions {
	/** An instance, e.g. `new CalCom()`. */
	node: INodeType | IVersionedNodeType;
	/** Instances, e.g. `[new CalComV2Api()]`. */
	credentialTypes: ICredentialType[];
	parameters: INodeParameters;
	/** Per credential type name; fills the node's credentials entry for the types it declares. */
	credentials?: CredentialsData;
	/** Default `[{}]`; a source node feeds them to the node under test. */
	inputItems?: IDataObject[];
	/** Sets the node's "On Error" to "Continue" (`continueRegularOutput`). */
	continueOnFail?: boolean;
	/** Default: the version a new node gets in the editor. */
	typeVersion?: number;
	/** Run the node as its AI-tool variant (type "…Tool"), as an AI Agent runs it. */
	asTool?: boolean;
	/** What `this.getExecutionId()` returns during the run; default `harness-execution-<n>`. */
	executionId?: string;
	/**
	 * What `this.getInstanceId()` returns: the n8n instance the run is on; default
	 * HARNESS_INSTANCE_ID. Runs with different ids must not overlap (see withInstanceId).
	 */
	instanceId?: string;
}

export interface RunNodeResult {
	/** Main output 0 of the node under test, with pairedItem. */
	items: INodeExecutionData[];
	/** Every main output. */
	outputs: INodeExecutionData[][];
	/**
	 * The node's error when it failed, as n8n stores it in the run data: a plain object with the
	 * error's fields (`name`, `message`, `description`, `httpCode`, `context`, `node` …), not the
	 * class instance, so check `name` rather than `instanceof`. Undefined on success.
	 */
	error?: ExecutionBaseError | Error;
	runData: IRunData;
	/** The whole run, for anything else a test wants to look at. */
	run: IRun;
}

export const SOURCE_NODE_NAME = 'Input';

let runs = 0;

/**
 * Runs the node in a two-node workflow (Input → Cal.com) through n8n-core's `WorkflowExecute`,
 * the engine n8n itself runs workflows with. HTTP requests leave through n8n-core's helpers.
 * Rejects with n8n-core's `WorkflowHasIssuesError` when a required parameter is missing, as a
 * manual run in n8n refuses to start then.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	runs += 1;
	const executionId = options.executionId ?? `harness-execution-${runs}`;

	const source: INode = {
		id: 'harness-input',
		name: SOURCE_NODE_NAME,
		type: SOURCE_NODE_TYPE,
		typeVersion: 1,
		position: [-200, 0],
		parameters: {},
	};
	const node = nodeUnderTest(options);
	if (options.continueOnFail) node.onError = 'continueRegularOutput';
	if (options.asTool) node.type = `${node.type}Tool`;

	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Harness',
		nodes: [source, node],
		connections: {
			[SOURCE_NODE_NAME]: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		active: false,
		nodeTypes: new HarnessNodeTypes([options.node, sourceNodeType(options.inputItems ?? [{}])]),
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowBase(workflow));
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(options.credentialTypes, options.credentials),
		executionId,
		hooks,
	});

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: source, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const [run] = await withInstanceId(
		options.instanceId,
		async () => await Promise.all([finished, execution.processRunExecutionData(workflow)]),
	);

	const runData = run.data.resultData.runData;
	const task = runData[NODE_NAME]?.[0];
	const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: task ? task.error : run.data.resultData.error,
		runData,
		run,
	};
}
