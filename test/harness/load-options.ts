import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialType,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import type { CredentialsData } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';
import { NODE_NAME, nodeUnderTest, WORKFLOW_ID } from './workflow';

/**
 * n8n's editor asks a node for dropdown options and resource-locator lists with a one-node
 * workflow and a `LoadOptionsContext` whose current parameters are the node's, as it is edited.
 */
function loadOptionsContext(
	node: INodeType | IVersionedNodeType,
	credentialTypes: ICredentialType[],
	credentials: CredentialsData | undefined,
	parameters: INodeParameters,
): { context: LoadOptionsContext; nodeType: INodeType } {
	const nodeDefinition = nodeUnderTest({ node, parameters, credentials });
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		nodes: [nodeDefinition],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes([node]),
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(credentialTypes, credentials),
		executionId: 'harness-load-options',
		currentNodeParameters: workflow.nodes[NODE_NAME].parameters,
	});
	return {
		context: new LoadOptionsContext(workflow, workflow.nodes[NODE_NAME], additionalData, ''),
		nodeType: NodeHelpers.getVersionedNodeType(node, nodeDefinition.typeVersion),
	};
}

/** Runs `methods.listSearch[methodName]` the way the editor fills a "From List" locator. */
export async function runListSearch(
	node: INodeType | IVersionedNodeType,
	credentialTypes: ICredentialType[],
	credentials: CredentialsData | undefined,
	methodName: string,
	filter?: string,
	parameters: INodeParameters = {},
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { context, nodeType } = loadOptionsContext(node, credentialTypes, credentials, parameters);
	const method = nodeType.methods?.listSearch?.[methodName];
	if (!method) throw new Error(`The node has no listSearch method "${methodName}"`);
	return await method.call(context, filter, paginationToken);
}

/** Runs `methods.loadOptions[methodName]` the way the editor fills an options dropdown. */
export async function runLoadOptions(
	node: INodeType | IVersionedNodeType,
	credentialTypes: ICredentialType[],
	credentials: CredentialsData | undefined,
	methodName: string,
	parameters: INodeParameters = {},
): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = loadOptionsContext(node, credentialTypes, credentials, parameters);
	const method = nodeType.methods?.loadOptions?.[methodName];
	if (!method) throw new Error(`The node has no loadOptions method "${methodName}"`);
	return await method.call(context);
}
