import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { requiredString, toPositiveInt } from '../../helpers/parameters';
import { additionalFieldsCollection, updateFieldsCollection } from '../common.descriptions';
import type { BookingField } from './bookingQuestions';
import {
	bookingQuestionsField,
	mergeBookingFields,
	readQuestions,
	readSlugs,
} from './bookingQuestions';
import { optionalEventTypeFields, readEventTypeSlug, readOptionalFields } from './shared';

// The fields and bodies of an event type's Create and Update, shared by Event Type and Team
// Event Type: both speak Cal.com's 2024-06-14 event-type input.

const byName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** Title, Slug and Length, which every new event type needs. */
export const createBasics: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Intro call',
		description: 'Name of the event type, shown on the booking page',
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. intro-call',
		description:
			'The last part of the booking link (cal.com/username/slug): lowercase letters, digits and hyphens; unique among your event types',
	},
	{
		displayName: 'Length (Minutes)',
		name: 'lengthInMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		required: true,
		description: 'How long a meeting lasts',
	},
];

/** Create's Additional Fields: the optional settings, booking questions, and `extra` ones. */
export function createAdditionalFields(extra: INodeProperties[] = []): INodeProperties {
	return additionalFieldsCollection(
		[...optionalEventTypeFields, bookingQuestionsField, ...extra].sort(byName),
	);
}

/** Create's body from Title, Slug, Length and the Additional Fields (`fields`). */
export function readCreateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {
		title: requiredString(ctx.getNodeParameter('title', itemIndex, ''), 'Title', 'Intro call'),
		slug: readEventTypeSlug(ctx.getNodeParameter('slug', itemIndex, '')),
		lengthInMinutes: toPositiveInt(
			ctx.getNodeParameter('lengthInMinutes', itemIndex, 30),
			'Length (Minutes)',
			'a number of minutes',
		),
		...readOptionalFields(fields),
	};
	// Cal.com adds its built-in questions (name, email, notes …) by itself.
	const questions = readQuestions(fields.bookingQuestions);
	if (questions.length) body.bookingFields = questions;
	return body;
}

/** Update's own fields besides the optional settings. */
const UPDATE_ONLY: INodeProperties[] = [
	{
		...bookingQuestionsField,
		description:
			'Questions to add, or to change by slug (a question with the same slug is replaced). All other questions are kept.',
	},
	{
		displayName: 'Length (Minutes)',
		name: 'lengthInMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'How long a meeting lasts',
	},
	{
		displayName: 'Remove Booking Question Names or IDs',
		name: 'removeBookingQuestions',
		type: 'multiOptions',
		typeOptions: {
			loadOptionsMethod: 'getBookingQuestions',
			loadOptionsDependsOn: ['eventTypeId.value'],
		},
		default: [],
		description:
			'Questions to remove, by slug; all others are kept. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		placeholder: 'e.g. intro-call',
		description: 'New last part of the booking link; unique among your event types',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Intro call',
		description: 'New name of the event type',
	},
];

/**
 * Update's Update Fields: the optional settings, questions to add or remove, title, slug, length,
 * and `extra` ones. The question picker reads the event type of the `eventTypeId` parameter.
 */
export function eventTypeUpdateFields(extra: INodeProperties[] = []): INodeProperties {
	return updateFieldsCollection(
		[...optionalEventTypeFields, ...UPDATE_ONLY, ...extra].sort(byName),
	);
}

/**
 * Update's body from the Update Fields. Cal.com's PATCH replaces the whole booking-question
 * array, and Disable Guests sent alone would rebuild it from the guests question only: so when
 * questions or guests change, `readCurrent` gives the event type as it is, and every question is
 * sent back, merged by slug.
 */
export async function readUpdateBody(
	fields: IDataObject,
	readCurrent: () => Promise<unknown>,
): Promise<IDataObject> {
	const body: IDataObject = readOptionalFields(fields);
	if ('title' in fields) body.title = requiredString(fields.title, 'Title', 'Intro call');
	if ('slug' in fields) body.slug = readEventTypeSlug(fields.slug);
	if ('lengthInMinutes' in fields)
		body.lengthInMinutes = toPositiveInt(
			fields.lengthInMinutes,
			'Length (Minutes)',
			'a number of minutes',
		);
	const questions = readQuestions(fields.bookingQuestions);
	const remove = readSlugs(fields.removeBookingQuestions);
	const hideGuests = typeof body.disableGuests === 'boolean' ? body.disableGuests : undefined;
	if (questions.length || remove.length || hideGuests !== undefined) {
		const current = (await readCurrent()) as IDataObject | undefined;
		const currentFields = (Array.isArray(current?.bookingFields)
			? current.bookingFields
			: []) as unknown as BookingField[];
		body.bookingFields = mergeBookingFields(currentFields, {
			changes: questions,
			remove,
			hideGuests,
		});
	}
	return body;
}

/** An update must change something. */
export function requireSomeChange(body: IDataObject): void {
	if (!Object.keys(body).length) {
		throw new ParameterError(
			'Update Fields',
			'nothing to change: add at least one field to update.',
		);
	}
}
