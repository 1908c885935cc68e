import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { answersFields, readAnswers } from './answers';
import { formLocator, readFormId } from './shared';
import { readSlotQuery, routedSlots, slotQueryFields, slotQueryOptions } from './slotQuery';

export const description: INodeProperties[] = [
	formLocator,
	...answersFields,
	...slotQueryFields,
	outputField,
	optionsCollection(...slotQueryOptions),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const formId = readFormId(this, itemIndex);
	const answers = readAnswers(this, itemIndex);
	const { qs, timeZone } = readSlotQuery(this, itemIndex);
	const data = (await calComRequest.call(this, {
		method: 'POST',
		path: apiPath`/v2/routing-forms/${formId}/calculate-slots`,
		qs,
		body: answers,
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	// One item for Cal.com's answer; Simplified gives one item per free slot, as Get Available.
	return {
		data: [data ?? {}],
		simplify: (answer) => routedSlots(answer.slots, answer.eventTypeId ?? null, timeZone),
	};
}
