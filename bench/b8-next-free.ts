/**
 * B8 — Slot → Find Next Free over a sparse calendar, against one Slot → Get Available over the
 * same horizon (After to After + Search Up To: the fewest requests that can answer it).
 *
 * The calendar: bailey's weekly hours emptied and one date override kept, Mon 22 Mar 2027
 * 10:00–10:30 New York, three weeks after the sandbox's now (the sandbox's state, as the
 * find-next-free spec shapes availability), so the only free slot of event type 12 (30 min) is
 * three weeks out. Find Next Free asks for one slot from Mon 1 Mar 09:00 New York.
 *
 * Per horizon (the default 30 days, and the longest, 365): requests per call and the median time
 * per call (one item per n8n-core run, sides rotated), and for 30 items asking the same in one
 * execution, the requests of the whole run.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../test/sandbox';
import { startSandbox } from '../test/sandbox';
import type { Target } from './calcom';
import { failures, runCalCom } from './calcom';
import type { FigureResult, Row } from './common';
import { FIXTURE, log, MARCH, median, round } from './common';

const ROUNDS = 30;
const ITEMS = 30;
const HORIZONS = [30, 365];
const AFTER = '2027-03-01T14:00:00.000Z';
const FREE_SLOT = '2027-03-22T14:00:00.000Z';
const DAY_MS = 86_400_000;

/** bailey's default schedule: no weekly hours, one half hour on Mon 22 Mar 2027. */
function sparseCalendar(sandbox: Sandbox): void {
	sandbox.reset();
	const schedule = sandbox.state.schedules.find((s) => s.ownerId === 1 && s.isDefault);
	if (!schedule) throw new Error("the fixture has no default schedule of bailey's");
	schedule.availability = [];
	schedule.overrides = [{ date: '2027-03-22', startTime: '10:00', endTime: '10:30' }];
}

const eventType = { lookup: 'eventTypeId', eventTypeId: { __rl: true, mode: 'id', value: '12' } };

function findNextFree(horizonDays: number): INodeParameters {
	return {
		resource: 'slot',
		operation: 'findNextFree',
		...eventType,
		after: AFTER,
		count: 1,
		timeZone: 'America/New_York',
		options: { horizonDays },
	};
}

function getAvailable(horizonDays: number): INodeParameters {
	return {
		resource: 'slot',
		operation: 'getAvailable',
		...eventType,
		start: AFTER,
		end: new Date(Date.parse(AFTER) + horizonDays * DAY_MS).toISOString(),
		timeZone: 'America/New_York',
	};
}

interface Call {
	ms: number;
	requests: number;
	starts: string[];
}

async function call(
	sandbox: Sandbox,
	target: Target,
	parameters: INodeParameters,
	items = 1,
): Promise<Call> {
	const before = sandbox.requests.length;
	const began = performance.now();
	const result = await runCalCom(target, parameters, {
		inputItems: Array.from({ length: items }, () => ({})),
	});
	const ms = performance.now() - began;
	const failed = failures(result);
	if (failed.length) throw new Error(`${String(parameters.operation)}: ${failed[0].error}`);
	return {
		ms,
		requests: sandbox.requests.length - before,
		starts: result.items.map((item) => String(item.json.start)),
	};
}

async function measure(sandbox: Sandbox, target: Target, horizonDays: number) {
	const next: Call[] = [];
	const available: Call[] = [];
	await call(sandbox, target, findNextFree(horizonDays)); // warm-up
	for (let round = 0; round < ROUNDS; round++) {
		const sides = [
			async () => next.push(await call(sandbox, target, findNextFree(horizonDays))),
			async () => available.push(await call(sandbox, target, getAvailable(horizonDays))),
		];
		for (const side of round % 2 ? sides.reverse() : sides) await side();
	}
	if (next.some((c) => c.starts.join() !== FREE_SLOT))
		throw new Error(`Find Next Free did not find ${FREE_SLOT}: ${next[0].starts.join()}`);
	if (available.some((c) => c.starts.join() !== FREE_SLOT))
		throw new Error(`Get Available did not list ${FREE_SLOT} alone`);
	const many = await call(sandbox, target, findNextFree(horizonDays), ITEMS);
	return {
		horizonDays,
		nextRequests: median(next.map((c) => c.requests)),
		nextMs: round(median(next.map((c) => c.ms)), 1),
		availableRequests: median(available.map((c) => c.requests)),
		availableMs: round(median(available.map((c) => c.ms)), 1),
		manyItems: ITEMS,
		manyRequests: many.requests,
		manyFound: many.starts.filter((start) => start === FREE_SLOT).length,
		invalidRequests: sandbox.invalidRequests().length,
	};
}

export async function benchNextFree(): Promise<FigureResult> {
	const sandbox = await startSandbox({ now: MARCH, rateLimit: 1e9, fixture: FIXTURE });
	try {
		sparseCalendar(sandbox);
		const target = { url: sandbox.url, apiKey: sandbox.apiKeyFor('bailey') };
		const results = [];
		for (const horizonDays of HORIZONS) results.push(await measure(sandbox, target, horizonDays));
		log(`B8 ${JSON.stringify(results)}`);
		const rows: Row[] = results.flatMap((r) => [
			{
				id: 'B8',
				figure: `Find Next Free, one slot 3 weeks out, ${r.horizonDays}-day horizon: requests per call (Get Available: ${r.availableRequests})`,
				measured: String(r.nextRequests),
				value: r.nextRequests,
				target: '≤ 2 (a week, then the rest)',
				pass: r.nextRequests <= 2 && r.invalidRequests === 0,
			},
			{
				id: 'B8',
				figure: `Find Next Free ÷ Get Available, time per call, ${r.horizonDays}-day horizon`,
				measured: `${round(r.nextMs / r.availableMs, 2)} (${r.nextMs} ms vs ${r.availableMs} ms)`,
				value: round(r.nextMs / r.availableMs, 3),
				target: 'report',
				pass: null,
			},
			{
				id: 'B8',
				figure: `Find Next Free, ${r.manyItems} items in one execution, ${r.horizonDays}-day horizon: requests`,
				measured: `${r.manyRequests} (${r.manyFound}/${r.manyItems} found the slot)`,
				value: r.manyRequests,
				target: `= one call's (${r.nextRequests})`,
				pass: r.manyRequests === r.nextRequests && r.manyFound === r.manyItems,
			},
		]);
		return { rows, details: { rounds: ROUNDS, after: AFTER, freeSlot: FREE_SLOT, results } };
	} finally {
		await sandbox.close();
	}
}
