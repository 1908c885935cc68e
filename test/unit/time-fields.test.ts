import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { TIME_PLACEHOLDER } from '../../nodes/CalCom/actions/common.descriptions';

/**
 * n8n 2.41's dateTime field is a picker that shows only YYYY-MM-DDTHH:mm:ss: a bare date, a time
 * without seconds or with an offset look empty. Every time parameter is therefore a text field,
 * with an example of the forms it takes and the zone a time without an offset is read in.
 */
const { properties } = new CalCom().description;

/** Every parameter with the operations it shows for, nested ones included. */
function flatten(
	list: INodeProperties[],
	operations: string[] = [],
): Array<[string, INodeProperties]> {
	const found: Array<[string, INodeProperties]> = [];
	for (const property of list) {
		const shown = (property.displayOptions?.show?.operation as string[] | undefined) ?? operations;
		const resources = (property.displayOptions?.show?.resource as string[] | undefined) ?? [];
		const where = shown.map((op) => (resources.length ? `${resources[0]}.${op}` : op));
		for (const place of where.length ? where : ['node']) found.push([place, property]);
		for (const option of property.options ?? []) {
			const nested = (option as INodePropertyCollection).values ?? [option as INodeProperties];
			if (typeof (nested[0] as INodeProperties | undefined)?.type === 'string')
				found.push(...flatten(nested, where));
		}
	}
	return found;
}

const all = flatten(properties);

/** [operation, parameter, where a time without an offset is read]. */
const TIME_PARAMETERS: Array<[string, string, RegExp]> = [
	['booking.create', 'start', /the Attendee Time Zone/],
	['booking.reschedule', 'start', /the Time Zone field \(empty: the workflow's time zone\)/],
	['booking.getMany', 'afterStart', /UTC/],
	['booking.getMany', 'beforeEnd', /UTC/],
	['booking.getMany', 'afterCreatedAt', /UTC/],
	['booking.getMany', 'beforeCreatedAt', /UTC/],
	['booking.getMany', 'afterUpdatedAt', /UTC/],
	['booking.getMany', 'beforeUpdatedAt', /UTC/],
	['slot.getAvailable', 'start', /the Time Zone field/],
	['slot.getAvailable', 'end', /the Time Zone field/],
	['slot.findNextFree', 'after', /the Time Zone field/],
	['slot.reserve', 'slotStart', /the workflow's time zone/],
	['slot.updateReservation', 'slotStart', /the workflow's time zone/],
];

describe('time parameters in the editor', () => {
	it('has no date picker field left anywhere in the node', () => {
		expect(all.filter(([, property]) => property.type === 'dateTime')).toEqual([]);
	});

	it.each(TIME_PARAMETERS)(
		'%s → %s is a text field with an example and the zone it is read in',
		(operation, name, zone) => {
			const found = all.filter(
				([where, property]) => where === operation && property.name === name,
			);
			expect(found).toHaveLength(1);
			const [, property] = found[0];
			expect(property.type).toBe('string');
			expect(property.placeholder).toBe(TIME_PLACEHOLDER);
			expect(property.hint).toMatch(/^Without Z or an offset, read in /);
			expect(property.hint).toMatch(zone);
			expect(property.description).toMatch(zone);
			expect(property.description).toContain('2027-03-15T09:00');
			expect(property.description).toContain('a bare date (2027-03-15) means');
		},
	);

	it('says a bare End is the end of that day, every other bare date its start', () => {
		const end = all.find(([where, p]) => where === 'slot.getAvailable' && p.name === 'end');
		expect(end?.[1].description).toContain('means the end of that day');
		const start = all.find(([where, p]) => where === 'slot.getAvailable' && p.name === 'start');
		expect(start?.[1].description).toContain('means the start of that day');
	});
});
