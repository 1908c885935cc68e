import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { UNSAFE_KEYS } from '../../helpers/json';
import type { BookingField } from '../eventType/bookingQuestions';

// A booking's answers to its event type's booking questions, checked and converted before
// Booking → Create sends anything; also what the Booking Questions list offers.

/** System questions a booking answers in its attendee, guests and location fields. */
const ANSWERED_ELSEWHERE: Record<string, string> = {
	name: 'Attendee Name',
	email: 'Attendee Email',
	location: 'Location',
	guests: 'Guests',
	attendeePhoneNumber: 'Attendee Phone',
};

export function describeField(field: BookingField): string {
	return `"${field.label || field.slug}" (${field.slug})`;
}

/** The questions a booking answers as answers: not the system ones it answers elsewhere. */
export function askableQuestions(fields: BookingField[]): BookingField[] {
	return fields.filter(
		(field) => !(field.slug in ANSWERED_ELSEWHERE) && !(field.isDefault && field.hidden),
	);
}

export function optionValues(field: BookingField): string[] {
	return (field.options ?? []).map((option) =>
		typeof option === 'string' ? option : String(option.value ?? option.label ?? ''),
	);
}

const STRING_TYPES = new Set([
	'text',
	'textarea',
	'address',
	'phone',
	'url',
	'email',
	'radioInput',
]);
const SINGLE_CHOICE = new Set(['select', 'radio']);
const MULTI_CHOICE = new Set(['multiselect', 'checkbox']);

function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string')
		return value
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
	return [value];
}

type Converted = { value?: unknown; problem?: string };

/**
 * One answer converted to the type Cal.com checks for the question, or a problem text. Answers
 * typed in the editor arrive as strings, so "42", "true" and "a, b" are read as what they mean.
 */
function convert(field: BookingField, value: unknown): Converted {
	const type = field.type;
	if (STRING_TYPES.has(type)) return convertText(type, value);
	if (type === 'number') return convertNumber(value);
	if (type === 'boolean') return convertBoolean(value);
	if (SINGLE_CHOICE.has(type)) return convertChoice(optionValues(field), value);
	if (MULTI_CHOICE.has(type)) return convertChoices(optionValues(field), value);
	if (type === 'multiemail') return convertEmails(value);
	// A type this node does not know yet: pass it on and let Cal.com judge.
	return { value };
}

function convertText(type: string, value: unknown): Converted {
	const shown = JSON.stringify(value);
	if (typeof value === 'number') value = String(value);
	if (typeof value !== 'string') return { problem: `expected text, got ${shown}` };
	if (type === 'phone' && !/^\+[1-9][0-9]{6,14}$/.test(value.replace(/[\s()-]/g, ''))) {
		return { problem: `${shown} is not a phone number in E.164 form, e.g. +4917612345678` };
	}
	if (type === 'url' && !/^https?:\/\/\S+$/i.test(value))
		return { problem: `${shown} is not a web address (http:// or https://)` };
	return { value: type === 'phone' ? value.replace(/[\s()-]/g, '') : value };
}

function convertNumber(value: unknown): Converted {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number))
		return { problem: `expected a number, got ${JSON.stringify(value)}` };
	return { value: number };
}

function convertBoolean(value: unknown): Converted {
	if (typeof value === 'boolean') return { value };
	if (typeof value === 'string' && /^(true|yes)$/i.test(value.trim())) return { value: true };
	if (typeof value === 'string' && /^(false|no)$/i.test(value.trim())) return { value: false };
	return { problem: `expected true or false, got ${JSON.stringify(value)}` };
}

function convertChoice(offered: string[], value: unknown): Converted {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || !offered.includes(text)) {
		return { problem: `${JSON.stringify(value)} is not one of the options: ${offered.join(', ')}` };
	}
	return { value: text };
}

function convertChoices(offered: string[], value: unknown): Converted {
	const picked = listOf(value).map((entry) => (typeof entry === 'number' ? String(entry) : entry));
	const wrong = picked.filter((entry) => typeof entry !== 'string' || !offered.includes(entry));
	if (wrong.length) {
		return {
			problem: `${wrong.map((entry) => JSON.stringify(entry)).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not among the options: ${offered.join(', ')}`,
		};
	}
	return { value: picked };
}

function convertEmails(value: unknown): Converted {
	const emails = listOf(value);
	const wrong = emails.filter(
		(entry) => typeof entry !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entry),
	);
	if (wrong.length)
		return {
			problem: `${wrong.map((entry) => JSON.stringify(entry)).join(', ')} not email addresses`,
		};
	return { value: emails };
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/**
 * Checks answers against an event type's booking questions before any booking request. Answers
 * may be keyed by slug or by label. Every problem names the question by label and slug, so a
 * person or an AI agent can fix all of them in one go.
 */
export function checkBookingAnswers(fields: BookingField[], answers: IDataObject): IDataObject {
	const { responses, problems } = convertAnswers(fields, answers);
	addMissingRequired(fields, responses, problems);
	if (problems.length) {
		throw new ParameterError(
			'Booking Question Answers',
			problems.join('; '),
			'Answer each question by its slug or label; Event Type → Get lists the questions with their types and options.',
		);
	}
	return responses;
}

/** Each answer matched to its question by slug or label and converted, or a problem. */
function convertAnswers(
	fields: BookingField[],
	answers: IDataObject,
): { responses: IDataObject; problems: string[] } {
	const problems: string[] = [];
	const responses: IDataObject = {};
	const findField = fieldFinder(fields);
	for (const [key, value] of Object.entries(answers)) {
		const field = findField(key);
		if (typeof field === 'string') {
			problems.push(field);
			continue;
		}
		if (isEmpty(value)) continue;
		const converted = convert(field, value);
		if (converted.problem) problems.push(`${describeField(field)}: ${converted.problem}`);
		else responses[field.slug] = converted.value as IDataObject[keyof IDataObject];
	}
	return { responses, problems };
}

/** The question an answer key names (its slug or label), or why the key answers none. */
function fieldFinder(fields: BookingField[]): (key: string) => BookingField | string {
	const bySlug = new Map(fields.map((field) => [field.slug, field]));
	const byLabel = new Map(
		fields
			.filter((field) => field.label)
			.map((field) => [String(field.label).toLowerCase(), field]),
	);
	const askable = askableQuestions(fields);
	return (key) => {
		if (UNSAFE_KEYS.has(key)) return `"${key}" is not a booking question`;
		const field = bySlug.get(key) ?? byLabel.get(key.trim().toLowerCase());
		if (!field)
			return `"${key}" is not a booking question of this event type (it asks: ${askable.map(describeField).join(', ') || 'nothing'})`;
		if (field.slug in ANSWERED_ELSEWHERE)
			return `${describeField(field)} is given in the ${ANSWERED_ELSEWHERE[field.slug]} field, not as an answer`;
		return field;
	};
}

/**
 * A problem for each required question left unanswered that has no problem yet (checked against
 * the list as it grows).
 */
function addMissingRequired(
	fields: BookingField[],
	responses: IDataObject,
	problems: string[],
): void {
	for (const field of fields) {
		// Cal.com fills its own system questions (hidden defaults such as the title).
		if (!field.required || field.isDefault || field.hidden) continue;
		if (
			isEmpty(responses[field.slug]) &&
			!problems.some((problem) => problem.includes(`(${field.slug})`))
		) {
			const choices = optionValues(field);
			problems.push(
				`${describeField(field)} is required${choices.length ? ` (options: ${choices.join(', ')})` : ` (${field.type})`}`,
			);
		}
	}
}
