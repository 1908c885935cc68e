/**
 * The least an n8n node can do to call GET /v2/me with this credential: read the credential for
 * the base URL, then n8n-core's `httpRequestWithAuthentication`, once per item. B2 compares the
 * Cal.com node with it, to tell what our code adds from what every n8n node pays in the engine.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE, resolveBaseUrl } from '../nodes/CalCom/transport';

export const plainNode: INodeType = {
	description: {
		displayName: 'Plain HTTP (bench)',
		name: 'benchPlainHttp',
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
		const out: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let i = 0; i < items.length; i++) {
			const credentials = await this.getCredentials(CREDENTIAL_TYPE);
			const body = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				method: 'GET',
				url: `${resolveBaseUrl(credentials)}/v2/me`,
				json: true,
			})) as { data: Record<string, never> };
			out.push({ json: body.data, pairedItem: { item: i } });
		}
		return [out];
	},
};
