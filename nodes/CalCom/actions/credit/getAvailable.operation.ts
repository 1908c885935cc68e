import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { simplifyBalance } from './shared';

export const description: INodeProperties[] = [outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/credits/available',
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	if (this.getNodeParameter('output', itemIndex) === 'raw') return [data];
	// credits.service.ts reads the balance for the user alone: a team's credits never show here.
	return [{ hasCredits: data.hasCredits === true, balanceOf: 'user', ...simplifyBalance(data.balance) }];
}
