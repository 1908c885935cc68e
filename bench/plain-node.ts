/**
 * The least an n8n node can do to call GET /v2/me with this credential: read the credential for
 * the base URL, then n8n-core's `httpRequestWithAuthentication`, once per item. B2 compares the
 * Cal.com node with it, to tell what our code adds from what every n8n node pays in the engine.
 *
 * Two of them: one after another, as our node goes, and all at once, as n8n's HTTP Request node
 * sends its items' requests; the pair shows what sending at once is worth apart from either node.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

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

function plain(name: string, atOnce: boolean): INodeType {
	return {
		description: {
			displayName: `Plain HTTP (bench, ${atOnce ? 'all at once' : 'one after another'})`,
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
			const items = this.getInputData();
			const data: Array<Record<string, never>> = [];
			if (atOnce) data.push(...(await Promise.all(items.map(async () => await getMe(this)))));
			else for (let i = 0; i < items.length; i++) data.push(await getMe(this));
			return [data.map((json, i) => ({ json, pairedItem: { item: i } }))];
		},
	};
}

export const plainNode = plain('benchPlainHttp', false);
export const plainNodeAtOnce = plain('benchPlainHttpAtOnce', true);
