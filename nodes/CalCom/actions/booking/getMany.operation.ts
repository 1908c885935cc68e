import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import {
	isVersionNotServed,
	lacksNewerForm,
	NotAListError,
	paginateCursor,
	rememberLacksNewerForm,
} from '../../transport';
import {
	bookingFiltersField,
	bookingSortField,
	listBookingsByOffset,
	readBookingFilters,
} from '../bookingList';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeBookings } from './shared';

/** The bookings list's cursor API (Cal.com's newer servers only). */
const CURSOR_VERSION = '2026-05-01';

type BookingFilters = ReturnType<typeof readBookingFilters>;

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

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
				description:
					'Newer servers only (an older one gets Take/Skip instead); pages of up to 100, one status at a time',
			},
		],
		description:
			'How to page through bookings; keep Take/Skip unless your server needs the newer API',
	}),
];

/** The cursor walk (2026-05-01), one status at a time as that API takes them. */
async function listByCursor(
	ctx: IExecuteFunctions,
	{ qs, statuses }: BookingFilters,
	limit: number | undefined,
	timeoutMs: number,
): Promise<unknown[]> {
	const bookings: unknown[] = [];
	for (const status of statuses.length ? statuses : [undefined]) {
		const remaining = limit === undefined ? undefined : limit - bookings.length;
		if (remaining !== undefined && remaining <= 0) break;
		const page = await paginateCursor.call(
			ctx,
			{
				method: 'GET',
				path: '/v2/bookings',
				qs: status ? { ...qs, status } : qs,
				apiVersion: CURSOR_VERSION,
				timeoutMs,
			},
			{ limit: remaining, pageSize: 100 },
		);
		bookings.push(...page);
	}
	return bookings;
}

/** The error to pass on, or undefined when it only says the server has no cursor API. */
function unlessCursorNotServed(error: unknown): unknown {
	return isVersionNotServed(error) || error instanceof NotAListError ? undefined : error;
}

/**
 * Cursor paging, or take/skip on a server without 2026-05-01: Cal.com's 404 "Cannot GET", or the
 * legacy 2024-04-15 list (no list in `data`) an older server answers for a version it does not
 * know. The first such answer switches this execution to take/skip; the rest go there directly.
 */
async function listPreferringCursor(
	ctx: IExecuteFunctions,
	filters: BookingFilters,
	limit: number | undefined,
	timeoutMs: number,
): Promise<unknown[]> {
	if (!lacksNewerForm(ctx, 'bookings-cursor')) {
		try {
			return await listByCursor(ctx, filters, limit, timeoutMs);
		} catch (error) {
			const other = unlessCursorNotServed(error);
			if (other) throw other;
			rememberLacksNewerForm(ctx, 'bookings-cursor');
			ctx.logger.info(
				`This Cal.com server does not serve cal-api-version ${CURSOR_VERSION} for GET /v2/bookings; using Take/Skip paging (2024-08-13) for the rest of this execution`,
			);
		}
	}
	return await listBookingsByOffset(ctx, '/v2/bookings', filters, limit, timeoutMs);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'bookings');
	const filters = readBookingFilters(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const bookings =
		options.paging === 'cursor'
			? await listPreferringCursor(this, filters, limit, timeoutMs)
			: await listBookingsByOffset(this, '/v2/bookings', filters, limit, timeoutMs);
	return shapeBookings(bookings);
}
