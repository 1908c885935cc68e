import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, readTimeZone, toPositiveInt } from '../../helpers/parameters';
import { DAY_MS, dateInZone, formatInZone, parseDateTime } from '../../helpers/time';
import { optionsCollection, timeParameter, timeZoneField } from '../common.descriptions';
import { eventTypeLookupFields, readEventTypeRef, refQuery } from '../eventTypeLookup';
import { executionNow } from '../../helpers/executionCache';
import { findNextFree } from './nextFreeReads';
import { durationOption } from './shared';

/** Cal.com serves slots up to one year ahead. */
const MAX_HORIZON_DAYS = 365;
const TIME = /^([01]?[0-9]|2[0-3]):([0-5][0-9])$/;

export const description: INodeProperties[] = [
	...eventTypeLookupFields(['eventTypeId', 'userSlug', 'teamSlug', 'dynamic']),
	timeParameter({
		displayName: 'After',
		name: 'after',
		purpose: 'Find slots starting at or after this time',
		readIn: 'node',
		whenEmpty: 'Empty means now.',
	}),
	{
		displayName: 'How Many',
		name: 'count',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 3,
		description: 'How many free slots to return, the earliest first',
	},
	timeZoneField,
	optionsCollection(
		{
			displayName: 'Daily Window From',
			name: 'windowStart',
			type: 'string',
			default: '',
			placeholder: 'e.g. 09:00',
			description:
				'Only slots starting at or after this time of day in the Time Zone (HH:MM, 24-hour)',
		},
		{
			displayName: 'Daily Window To',
			name: 'windowEnd',
			type: 'string',
			default: '',
			placeholder: 'e.g. 17:00',
			description:
				'Only slots ending at or before this time of day in the Time Zone (HH:MM, 24-hour)',
		},
		durationOption,
		{
			displayName: 'Search Up To (Days)',
			name: 'horizonDays',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 365 },
			default: 30,
			description: 'How far ahead to look before giving up',
		},
	),
];

/** Minutes after midnight of an HH:MM option, or undefined when empty. */
function readClock(value: unknown, field: string): number | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return undefined;
	const match = TIME.exec(text);
	if (!match)
		throw new ParameterError(field, `"${text}" is not a time of day (HH:MM, 24-hour), e.g. 09:00.`);
	return Number(match[1]) * 60 + Number(match[2]);
}

function minutesOfDay(iso: string, timeZone: string): number {
	const local = formatInZone(new Date(iso), timeZone);
	return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

/** The daily window in minutes after midnight; either end may be open. */
interface DailyWindow {
	from?: number;
	to?: number;
}

function readWindow(options: IDataObject): DailyWindow {
	const from = readClock(options.windowStart, 'Daily Window From');
	const to = readClock(options.windowEnd, 'Daily Window To');
	if (from !== undefined && to !== undefined && to <= from) {
		throw new ParameterError(
			'Daily Window To',
			`must be after Daily Window From (${String(options.windowStart)}).`,
		);
	}
	return { from, to };
}

function readHorizonDays(options: IDataObject): number {
	const horizonDays =
		options.horizonDays === undefined
			? 30
			: toPositiveInt(options.horizonDays, 'Search Up To (Days)', 'a number of days');
	if (horizonDays > MAX_HORIZON_DAYS) {
		throw new ParameterError(
			'Search Up To (Days)',
			`${horizonDays} days is more than a year; Cal.com gives slots at most one year ahead (use ${MAX_HORIZON_DAYS} or fewer).`,
		);
	}
	return horizonDays;
}

/** Whether a slot starts at or after `after` and lies inside the daily window. */
function fits(slot: IDataObject, after: Date, window: DailyWindow, timeZone: string): boolean {
	const start = String(slot.start);
	if (new Date(start) < after) return false;
	if (window.from !== undefined && minutesOfDay(start, timeZone) < window.from) return false;
	if (window.to === undefined || !slot.end) return true;
	const end = String(slot.end);
	// A slot ending on a later day is outside the window; told by the date, not by an end
	// clock before the start's, which at a fall-back (01:45–01:00) is one day's slot.
	return (
		dateInZone(new Date(end), timeZone) === slot.date && minutesOfDay(end, timeZone) <= window.to
	);
}

/**
 * The first N free slots at or after a time, optionally within a daily window: what an AI agent
 * needs for "next Tuesday afternoon". Asks Cal.com for a week first and reaches further only when
 * more is needed (nextFreeReads.ts), so a typical question costs one request.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const timeZone = readTimeZone(this, itemIndex);
	const rawAfter = this.getNodeParameter('after', itemIndex, '');
	// Empty After is the execution's now, so items leaving it empty share their reads.
	const after = rawAfter ? parseDateTime(rawAfter, 'After', timeZone) : executionNow(this);
	const count = toPositiveInt(
		this.getNodeParameter('count', itemIndex, 3),
		'How Many',
		'a number of slots',
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const window = readWindow(options);
	const horizon = new Date(after.getTime() + readHorizonDays(options) * DAY_MS);
	const ref = readEventTypeRef(this, itemIndex);
	const base: IDataObject = { ...refQuery(ref), timeZone, format: 'range' };
	if (options.duration !== undefined)
		base.duration = toPositiveInt(options.duration, 'Duration (Minutes)', 'a number of minutes');
	return await findNextFree(this, {
		ref,
		base,
		after,
		horizon,
		count,
		timeZone,
		timeoutMs: readTimeoutMs(this, itemIndex),
		fits: (slot) => fits(slot, after, window, timeZone),
	});
}
