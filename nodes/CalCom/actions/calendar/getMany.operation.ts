import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { flattenCalendars, loadConnectedCalendars } from './shared';

export const description: INodeProperties[] = [
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'calendars');
	const data = await loadConnectedCalendars.call(this, readTimeoutMs(this, itemIndex));
	// Raw: Cal.com's answer (accounts with their calendars, the destination calendar). Simplified:
	// one item per calendar, then one per account whose provider fails, up to the limit.
	const simplify = (answer: IDataObject): IDataObject[] => {
		const { calendars, broken } = flattenCalendars(answer);
		const items: IDataObject[] = [...calendars, ...broken];
		return limit === undefined ? items : items.slice(0, limit);
	};
	return { data: [data], simplify };
}
