/**
 * B2 — what the node adds to one request: User → Get (GET /v2/me) through the node in n8n-core
 * versus the same request by a bare client (Node's fetch, keep-alive, JSON parsed, `data` taken).
 *
 * Two more sides split the difference:
 *   - a plain n8n node that only calls n8n-core's `httpRequestWithAuthentication` for the same
 *     request (bench/plain-node.ts): what every n8n node pays in the engine (axios, the
 *     credential's authentication, a new connection per request) apart from what our code adds;
 *   - a bare `http.get` with a new connection per request (no keep-alive), as n8n-core connects.
 *
 * An n8n-core run has a fixed cost (workflow, execution stack, hooks) that is not per request, so
 * the per-request figures run the nodes on N input items in one run (N requests) against N bare
 * requests one after another, and divide each round's time by N. Rounds rotate which side goes
 * first, after a warm-up. The single-request runs (one item per run, engine set-up included) are
 * reported too.
 */
import { get } from 'node:http';

import type { INodeType } from 'n8n-workflow';

import { startSandbox } from '../test/sandbox';
import type { Target } from './calcom';
import { failures, runCalCom } from './calcom';
import type { FigureResult } from './common';
import { FIXTURE, log, MARCH, median, percentile, round } from './common';
import { plainNode } from './plain-node';

const ITEMS_PER_RUN = 30;
const ROUNDS = 40;
const SINGLE_RUNS = 100;
const WARM_UP_ROUNDS = 2;
const PARAMETERS = { resource: 'user', operation: 'get' };

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

function bare(request: (target: Target) => Promise<unknown>) {
	return async (target: Target, count: number): Promise<number> => {
		const began = performance.now();
		for (let i = 0; i < count; i++) await request(target);
		return performance.now() - began;
	};
}

function inEngine(node?: INodeType) {
	return async (target: Target, count: number): Promise<number> => {
		const inputItems = Array.from({ length: count }, (_, i) => ({ i }));
		const began = performance.now();
		const result = await runCalCom(target, node ? {} : PARAMETERS, { inputItems, node });
		const ms = performance.now() - began;
		const failed = failures(result);
		if (failed.length || result.items.length !== count)
			throw new Error(`User → Get failed: ${JSON.stringify(failed[0])}`);
		return ms;
	};
}

const SIDES = {
	node: inEngine(),
	plainNode: inEngine(plainNode),
	fetch: bare(fetchMe),
	httpNewConnection: bare(httpGetMe),
};

type Side = keyof typeof SIDES;

export async function benchOverhead(): Promise<FigureResult> {
	// No throttling: every side sends hundreds of requests and none should wait.
	const sandbox = await startSandbox({ now: MARCH, rateLimit: 1e9, fixture: FIXTURE });
	try {
		const target = { url: sandbox.url, apiKey: sandbox.apiKeyFor('bailey') };
		const names = Object.keys(SIDES) as Side[];
		for (let i = 0; i < WARM_UP_ROUNDS; i++)
			for (const name of names) await SIDES[name](target, ITEMS_PER_RUN);
		const perRequest = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
			Side,
			number[]
		>;
		for (let r = 0; r < ROUNDS; r++) {
			// Each side goes first, second, third and last equally often.
			const order = names.map((_, i) => names[(i + r) % names.length]);
			for (const name of order)
				perRequest[name].push((await SIDES[name](target, ITEMS_PER_RUN)) / ITEMS_PER_RUN);
		}
		const single: Record<'node' | 'fetch', number[]> = { node: [], fetch: [] };
		for (let i = 0; i < SINGLE_RUNS; i++) {
			const order: Array<'node' | 'fetch'> = i % 2 ? ['fetch', 'node'] : ['node', 'fetch'];
			for (const name of order) single[name].push(await SIDES[name](target, 1));
		}
		const ms = (name: Side) => median(perRequest[name]);
		const ratio = ms('node') / ms('fetch');
		const ownRatio = ms('node') / ms('plainNode');
		const singleRatio = median(single.node) / median(single.fetch);
		const details = {
			method: `${ROUNDS} rounds × ${ITEMS_PER_RUN} requests per side, order rotated, after ${WARM_UP_ROUNDS} warm-up rounds; per request = round time ÷ ${ITEMS_PER_RUN}`,
			msPerRequest: Object.fromEntries(
				names.map((name) => [
					name,
					{ median: round(ms(name), 3), p90: round(percentile(perRequest[name], 90), 3) },
				]),
			),
			nodeOverFetch: round(ratio, 3),
			nodeOverPlainNode: round(ownRatio, 3),
			plainNodeOverHttpNewConnection: round(ms('plainNode') / ms('httpNewConnection'), 3),
			singleRequestRuns: {
				runs: SINGLE_RUNS,
				nodeMedianMs: round(median(single.node), 3),
				fetchMedianMs: round(median(single.fetch), 3),
				ratio: round(singleRatio, 2),
			},
			sandboxRequests: sandbox.requests.length,
			invalidRequests: sandbox.invalidRequests().length,
		};
		log(`B2 ${JSON.stringify(details)}`);
		const pair = (a: Side, b: Side) =>
			`${(ms(a) / ms(b)).toFixed(2)} (${ms(a).toFixed(2)} vs ${ms(b).toFixed(2)} ms)`;
		return {
			rows: [
				{
					id: 'B2',
					figure: `time per request, node ÷ bare fetch (User → Get; ${ITEMS_PER_RUN} items per n8n-core run vs ${ITEMS_PER_RUN} sequential fetches, median of ${ROUNDS} rounds)`,
					measured: pair('node', 'fetch'),
					value: round(ratio, 3),
					target: '≤ 1.15',
					pass: ratio <= 1.15,
				},
				{
					id: 'B2',
					figure:
						'  node ÷ a plain n8n node that only calls httpRequestWithAuthentication (our code, engine excluded)',
					measured: pair('node', 'plainNode'),
					value: round(ownRatio, 3),
					target: '—',
					pass: null,
				},
				{
					id: 'B2',
					figure:
						'  plain n8n node ÷ bare http.get on a new connection per request (the engine, connection set-up excluded)',
					measured: pair('plainNode', 'httpNewConnection'),
					value: details.plainNodeOverHttpNewConnection,
					target: '—',
					pass: null,
				},
				{
					id: 'B2',
					figure: `one request per n8n-core run ÷ one fetch (engine set-up per run included, median of ${SINGLE_RUNS})`,
					measured: `${singleRatio.toFixed(2)} (${median(single.node).toFixed(2)} vs ${median(single.fetch).toFixed(2)} ms)`,
					value: round(singleRatio, 3),
					target: '—',
					pass: null,
				},
			],
			details,
		};
	} finally {
		await sandbox.close();
	}
}
