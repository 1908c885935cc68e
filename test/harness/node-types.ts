import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

/** Type name of the node that feeds the node under test its input items. */
export const SOURCE_NODE_TYPE = 'harness.source';

/**
 * A node that emits exactly the given items. They are held in a closure rather than a node
 * parameter, so n8n never evaluates strings in them as expressions.
 */
export function sourceNodeType(items: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Harness Source',
			name: SOURCE_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the input items of a test',
			defaults: { name: 'Input' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [items.map((json) => ({ json: structuredClone(json) }))];
		},
	};
}

/** n8n's node type registry for one run: the node under test and the source node. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType>) {
		for (const node of nodes) this.types.set(node.description.name, node);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		// A node's AI-tool variant ("…Tool") runs the node's own code.
		const type = this.types.get(nodeType) ?? this.types.get(nodeType.replace(/Tool$/, ''));
		if (!type) throw new Error(`The harness does not know the node type "${nodeType}"`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}
