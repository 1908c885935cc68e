import { sleep } from 'n8n-workflow';

import { paceBeforeRequest, settleAnswer } from '../../nodes/CalCom/transport/pacing';
import {
	backoffMs,
	MAX_WAIT_MS,
	rateLimitResetSeconds,
	rateLimitWaitMs,
	rateLimitWindows,
	retryAfterSeconds,
} from '../../nodes/CalCom/transport/retry';
import { apiPath } from '../../nodes/CalCom/transport/paths';
import { apiVersionForPath, CAL_API_VERSIONS } from '../../nodes/CalCom/transport/versions';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow'),
	sleep: jest.fn(async () => await Promise.resolve()),
}));
const asked = sleep as jest.MockedFunction<typeof sleep>;

describe('rate-limit headers', () => {
	it("reads Cal.com's X-RateLimit-*-<Name> headers in any case, one window per named limit", () => {
		const headers = {
			'x-ratelimit-limit-default': '120',
			'X-RateLimit-Remaining-Default': '7',
			'x-ratelimit-reset-default': '42',
			'x-ratelimit-remaining-burst': '3',
			'X-RateLimit-Reset-Burst': '5',
			'x-ratelimit-remaining-broken': 'soon',
		};
		expect(rateLimitWindows(headers)).toEqual([
			{ remaining: 7, resetSeconds: 42 },
			{ remaining: 3, resetSeconds: 5 },
		]);
	});

	// Cal.com refuses a request only when every limit of the key is blocked
	// (apps/api/v2/src/lib/throttler-guard.ts): after a 429 the first limit to free up decides.
	it('after a 429 with several limits, waits for the first limit to free up, not the last', () => {
		const refused = {
			'x-ratelimit-remaining-short': '0',
			'x-ratelimit-reset-short': '2',
			'x-ratelimit-remaining-long': '0',
			'x-ratelimit-reset-long': '40',
		};
		expect(rateLimitResetSeconds(refused)).toBe(2);
		expect(rateLimitWaitMs(refused, 1, 0, () => 0)).toBe(2000);
		// Only a limit with nothing left can be what refused the request.
		expect(rateLimitResetSeconds({ ...refused, 'x-ratelimit-remaining-short': '1' })).toBe(40);
	});

	it('takes Retry-After as seconds or as an HTTP date', () => {
		expect(retryAfterSeconds({ 'retry-after': '3' }, 0)).toBe(3);
		const now = Date.parse('2027-01-01T00:00:00Z');
		expect(retryAfterSeconds({ 'Retry-After': 'Fri, 01 Jan 2027 00:00:10 GMT' }, now)).toBe(10);
		expect(retryAfterSeconds({ 'retry-after': 'soon' }, now)).toBeUndefined();
	});

	it('waits what Cal.com says, prefers Retry-After, and never longer than the cap', () => {
		const noJitter = () => 0;
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-default': '2' }, 1, 0, noJitter)).toBe(2000);
		expect(
			rateLimitWaitMs({ 'retry-after': '1', 'x-ratelimit-reset-default': '9' }, 1, 0, noJitter),
		).toBe(1000);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-default': '3600' }, 1, 0, noJitter)).toBe(
			MAX_WAIT_MS,
		);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-default': '0.4' }, 1, 0, () => 0.999)).toBeLessThan(
			400 + 250,
		);
	});

	it('backs off exponentially with full jitter when no header says how long', () => {
		expect(backoffMs(1, () => 0.999)).toBeLessThan(500);
		expect(backoffMs(3, () => 0.999)).toBeGreaterThan(1900);
		expect(backoffMs(3, () => 0.999)).toBeLessThan(2000);
		expect(backoffMs(30, () => 0.999)).toBeLessThan(20_000);
		expect(backoffMs(2, () => 0)).toBe(0);
		expect(rateLimitWaitMs({}, 2, 0, () => 0.5)).toBe(500);
	});
});

describe('pacing by the rate-limit headers of several named limits', () => {
	// The pacer's own clock is the one it is handed and its wait is n8n-workflow's sleep, mocked:
	// the specs read how long it chose to wait, not how long a (possibly busy) machine took.
	const NOW = Date.parse('2027-03-01T08:00:00Z');
	const headers = (short: [number, number], long: [number, number]) => ({
		'x-ratelimit-remaining-short': String(short[0]),
		'x-ratelimit-reset-short': String(short[1]),
		'x-ratelimit-remaining-long': String(long[0]),
		'x-ratelimit-reset-long': String(long[1]),
	});
	/**
	 * Paces one request on a clock that the (mocked) sleep moves on, and says how long it waited;
	 * its answer carries `answer`, if given.
	 */
	const send = async (key: string, answer?: ReturnType<typeof headers>): Promise<number[]> => {
		let now = NOW;
		const waited: number[] = [];
		asked.mockImplementation(async (ms?: number) => {
			waited.push(ms ?? 0);
			now += ms ?? 0;
			await Promise.resolve();
		});
		const ticket = await paceBeforeRequest(key, 0, () => now);
		if (answer) settleAnswer(key, ticket, answer, 200, now);
		return waited;
	};

	it('sends at once while any limit has room, though another is used up (Cal.com lets it through)', async () => {
		expect(await send('room', headers([0, 60], [2, 60]))).toEqual([]);
		expect(await send('room', headers([0, 0.05], [1, 60]))).toEqual([]);
		// Its own request used the last slot of "long": the next one waits, for the earlier reset.
		expect(await send('room', headers([0, 0.05], [0, 60]))).toEqual([]);
		expect(await send('room')).toEqual([50]);
	});

	it('when every limit is used up, waits for the first one to start afresh, not the last', async () => {
		expect(await send('full', headers([0, 0.2], [0, 60]))).toEqual([]);
		expect(await send('full')).toEqual([200]);
	});
});

describe('cal-api-version per endpoint family', () => {
	it.each([
		['/v2/slots', CAL_API_VERSIONS.slots],
		['/v2/slots/reservations/abc', '2024-09-04'],
		['/v2/bookings', '2024-08-13'],
		['/v2/bookings/abc/cancel', '2024-08-13'],
		['/v2/event-types/12', '2024-06-14'],
		['/v2/schedules/default', '2024-06-11'],
		['/v2/event-types/12/webhooks', undefined],
		['/v2/event-types/12/private-links', '2024-09-04'],
		['/v2/event-types/12/private-links/9f1c0a6b', '2024-09-04'],
		['/v2/me', undefined],
		['/v2/webhooks', undefined],
		['/v2/credits/available', undefined],
	])('%s → %s', (path, version) => {
		expect(apiVersionForPath(path)).toBe(version);
	});
});

describe('API paths', () => {
	it('encodes each id so it stays one path segment', () => {
		expect(apiPath`/v2/bookings/${'a b/c'}/cancel`).toBe('/v2/bookings/a%20b%2Fc/cancel');
		expect(apiPath`/v2/event-types/${12}`).toBe('/v2/event-types/12');
	});

	it.each(['', '  ', '.', '..'])('refuses the id %p that would change the route', (id) => {
		expect(() => apiPath`/v2/bookings/${id}`).toThrow('cannot be part of a Cal.com path');
	});
});
