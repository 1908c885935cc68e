import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestRequest,
	ICredentialType,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';

/** n8n tests credentials with a stand-in "No Operation" node that carries the test request. */
const TEST_NODE_TYPE = 'n8n-nodes-base.noOp';

function testNodeType(credentialType: string, test: ICredentialTestRequest): INodeType {
	return {
		description: {
			displayName: 'No Operation, do nothing',
			name: TEST_NODE_TYPE,
			group: ['organization'],
			version: 1,
			description: 'Carries a credential test request',
			defaults: { name: 'No Operation, do nothing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	};
}

/** A dotted path such as `data.status` or `errors[0].code` (what n8n reads with lodash `get`). */
function valueAt(data: unknown, path: string): unknown {
	const keys = path.split(/[.[\]]/).filter((key) => key !== '');
	return keys.reduce<unknown>(
		(value, key) =>
			value !== null && typeof value === 'object'
				? (value as Record<string, unknown>)[key]
				: undefined,
		data,
	);
}

/** The parts of n8n's request error the credential tester reads. */
interface RequestFailure {
	message?: unknown;
	cause?: { code?: unknown; response?: { status?: number; statusText?: string } };
}

function judgeFailure(error: unknown, test: ICredentialTestRequest): INodeCredentialTestResult {
	const failure = (error ?? {}) as RequestFailure;
	const response = failure.cause?.response;
	if (response) {
		const statusCode = response.status ?? 0;
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (statusCode < 199 || statusCode > 299) {
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${statusCode}`,
			};
		}
	} else if (failure.cause?.code) {
		return { status: 'Error', message: String(failure.cause.code) };
	}
	return { status: 'Error', message: String(failure.message ?? error) };
}

/**
 * The credential test of n8n's editor ("Test" button), for a credential type with a declarative
 * `test`: the test request runs through n8n-core's `RoutingNode` with the credential's
 * `authenticate` applied, and the outcome is judged by the same rules as n8n's CredentialsTester.
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const test = credentialType.test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const type = credentialType.name;
	const credentialsHelper = new HarnessCredentialsHelper([credentialType], { [type]: data });
	let credentialsDecrypted: ICredentialsDecrypted;
	try {
		credentialsDecrypted = {
			id: `harness-${type}`,
			name: `${type} (harness)`,
			type,
			data: credentialsHelper.withDefaults(type, data),
		};
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}

	const nodeType = testNodeType(type, test);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes([nodeType]),
	});
	const additionalData = buildAdditionalData({
		credentialsHelper,
		executionId: 'harness-credential-test',
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	let response: INodeExecutionData[][] | undefined;
	try {
		response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (error) {
		return judgeFailure(error, test);
	}

	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (valueAt(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
