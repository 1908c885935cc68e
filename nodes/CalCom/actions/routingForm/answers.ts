import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { readObject, UNSAFE_KEYS } from '../../helpers/json';

/**
 * A routing form's answers, given field by field or as JSON. Cal.com reads them from the request
 * body by the field's identifier, else its label (getRoutedUrl.ts, getResponseToStore.ts); a
 * select answer may be the option's label or its ID (transformResponse.ts).
 */
export const answersFields: INodeProperties[] = [
	{
		displayName: 'Answers Input',
		name: 'answersInput',
		type: 'options',
		default: 'fields',
		description: 'How to give the answers',
		options: [
			{ name: 'Field by Field', value: 'fields' },
			{ name: 'JSON', value: 'json' },
		],
	},
	{
		displayName: 'Answers',
		name: 'answers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Answer',
		description: 'One answer per form field',
		displayOptions: { show: { answersInput: ['fields'] } },
		options: [
			{
				displayName: 'Answer',
				name: 'answer',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. product',
						description:
							"The field's identifier (answerKey in Get Many forms), else its label or, for Update Response, its ID",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Enterprise',
						description:
							'The answer; for a choice, the option’s label or ID; several choices separated by commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Answers (JSON)',
		name: 'answersJson',
		type: 'json',
		default: '{}',
		placeholder: 'e.g. {"company": "Contoso", "product": "Enterprise"}',
		description: 'An object of field → answer (text, a number, or a list of choices)',
		displayOptions: { show: { answersInput: ['json'] } },
	},
];

type AnswerValue = string | number | string[];

function answerValue(value: unknown, field: string, key: string): AnswerValue {
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
		return value.map(String);
	throw new ParameterError(
		field,
		`the answer to "${key}" is ${describeValue(value)}; give text, a number or a list of choices.`,
	);
}

function fromJson(raw: unknown): Record<string, AnswerValue> {
	const object = readObject(raw, 'Answers (JSON)');
	const answers: Record<string, AnswerValue> = {};
	for (const [key, value] of Object.entries(object)) {
		if (!key.trim()) throw new ParameterError('Answers (JSON)', 'a field name is empty.');
		answers[key.trim()] = answerValue(value, 'Answers (JSON)', key);
	}
	return answers;
}

function fromFields(raw: unknown): Record<string, AnswerValue> {
	const rows = ((raw ?? {}) as IDataObject).answer;
	const list = Array.isArray(rows) ? (rows as IDataObject[]) : [];
	const answers: Record<string, AnswerValue> = {};
	list.forEach((row, index) => {
		const key = typeof row.field === 'string' ? row.field.trim() : '';
		if (!key) throw new ParameterError('Answers', `answer ${index + 1} names no field.`);
		if (UNSAFE_KEYS.has(key))
			throw new ParameterError('Answers', `the field name "${key}" is not allowed.`);
		if (key in answers)
			throw new ParameterError('Answers', `the field "${key}" is answered twice.`);
		answers[key] = answerValue(row.value ?? '', 'Answers', key);
	});
	return answers;
}

/** The item's answers by field, checked before any request. */
export function readAnswers(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Record<string, AnswerValue> {
	return ctx.getNodeParameter('answersInput', itemIndex, 'fields') === 'json'
		? fromJson(ctx.getNodeParameter('answersJson', itemIndex, '{}'))
		: fromFields(ctx.getNodeParameter('answers', itemIndex, {}));
}
