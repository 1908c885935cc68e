import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeZone } from '../../helpers/parameters';
import { timeZoneField } from '../common.descriptions';
import {
	readRange,
	readSlotOptions,
	simplifySlots,
	slotQueryOptions,
	slotRangeFields,
	slotsQueryEnd,
} from '../slot/shared';

/**
 * The slots part of Create Response and Calculate Slots: Cal.com passes the query on to its
 * 2024-09-04 slots service for the routed event type (shared-routing-form-response.service.ts,
 * routing-forms.service.ts), so the fields and the output are Slot → Get Available's.
 */
export const slotQueryFields: INodeProperties[] = [...slotRangeFields, timeZoneField];

export { slotQueryOptions };

/** The slots query of the item (checked range, zone, options) and the zone to show times in. */
export function readSlotQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { qs: IDataObject; timeZone: string } {
	const timeZone = readTimeZone(ctx, itemIndex);
	const { start, end } = readRange(ctx, itemIndex, timeZone);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		start: start.toISOString(),
		end: slotsQueryEnd(end),
		timeZone,
		format: options.format === 'time' ? 'time' : 'range',
		...readSlotOptions(options),
	};
	return { qs, timeZone };
}

/** Cal.com's slots by day as Get Available's Simplified gives them, each with the event type. */
export function routedSlots(
	slots: unknown,
	eventTypeId: IDataObject[string],
	timeZone: string,
): IDataObject[] {
	const byDay = typeof slots === 'object' && slots !== null ? (slots as IDataObject) : {};
	return simplifySlots(byDay, timeZone).map((slot) => ({ eventTypeId, ...slot }));
}
