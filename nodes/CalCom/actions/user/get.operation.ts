import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyUser } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const me = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/me',
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	return { data: [me], simplify: simplifyUser };
}
