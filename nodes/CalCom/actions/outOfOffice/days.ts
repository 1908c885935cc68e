import { describeValue, ParameterError } from '../../helpers/errors';
import { dateInZone, formatInZone, parseDateTime } from '../../helpers/time';

/**
 * The days an out-of-office entry covers. Cal.com keeps whole days: it stores 00:00:00.000Z of the
 * start's UTC date and 23:59:59.999Z of the end's (apps/api/v2/src/modules/ooo/inputs/ooo.input.ts),
 * and blocks those dates in the user's own time zone (getUserAvailability.ts, date-ranges.ts). So
 * the node reads start and end in the chosen zone, as every time of the node is read, and sends the
 * calendar dates they fall on: the days the user typed are the days Cal.com blocks.
 */

const NAIVE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/** A wall time the clocks skip (spring forward) is refused: it names no moment of that day. */
function refuseSkippedTime(text: string, instant: Date, field: string, timeZone: string): void {
	const naive = NAIVE_TIME.exec(text);
	if (!naive) return;
	const [, date, hour, minute] = naive;
	const shown = formatInZone(instant, timeZone).slice(0, 16);
	if (shown !== `${date}T${hour}:${minute}`) {
		throw new ParameterError(
			field,
			`"${text}" does not exist in ${timeZone}: the clocks skip that time. Give a time outside the change, or only the date.`,
		);
	}
}

function readMoment(value: unknown, field: string, timeZone: string, endOfDay: boolean): Date {
	const instant = parseDateTime(value, field, timeZone, { endOfDay });
	if (typeof value === 'string') refuseSkippedTime(value.trim(), instant, field, timeZone);
	return instant;
}

export interface OooDays {
	/** What Cal.com is sent. */
	start: string;
	end: string;
	firstDay: string;
	lastDay: string;
}

/** Start and end read in the zone; an end before the start is refused before any request. */
export function readOooDays(
	startValue: unknown,
	endValue: unknown,
	timeZone: string,
	fields = { start: 'Start', end: 'End' },
): OooDays {
	const start = readMoment(startValue, fields.start, timeZone, false);
	const end = readMoment(endValue, fields.end, timeZone, true);
	if (end.getTime() < start.getTime()) {
		throw new ParameterError(
			fields.end,
			`${describeValue(endValue)} is before the start ${describeValue(startValue)} (read in ${timeZone}); the end must be on or after the start.`,
		);
	}
	const firstDay = dateInZone(start, timeZone);
	const lastDay = dateInZone(end, timeZone);
	return {
		start: `${firstDay}T00:00:00.000Z`,
		end: `${lastDay}T23:59:59.999Z`,
		firstDay,
		lastDay,
	};
}
