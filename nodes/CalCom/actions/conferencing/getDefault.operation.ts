import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyDefaultApp } from './shared';

export const description: INodeProperties[] = [outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	// Cal.com answers without `data` when the user never chose a default (conferencing.controller.ts);
	// new event types then get Cal Video (packages/app-store/_utils/getDefaultLocations.ts).
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/conferencing/default',
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return { data: [asRecord(data)], simplify: simplifyDefaultApp };
}
