import type { IExecuteFunctions } from 'n8n-workflow';

import { describeValue, ParameterError } from './errors';
import { executionStore } from './executionCache';
import { parseDateTime, timeAsRead, validateTimeZone } from './time';

const UID_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * A UID that goes into a path or names what to act on: text of letters, digits, - and _ only, so
 * it can neither change the route nor pick something else. A number is refused: from an
 * expression it is almost always the record's numeric ID, not its UID.
 */
export function readUid(value: unknown, field: string, what: string, example: string): string {
	const uid = typeof value === 'string' ? value.trim() : '';
	if (typeof value !== 'string' && value !== undefined && value !== null) {
		throw new ParameterError(
			field,
			`${describeValue(value)} is not ${what} (text of letters, digits, - and _, e.g. ${example}).`,
		);
	}
	if (!uid) throw new ParameterError(field, `${what} is required, e.g. ${example}.`);
	if (!UID_SHAPE.test(uid))
		throw new ParameterError(
			field,
			`${describeValue(uid)} is not ${what} (letters, digits, - and _ only).`,
		);
	return uid;
}

/** A positive integer id from a number, a numeric string or a resource locator value. */
export function toPositiveInt(value: unknown, field: string, what: string): number {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^[0-9]+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		const shown =
			typeof value === 'string' || typeof value === 'number'
				? `"${String(value)}"`
				: describeValue(value);
		throw new ParameterError(field, `${shown} is not ${what} (a whole number above 0).`);
	}
	return Number(text);
}

/** A required, trimmed, non-empty string. */
export function requiredString(value: unknown, field: string, example: string): string {
	const text =
		typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (
		value !== undefined &&
		value !== null &&
		typeof value !== 'string' &&
		typeof value !== 'number'
	) {
		throw new ParameterError(
			field,
			`${describeValue(value)} is not text; give text, e.g. ${example}.`,
		);
	}
	if (!text) throw new ParameterError(field, `a value is required, e.g. ${example}.`);
	return text;
}

/** The Time Zone parameter, falling back to the workflow's zone when empty. */
export function readTimeZone(ctx: IExecuteFunctions, itemIndex: number, name = 'timeZone'): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as string;
	return validateTimeZone(raw && String(raw).trim() ? raw : ctx.getTimezone(), 'Time Zone');
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * A parameter that holds no expression has the same value for every item, yet each read costs
 * n8n-core an expression pass and a search through all of this node's properties for the one
 * that applies (hundreds share names such as Output and Options). Such a parameter is read once
 * per execution (the context is the key, so nothing outlives the run); a plain value (text,
 * number, true/false) only, so no caller can change what the next item reads. An expression is
 * read per item.
 */
export function readPerRun(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: unknown,
): unknown {
	const reads = executionStore(ctx, 'constant parameters', () => new Map<string, unknown>());
	if (reads.has(name)) return reads.get(name);
	const saved = ctx.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	if (holdsExpression(saved) || (typeof value === 'object' && value !== null)) return value;
	reads.set(name, value);
	return value;
}

/** The Options collection's timeout, in milliseconds. */
export function readTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number {
	return timeoutSecondsToMs(readPerRun(ctx, 'options.timeoutSeconds', itemIndex, 30));
}

/** The Timeout (Seconds) option in milliseconds: 30 s when unset or not a number, at least 1 s. */
export function timeoutSecondsToMs(seconds: unknown): number {
	return Math.max(1, Number(seconds) || 30) * 1000;
}

/** The Limit of a Get Many, or undefined with Return All. */
export function readLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
	what: string,
): number | undefined {
	if (readPerRun(ctx, 'returnAll', itemIndex, false) === true) return undefined;
	return toPositiveInt(readPerRun(ctx, 'limit', itemIndex, 50), 'Limit', `a number of ${what}`);
}

/**
 * The Start and End parameters of a range, read in `timeZone` (a bare End date is the end of that
 * day); End must be after Start. `both` quotes them as typed and as read, for further messages.
 */
export function readStartEnd(
	ctx: IExecuteFunctions,
	itemIndex: number,
	timeZone: string,
): { start: Date; end: Date; both: string } {
	const rawStart = ctx.getNodeParameter('start', itemIndex, '');
	const rawEnd = ctx.getNodeParameter('end', itemIndex, '');
	const start = parseDateTime(rawStart, 'Start', timeZone);
	const end = parseDateTime(rawEnd, 'End', timeZone, { endOfDay: true });
	const both = `Start ${timeAsRead(rawStart, start, timeZone)}; End ${timeAsRead(rawEnd, end, timeZone)}`;
	if (end.getTime() <= start.getTime()) {
		throw new ParameterError('End', `must be after Start (${both}).`);
	}
	return { start, end, both };
}
