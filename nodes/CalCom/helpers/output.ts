import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from './errors';

/** Keys that identify a thing: kept in every selection, so a later step can act on it. */
const ID_KEYS = [
	'id',
	'uid',
	'bookingUid',
	'reservationUid',
	'eventTypeId',
	'scheduleId',
	'webhookId',
];

export function parseFieldList(value: unknown): string[] {
	const fields = (typeof value === 'string' ? value : '')
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	if (!fields.length)
		throw new ParameterError('Fields', 'name at least one field, e.g. start, startLocal, status.');
	return fields;
}

/** The named fields of one output item, plus its IDs. Unknown names are simply absent. */
export function selectFields(item: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of [...ID_KEYS, ...fields]) {
		if (Object.prototype.hasOwnProperty.call(item, key)) out[key] = item[key];
	}
	return out;
}
