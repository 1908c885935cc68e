import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { answersFields, readAnswers } from './answers';
import { formLocator, readResponsesPath, scopeFields, simplifyResponse } from './shared';

export const description: INodeProperties[] = [
	...scopeFields,
	formLocator,
	{
		displayName: 'Response ID',
		name: 'responseId',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		placeholder: 'e.g. 7001',
		description: 'The ID of the response, as Get Many Responses lists it',
	},
	{
		displayName:
			'Cal.com keeps answers by field ID and replaces them all: give every answer the response should keep',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	...answersFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const responseId = toPositiveInt(
		this.getNodeParameter('responseId', itemIndex, 0),
		'Response ID',
		'a response ID',
	);
	const answers = readAnswers(this, itemIndex);
	if (Object.keys(answers).length === 0)
		throw new ParameterError('Answers', 'add at least one answer (the field ID and its value).');
	// organizations-routing-forms.repository.ts stores `response` as given: field ID → {label, value}.
	const response: IDataObject = {};
	for (const [fieldId, value] of Object.entries(answers)) response[fieldId] = { value };
	const path = await readResponsesPath(this, itemIndex, responseId);
	const data = (await calComRequest.call(this, {
		method: 'PATCH',
		path,
		body: { response },
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Response ${responseId} of this routing form was not found. Get Many Responses lists them.`,
	})) as IDataObject;
	return { data: [data ?? {}], simplify: simplifyResponse };
}
