import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { readTimeoutMs, readTimeZone } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, timeZoneField } from '../common.descriptions';
import { readOnce } from '../../helpers/executionCache';
import type { CalComAnswer } from '../types';
import {
	eventTypeLookupFields,
	eventTypeNotFoundMessage,
	readEventTypeRef,
	refQuery,
} from '../eventTypeLookup';
import {
	readRange,
	readSlotOptions,
	simplifySlots,
	slotQueryOptions,
	slotRangeFields,
	slotsQueryEnd,
} from './shared';

export const description: INodeProperties[] = [
	...eventTypeLookupFields(['eventTypeId', 'userSlug', 'teamSlug', 'dynamic']),
	...slotRangeFields,
	timeZoneField,
	outputField,
	optionsCollection(...slotQueryOptions),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const timeZone = readTimeZone(this, itemIndex);
	const { start, end } = readRange(this, itemIndex, timeZone);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// Cal.com rejects any parameter of another lookup shape, so send exactly one shape.
	const format = options.format === 'time' ? 'time' : 'range';
	const ref = readEventTypeRef(this, itemIndex);
	const qs: IDataObject = {
		...refQuery(ref),
		start: start.toISOString(),
		end: slotsQueryEnd(end),
		timeZone,
		format,
		...readSlotOptions(options),
	};

	// Items asking the very same question (event type, range, zone, options) read it once per
	// execution; each gets its own copy of the answer.
	const data = await readOnce(
		this,
		'slots',
		JSON.stringify(qs),
		async () =>
			(await calComRequest.call(this, {
				method: 'GET',
				path: '/v2/slots',
				qs,
				timeoutMs: readTimeoutMs(this, itemIndex),
				notFoundMessage: eventTypeNotFoundMessage(ref),
			})) as IDataObject | null,
	);

	// One item for Cal.com's answer (slots by day); Simplified gives one item per free slot.
	return { data: [deepCopy(data ?? {})], simplify: (slots) => simplifySlots(slots, timeZone) };
}
