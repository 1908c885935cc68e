import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyBalance } from './shared';

export const description: INodeProperties[] = [outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/credits/available',
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	// credits.service.ts reads the balance for the user alone: a team's credits never show here.
	const simplify = (answer: IDataObject): IDataObject => ({
		hasCredits: answer.hasCredits === true,
		balanceOf: 'user',
		...simplifyBalance(answer.balance),
	});
	return { data: [data], simplify };
}
