/**
 * B3 — requests Booking → Get Many with Return All makes for N bookings, against the fewest
 * possible: ceil(N ÷ the largest page the API allows). Largest pages, from Cal.com's API notes
 * (§4.4; the OpenAPI document gives `take` no maximum) and the sandbox's checks: `take` 1–250 for
 * take/skip paging (2024-08-13), `limit` 1–100 for cursor paging (2026-05-01).
 *
 * For each N the sandbox holds exactly N of bailey's bookings and nothing else.
 */
import type { Sandbox } from '../test/sandbox';
import { startSandbox } from '../test/sandbox';
import { failures, runCalCom } from './calcom';
import type { FigureResult, Row } from './common';
import { FIXTURE, log, MARCH, round } from './common';

const COUNTS = [1, 249, 250, 251, 1001, 5000];
const PAGINGS = [
	{ paging: 'offset', label: 'take/skip (2024-08-13)', maxPage: 250 },
	{ paging: 'cursor', label: 'cursor (2026-05-01)', maxPage: 100 },
] as const;

async function listAll(
	sandbox: Sandbox,
	count: number,
	paging: string,
): Promise<{ requests: number; items: number; invalid: number; failed: number }> {
	sandbox.reset();
	sandbox.state.bookings.length = 0;
	sandbox.seedBookings('bailey', count);
	const result = await runCalCom(
		{ url: sandbox.url, apiKey: sandbox.apiKeyFor('bailey') },
		{ resource: 'booking', operation: 'getMany', returnAll: true, options: { paging } },
	);
	return {
		requests: sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v2/bookings')
			.length,
		items: result.items.length,
		invalid: sandbox.invalidRequests().length,
		failed: failures(result).length,
	};
}

export async function benchPages(): Promise<FigureResult> {
	const sandbox = await startSandbox({ now: MARCH, rateLimit: 1e9, fixture: FIXTURE });
	try {
		const rows: Row[] = [];
		const runs = [];
		for (const { paging, label, maxPage } of PAGINGS) {
			for (const count of COUNTS) {
				const got = await listAll(sandbox, count, paging);
				const fewest = Math.ceil(count / maxPage);
				const ratio = got.requests / fewest;
				const complete = got.items === count && got.invalid === 0 && got.failed === 0;
				runs.push({ paging, count, maxPage, ...got, fewest, ratio: round(ratio, 3) });
				rows.push({
					id: 'B3',
					figure: `requests ÷ ceil(N/${maxPage}), ${label}, N = ${count}`,
					measured: `${ratio.toFixed(2)} (${got.requests}/${fewest})${complete ? '' : `, got ${got.items} items, ${got.invalid} invalid`}`,
					value: round(ratio, 3),
					target: '1.00 exactly, all N listed',
					pass: ratio === 1 && complete,
				});
			}
		}
		log(`B3 ${JSON.stringify(runs)}`);
		return { rows, details: { counts: COUNTS, runs } };
	} finally {
		await sandbox.close();
	}
}
