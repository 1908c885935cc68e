import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox, visibleText } from '../integration/helpers';
import { describedAs, expectNoKeyIn, fault, FAULT_KINDS, withTimeout } from './faults';

const sandbox = useSandbox();

const READS: Array<[string, INodeParameters, string]> = [
	[
		'booking get',
		{ resource: 'booking', operation: 'get', bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv' },
		'/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv',
	],
	[
		'booking getMany',
		{ resource: 'booking', operation: 'getMany', returnAll: false, limit: 10 },
		'/v2/bookings',
	],
	[
		'slot getAvailable',
		{
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'eventTypeId',
			eventTypeId: { __rl: true, mode: 'id', value: '12' },
			start: '2027-03-15',
			end: '2027-03-16',
			timeZone: 'America/New_York',
		},
		'/v2/slots',
	],
	['team getMany', { resource: 'team', operation: 'getMany', returnAll: true }, '/v2/teams'],
	[
		'teamMembership getMany',
		{
			resource: 'teamMembership',
			operation: 'getMany',
			teamId: { __rl: true, mode: 'id', value: '100' },
			returnAll: true,
		},
		'/v2/teams/100/memberships',
	],
];

describe.each(READS)('R1 faults × read: %s', (_name, parameters, path) => {
	it.each(FAULT_KINDS)('%s: retried, and the result is what a clean run gives', async (kind) => {
		const params = withTimeout(parameters, kind);
		const clean = await runCalCom(sandbox(), params);
		expect(clean.error).toBeUndefined();
		expect(clean.items.length).toBeGreaterThan(0);
		sandbox().requests.length = 0;

		sandbox().injectFault(fault(kind, 'GET', path));
		const result = await runCalCom(sandbox(), params);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual(clean.items.map((item) => item.json));
		const calls = sandbox().requests.filter((r) => r.path === path);
		// The faulted attempt, then one that was answered; nothing else was repeated.
		expect(calls.map((r) => r.fault ?? 'answered')).toEqual([kind, 'answered']);
		expect(calls[1].status).toBe(200);
		expectNoKeyIn(sandbox(), visibleText(result));
	});
});

describe('R1 faults × read that keeps failing: booking get', () => {
	const [, parameters, path] = READS[0];
	it.each(FAULT_KINDS)(
		'%s every time: gives up after its attempts with an error saying what happened and what to do',
		async (kind) => {
			const throttled = kind === '429' || kind === '429-no-headers';
			const attempts = throttled ? 5 : 3;
			sandbox().injectFault(fault(kind, 'GET', path, { count: attempts }));
			const result = await runCalCom(sandbox(), withTimeout(parameters, kind, 1));
			const where = `GET ${path}`;
			const expected: Record<string, string | RegExp> = {
				'429': "Cal.com's rate limit was still exceeded after 5 attempts",
				'429-no-headers': "Cal.com's rate limit was still exceeded after 5 attempts",
				'500': /^Cal\.com had a server error \(HTTP 500\)/,
				'502': /^Cal\.com had a server error \(HTTP 502\)/,
				'503': /^Cal\.com had a server error \(HTTP 503\)/,
				reset: `The connection to Cal.com was closed before it answered ${where}`,
				// Every answer is held, none needs room: the short Timeout.
				timeout: `Cal.com did not answer ${where} within 1 s`,
				'malformed-json': `Cal.com answered ${where} with a response that is not valid JSON`,
				html: 'Cal.com had a server error (HTTP 502)',
			};
			expect(result.error?.message).toMatch(expected[kind]);
			expect(describedAs(result)).toMatch(
				throttled
					? /Wait a minute/
					: new RegExp(`(Try again later.*after 3 attempts|after 3 attempts.*Try again later)`),
			);
			expect(sandbox().requests.map((r) => r.fault)).toEqual(
				Array.from({ length: attempts }, () => kind),
			);
			expectNoKeyIn(sandbox(), visibleText(result));
			expect(visibleText(result)).not.toContain('<html');
		},
	);
});
