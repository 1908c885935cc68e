/** The Cal.com node run through the real n8n-core engine (test/harness), with a sandbox key. */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { CalComV2Api } from '../credentials/CalComV2Api.credentials';
import { CalCom } from '../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../test/harness';
import { runNode } from '../test/harness';

/** One instance for every run, as n8n loads a node type once, not per execution. */
const calCom = new CalCom();

export interface Target {
	url: string;
	apiKey: string;
}

export async function runCalCom(
	target: Target,
	parameters: INodeParameters,
	options: { inputItems?: IDataObject[]; continueOnFail?: boolean; node?: INodeType } = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: options.node ?? calCom,
		credentialTypes: [new CalComV2Api()],
		parameters,
		credentials: {
			calComV2Api: { apiKey: target.apiKey, environment: 'selfHosted', baseUrl: target.url },
		},
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
}

/** The error items a run with Continue On Fail put out, and the run's own error. */
export function failures(result: RunNodeResult): Array<{ error: string; httpCode?: string }> {
	const failed = result.items
		.filter((item) => typeof item.json.error === 'string')
		.map((item) => ({
			error: String(item.json.error),
			httpCode: item.json.httpCode === undefined ? undefined : String(item.json.httpCode),
		}));
	if (result.error)
		failed.push({
			error: result.error.message,
			httpCode: (result.error as { httpCode?: string }).httpCode,
		});
	return failed;
}
