import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { paginateCursor, paginateOffset } from '../../nodes/CalCom/transport';
import { runNode } from '../harness';

/**
 * The pagination helpers through n8n-core against a small list server on 127.0.0.1 that can
 * misbehave in the ways a real server might (repeat a cursor, never say it is done).
 */
const TOTAL = 23;
/**
 * 'earlier-count': Cal.com's earlier pagination helper (the count named itemsReturned). 'clamp-items': a server that clamps a skip past the end for the items as well as
 * for the figures (Cal.com clamps only the figures), so it would hand back the last page again.
 */
let mode: 'normal' | 'repeat-cursor' | 'no-pagination-object' | 'earlier-count' | 'clamp-items' =
	'normal';
/** The list has this many items from the second request on (deleted meanwhile); default TOTAL. */
let shrinkTo: number | undefined;
/** The pagination object carries only the page's count, under this name. */
let countOnly: string | undefined;
const seen: URLSearchParams[] = [];
/** Sizes of the pages the probe's shape function was handed, in order. */
const shapedPages: number[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
	server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		seen.push(url.searchParams);
		response.setHeader('content-type', 'application/json');
		const total = seen.length > 1 && shrinkTo !== undefined ? shrinkTo : TOTAL;
		const ids = Array.from({ length: total }, (_, index) => ({ id: index + 1 }));
		if (url.searchParams.has('take')) {
			const take = Number(url.searchParams.get('take'));
			const skip = Number(url.searchParams.get('skip'));
			// The figures as apps/api/v2/src/lib/pagination/pagination.ts gives them (skip clamped).
			const safeSkip = Math.min(skip, total);
			const totalPages = Math.ceil(total / take);
			const figures = {
				totalItems: total,
				returnedItems: Math.max(0, Math.min(total - safeSkip, take)),
				remainingItems: Math.max(0, total - safeSkip - take),
				currentPage: totalPages === 0 ? 0 : Math.min(Math.floor(safeSkip / take) + 1, totalPages),
				totalPages,
				hasNextPage: safeSkip + take < total,
			};
			const from = mode === 'clamp-items' && skip >= total ? Math.max(0, total - take) : skip;
			const data = ids.slice(from, from + take);
			const { returnedItems: count, ...rest } = figures;
			const pagination = countOnly
				? { [countOnly]: count }
				: mode === 'earlier-count'
					? { ...rest, itemsReturned: count }
					: figures;
			response.end(
				JSON.stringify({
					status: 'success',
					data,
					...(mode === 'no-pagination-object' ? {} : { pagination }),
				}),
			);
			return;
		}
		const limit = Number(url.searchParams.get('limit'));
		const start = Number(url.searchParams.get('cursor') ?? 0);
		const data = ids.slice(start, start + limit);
		const more = start + limit < TOTAL;
		const nextCursor = mode === 'repeat-cursor' ? '5' : more ? String(start + limit) : null;
		response.end(
			JSON.stringify({
				status: 'success',
				data,
				pagination: { nextCursor, hasMore: mode === 'repeat-cursor' || more },
			}),
		);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.close();
	await once(server, 'close');
});

beforeEach(() => {
	seen.length = 0;
	shapedPages.length = 0;
	mode = 'normal';
	shrinkTo = undefined;
	countOnly = undefined;
});

/** A node that only lists, so the helpers run inside n8n-core's execute context. */
class ListProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'List Probe',
		name: 'listProbe',
		group: ['transform'],
		version: 1,
		description: 'Lists through the pagination helpers',
		defaults: { name: 'List Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'calComV2Api', required: true }],
		properties: [
			{ displayName: 'Style', name: 'style', type: 'string', default: 'offset' },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
			{ displayName: 'Page Size', name: 'pageSize', type: 'number', default: 10 },
			{ displayName: 'Shape', name: 'shape', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const limit = (this.getNodeParameter('limit', 0) as number) || undefined;
		const pageSize = this.getNodeParameter('pageSize', 0) as number;
		const paginate =
			this.getNodeParameter('style', 0) === 'cursor' ? paginateCursor : paginateOffset;
		const shape = this.getNodeParameter('shape', 0)
			? (page: unknown[]) => {
					shapedPages.push(page.length);
					return (page as IDataObject[]).map((item) => ({ id: item.id, shaped: true }));
				}
			: undefined;
		const items = await paginate.call(
			this,
			{ method: 'GET', path: '/v2/bookings', qs: { status: 'upcoming' } },
			{ limit, pageSize, shape },
		);
		return [(items as IDataObject[]).map((json) => ({ json }))];
	}
}

async function list(
	style: 'offset' | 'cursor',
	limit: number,
	pageSize: number,
	shape = false,
): Promise<number[]> {
	const result = await runNode({
		node: new ListProbe(),
		credentialTypes: [new CalComV2Api()],
		parameters: { style, limit, pageSize, shape },
		credentials: { calComV2Api: { apiKey: 'cal_live_list', environment: 'selfHosted', baseUrl } },
	});
	if (result.error) throw new Error(result.error.message);
	if (shape && !result.items.every((item) => item.json.shaped === true))
		throw new Error('an item was not shaped');
	return result.items.map((item) => item.json.id as number);
}

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('take/skip pagination', () => {
	it('returns everything in ceil(N / page size) requests, trusting hasNextPage', async () => {
		expect(await list('offset', 0, 10)).toEqual(range(1, 23));
		expect(seen.map((qs) => [qs.get('take'), qs.get('skip')])).toEqual([
			['10', '0'],
			['10', '10'],
			['10', '20'],
		]);
		expect(seen.every((qs) => qs.get('status') === 'upcoming')).toBe(true);
	});

	it('asks only for what the limit still needs, and stops there', async () => {
		expect(await list('offset', 12, 10)).toEqual(range(1, 12));
		expect(seen.map((qs) => [qs.get('take'), qs.get('skip')])).toEqual([
			['10', '0'],
			['2', '10'],
		]);
	});

	it('stops on a short page when the server sends no pagination object', async () => {
		mode = 'no-pagination-object';
		expect(await list('offset', 0, 10)).toEqual(range(1, 23));
		expect(seen).toHaveLength(3);
	});

	it("reads the earlier build's itemsReturned as well as returnedItems", async () => {
		mode = 'earlier-count';
		expect(await list('offset', 0, 10)).toEqual(range(1, 23));
		expect(seen.map((qs) => qs.get('skip'))).toEqual(['0', '10', '20']);
	});

	it('ends on a list that shrank past the next skip: page N of N with 0 items, nothing repeated', async () => {
		shrinkTo = 8;
		expect(await list('offset', 0, 10)).toEqual(range(1, 10));
		expect(seen.map((qs) => qs.get('skip'))).toEqual(['0', '10']);
	});

	it('keeps nothing from a server that clamps a skip past the end for the items too', async () => {
		mode = 'clamp-items';
		shrinkTo = 5;
		// The second page asks for skip 10 of a list now 5 long; the server sends items 1–5 again.
		expect(await list('offset', 0, 10)).toEqual(range(1, 10));
		expect(seen.map((qs) => qs.get('skip'))).toEqual(['0', '10']);
	});

	it.each(['returnedItems', 'itemsReturned'])(
		'keeps nothing from such a server when only its %s count says the page is empty',
		async (name) => {
			mode = 'clamp-items';
			countOnly = name;
			shrinkTo = 5;
			expect(await list('offset', 0, 10)).toEqual(range(1, 10));
			expect(seen).toHaveLength(2);
		},
	);
});

describe('cursor pagination', () => {
	it('follows nextCursor until hasMore is false', async () => {
		expect(await list('cursor', 0, 10)).toEqual(range(1, 23));
		expect(seen.map((qs) => [qs.get('limit'), qs.get('cursor')])).toEqual([
			['10', null],
			['10', '10'],
			['10', '20'],
		]);
	});

	it('stops at the limit', async () => {
		expect(await list('cursor', 15, 10)).toEqual(range(1, 15));
		expect(seen.map((qs) => qs.get('limit'))).toEqual(['10', '5']);
	});

	it('stops when the server repeats a cursor instead of looping forever', async () => {
		mode = 'repeat-cursor';
		expect(await list('cursor', 0, 10)).toEqual([...range(1, 10), ...range(6, 15)]);
		expect(seen.map((qs) => qs.get('cursor'))).toEqual([null, '5']);
	});
});

describe('shaping page by page', () => {
	it('hands each page to the shape function as it arrives and keeps only the shaped items', async () => {
		expect(await list('offset', 0, 10, true)).toEqual(range(1, 23));
		expect(shapedPages).toEqual([10, 10, 3]);
		expect(await list('cursor', 15, 10, true)).toEqual(range(1, 15));
		expect(shapedPages).toEqual([10, 10, 3, 10, 5]);
	});
});
