import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { UNSAFE_KEYS } from '../../helpers/json';

// Booking questions of an event type: their shape and how Event Type → Create and Update edit
// them. How a booking's answers are checked against them is booking/answers.ts.

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
			// Alphabetical, as n8n's rule node-param-fixed-collection-type-unsorted-items requires (its
			// community package scanner lints with inline config off, so the rule cannot be switched off
			// for this list). "Answer Type" puts the kind of answer, which a person picks first, at the top.
			values: [
				{
					displayName: 'Answer Type',
					name: 'type',
					type: 'options',
					options: QUESTION_TYPES.map(([name, value]) => ({ name, value })),
					default: 'text',
					description: 'Kind of answer the person booking gives',
				},
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
						'Identifier of the question (letters, digits and hyphens); answers are keyed by it',
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
	if (field.type === 'unknown') return undefined;
	if (!field.isDefault) return customInput(field as unknown as IDataObject);
	// A Map, not an object: a slug such as "constructor" must find nothing.
	return SYSTEM_INPUTS.get(field.slug)?.(field, field as unknown as IDataObject);
}

const placeholderOf = (data: IDataObject) =>
	typeof data.placeholder === 'string' ? data.placeholder : '';

/** A system question that stays as Cal.com has it, apart from these settings. */
const keptAsIs = (field: BookingField, data: IDataObject): IDataObject => ({
	slug: field.slug,
	...pick(data, ['required', 'hidden', 'label', 'placeholder', 'disableOnPrefill']),
});

/** The name or email question: its type, its label (or `unreadLabel`) and its placeholder. */
const labelledInput =
	(type: string, unreadLabel: string) =>
	(field: BookingField, data: IDataObject): IDataObject => ({
		type,
		label: field.label ?? unreadLabel,
		placeholder: placeholderOf(data),
		...pick(data, ['disableOnPrefill']),
	});

/** Each system question the 2024-06-14 input can express, in that input's shape. */
const SYSTEM_INPUTS = new Map<string, (field: BookingField, data: IDataObject) => IDataObject>([
	['name', labelledInput('name', 'Your name')],
	[
		'splitName',
		(_field, data) => ({
			type: 'splitName',
			...pick(data, [
				'firstNameLabel',
				'firstNamePlaceholder',
				'lastNameLabel',
				'lastNamePlaceholder',
				'lastNameRequired',
				'disableOnPrefill',
			]),
		}),
	],
	// No label read means Cal.com's translated default: sending '' keeps it (see below).
	// required/hidden of the email question may be sent only for organization team event types.
	['email', labelledInput('email', '')],
	[
		'attendeePhoneNumber',
		// Cal.com's attendee phone question goes back as a phone input with this slug
		// (api-to-internal/booking-fields.ts). The input needs a label; an empty one keeps
		// Cal.com's translated default, as its form shows `label || t(defaultLabel)`.
		(field, data) => ({
			type: 'phone',
			slug: field.slug,
			label: field.label ?? '',
			required: field.required === true,
			hidden: field.hidden === true,
			placeholder: placeholderOf(data),
			...pick(data, ['disableOnPrefill']),
		}),
	],
	['location', (_field, data) => ({ slug: 'location', ...pick(data, ['label']) })],
	['title', keptAsIs],
	['notes', keptAsIs],
	['guests', keptAsIs],
	['rescheduleReason', keptAsIs],
]);

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
		const slug = checkNewSlug(entry.slug, label, seen);
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

/** The slug of an entered question: well-formed, not a system one, not used twice (adds it to `seen`). */
function checkNewSlug(value: unknown, label: string, seen: Set<string>): string {
	const slug = typeof value === 'string' ? value.trim() : '';
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
	return slug;
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
	questionChanges: QuestionChanges,
): IDataObject[] {
	const { changes, remove, hideGuests } = questionChanges;
	checkRemovals(current, changes, remove);
	const { merged, lost, added } = replaceInPlace(current, changes, remove);
	if (lost.length) refuseLosing(lost, questionChanges);
	merged.push(...added);
	if (hideGuests !== undefined) {
		const guests = merged.find((item) => item.slug === 'guests');
		if (guests) guests.hidden = hideGuests;
		else merged.push({ slug: 'guests', hidden: hideGuests });
	}
	return merged;
}

/** Only custom questions the event type has, and not also changed, can be removed. */
function checkRemovals(current: BookingField[], changes: IDataObject[], remove: string[]): void {
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
}

/**
 * The current questions in input shape, each replaced by the change with its slug; `lost` names
 * those that cannot be sent back, `added` are the changes that replaced nothing.
 */
function replaceInPlace(
	current: BookingField[],
	changes: IDataObject[],
	remove: string[],
): { merged: IDataObject[]; lost: string[]; added: IDataObject[] } {
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
	return { merged, lost, added: [...bySlug.values()] };
}

function refuseLosing(lost: string[], { changes, remove, hideGuests }: QuestionChanges): never {
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
