import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../actions/types';
import { ParameterError } from './errors';
import { readPerRun } from './parameters';

/** Keys that identify a thing: kept in every selection, so a later step can act on it. */
const ID_KEYS = [
	'id',
	'uid',
	'bookingUid',
	'reservationUid',
	'eventTypeId',
	'scheduleId',
	'webhookId',
	'credentialId',
	'externalId',
];

/** The Output choice of one item; `fields` only for Selected Fields. */
export interface OutputChoice {
	raw: boolean;
	fields?: string[];
}

export function parseFieldList(value: unknown): string[] {
	const fields = (typeof value === 'string' ? value : '')
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	if (!fields.length) {
		throw new ParameterError('Fields', 'name at least one field, e.g. start, startLocal, status.');
	}
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

/**
 * Reads Output (and the Fields of Selected Fields) before the operation runs, so a bad field list
 * stops the item before anything is booked or changed.
 */
export function readOutputChoice(ctx: IExecuteFunctions, itemIndex: number): OutputChoice {
	const output = readPerRun(ctx, 'output', itemIndex, 'simplified');
	if (output === 'raw') return { raw: true };
	if (output !== 'selected') return { raw: false };
	const fields = parseFieldList(readPerRun(ctx, 'selectedFields', itemIndex, ''));
	return { raw: false, fields };
}

/**
 * The items of one operation run as Output asks: Raw gives Cal.com's answer, Simplified runs the
 * operation's simplifier over it, Selected Fields keeps the named fields of the simplified items.
 */
export function applyOutput(result: OperationResult, choice: OutputChoice): IDataObject[] {
	let items: IDataObject[];
	if (Array.isArray(result)) items = result;
	else if (choice.raw) items = result.data;
	else items = result.data.flatMap<IDataObject>((item) => result.simplify(item));
	const { fields } = choice;
	return fields ? items.map((item) => selectFields(item, fields)) : items;
}
