import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	reservationBody,
	reservationBodyFields,
	reservationOptions,
	simplifyReservation,
} from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	...reservationBodyFields,
	outputField,
	optionsCollection(...reservationOptions),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const eventTypeId = toPositiveInt(
		this.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
		'Event Type',
		'an event type ID',
	);
	const data = (await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/slots/reservations',
		body: reservationBody(this, itemIndex, eventTypeId),
		// Each POST makes a new hold: a blind repeat could hold the slot twice.
		retry: 'never',
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	return { data: [data], simplify: simplifyReservation };
}
