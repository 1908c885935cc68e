import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateCursor } from '../../transport';
import {
	bookingFiltersField,
	bookingSortField,
	listBookingsByOffset,
	readBookingFilters,
} from '../bookingList';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeBookings } from './shared';

export const description: INodeProperties[] = [
	...returnAllFields,
	bookingFiltersField(),
	bookingSortField(),
	outputField,
	optionsCollection({
		displayName: 'Paging',
		name: 'paging',
		type: 'options',
		default: 'offset',
		options: [
			{
				name: 'Take/Skip (API 2024-08-13)',
				value: 'offset',
				description: 'Works on every Cal.com server; pages of up to 250',
			},
			{
				name: 'Cursor (API 2026-05-01)',
				value: 'cursor',
				description: 'Newer servers only; pages of up to 100, one status at a time',
			},
		],
		description:
			'How to page through bookings; keep Take/Skip unless your server needs the newer API',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'bookings');
	const filters = readBookingFilters(this, itemIndex);
	const { qs, statuses } = filters;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutMs = readTimeoutMs(this, itemIndex);
	let bookings: unknown[];
	if (options.paging === 'cursor') {
		// The cursor API takes one status per request: walk each status in turn.
		bookings = [];
		for (const status of statuses.length ? statuses : [undefined]) {
			const remaining = limit === undefined ? undefined : limit - bookings.length;
			if (remaining !== undefined && remaining <= 0) break;
			const page = await paginateCursor.call(
				this,
				{
					method: 'GET',
					path: '/v2/bookings',
					qs: status ? { ...qs, status } : qs,
					apiVersion: '2026-05-01',
					timeoutMs,
				},
				{ limit: remaining, pageSize: 100 },
			);
			bookings.push(...page);
		}
	} else {
		bookings = await listBookingsByOffset(this, '/v2/bookings', filters, limit, timeoutMs);
	}
	return shapeBookings(bookings);
}
