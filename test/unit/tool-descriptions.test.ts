import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { CalCom } from '../../nodes/CalCom/CalCom.node';

/**
 * What an AI agent reads of the node: the description of every operation and every parameter.
 * A parameter without one is a parameter a model fills by guessing; a time without its format is
 * a time a model writes in whatever form it likes.
 */
const { properties } = new CalCom().description;

interface Parameter {
	where: string;
	property: INodeProperties;
}

/** Every parameter, nested ones included, with a readable place name. */
function parameters(list: INodeProperties[], where: string): Parameter[] {
	const found: Parameter[] = [];
	for (const property of list) {
		const show = property.displayOptions?.show;
		const place = show?.operation ? `${String(show.resource)}.${String(show.operation)}` : where;
		if (property.type === 'notice') continue;
		if (property.type === 'collection' || property.type === 'fixedCollection') {
			for (const option of property.options ?? []) {
				const values = (option as INodePropertyCollection).values;
				found.push(
					...parameters(values ?? [option as INodeProperties], `${place}.${property.name}`),
				);
			}
			continue;
		}
		found.push({ where: place, property });
	}
	return found;
}

const all = parameters(properties, 'node');

describe('descriptions an AI agent reads', () => {
	it('gives every operation an action name and a description that says what it does', () => {
		const operations = properties.filter((property) => property.name === 'operation');
		const listed = operations.flatMap(
			(property) => (property.options ?? []) as INodePropertyOptions[],
		);
		expect(listed).toHaveLength(105);
		const lacking = listed.filter(
			(option) => !option.action || !option.description || option.description.length < 15,
		);
		expect(lacking.map((option) => option.value)).toEqual([]);
	});

	it('describes every parameter, nested ones included', () => {
		expect(all.length).toBeGreaterThan(150);
		const lacking = all.filter(
			({ property }) =>
				!property.description &&
				!property.hint &&
				!['resource', 'operation'].includes(property.name),
		);
		expect(lacking.map(({ where, property }) => `${where} ${property.name}`)).toEqual([]);
	});

	it('names the expected format of every time, date and time zone a model may fill', () => {
		const formats: Array<[RegExp, RegExp]> = [
			[/^(start|end|after|slotStart|afterStart|beforeEnd|after\w+At|before\w+At)$/, /ISO 8601/],
			[/^(timeZone|attendeeTimeZone)$/, /IANA/],
			[/^(startTime|endTime|windowStart|windowEnd)$/, /HH:MM/],
			[/^date$/, /YYYY-MM-DD/],
			[/^bookingUid$/, /UID/],
		];
		const checked: string[] = [];
		const wrong: string[] = [];
		for (const { where, property } of all) {
			for (const [name, format] of formats) {
				if (!name.test(property.name)) continue;
				checked.push(property.name);
				if (!format.test(String(property.description)))
					wrong.push(`${where} ${property.name}: ${String(property.description)}`);
			}
		}
		expect(wrong).toEqual([]);
		// Each kind was found, so the check above looked at real parameters.
		for (const kind of [
			'start',
			'timeZone',
			'startTime',
			'date',
			'bookingUid',
			'windowStart',
			'afterStart',
		]) {
			expect(checked).toContain(kind);
		}
	});

	it('marks the node usable as a tool', () => {
		expect(new CalCom().description.usableAsTool).toBe(true);
	});
});
