import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { CalCom } from '../../nodes/CalCom/CalCom.node';

/** Event Type → Create and Update: the fields of one booking question, as the editor shows them. */
function questionFields(operation: string): INodeProperties[] {
	const collection = new CalCom().description.properties.find(
		(property) =>
			property.type === 'collection' &&
			property.displayOptions?.show?.resource?.includes('eventType') &&
			property.displayOptions?.show?.operation?.includes(operation),
	);
	const questions = (collection?.options as INodeProperties[] | undefined)?.find(
		(option) => option.name === 'bookingQuestions',
	);
	const entries = (questions?.options as INodePropertyCollection[] | undefined)?.[0];
	if (!entries) throw new Error(`no booking questions in eventType ${operation}`);
	return entries.values;
}

describe('a booking question’s fields', () => {
	// n8n's node-param-fixed-collection-type-unsorted-items wants them alphabetical; the kind of
	// answer, picked first, is named so that it comes first.
	it.each(['create', 'update'])('%s: Answer Type first, then alphabetical', (operation) => {
		expect(questionFields(operation).map((field) => field.displayName)).toEqual([
			'Answer Type',
			'Choices',
			'Hidden',
			'Label',
			'Placeholder',
			'Required',
			'Slug',
		]);
	});

	it('Answer Type offers every question type Cal.com accepts, Short Text first chosen', () => {
		const type = questionFields('create')[0];
		expect(type.default).toBe('text');
		const options = type.options as INodePropertyOptions[];
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining(['text', 'textarea', 'select', 'multiselect', 'checkbox', 'radio']),
		);
		expect(options).toHaveLength(12);
	});
});
