/**
 * The least an n8n node can do to call GET /v2/me with this credential: read the credential for
 * the base URL, then n8n-core's `httpRequestWithAuthentication`, once per item. B2 compares the
 * Cal.com node with it, to tell what our code adds from what every n8n node pays in the engine.
 *
 * Three of them: one after another, as many at a time as our node runs read-only items, and all at
 * once, as n8n's HTTP Request node sends its items' requests: what sending at once is worth apart
 * from either node.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CONCURRENT_ITEMS } from '../nodes/CalCom/actions/router';
import { CREDENTIAL_TYPE, resolveBaseUrl } from '../nodes/CalCom/transport';

async function getMe(ctx: IExecuteFunctions): Promise<Record<string, never>> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const body = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
		method: 'GET',
		url: `${resolveBaseUrl(credentials)}/v2/me`,
		json: true,
	})) as { data: Record<string, never> };
	return body.data;
}

/** Runs `getMe` for every item, at most `bound` at a time, outputs in item order. */
async function getAll(
	ctx: IExecuteFunctions,
	count: number,
	bound: number,
): Promise<Array<Record<string, never>>> {
	const data: Array<Record<string, never>> = [];
	let next = 0;
	const worker = async () => {
		for (let i = next++; i < count; i = next++) data[i] = await getMe(ctx);
	};
	await Promise.all(Array.from({ length: Math.min(bound, count) }, worker));
	return data;
}

function plain(name: string, bound: number, label: string): INodeType {
	return {
		description: {
			displayName: `Plain HTTP (bench, ${label})`,
			name,
			group: ['transform'],
			version: 1,
			description: 'GET /v2/me per item through n8n-core',
			defaults: { name: 'Plain HTTP' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const data = await getAll(this, this.getInputData().length, bound);
			return [data.map((json, i) => ({ json, pairedItem: { item: i } }))];
		},
	};
}

export const plainNode = plain('benchPlainHttp', 1, 'one after another');
/** As many at a time as our node runs read-only items (router.ts). */
export const plainNodeBounded = plain(
	'benchPlainHttpBounded',
	CONCURRENT_ITEMS,
	`${CONCURRENT_ITEMS} at a time`,
);
export const plainNodeAtOnce = plain('benchPlainHttpAtOnce', Infinity, 'all at once');
