import {
	backoffMs,
	MAX_WAIT_MS,
	rateLimitRemaining,
	rateLimitResetSeconds,
	rateLimitWaitMs,
	retryAfterSeconds,
} from '../../nodes/CalCom/transport/retry';
import { apiPath } from '../../nodes/CalCom/transport/paths';
import { apiVersionForPath, CAL_API_VERSIONS } from '../../nodes/CalCom/transport/versions';

describe('rate-limit headers', () => {
	it("reads Cal.com's X-RateLimit-*-Default headers in any case, and custom limit names", () => {
		const headers = {
			'x-ratelimit-limit-default': '120',
			'X-RateLimit-Remaining-Default': '7',
			'x-ratelimit-reset-default': '42',
			'x-ratelimit-remaining-burst': '3',
			'x-ratelimit-reset-burst': '5',
		};
		expect(rateLimitRemaining(headers)).toBe(3);
		expect(rateLimitResetSeconds(headers)).toBe(42);
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
		expect(rateLimitWaitMs({ 'retry-after': '1', 'x-ratelimit-reset-default': '9' }, 1, 0, noJitter)).toBe(1000);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-default': '3600' }, 1, 0, noJitter)).toBe(MAX_WAIT_MS);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-default': '0.4' }, 1, 0, () => 0.999)).toBeLessThan(400 + 250);
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

describe('cal-api-version per endpoint family', () => {
	it.each([
		['/v2/slots', CAL_API_VERSIONS.slots],
		['/v2/slots/reservations/abc', '2024-09-04'],
		['/v2/bookings', '2024-08-13'],
		['/v2/bookings/abc/cancel', '2024-08-13'],
		['/v2/event-types/12', '2024-06-14'],
		['/v2/schedules/default', '2024-06-11'],
		['/v2/event-types/12/webhooks', undefined],
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
