/**
 * B2 — time per item of our node against the node a user would pick instead: n8n's own HTTP
 * Request node (n8n-nodes-base, bench/http-request-node.ts) calling the same endpoint with the same
 * Cal.com credential (Predefined Credential Type), both run by n8n-core in the same harness, on
 * User → Get (GET /v2/me) and Booking → Get Many (one page: GET /v2/bookings?take=50&skip=0).
 *
 * Context, no targets, to split a difference:
 *   - a plain n8n node that only calls n8n-core's `httpRequestWithAuthentication` per item
 *     (bench/plain-node.ts): one request after another, as many at a time as our node runs
 *     read-only items (router.ts, CONCURRENT_ITEMS), and all at once as the HTTP Request node
 *     goes: our code's cost, and what our bound and sending at once are worth;
 *   - a bare `fetch` (keep-alive) and a bare `http.get` on a new connection per request, as
 *     n8n-core connects: what the engine costs.
 *
 * An n8n-core run has a fixed cost (workflow, execution stack, hooks), so each side runs 30 input
 * items per run (30 requests) and a round's time is divided by 30. Every round runs every side,
 * the order rotated so each goes first equally often, after warm-up rounds; figures are medians.
 */
import { get } from 'node:http';

import type { IDataObject, INodeParameters, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { CalComV2Api } from '../credentials/CalComV2Api.credentials';
import { ensureRuntime } from '../test/e2e/n8n';
import { runNode } from '../test/harness';
import type { RecordedRequest } from '../test/sandbox';
import { startSandbox } from '../test/sandbox';
import type { Target } from './calcom';
import { failures, runCalCom } from './calcom';
import type { FigureResult, Row } from './common';
import { FIXTURE, log, MARCH, median, percentile, round } from './common';
import { httpRequestParameters, loadHttpRequestNode } from './http-request-node';
import { CONCURRENT_ITEMS } from '../nodes/CalCom/actions/router';
import { plainNode, plainNodeAtOnce, plainNodeBounded } from './plain-node';

const ITEMS_PER_RUN = 30;
const ROUNDS = 40;
const SINGLE_RUNS = 100;
const WARM_UP_ROUNDS = 2;
const BOOKINGS_QUERY = { take: '50', skip: '0' };
const BOOKINGS_VERSION = { 'cal-api-version': '2024-08-13' };
const GET_MANY = { resource: 'booking', operation: 'getMany' };

async function fetchMe(target: Target): Promise<unknown> {
	const response = await fetch(`${target.url}/v2/me`, {
		headers: { authorization: `Bearer ${target.apiKey}` },
	});
	if (!response.ok) throw new Error(`GET /v2/me: ${response.status}`);
	return ((await response.json()) as { data: unknown }).data;
}

/** http.get on a connection of its own (agent: false), as n8n-core's requests go. */
function httpGetMe(target: Target): Promise<unknown> {
	return new Promise((resolve, reject) => {
		get(
			`${target.url}/v2/me`,
			{ agent: false, headers: { authorization: `Bearer ${target.apiKey}` } },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					if (response.statusCode !== 200) reject(new Error(`GET /v2/me: ${response.statusCode}`));
					else
						resolve((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: unknown }).data);
				});
			},
		).on('error', reject);
	});
}

type SideRun = (target: Target, count: number) => Promise<number>;

function bare(request: (target: Target) => Promise<unknown>): SideRun {
	return async (target, count) => {
		const began = performance.now();
		for (let i = 0; i < count; i++) await request(target);
		return performance.now() - began;
	};
}

const items = (count: number): IDataObject[] => Array.from({ length: count }, (_, i) => ({ i }));

/** Our node (or a plain one) on `count` items; `perItem` output items expected for each. */
function inEngine(parameters: INodeParameters, node?: INodeType, perItem = 1): SideRun {
	return async (target, count) => {
		const began = performance.now();
		const result = await runCalCom(target, parameters, { inputItems: items(count), node });
		const ms = performance.now() - began;
		const failed = failures(result);
		if (failed.length || result.items.length !== count * perItem)
			throw new Error(`${JSON.stringify(parameters)}: ${JSON.stringify(failed[0])}`);
		return ms;
	};
}

/** n8n's HTTP Request node on `count` items, each answered with Cal.com's success envelope. */
function httpRequestSide(
	node: IVersionedNodeType,
	path: string,
	query = {},
	headers = {},
): SideRun {
	return async (target, count) => {
		const began = performance.now();
		const result = await runNode({
			node,
			credentialTypes: [new CalComV2Api()],
			credentials: {
				calComV2Api: { apiKey: target.apiKey, environment: 'selfHosted', baseUrl: target.url },
			},
			parameters: httpRequestParameters(`${target.url}${path}`, query, headers),
			inputItems: items(count),
		});
		const ms = performance.now() - began;
		const ok = result.items.filter((item) => item.json.status === 'success').length;
		if (result.error || ok !== count)
			throw new Error(
				`HTTP Request ${path}: ${result.error?.message ?? `${ok}/${count} answered`}`,
			);
		return ms;
	};
}

function makeSides(httpRequest: IVersionedNodeType, bookingsPerPage: number) {
	return {
		nodeMe: inEngine({ resource: 'user', operation: 'get' }),
		httpRequestMe: httpRequestSide(httpRequest, '/v2/me'),
		nodeBookings: inEngine(GET_MANY, undefined, bookingsPerPage),
		nodeBookingsRaw: inEngine({ ...GET_MANY, output: 'raw' }, undefined, bookingsPerPage),
		httpRequestBookings: httpRequestSide(
			httpRequest,
			'/v2/bookings',
			BOOKINGS_QUERY,
			BOOKINGS_VERSION,
		),
		plainNode: inEngine({}, plainNode),
		plainNodeBounded: inEngine({}, plainNodeBounded),
		plainNodeAtOnce: inEngine({}, plainNodeAtOnce),
		fetch: bare(fetchMe),
		httpNewConnection: bare(httpGetMe),
	};
}

type Side = keyof ReturnType<typeof makeSides>;

/** What the sandbox saw of a side's last request: both sides of a pair must send the same. */
function lastRequest(requests: RecordedRequest[]): string {
	const last = requests[requests.length - 1];
	const version = last.headers['cal-api-version'];
	const query = new URLSearchParams(last.query as Record<string, string>).toString();
	return `${last.method} ${last.path}${query ? `?${query}` : ''}${version ? ` (cal-api-version ${version})` : ''}`;
}

interface Measured {
	perItem: Record<Side, number[]>;
	single: Record<'nodeMe' | 'fetch', number[]>;
	requestOf: Partial<Record<Side, string>>;
}

async function measure(
	sides: Record<Side, SideRun>,
	target: Target,
	requests: RecordedRequest[],
): Promise<Measured> {
	const names = Object.keys(sides) as Side[];
	const requestOf: Partial<Record<Side, string>> = {};
	for (let i = 0; i < WARM_UP_ROUNDS; i++)
		for (const name of names) {
			await sides[name](target, ITEMS_PER_RUN);
			requestOf[name] = lastRequest(requests);
		}
	for (const [ours, theirs] of [
		['nodeMe', 'httpRequestMe'],
		['nodeBookings', 'httpRequestBookings'],
	] as const)
		if (requestOf[ours] !== requestOf[theirs])
			throw new Error(`not the same request: ${requestOf[ours]} vs ${requestOf[theirs]}`);
	const perItem = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
		Side,
		number[]
	>;
	for (let r = 0; r < ROUNDS; r++) {
		// Each side goes first, second … and last equally often.
		const order = names.map((_, i) => names[(i + r) % names.length]);
		for (const name of order)
			perItem[name].push((await sides[name](target, ITEMS_PER_RUN)) / ITEMS_PER_RUN);
	}
	const single: Measured['single'] = { nodeMe: [], fetch: [] };
	for (let i = 0; i < SINGLE_RUNS; i++) {
		const order: Array<'nodeMe' | 'fetch'> = i % 2 ? ['fetch', 'nodeMe'] : ['nodeMe', 'fetch'];
		for (const name of order) single[name].push(await sides[name](target, 1));
	}
	return { perItem, single, requestOf };
}

function rows(m: Measured): Row[] {
	const ms = (name: Side) => median(m.perItem[name]);
	const ratio = (a: Side, b: Side) => ms(a) / ms(b);
	const pair = (a: Side, b: Side) =>
		`${ratio(a, b).toFixed(2)} (${ms(a).toFixed(2)} vs ${ms(b).toFixed(2)} ms)`;
	/** A ratio of two sides; with a limit it is a target, without one context. */
	const row = (figure: string, a: Side, b: Side, limit?: number): Row => ({
		id: 'B2',
		figure,
		measured: pair(a, b),
		value: round(ratio(a, b), 3),
		target: limit === undefined ? '—' : `≤ ${limit.toFixed(1)}`,
		pass: limit === undefined ? null : ratio(a, b) <= limit,
	});
	const target = (figure: string, a: Side, b: Side) => row(figure, a, b, 1.0);
	const context = (figure: string, a: Side, b: Side) => row(figure, a, b);
	const runs = `${ITEMS_PER_RUN} items per run, median of ${ROUNDS} rounds`;
	const singleRatio = median(m.single.nodeMe) / median(m.single.fetch);
	return [
		target(
			`time per item, our node ÷ n8n's HTTP Request node: User → Get (${runs})`,
			'nodeMe',
			'httpRequestMe',
		),
		target(
			'  the same on Booking → Get Many, one page (GET /v2/bookings?take=50)',
			'nodeBookings',
			'httpRequestBookings',
		),
		context(
			'  Booking → Get Many: our node, Output Simplified ÷ Raw (times in the attendee zone etc.)',
			'nodeBookings',
			'nodeBookingsRaw',
		),
		context(
			`  User → Get: our node ÷ a plain n8n node, both ${CONCURRENT_ITEMS} items at a time (our code)`,
			'nodeMe',
			'plainNodeBounded',
		),
		context(
			`  plain n8n node, one after another ÷ ${CONCURRENT_ITEMS} at a time (what our bound is worth)`,
			'plainNode',
			'plainNodeBounded',
		),
		context(
			'  plain n8n node, one after another ÷ all at once (what sending at once is worth)',
			'plainNode',
			'plainNodeAtOnce',
		),
		context(
			"  plain n8n node, all at once ÷ HTTP Request node (the HTTP Request node's own code)",
			'plainNodeAtOnce',
			'httpRequestMe',
		),
		context('  our node ÷ bare fetch with keep-alive (context)', 'nodeMe', 'fetch'),
		context(
			'  plain n8n node ÷ bare http.get on a new connection per request (the engine)',
			'plainNode',
			'httpNewConnection',
		),
		{
			id: 'B2',
			figure: `  one item per n8n-core run ÷ one fetch (engine set-up per run included, median of ${SINGLE_RUNS})`,
			measured: `${singleRatio.toFixed(2)} (${median(m.single.nodeMe).toFixed(2)} vs ${median(m.single.fetch).toFixed(2)} ms)`,
			value: round(singleRatio, 3),
			target: '—',
			pass: null,
		},
	];
}

export async function benchOverhead(): Promise<FigureResult> {
	const { node: httpRequest, versions } = loadHttpRequestNode(ensureRuntime().n8nDir);
	// No throttling: every side sends hundreds of requests and none should wait.
	const sandbox = await startSandbox({ now: MARCH, rateLimit: 1e9, fixture: FIXTURE });
	try {
		const target = { url: sandbox.url, apiKey: sandbox.apiKeyFor('bailey') };
		// Our node gives one item per booking: how many one page holds.
		const bookingsPerPage = (await runCalCom(target, GET_MANY)).items.length;
		if (bookingsPerPage === 0) throw new Error('bailey has no bookings in the fixture');
		const m = await measure(makeSides(httpRequest, bookingsPerPage), target, sandbox.requests);
		const details = {
			method: `${ROUNDS} rounds × ${ITEMS_PER_RUN} items per side, order rotated, after ${WARM_UP_ROUNDS} warm-up rounds; per item = run time ÷ ${ITEMS_PER_RUN}`,
			versions,
			requests: m.requestOf,
			bookingsPerPage,
			msPerItem: Object.fromEntries(
				Object.entries(m.perItem).map(([name, values]) => [
					name,
					{ median: round(median(values), 3), p90: round(percentile(values, 90), 3) },
				]),
			),
			singleItemRuns: {
				runs: SINGLE_RUNS,
				nodeMedianMs: round(median(m.single.nodeMe), 3),
				fetchMedianMs: round(median(m.single.fetch), 3),
			},
			sandboxRequests: sandbox.requests.length,
			invalidRequests: sandbox.invalidRequests().length,
		};
		log(`B2 ${JSON.stringify(details)}`);
		return { rows: rows(m), details };
	} finally {
		await sandbox.close();
	}
}
