/**
 * n8n's own HTTP Request node (n8n-nodes-base, from the n8n the e2e suite installs in .cache/), for
 * B2: the node a user would pick instead of ours, calling the same endpoint with the same Cal.com
 * credential as a "Predefined Credential Type".
 *
 * It runs in the same n8n-core harness as our node. Inside n8n it shares n8n's one copy of
 * n8n-workflow with the engine (its errors are checked with instanceof there); loaded from .cache/
 * it would get a second copy, so its `require('n8n-workflow')` is pointed at the copy our harness's
 * n8n-core uses. The versions are checked to be the same, so it is the same code either way.
 */
import { readFileSync, realpathSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

import type { INodeParameters, IVersionedNodeType } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../nodes/CalCom/transport';

/** What `require` resolution looks like inside Node; not in @types/node. */
interface Resolver {
	_resolveFilename(
		request: string,
		parent: { filename?: string } | undefined,
		...rest: unknown[]
	): string;
}

const SHARED = ['n8n-workflow', 'n8n-core'];

function versionOf(packageJson: string): string {
	return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** Requests for n8n-workflow and n8n-core from files under `n8nDir` resolve to ours. */
function shareEngine(n8nDir: string): Record<string, string> {
	const versions: Record<string, string> = {};
	const ours = new Map<string, string>();
	for (const name of SHARED) {
		const theirs = versionOf(join(n8nDir, 'node_modules', name, 'package.json'));
		const mine = versionOf(require.resolve(`${name}/package.json`));
		if (theirs !== mine)
			throw new Error(
				`${name}: n8n in .cache/ has ${theirs}, the harness ${mine}; make them equal`,
			);
		versions[name] = mine;
		ours.set(name, require.resolve(name));
	}
	const resolver = Module as unknown as Resolver;
	const original = resolver._resolveFilename.bind(resolver);
	resolver._resolveFilename = (request, parent, ...rest) => {
		const target = ours.get(request);
		if (target && parent?.filename?.startsWith(n8nDir)) return target;
		return original(request, parent, ...rest);
	};
	return versions;
}

export interface HttpRequestNode {
	node: IVersionedNodeType;
	/** n8n-nodes-base's version, and the n8n-workflow / n8n-core it shares with the harness. */
	versions: Record<string, string>;
}

let loaded: HttpRequestNode | undefined;

export function loadHttpRequestNode(n8nDir: string): HttpRequestNode {
	if (loaded) return loaded;
	const dir = realpathSync(n8nDir);
	const versions = shareEngine(dir);
	const base = join(dir, 'node_modules', 'n8n-nodes-base');
	versions['n8n-nodes-base'] = versionOf(join(base, 'package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
	const { HttpRequest } = require(join(base, 'dist/nodes/HttpRequest/HttpRequest.node.js')) as {
		HttpRequest: new () => IVersionedNodeType;
	};
	const node = new HttpRequest();
	// n8n's loader names a node type after its package; n8n-core lets only this name read any
	// credential type (FULL_ACCESS_NODE_TYPES), which a predefined credential type needs.
	node.description.name = 'n8n-nodes-base.httpRequest';
	loaded = { node, versions };
	return loaded;
}

/**
 * The HTTP Request node's parameters as the editor saves them for a GET with the Cal.com
 * credential picked under Authentication → Predefined Credential Type, and the same query and
 * cal-api-version header our node sends.
 */
export function httpRequestParameters(
	url: string,
	query: Record<string, string> = {},
	headers: Record<string, string> = {},
): INodeParameters {
	const pairs = (values: Record<string, string>) => ({
		parameters: Object.entries(values).map(([name, value]) => ({ name, value })),
	});
	return {
		method: 'GET',
		url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: CREDENTIAL_TYPE,
		...(Object.keys(query).length ? { sendQuery: true, queryParameters: pairs(query) } : {}),
		...(Object.keys(headers).length ? { sendHeaders: true, headerParameters: pairs(headers) } : {}),
		options: {},
	};
}
