import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { UNSAFE_KEYS } from '../../helpers/json';

// Booking questions of an event type: their shape, how a booking's answers are checked against
// them, and how Event Type → Create and Update edit them.

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
	const askable = askableQuestions(fields);

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

// Editing uses Cal.com's 2024-06-14 input shape. Cal.com's PATCH replaces the whole bookingFields
// array — and so does `disableGuests`, which Cal.com applies to the bookingFields sent, or to none
// (input-event-types.service.ts, getBookingFieldsWithGuestsToggled) — so an update reads the
// current questions, turns each back into its input shape, merges the user's changes by slug and
// sends everything.

const QUESTION_TYPES: Array<[string, string]> = [
	['Address', 'address'],
	['Checkbox Group', 'checkbox'],
	['Email Addresses', 'multiemail'],
	['Long Text', 'textarea'],
	['Multi Select', 'multiselect'],
	['Number', 'number'],
	['Phone', 'phone'],
	['Radio Group', 'radio'],
	['Select', 'select'],
	['Short Text', 'text'],
	['URL', 'url'],
	['Yes/No', 'boolean'],
];
const WITH_PLACEHOLDER = new Set([
	'phone',
	'address',
	'text',
	'number',
	'textarea',
	'multiemail',
	'url',
	'select',
]);
const WITH_OPTIONS = new Set(['select', 'multiselect', 'checkbox', 'radio']);
const CUSTOM_TYPES = new Set(QUESTION_TYPES.map(([, value]) => value));
/** A question slug; none may be an object-prototype name (UNSAFE_KEYS), which Booking → Create refuses as an answer key. */
const QUESTION_SLUG = /^[A-Za-z][A-Za-z0-9-]*$/;
/** Cal.com's built-in questions: they can be hidden or relabelled, not removed or replaced. */
const SYSTEM_SLUGS = new Set([
	'name',
	'email',
	'location',
	'title',
	'notes',
	'guests',
	'rescheduleReason',
	'attendeePhoneNumber',
	'smsReminderNumber',
]);

export const bookingQuestionsField: INodeProperties = {
	displayName: 'Booking Questions',
	name: 'bookingQuestions',
	type: 'fixedCollection',
	placeholder: 'Add Booking Question',
	default: {},
	typeOptions: { multipleValues: true },
	description: 'Questions the person booking answers, besides name and email. Identified by slug.',
	options: [
		{
			displayName: 'Question',
			name: 'entries',
			values: [
				{
					displayName: 'Choices',
					name: 'options',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1-10, 11-50, 51+',
					description:
						'Comma-separated choices (Select, Multi Select, Checkbox Group and Radio Group)',
					displayOptions: { show: { type: ['select', 'multiselect', 'checkbox', 'radio'] } },
				},
				{
					displayName: 'Hidden',
					name: 'hidden',
					type: 'boolean',
					default: false,
					description: 'Whether the question is hidden from the booking page',
				},
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
					placeholder: 'e.g. Company',
					description: 'The question as the person booking sees it',
				},
				{
					displayName: 'Placeholder',
					name: 'placeholder',
					type: 'string',
					default: '',
					description: 'Hint text inside the empty answer box',
				},
				{
					displayName: 'Required',
					name: 'required',
					type: 'boolean',
					default: false,
					description: 'Whether an answer is needed to book',
				},
				{
					displayName: 'Slug',
					name: 'slug',
					type: 'string',
					default: '',
					placeholder: 'e.g. company',
					description:
						'Identifier of the question (letters, digits and hyphens);	answers are keyed by it',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: '',
					description: 'Kind of answer',
				},
			],
		},
	],
};

function pick(source: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
	return out;
}

/** One custom question in its input shape, with exactly the keys Cal.com's input declares. */
function customInput(field: IDataObject): IDataObject {
	const type = String(field.type);
	const out: IDataObject = {
		type,
		slug: field.slug,
		label: typeof field.label === 'string' ? field.label : String(field.slug),
		required: field.required === true,
		hidden: field.hidden === true,
	};
	if (typeof field.disableOnPrefill === 'boolean') out.disableOnPrefill = field.disableOnPrefill;
	if (WITH_PLACEHOLDER.has(type))
		out.placeholder = typeof field.placeholder === 'string' ? field.placeholder : '';
	if (WITH_OPTIONS.has(type)) {
		out.options = (Array.isArray(field.options) ? field.options : []).map((option) =>
			typeof option === 'object' && option !== null
				? String((option as IDataObject).value ?? (option as IDataObject).label)
				: String(option),
		);
	}
	return out;
}

/**
 * A question read from Cal.com turned back into what Cal.com accepts, or undefined for one the
 * 2024-06-14 input cannot express. Cal.com keeps nothing by itself: whatever an update leaves out
 * of the list is dropped or reset to its default (input-event-types.service.ts,
 * transformInputBookingFields), so every question must come back here.
 */
export function toInput(field: BookingField): IDataObject | undefined {
	const data = field as unknown as IDataObject;
	const texts = ['label', 'placeholder', 'disableOnPrefill'];
	if (field.type === 'unknown') return undefined;
	if (!field.isDefault) return customInput(data);
	switch (field.slug) {
		case 'name':
			return {
				type: 'name',
				label: field.label ?? 'Your name',
				placeholder: typeof data.placeholder === 'string' ? data.placeholder : '',
				...pick(data, ['disableOnPrefill']),
			};
		case 'splitName':
			return {
				type: 'splitName',
				...pick(data, [
					'firstNameLabel',
					'firstNamePlaceholder',
					'lastNameLabel',
					'lastNamePlaceholder',
					'lastNameRequired',
					'disableOnPrefill',
				]),
			};
		case 'email':
			// No label read means Cal.com's translated default: sending '' keeps it (see below).
			// required/hidden of the email question may be sent only for organization team event types.
			return {
				type: 'email',
				label: field.label ?? '',
				placeholder: typeof data.placeholder === 'string' ? data.placeholder : '',
				...pick(data, ['disableOnPrefill']),
			};
		case 'attendeePhoneNumber':
			// Cal.com's attendee phone question goes back as a phone input with this slug
			// (api-to-internal/booking-fields.ts). The input needs a label; an empty one keeps
			// Cal.com's translated default, as its form shows `label || t(defaultLabel)`.
			return {
				type: 'phone',
				slug: field.slug,
				label: field.label ?? '',
				required: field.required === true,
				hidden: field.hidden === true,
				placeholder: typeof data.placeholder === 'string' ? data.placeholder : '',
				...pick(data, ['disableOnPrefill']),
			};
		case 'location':
			return { slug: 'location', ...pick(data, ['label']) };
		case 'title':
		case 'notes':
		case 'guests':
		case 'rescheduleReason':
			return { slug: field.slug, ...pick(data, ['required', 'hidden', ...texts]) };
		default:
			return undefined;
	}
}

/** A name for a question Cal.com prints as `{type: "unknown", bookingField: "<JSON>"}`. */
function unknownName(field: BookingField): string {
	const raw = (field as unknown as IDataObject).bookingField;
	try {
		const parsed = JSON.parse(String(raw)) as IDataObject;
		if (typeof parsed.name === 'string') return parsed.name;
	} catch {
		// Not JSON: fall back to the slug Cal.com printed.
	}
	return field.slug;
}

function readChoices(value: unknown, field: string): string[] {
	const list = Array.isArray(value)
		? value.map(String)
		: typeof value === 'string'
			? value.split(',')
			: [];
	const choices = list.map((choice) => choice.trim()).filter(Boolean);
	if (!choices.length)
		throw new ParameterError(
			field,
			'add at least one choice, separated by commas, e.g. 1-10, 11-50, 51+.',
		);
	return choices;
}

/** The questions the user entered, checked, in Cal.com's input shape. */
export function readQuestions(value: unknown): IDataObject[] {
	const entries =
		value && typeof value === 'object' && Array.isArray((value as IDataObject).entries)
			? ((value as IDataObject).entries as IDataObject[])
			: Array.isArray(value)
				? (value as IDataObject[])
				: [];
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		const label = `Booking Question ${index + 1}`;
		const slug = typeof entry.slug === 'string' ? entry.slug.trim() : '';
		if (!QUESTION_SLUG.test(slug) || UNSAFE_KEYS.has(slug)) {
			throw new ParameterError(
				`${label} → Slug`,
				`${slug ? `"${slug}"` : 'nothing'} is not a slug: start with a letter, then letters, digits or hyphens, e.g. company-size.`,
			);
		}
		if (SYSTEM_SLUGS.has(slug))
			throw new ParameterError(
				`${label} → Slug`,
				`"${slug}" is one of Cal.com's built-in questions; choose another slug.`,
			);
		if (seen.has(slug))
			throw new ParameterError(
				`${label} → Slug`,
				`"${slug}" is used by two questions; each question needs its own slug.`,
			);
		seen.add(slug);
		const type = String(entry.type ?? 'text');
		if (!CUSTOM_TYPES.has(type))
			throw new ParameterError(
				`${label} → Type`,
				`"${type}" is not a question type (${[...CUSTOM_TYPES].join(', ')}).`,
			);
		const text = typeof entry.label === 'string' && entry.label.trim() ? entry.label.trim() : '';
		if (!text)
			throw new ParameterError(
				`${label} → Label`,
				'a label is required: the question as the person booking sees it.',
			);
		return customInput({
			type,
			slug,
			label: text,
			required: entry.required === true,
			hidden: entry.hidden === true,
			placeholder: typeof entry.placeholder === 'string' ? entry.placeholder : '',
			options: WITH_OPTIONS.has(type)
				? readChoices(entry.options, `${label} → Choices`)
				: undefined,
		});
	});
}

/** Slugs to remove: a list or comma-separated text. */
export function readSlugs(value: unknown): string[] {
	const list = Array.isArray(value)
		? value.map(String)
		: typeof value === 'string'
			? value.split(',')
			: [];
	const slugs = list.map((slug) => slug.trim()).filter(Boolean);
	// Checked here, before the event type is read: no question can have such a slug.
	const bad = slugs.find((slug) => !QUESTION_SLUG.test(slug) || UNSAFE_KEYS.has(slug));
	if (bad !== undefined)
		throw new ParameterError(
			'Remove Booking Questions',
			`"${bad}" is not a question slug (a letter, then letters, digits or hyphens).`,
		);
	return slugs;
}

/** What an update asks of the booking questions. */
export interface QuestionChanges {
	changes: IDataObject[];
	remove: string[];
	/** Disable Guests, when set: the guests question is hidden (true) or shown (false). */
	hideGuests?: boolean;
}

/**
 * The whole bookingFields array for a PATCH: the current questions in their input shape, the
 * given ones replacing those with the same slug (in place) or added at the end, removals dropped,
 * the guests question hidden or shown as Disable Guests says. Refused when a current question
 * cannot be sent back, as Cal.com would then delete it.
 */
export function mergeBookingFields(
	current: BookingField[],
	{ changes, remove, hideGuests }: QuestionChanges,
): IDataObject[] {
	const customSlugs = current
		.filter((field) => !field.isDefault && field.type !== 'unknown')
		.map((field) => field.slug);
	for (const slug of remove) {
		if (SYSTEM_SLUGS.has(slug) || current.some((field) => field.isDefault && field.slug === slug)) {
			throw new ParameterError(
				'Remove Booking Questions',
				`"${slug}" is one of Cal.com's built-in questions; it cannot be removed (hide it instead).`,
			);
		}
		if (!customSlugs.includes(slug)) {
			throw new ParameterError(
				'Remove Booking Questions',
				`the event type has no question "${slug}" (it has: ${customSlugs.join(', ') || 'no custom questions'}).`,
			);
		}
		if (changes.some((change) => change.slug === slug)) {
			throw new ParameterError(
				'Remove Booking Questions',
				`"${slug}" is both changed and removed; keep one of the two.`,
			);
		}
	}
	const bySlug = new Map(changes.map((change) => [String(change.slug), change]));
	const merged: IDataObject[] = [];
	const lost: string[] = [];
	for (const field of current) {
		if (remove.includes(field.slug)) continue;
		const replacement = field.isDefault ? undefined : bySlug.get(field.slug);
		if (replacement) {
			merged.push(replacement);
			bySlug.delete(field.slug);
			continue;
		}
		const input = toInput(field);
		if (input) merged.push(input);
		else lost.push(field.type === 'unknown' ? unknownName(field) : field.slug);
	}
	if (lost.length) {
		const set = [
			changes.length && 'Booking Questions',
			remove.length && 'Remove Booking Questions',
			hideGuests !== undefined && 'Disable Guests',
		]
			.filter(Boolean)
			.join(', ');
		throw new ParameterError(
			'Update Fields',
			`the event type has booking questions Cal.com's API cannot send back (${lost.join(', ')}); changing ${set} through the API would delete them, because Cal.com replaces the whole list. Make this change in Cal.com's event type settings instead.`,
		);
	}
	merged.push(...bySlug.values());
	if (hideGuests !== undefined) {
		const guests = merged.find((item) => item.slug === 'guests');
		if (guests) guests.hidden = hideGuests;
		else merged.push({ slug: 'guests', hidden: hideGuests });
	}
	return merged;
}

/** A question as a person or an agent needs it. */
export function simplifyQuestion(field: IDataObject): IDataObject {
	const out: IDataObject = {
		slug: field.slug ?? null,
		label: field.label ?? null,
		type: field.type ?? null,
		required: field.required === true,
		hidden: field.hidden === true,
		builtIn: field.isDefault === true,
	};
	if (Array.isArray(field.options)) out.options = field.options;
	return out;
}
