import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from './errors';
import { UNSAFE_KEYS } from './json';

/** A booking question of an event type (cal-api-version 2024-06-14 shape). */
export interface BookingField {
	type: string;
	slug: string;
	label?: string;
	required?: boolean;
	hidden?: boolean;
	isDefault?: boolean;
	options?: Array<string | { value?: string; label?: string }>;
}

/** System questions answered through the attendee, guests and location fields of a booking. */
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

/**
 * One answer converted to the type Cal.com checks for the question, or a problem text. Answers
 * typed in the editor arrive as strings, so "42", "true" and "a, b" are read as what they mean.
 */
function convert(field: BookingField, value: unknown): { value?: unknown; problem?: string } {
	const shown = JSON.stringify(value);
	const type = field.type;
	if (STRING_TYPES.has(type)) {
		if (typeof value === 'number') value = String(value);
		if (typeof value !== 'string') return { problem: `expected text, got ${shown}` };
		if (type === 'phone' && !/^\+[1-9][0-9]{6,14}$/.test(value.replace(/[\s()-]/g, ''))) {
			return { problem: `${shown} is not a phone number in E.164 form, e.g. +4917612345678` };
		}
		if (type === 'url' && !/^https?:\/\/\S+$/i.test(value))
			return { problem: `${shown} is not a web address (http:// or https://)` };
		return { value: type === 'phone' ? value.replace(/[\s()-]/g, '') : value };
	}
	if (type === 'number') {
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number))
			return { problem: `expected a number, got ${shown}` };
		return { value: number };
	}
	if (type === 'boolean') {
		if (typeof value === 'boolean') return { value };
		if (typeof value === 'string' && /^(true|yes)$/i.test(value.trim())) return { value: true };
		if (typeof value === 'string' && /^(false|no)$/i.test(value.trim())) return { value: false };
		return { problem: `expected true or false, got ${shown}` };
	}
	const offered = optionValues(field);
	if (SINGLE_CHOICE.has(type)) {
		const text = typeof value === 'number' ? String(value) : value;
		if (typeof text !== 'string' || !offered.includes(text)) {
			return { problem: `${shown} is not one of the options: ${offered.join(', ')}` };
		}
		return { value: text };
	}
	if (MULTI_CHOICE.has(type)) {
		const picked = listOf(value).map((entry) =>
			typeof entry === 'number' ? String(entry) : entry,
		);
		const wrong = picked.filter((entry) => typeof entry !== 'string' || !offered.includes(entry));
		if (wrong.length) {
			return {
				problem: `${wrong.map((entry) => JSON.stringify(entry)).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not among the options: ${offered.join(', ')}`,
			};
		}
		return { value: picked };
	}
	if (type === 'multiemail') {
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
	// A type this node does not know yet: pass it on and let Cal.com judge.
	return { value };
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
	const problems: string[] = [];
	const responses: IDataObject = {};
	const bySlug = new Map(fields.map((field) => [field.slug, field]));
	const byLabel = new Map(
		fields
			.filter((field) => field.label)
			.map((field) => [String(field.label).toLowerCase(), field]),
	);
	const askable = fields.filter(
		(field) => !(field.slug in ANSWERED_ELSEWHERE) && !(field.isDefault && field.hidden),
	);

	for (const [key, value] of Object.entries(answers)) {
		if (UNSAFE_KEYS.has(key)) {
			problems.push(`"${key}" is not a booking question`);
			continue;
		}
		const field = bySlug.get(key) ?? byLabel.get(key.trim().toLowerCase());
		if (!field) {
			problems.push(
				`"${key}" is not a booking question of this event type (it asks: ${askable.map(describeField).join(', ') || 'nothing'})`,
			);
			continue;
		}
		if (field.slug in ANSWERED_ELSEWHERE) {
			problems.push(
				`${describeField(field)} is given in the ${ANSWERED_ELSEWHERE[field.slug]} field, not as an answer`,
			);
			continue;
		}
		if (isEmpty(value)) continue;
		const converted = convert(field, value);
		if (converted.problem) problems.push(`${describeField(field)}: ${converted.problem}`);
		else responses[field.slug] = converted.value as IDataObject[keyof IDataObject];
	}
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
	if (problems.length) {
		throw new ParameterError(
			'Booking Question Answers',
			problems.join('; '),
			'Answer each question by its slug or label; Event Type → Get lists the questions with their types and options.',
		);
	}
	return responses;
}
