import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { CalComTrigger } from '../../nodes/CalComTrigger/CalComTrigger.node';

/**
 * The order and wording of Cal.com's triggers as n8n shows them: the trigger's Events parameter,
 * and n8n's list of triggers, which is built from that parameter's options in their order, each
 * line being the option's `action` (editor-ui NodeCreator, useActionsGeneration.ts).
 */
function optionsOf(properties: INodeProperties[], name: string): INodePropertyOptions[] {
	const property = properties.find((p) => p.name === name);
	if (!property) throw new Error(`no parameter ${name}`);
	return property.options as INodePropertyOptions[];
}

const triggerEvents = optionsOf(new CalComTrigger().description.properties, 'events');

describe('the Cal.com Trigger lists its events as a person looks for them', () => {
	it('starts with booking created, rescheduled, cancelled and requested, in that order', () => {
		expect(triggerEvents.slice(0, 4).map((option) => option.value)).toEqual([
			'BOOKING_CREATED',
			'BOOKING_RESCHEDULED',
			'BOOKING_CANCELLED',
			'BOOKING_REQUESTED',
		]);
	});

	it('groups bookings, meetings, forms, out of office, no-shows, then administrative events', () => {
		const kind = (value: string): string => {
			if (value.startsWith('DELEGATION_')) return 'administrative';
			if (value.includes('NO_SHOW')) return 'no-show';
			if (value.startsWith('OOO_')) return 'out of office';
			if (/FORM|ASSIGNMENT/.test(value)) return 'forms';
			if (/MEETING|RECORDING/.test(value)) return 'meetings';
			return 'bookings';
		};
		const kinds = triggerEvents.map((option) => kind(String(option.value)));
		// Each kind once, in this order: no kind is split by another.
		expect(kinds.filter((k, i) => k !== kinds[i - 1])).toEqual([
			'bookings',
			'meetings',
			'forms',
			'out of office',
			'no-show',
			'administrative',
		]);
		expect(triggerEvents).toHaveLength(28);
	});

	it('reads naturally in n8n\'s list of triggers ("On booking created", Cal Video kept)', () => {
		const lines = triggerEvents.map((option) => option.action);
		expect(lines.slice(0, 3)).toEqual([
			'On booking created',
			'On booking rescheduled',
			'On booking cancelled',
		]);
		expect(lines).toContain('On guest no-show in Cal Video');
		expect(lines).toContain('On Cal Video recording ready');
		expect(lines.at(-1)).toBe('On delegation credential secret rotation failed');
		for (const line of lines) expect(line).toMatch(/^On ([a-z]|Cal Video)/);
	});

	it('keeps the values saved workflows hold, and each event has its own name', () => {
		const names = triggerEvents.map((option) => option.name);
		expect(new Set(names).size).toBe(names.length);
		for (const option of triggerEvents) expect(option.value).toMatch(/^[A-Z_]+$/);
	});

	it("offers the same list, in the same order, in Webhook → Create's Triggers", () => {
		const webhookTriggers = new CalCom().description.properties.filter(
			(property) => property.name === 'triggers',
		);
		expect(webhookTriggers.length).toBeGreaterThan(0);
		for (const property of webhookTriggers) {
			expect((property.options as INodePropertyOptions[]).map((o) => o.value)).toEqual(
				triggerEvents.map((o) => o.value),
			);
		}
	});
});
