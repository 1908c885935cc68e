import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { ParameterError } from './errors';

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a JSON object, else an empty one. */
export function asRecord(value: unknown): IDataObject {
	return isRecord(value) ? value : {};
}

/** Object-prototype names: as keys they vanish or change the object they are written into. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** An object from a JSON parameter: a JSON string, an object from an expression, or empty. */
export function readObject(value: unknown, field: string): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			parsed = undefined;
		}
		if (parsed === undefined)
			throw new ParameterError(
				field,
				'is not valid JSON; give an object such as {"key": "value"}.',
			);
	}
	if (!isRecord(parsed)) {
		throw new ParameterError(field, 'must be an object such as {"key": "value"}.');
	}
	for (const key of Object.keys(parsed)) {
		if (UNSAFE_KEYS.has(key)) throw new ParameterError(field, `the key "${key}" is not allowed.`);
	}
	return parsed;
}

/** Cal.com's booking metadata rules: at most 50 keys, keys ≤ 40 characters, string values ≤ 500. */
export function checkMetadata(metadata: IDataObject, field = 'Metadata'): IDataObject {
	const entries = Object.entries(metadata);
	if (entries.length > 50)
		throw new ParameterError(field, `has ${entries.length} keys; Cal.com allows at most 50.`);
	const out: IDataObject = {};
	for (const [key, value] of entries) {
		if (key.length > 40)
			throw new ParameterError(
				field,
				`the key "${key.slice(0, 40)}…" is longer than 40 characters.`,
			);
		const text =
			typeof value === 'string'
				? value
				: typeof value === 'number' || typeof value === 'boolean'
					? String(value)
					: undefined;
		if (text === undefined)
			throw new ParameterError(
				field,
				`the value of "${key}" must be text (Cal.com keeps string values only).`,
			);
		if (text.length > 500)
			throw new ParameterError(field, `the value of "${key}" is longer than 500 characters.`);
		out[key] = text;
	}
	return out;
}
