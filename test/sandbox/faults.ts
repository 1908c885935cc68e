/**
 * Injected faults: what a client of Cal.com meets on a bad day — throttling with and without
 * headers, 5xx from the API, a proxy's HTML error page, a dropped connection, a truncated body,
 * and a response that arrives long after the work was done.
 *
 * A fault replaces the answer only; the request is still validated and recorded (with `fault`).
 * Faulted requests do not count against the rate limit and skip auth — they model failures in
 * front of or around Cal.com's guards. 'timeout' is the exception: the request is processed
 * normally (state changes happen, it is rate-limited and authenticated) and only the response
 * is held back, to test "create timed out but the booking exists". With `afterProcessing`, the
 * other kinds strike the same way: the request is processed, then the answer is lost.
 */
import { errorEnvelope, TEXTS } from './envelope';

export type FaultKind =
	| '429'
	| '429-no-headers'
	| '500'
	| '502'
	| '503'
	| 'reset'
	| 'timeout'
	| 'malformed-json'
	| 'html';

export interface FaultSpec {
	kind: FaultKind;
	method?: string;
	/** Matched against the pathname, e.g. '/v2/me' (exact) or /^\/v2\/bookings/. */
	path: string | RegExp;
	/** The next N matching requests; default 1. */
	count?: number;
	/**
	 * For 'timeout': hold the response this long. Without it the answer is held until the client
	 * gives up and closes the connection (or the sandbox closes): the scenario "Cal.com is slower
	 * than the node's Timeout" then holds however slow the machine running the test is.
	 */
	delayMs?: number;
	/** For '429': also send Retry-After. */
	retryAfterSeconds?: number;
	/** For '429': X-RateLimit-Reset-Default value; default 1. */
	resetSeconds?: number;
	/**
	 * The request reaches Cal.com and is processed (state changes, webhooks); only the answer on
	 * the way back is replaced: a proxy's 5xx or HTML page after the upstream did the work, a
	 * connection dropped after the commit, a body cut in transit. Not for '429' kinds (Cal.com
	 * does not process a throttled request) nor 'timeout' (always processed).
	 */
	afterProcessing?: boolean;
}

const KINDS: readonly FaultKind[] = [
	'429',
	'429-no-headers',
	'500',
	'502',
	'503',
	'reset',
	'timeout',
	'malformed-json',
	'html',
];

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
}

export class FaultInjector {
	private armed: ArmedFault[] = [];

	inject(spec: FaultSpec): void {
		if (!KINDS.includes(spec.kind))
			throw new Error(`Unknown fault kind "${String(spec.kind)}"; one of ${KINDS.join(', ')}`);
		if (spec.afterProcessing && ['429', '429-no-headers', 'timeout'].includes(spec.kind)) {
			throw new Error(`FaultSpec.afterProcessing makes no sense for "${spec.kind}"`);
		}
		const count = spec.count ?? 1;
		if (!(count >= 1)) throw new Error('FaultSpec.count must be at least 1');
		this.armed.push({ spec: { ...spec }, remaining: count });
	}

	clear(): void {
		this.armed = [];
	}

	/** The first armed fault matching the request, used up by one; undefined when none. */
	take(method: string, pathname: string): FaultSpec | undefined {
		const found = this.armed.find(
			({ spec }) =>
				(!spec.method || spec.method.toUpperCase() === method.toUpperCase()) &&
				(typeof spec.path === 'string' ? spec.path === pathname : spec.path.test(pathname)),
		);
		if (!found) return undefined;
		found.remaining--;
		if (found.remaining <= 0) this.armed = this.armed.filter((f) => f !== found);
		return found.spec;
	}
}

export interface CannedResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** nginx's stock 502 page, the HTML a proxy in front of an API typically returns. */
const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
	'<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** The response for every fault kind except 'reset' and 'timeout' (handled by the server). */
export function cannedFaultResponse(
	spec: FaultSpec,
	url: string,
	rateLimit: number,
): CannedResponse {
	const json = (status: number, message: string): CannedResponse => ({
		status,
		headers: { ...JSON_TYPE },
		body: JSON.stringify(errorEnvelope(status, message, url)),
	});
	switch (spec.kind) {
		case '429': {
			const response = json(429, TEXTS.throttled);
			response.headers['X-RateLimit-Limit-Default'] = String(rateLimit);
			response.headers['X-RateLimit-Remaining-Default'] = '0';
			response.headers['X-RateLimit-Reset-Default'] = String(spec.resetSeconds ?? 1);
			if (spec.retryAfterSeconds !== undefined)
				response.headers['Retry-After'] = String(spec.retryAfterSeconds);
			return response;
		}
		case '429-no-headers':
			return json(429, TEXTS.throttled);
		case '500':
			return json(500, TEXTS.internal);
		case '502':
			return json(502, 'Bad Gateway');
		case '503':
			return json(503, 'Service Unavailable');
		case 'malformed-json':
			// A success envelope cut off mid-way, as when a connection drops during the body.
			return {
				status: 200,
				headers: { ...JSON_TYPE },
				body: '{"status":"success","data":{"id":1,"username":"bail',
			};
		case 'html':
			return { status: 502, headers: { 'content-type': 'text/html' }, body: HTML_502 };
		default:
			throw new Error(`Fault ${spec.kind} has no canned response`);
	}
}
