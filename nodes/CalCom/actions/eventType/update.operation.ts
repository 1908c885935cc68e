import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, requiredString, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import type { BookingField } from './bookingQuestions';
import {
	bookingQuestionsField,
	mergeBookingFields,
	readQuestions,
	readSlugs,
} from './bookingQuestions';
import {
	eventTypeNotFound,
	optionalEventTypeFields,
	readEventTypeId,
	readEventTypeSlug,
	readOptionalFields,
	shapeEventTypes,
} from './shared';

export const description: INodeProperties[] = [
	eventTypeIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; everything else stays as it is',
		options: (
			[
				...optionalEventTypeFields,
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
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const id = readEventTypeId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
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
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const notFoundMessage = eventTypeNotFound(id);
	const hideGuests = typeof body.disableGuests === 'boolean' ? body.disableGuests : undefined;
	if (questions.length || remove.length || hideGuests !== undefined) {
		// Cal.com's PATCH replaces the whole array, and Disable Guests sent alone would rebuild it
		// from the guests question only: read it, merge by slug, send everything.
		const current = (await calComRequest.call(this, {
			method: 'GET',
			path: apiPath`/v2/event-types/${id}`,
			timeoutMs,
			notFoundMessage,
		})) as IDataObject;
		const currentFields = (Array.isArray(current?.bookingFields)
			? current.bookingFields
			: []) as unknown as BookingField[];
		body.bookingFields = mergeBookingFields(currentFields, {
			changes: questions,
			remove,
			hideGuests,
		});
	}
	if (!Object.keys(body).length) {
		throw new ParameterError(
			'Update Fields',
			'nothing to change: add at least one field to update.',
		);
	}
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/v2/event-types/${id}`,
		body,
		timeoutMs,
		notFoundMessage,
	});
	return shapeEventTypes(data, true);
}
