import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyInstalledApp } from './shared';

export const description: INodeProperties[] = [
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'apps');
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/conferencing',
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	// Cal.com's list is not paged: Limit keeps the first ones.
	const apps: IDataObject[] = (Array.isArray(data) ? data : []).map(asRecord);
	return {
		data: limit === undefined ? apps : apps.slice(0, limit),
		simplify: simplifyInstalledApp,
	};
}
