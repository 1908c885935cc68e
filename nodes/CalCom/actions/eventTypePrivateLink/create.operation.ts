import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	createPrivateLink,
	limitFields,
	readEventTypeId,
	readLimit,
	simplifyPrivateLink,
} from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	...limitFields('create'),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const eventTypeId = readEventTypeId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const link = await createPrivateLink(this, eventTypeId, limit, readTimeoutMs(this, itemIndex));
	return { data: [link], simplify: simplifyPrivateLink };
}
