import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';

// Weekly availability and date overrides as the editor collects them, checked and turned into
// Cal.com's 2024-06-11 shape before any request: 24-hour HH:MM times, end after start, English
// day names. Every problem names the entry and the field, e.g. "Availability 2 → End Time".

export const DAY_NAMES = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday',
] as const;

export interface AvailabilityEntry {
	days: string[];
	startTime: string;
	endTime: string;
}

export interface OverrideEntry {
	date: string;
	startTime: string;
	endTime: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(time: string): number {
	const [hours, mins] = time.split(':').map(Number);
	return hours * 60 + mins;
}

function readTime(value: unknown, field: string): string {
	const text =
		typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	// "9:00" is what people type; Cal.com wants "09:00".
	const padded = /^\d:\d\d$/.test(text) ? `0${text}` : text;
	if (!TIME.test(padded)) {
		throw new ParameterError(
			field,
			`${text ? `"${text}"` : 'nothing'} is not a time (HH:MM, 24-hour), e.g. 09:00 or 17:30.`,
		);
	}
	return padded;
}

function readDays(value: unknown, field: string): string[] {
	const given = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	const days: string[] = [];
	for (const entry of given) {
		const text = String(entry).trim();
		if (!text) continue;
		const day = DAY_NAMES.find((name) => name.toLowerCase() === text.toLowerCase());
		if (!day)
			throw new ParameterError(field, `"${text}" is not a day name (${DAY_NAMES.join(', ')}).`);
		if (!days.includes(day)) days.push(day);
	}
	if (!days.length)
		throw new ParameterError(field, `choose at least one day (${DAY_NAMES.join(', ')}).`);
	return days;
}

function checkOrder(startTime: string, endTime: string, field: string): void {
	if (minutes(endTime) <= minutes(startTime)) {
		throw new ParameterError(field, `"${endTime}" is not after the start time "${startTime}".`);
	}
}

/** The fixedCollection's entries ({ entries: [...] }) or a list given by an expression. */
function entriesOf(value: unknown): IDataObject[] {
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object') {
		const entries = (value as IDataObject).entries;
		if (Array.isArray(entries)) return entries as IDataObject[];
	}
	return [];
}

export function readAvailability(value: unknown): AvailabilityEntry[] {
	return entriesOf(value).map((entry, index) => {
		const label = `Availability ${index + 1}`;
		const days = readDays(entry.days, `${label} → Days`);
		const startTime = readTime(entry.startTime, `${label} → Start Time`);
		const endTime = readTime(entry.endTime, `${label} → End Time`);
		checkOrder(startTime, endTime, `${label} → End Time`);
		return { days, startTime, endTime };
	});
}

function readDate(value: unknown, field: string): string {
	const full = typeof value === 'string' ? value.trim() : '';
	// The editor's date picker adds a time of day; the date is what counts.
	const text = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(full) ? full.slice(0, 10) : full;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const date = match
		? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
		: undefined;
	if (
		!match ||
		!date ||
		date.getUTCMonth() !== Number(match[2]) - 1 ||
		date.getUTCDate() !== Number(match[3])
	) {
		throw new ParameterError(
			field,
			`${text ? `"${text}"` : 'nothing'} is not a date (YYYY-MM-DD), e.g. 2027-03-19.`,
		);
	}
	return text;
}

/** Date overrides; "Unavailable All Day" is Cal.com's 00:00–00:00. */
export function readOverrides(value: unknown): OverrideEntry[] {
	return entriesOf(value).map((entry, index) => {
		const label = `Date Override ${index + 1}`;
		const date = readDate(entry.date, `${label} → Date`);
		if (entry.unavailable === true) return { date, startTime: '00:00', endTime: '00:00' };
		const startTime = readTime(entry.startTime, `${label} → Start Time`);
		const endTime = readTime(entry.endTime, `${label} → End Time`);
		checkOrder(startTime, endTime, `${label} → End Time`);
		return { date, startTime, endTime };
	});
}
