import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { toPositiveInt } from '../../helpers/parameters';
import type { BookingField } from '../eventType/bookingQuestions';
import { optionValues } from './answers';
import type { Prefill } from './bookingPage';
import { emailProblem, parseEmailList } from './emails';

// The attendee's answers a booking link fills in, read and checked before any request; then
// checked again against the event type's booking questions and lengths once they are read.

/** Names the booking page itself reads (store.ts, BookerWebWrapper.tsx): no question may take them. */
const PAGE_NAMES = new Set([
	'name',
	'email',
	'guests',
	'guest',
	'notes',
	'date',
	'month',
	'slot',
	'duration',
	'layout',
	'rescheduleUid',
	'bookingUid',
	'cal.tz',
]);

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
/** Booking metadata's limits (CreateBookingInput_2024_08_13.metadata in Cal.com's document). */
const METADATA = { keys: 50, keyLength: 40, valueLength: 500 };

function text(value: unknown, field: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string')
		throw new ParameterError(field, `${describeValue(value)} is not text.`);
	return value.trim();
}

function isRealDate(date: string): boolean {
	const [y, m, d] = date.split('-').map(Number);
	const parsed = new Date(Date.UTC(y, m - 1, d));
	return parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

export function readDate(value: unknown): string | undefined {
	const date = text(value, 'Date');
	if (!date) return undefined;
	if (!DATE.test(date) || !isRealDate(date))
		throw new ParameterError('Date', `"${date}" is not a day as YYYY-MM-DD, e.g. 2027-03-15.`);
	return date;
}

export function readMonth(value: unknown): string | undefined {
	const month = text(value, 'Month');
	if (!month) return undefined;
	if (!MONTH.test(month))
		throw new ParameterError('Month', `"${month}" is not a month as YYYY-MM, e.g. 2027-03.`);
	return month;
}

/** The slot as the booking page's `slot` (an ISO instant, UTC) and the day it falls on as written. */
export function readSlot(value: unknown): { slot: string; day: string } | undefined {
	const raw = text(value, 'Slot');
	if (!raw) return undefined;
	const match = INSTANT.exec(raw);
	const parsed = match ? new Date(raw) : undefined;
	if (!match || !parsed || Number.isNaN(parsed.getTime()) || !isRealDate(match[1]))
		throw new ParameterError(
			'Slot',
			`"${raw}" is not an ISO 8601 start time with Z or an offset, e.g. 2027-03-15T13:00:00Z or 2027-03-15T09:00:00-04:00.`,
		);
	return { slot: parsed.toISOString(), day: match[1] };
}

export function readDuration(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return toPositiveInt(value, 'Duration', 'a length in minutes');
}

/** The chosen day, month, slot and length; a day and a month that disagree are refused. */
export function readChosenTime(raw: IDataObject): Partial<Prefill> {
	const slot = readSlot(raw.slot);
	const date = readDate(raw.date) ?? slot?.day;
	const month = readMonth(raw.month) ?? date?.slice(0, 7);
	if (slot && date && slot.day !== date)
		throw new ParameterError('Date', `${date} is not the day of the Slot (${slot.day}).`);
	if (date && month && date.slice(0, 7) !== month)
		throw new ParameterError('Month', `${month} is not the month of the Date (${date}).`);
	const duration = readDuration(raw.duration);
	return { date, month, slot: slot?.slot, duration };
}

/** Booking question slug → the answer as given (several values of a multi-select: a list or "a, b"). */
export function readAnswers(raw: unknown): Record<string, unknown> {
	const rows = Array.isArray(raw) ? (raw as IDataObject[]) : [];
	const answers: Record<string, unknown> = {};
	for (const row of rows) {
		const slug = text(row.question, 'Booking Questions');
		if (!slug) throw new ParameterError('Booking Questions', 'an answer names no question.');
		if (PAGE_NAMES.has(slug))
			throw new ParameterError(
				'Booking Questions',
				`"${slug}" is read by the booking page itself; use the link's own field for it.`,
			);
		answers[slug] = row.value;
	}
	return answers;
}

export function readMetadata(raw: unknown): Record<string, string> {
	const rows = Array.isArray(raw) ? (raw as IDataObject[]) : [];
	if (rows.length > METADATA.keys)
		throw new ParameterError('Metadata', `at most ${METADATA.keys} keys; ${rows.length} given.`);
	const metadata: Record<string, string> = {};
	for (const row of rows) {
		const key = text(row.key, 'Metadata');
		const value = text(row.value, 'Metadata');
		if (!key || key.length > METADATA.keyLength || /[[\]]/.test(key))
			throw new ParameterError(
				'Metadata',
				`${describeValue(key)} is not a key: 1 to ${METADATA.keyLength} characters, no [ or ].`,
			);
		if (value.length > METADATA.valueLength)
			throw new ParameterError(
				'Metadata',
				`the value of "${key}" is longer than ${METADATA.valueLength} characters.`,
			);
		metadata[key] = value;
	}
	return metadata;
}

/** Everything the link fills in, checked before any request. */
export function readPrefill(ctx: IExecuteFunctions, itemIndex: number): Prefill {
	const email = text(ctx.getNodeParameter('attendeeEmail', itemIndex, ''), 'Attendee Email');
	const problem = email ? emailProblem(email) : undefined;
	if (problem) throw new ParameterError('Attendee Email', `${problem}.`);
	const chosen = ctx.getNodeParameter('chosenTime', itemIndex, {}) as IDataObject;
	const metadata = ctx.getNodeParameter('metadata', itemIndex, {}) as IDataObject;
	return {
		name: text(ctx.getNodeParameter('attendeeName', itemIndex, ''), 'Attendee Name') || undefined,
		email: email || undefined,
		guests: parseEmailList(ctx.getNodeParameter('guests', itemIndex, ''), 'Guests'),
		notes: text(ctx.getNodeParameter('notes', itemIndex, ''), 'Notes') || undefined,
		metadata: readMetadata(metadata.entries),
		...readChosenTime(chosen),
	};
}

const MULTI = new Set(['multiselect', 'checkbox', 'multiemail']);
const CHOICE = new Set(['select', 'radio', 'multiselect', 'checkbox']);

function listOf(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return parts.map((part) => part.trim()).filter(Boolean);
}

/** One answer as the page's parameter value(s), checked against its question when it is known. */
function answerFor(
	slug: string,
	value: unknown,
	field: BookingField | undefined,
): string | string[] {
	if (!field) return Array.isArray(value) ? value.map(String) : text(value, 'Booking Questions');
	const values = MULTI.has(field.type) ? listOf(value) : [text(value, 'Booking Questions')];
	const allowed = optionValues(field);
	const wrong = CHOICE.has(field.type) ? values.find((v) => !allowed.includes(v)) : undefined;
	if (wrong !== undefined)
		throw new ParameterError(
			'Booking Questions',
			`"${wrong}" is not an option of "${slug}"; its options are ${allowed.join(', ')}.`,
		);
	return MULTI.has(field.type) ? values : values[0];
}

/**
 * The answers as the page reads them; when the event type's questions are known, a slug that is
 * none of them, or a choice that is none of its options, is refused by name.
 */
export function answersForPage(
	answers: Record<string, unknown>,
	fields: BookingField[] | undefined,
): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [slug, value] of Object.entries(answers)) {
		const field = fields?.find((candidate) => candidate.slug === slug);
		if (fields && !field)
			throw new ParameterError(
				'Booking Questions',
				`"${slug}" is not a question of this event type; its questions are ${fields.map((f) => f.slug).join(', ')}.`,
			);
		out[slug] = answerFor(slug, value, field);
	}
	return out;
}

/** A Duration the booking page would drop (store.ts keeps only the event type's lengths). */
export function checkDuration(duration: number | undefined, eventType: IDataObject): void {
	if (duration === undefined) return;
	const lengths = Array.isArray(eventType.lengthInMinutesOptions)
		? (eventType.lengthInMinutesOptions as number[])
		: [];
	if (lengths.includes(duration)) return;
	const offered = lengths.length
		? `one of the lengths this event type offers (${lengths.join(', ')})`
		: `offered: this event type has one length (${String(eventType.lengthInMinutes)} minutes)`;
	throw new ParameterError(
		'Duration',
		`${duration} minutes is not ${offered}; Cal.com's booking page ignores any other.`,
	);
}
