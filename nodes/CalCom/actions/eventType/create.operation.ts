import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, requiredString, toPositiveInt } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { bookingQuestionsField, readQuestions } from './bookingQuestions';
import {
	optionalEventTypeFields,
	readEventTypeSlug,
	readOptionalFields,
	shapeEventTypes,
} from './shared';

export const description: INodeProperties[] = [
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
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...optionalEventTypeFields, bookingQuestionsField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		title: requiredString(this.getNodeParameter('title', itemIndex, ''), 'Title', 'Intro call'),
		slug: readEventTypeSlug(this.getNodeParameter('slug', itemIndex, '')),
		lengthInMinutes: toPositiveInt(
			this.getNodeParameter('lengthInMinutes', itemIndex, 30),
			'Length (Minutes)',
			'a number of minutes',
		),
		...readOptionalFields(fields),
	};
	// Cal.com adds its built-in questions (name, email, notes …) by itself.
	const questions = readQuestions(fields.bookingQuestions);
	if (questions.length) body.bookingFields = questions;
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/event-types',
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeEventTypes(data, true);
}
