/**
 * B2 — what the node adds to one request: User → Get (GET /v2/me) through the node in n8n-core
 * versus the same request by a bare client (Node's fetch, keep-alive, JSON parsed, `data` taken).
 *
 * A third side, a plain n8n node that only calls n8n-core's `httpRequestWithAuthentication` for the
 * same request (bench/plain-node.ts), splits the difference into what every n8n node pays in the
 * engine (axios, credential authentication, a new connection per request) and what our code adds.
 *
 * An n8n-core run has a fixed cost (workflow, execution stack, hooks) that is not per request, so
 * the per-request figure runs the node on N input items in one run (N requests) against N bare
 * requests one after another, and divides each round's time by N. Rounds alternate which side goes
 * first, after a warm-up. The single-request runs (one item per run, engine set-up included) are
 * reported too.
 */
import { startSandbox } from '../test/sandbox';
import type { INodeType } from 'n8n-workflow';

import type { Target } from './calcom';
import { failures, runCalCom } from './calcom';
import type { FigureResult } from './common';
import { FIXTURE, log, MARCH, median, percentile, round } from './common';
import { plainNode } from './plain-node';

const ITEMS_PER_RUN = 30;
const ROUNDS = 20;
const SINGLE_RUNS = 100;
const WARM_UP_ROUNDS = 2;
const PARAMETERS = { resource: 'user', operation: 'get' };

async function bare(target: Target): Promise<unknown> {
	const response = await fetch(`${target.url}/v2/me`, { headers: { authorization: `Bearer ${target.apiKey}` } });
	if (!response.ok) throw new Error(`GET /v2/me: ${response.status}`);
	return ((await response.json()) as { data: unknown }).data;
}

async function bareRound(target: Target, count: number): Promise<number> {
	const began = performance.now();
	for (let i = 0; i < count; i++) await bare(target);
	return performance.now() - began;
}

async function nodeRound(target: Target, count: number, node?: INodeType): Promise<number> {
	const inputItems = Array.from({ length: count }, (_, i) => ({ i }));
	const began = performance.now();
	const result = await runCalCom(target, node ? {} : PARAMETERS, { inputItems, node });
	const ms = performance.now() - began;
	const failed = failures(result);
	if (failed.length || result.items.length !== count) throw new Error(`User → Get failed: ${JSON.stringify(failed[0])}`);
	return ms;
}

export async function benchOverhead(): Promise<FigureResult> {
	// No throttling: both sides send hundreds of requests and neither should wait.
	const sandbox = await startSandbox({ now: MARCH, rateLimit: 1e9, fixture: FIXTURE });
	try {
		const target = { url: sandbox.url, apiKey: sandbox.apiKeyFor('bailey') };
		for (let i = 0; i < WARM_UP_ROUNDS; i++) {
			await nodeRound(target, ITEMS_PER_RUN);
			await nodeRound(target, ITEMS_PER_RUN, plainNode);
			await bareRound(target, ITEMS_PER_RUN);
		}
		const nodePerRequest: number[] = [];
		const plainPerRequest: number[] = [];
		const barePerRequest: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const sides = [
				async () => nodePerRequest.push((await nodeRound(target, ITEMS_PER_RUN)) / ITEMS_PER_RUN),
				async () => plainPerRequest.push((await nodeRound(target, ITEMS_PER_RUN, plainNode)) / ITEMS_PER_RUN),
				async () => barePerRequest.push((await bareRound(target, ITEMS_PER_RUN)) / ITEMS_PER_RUN),
			];
			// Each side goes first, second and third equally often.
			for (let turn = 0; turn < round % 3; turn++) sides.push(sides.shift() as () => Promise<number>);
			for (const side of sides) await side();
		}
		const nodeSingle: number[] = [];
		const bareSingle: number[] = [];
		for (let i = 0; i < SINGLE_RUNS; i++) {
			if (i % 2) {
				bareSingle.push(await bareRound(target, 1));
				nodeSingle.push(await nodeRound(target, 1));
			} else {
				nodeSingle.push(await nodeRound(target, 1));
				bareSingle.push(await bareRound(target, 1));
			}
		}
		const perRequestRatio = median(nodePerRequest) / median(barePerRequest);
		const ownRatio = median(nodePerRequest) / median(plainPerRequest);
		const singleRatio = median(nodeSingle) / median(bareSingle);
		const details = {
			method: `${ROUNDS} rounds × ${ITEMS_PER_RUN} requests per side, interleaved, after ${WARM_UP_ROUNDS} warm-up rounds; per request = round time ÷ ${ITEMS_PER_RUN}`,
			nodeMsPerRequest: { median: round(median(nodePerRequest), 3), p90: round(percentile(nodePerRequest, 90), 3), rounds: nodePerRequest.map((v) => round(v, 3)) },
			plainNodeMsPerRequest: { median: round(median(plainPerRequest), 3), p90: round(percentile(plainPerRequest, 90), 3), rounds: plainPerRequest.map((v) => round(v, 3)) },
			bareMsPerRequest: { median: round(median(barePerRequest), 3), p90: round(percentile(barePerRequest, 90), 3), rounds: barePerRequest.map((v) => round(v, 3)) },
			perRequestRatio: round(perRequestRatio, 3),
			nodeOverPlainNode: round(ownRatio, 3),
			singleRequestRuns: {
				runs: SINGLE_RUNS,
				nodeMedianMs: round(median(nodeSingle), 3),
				bareMedianMs: round(median(bareSingle), 3),
				ratio: round(singleRatio, 2),
			},
			sandboxRequests: sandbox.requests.length,
			invalidRequests: sandbox.invalidRequests().length,
		};
		log(`B2 ${JSON.stringify(details)}`);
		return {
			rows: [
				{
					id: 'B2',
					figure: `time per request, node ÷ bare fetch (User → Get; ${ITEMS_PER_RUN} items per n8n-core run vs ${ITEMS_PER_RUN} sequential fetches, median of ${ROUNDS} rounds)`,
					measured: `${perRequestRatio.toFixed(2)} (${median(nodePerRequest).toFixed(2)} vs ${median(barePerRequest).toFixed(2)} ms)`,
					value: round(perRequestRatio, 3),
					target: '≤ 1.15',
					pass: perRequestRatio <= 1.15,
				},
				{
					id: 'B2',
					figure: `  of which our code: node ÷ a plain n8n node doing only httpRequestWithAuthentication (same runs)`,
					measured: `${ownRatio.toFixed(2)} (${median(nodePerRequest).toFixed(2)} vs ${median(plainPerRequest).toFixed(2)} ms)`,
					value: round(ownRatio, 3),
					target: '— (engine cost excluded)',
					pass: null,
				},
				{
					id: 'B2',
					figure: `one request per n8n-core run ÷ one fetch (engine set-up included, median of ${SINGLE_RUNS})`,
					measured: `${singleRatio.toFixed(2)} (${median(nodeSingle).toFixed(2)} vs ${median(bareSingle).toFixed(2)} ms)`,
					value: round(singleRatio, 3),
					target: '— (engine cost per run)',
					pass: null,
				},
			],
			details,
		};
	} finally {
		await sandbox.close();
	}
}
