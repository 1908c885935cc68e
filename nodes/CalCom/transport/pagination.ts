import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../helpers/json';
import type { CalComContext, CalComRequestOptions } from './request';
import { calComRequestFull } from './request';

export interface PageLimits {
	/** Stop after this many items; undefined means all (Return All). */
	limit?: number;
	/** The largest page the endpoint allows, so Return All makes as few requests as possible. */
	pageSize: number;
	/**
	 * Shapes each page as it arrives, item for item (same length). Only the shaped items are kept,
	 * so a Return All over many pages never holds every raw page and the shaped copy at once.
	 */
	shape?: (page: unknown[]) => unknown[];
}

/** A ceiling on pages, for a server that never says it is done. */
const MAX_PAGES = 10_000;

/**
 * A list request answered without a list: e.g. an older Cal.com taking an unknown version as
 * 2024-04-15, whose bookings list answers `data: {bookings, nextCursor}` (apps/api/v2/src/app.ts;
 * ee/bookings/2024-04-15/controllers/bookings.controller.ts).
 */
export class NotAListError extends TypeError {}

function asArray(data: unknown): unknown[] {
	if (Array.isArray(data)) return data;
	throw new NotAListError('Cal.com answered a list request without a list in "data"');
}

/** The page's item count: `returnedItems`, or `itemsReturned` in an earlier Cal.com build. */
function returnedCount(pagination: IDataObject): number | undefined {
	for (const key of ['returnedItems', 'itemsReturned']) {
		const value = pagination[key];
		if (typeof value === 'number' && Number.isFinite(value)) return value;
	}
	return undefined;
}

/**
 * take/skip lists (bookings 2024-08-13, webhooks, teams). Stops at the limit, on a short page (by
 * the page's length or its count), or when Cal.com's `pagination.hasNextPage` says there is no
 * more, which saves the empty last request when the total is a multiple of the page size.
 *
 * The next skip is always the number of items kept, never read from `currentPage`: Cal.com
 * clamps a skip past the end to the last page for its figures (apps/api/v2/src/lib/pagination/
 * pagination.ts), so a list that shrank between two requests answers "page N of N, 0 items".
 * Such a page, or one at a skip at or past `totalItems`, ends the walk and adds nothing: a server
 * that clamped the items too would otherwise hand back ones already kept.
 */
export async function paginateOffset(
	this: CalComContext,
	request: CalComRequestOptions,
	{ limit, pageSize, shape }: PageLimits,
): Promise<unknown[]> {
	const items: unknown[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
		if (wanted <= 0) break;
		const skip = items.length;
		const response = await calComRequestFull.call(this, {
			...request,
			qs: { ...request.qs, take: wanted, skip },
		});
		const pageItems = asArray(response.data).slice(0, wanted);
		const pagination = asRecord(response.body.pagination);
		const count = returnedCount(pagination);
		const pastTheEnd =
			skip > 0 && typeof pagination.totalItems === 'number' && skip >= pagination.totalItems;
		if (count === 0 || pastTheEnd) break;
		items.push(...(shape ? shape(pageItems) : pageItems));
		if (pagination.hasNextPage === false) break;
		if (Math.min(pageItems.length, count ?? pageItems.length) < wanted) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}

/**
 * limit/cursor lists (bookings 2026-05-01). Stops at the limit, when `hasMore` is false or the
 * cursor is null, and when the server hands back a cursor it already gave (which would loop).
 */
export async function paginateCursor(
	this: CalComContext,
	request: CalComRequestOptions,
	{ limit, pageSize, shape }: PageLimits,
): Promise<unknown[]> {
	const items: unknown[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - items.length);
		if (wanted <= 0) break;
		const qs: IDataObject = { ...request.qs, limit: wanted };
		if (cursor !== undefined) qs.cursor = cursor;
		const response = await calComRequestFull.call(this, { ...request, qs });
		const pageItems = asArray(response.data);
		items.push(...(shape ? shape(pageItems) : pageItems));
		const pagination = asRecord(response.body.pagination);
		const next = pagination.nextCursor;
		if (pagination.hasMore === false || typeof next !== 'string' || next === '') break;
		if (seen.has(next)) break;
		seen.add(next);
		cursor = next;
	}
	return limit === undefined ? items : items.slice(0, limit);
}
