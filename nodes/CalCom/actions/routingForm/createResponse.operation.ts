import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { answersFields, readAnswers } from './answers';
import { formLocator, readResponsesPath, scopeFields } from './shared';
import { readSlotQuery, routedSlots, slotQueryFields, slotQueryOptions } from './slotQuery';

export const description: INodeProperties[] = [
	...scopeFields,
	formLocator,
	...answersFields,
	...slotQueryFields,
	outputField,
	optionsCollection(...slotQueryOptions, {
		displayName: 'Queue Response',
		name: 'queueResponse',
		type: 'boolean',
		default: false,
		description:
			'Whether Cal.com only queues the response (kept when a booking follows) instead of storing it now',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const answers = readAnswers(this, itemIndex);
	const { qs, timeZone } = readSlotQuery(this, itemIndex);
	if (this.getNodeParameter('options.queueResponse', itemIndex, false) === true)
		qs.queueResponse = true;
	const path = await readResponsesPath(this, itemIndex);
	const data = (await calComRequest.call(this, {
		method: 'POST',
		path,
		qs,
		body: answers,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage:
			'The routing form was not found. Check the form ID (Get Many lists the forms).',
	})) as IDataObject;
	return { data: [data ?? {}], simplify: (answer) => simplifyRouted(answer, timeZone) };
}

/** Where the answers lead: an event type with its free slots, a message, or an outside URL. */
function simplifyRouted(answer: IDataObject, timeZone: string): IDataObject {
	const routing = (answer.routing ?? {}) as IDataObject;
	const routedTo = answer.routingCustomMessage
		? 'customPage'
		: answer.routingExternalRedirectUrl
			? 'externalUrl'
			: 'eventType';
	const slots = routedSlots(answer.slots, answer.eventTypeId ?? null, timeZone);
	return {
		responseId: routing.responseId ?? null,
		queuedResponseId: routing.queuedResponseId ?? null,
		routedTo,
		eventTypeId: answer.eventTypeId ?? null,
		teamMemberIds: routing.teamMemberIds ?? [],
		message: answer.routingCustomMessage ?? null,
		externalUrl: answer.routingExternalRedirectUrl ?? null,
		slotCount: slots.length,
		slots,
	};
}
