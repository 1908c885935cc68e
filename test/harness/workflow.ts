import type {
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
	IWorkflowBase,
	Workflow,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { CredentialsData } from './credentials-helper';

/** The name the node under test has in every harness workflow. */
export const NODE_NAME = 'Cal.com';

export const WORKFLOW_ID = 'harness-workflow';

/** The version a new node of this type gets in n8n's editor. */
export function defaultVersion(nodeType: INodeType | IVersionedNodeType): number {
	const { description } = nodeType;
	if ('defaultVersion' in description && typeof description.defaultVersion === 'number') {
		return description.defaultVersion;
	}
	const { version } = NodeHelpers.getVersionedNodeType(nodeType).description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/**
 * The node's credentials entry, as n8n's editor fills it when a credential is picked: one entry
 * per credential the node type declares and the test gave data for, and the one a `nodeCredentialType`
 * parameter names (n8n's HTTP Request node with a predefined credential type declares none of its own).
 */
export function nodeCredentials(
	nodeType: INodeType,
	credentials: CredentialsData | undefined,
	parameters: INodeParameters = {},
): INodeCredentials | undefined {
	const declared = (nodeType.description.credentials ?? []).map(({ name }) => name);
	const predefined =
		typeof parameters.nodeCredentialType === 'string' ? [parameters.nodeCredentialType] : [];
	const entries = [...new Set([...declared, ...predefined])]
		.filter((name) => credentials?.[name] !== undefined)
		.map((name) => [name, { id: `harness-${name}`, name: `${name} (harness)` }] as const);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export interface NodeUnderTestOptions {
	node: INodeType | IVersionedNodeType;
	parameters: INodeParameters;
	credentials?: CredentialsData;
	typeVersion?: number;
	position?: [number, number];
}

/** The node under test as it would be saved in a workflow. */
export function nodeUnderTest(options: NodeUnderTestOptions): INode {
	const typeVersion = options.typeVersion ?? defaultVersion(options.node);
	const versioned = NodeHelpers.getVersionedNodeType(options.node, typeVersion);
	const credentials = nodeCredentials(versioned, options.credentials, options.parameters);
	return {
		id: 'harness-node-under-test',
		name: NODE_NAME,
		type: options.node.description.name,
		typeVersion,
		position: options.position ?? [0, 0],
		// n8n's Workflow writes the defaults into the parameters: keep the test's object intact.
		parameters: structuredClone(options.parameters),
		...(credentials ? { credentials } : {}),
	};
}

/** The stored form of a workflow, which n8n's lifecycle hooks are given. */
export function workflowBase(workflow: Workflow): IWorkflowBase {
	const now = new Date();
	return {
		id: workflow.id,
		name: workflow.name ?? 'Harness',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		settings: workflow.settings,
	};
}
