/**
 * A stateful local server that behaves like Cal.com API v2, for tests, benchmarks and the
 * demo. Other parts of the project code against exactly this interface.
 *
 *   const sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
 *   await fetch(`${sandbox.url}/v2/me`, { headers: { Authorization: `Bearer ${sandbox.apiKeyFor('bailey')}` } });
 *   expect(sandbox.invalidRequests()).toEqual([]);
 *   await sandbox.close();
 */
import { OPENAPI_PATH } from '../shared-path';

import { makeBuild } from './build';
import type { SandboxBuild } from './build';
import { FaultInjector } from './faults';
import type { FaultKind, FaultSpec } from './faults';
import { RateLimiter } from './rate-limit';
import type { RecordedRequest } from './recording';
import { ROUTES } from './routes';
import { SandboxServer } from './server';
import { loadFixture, seedState } from './state';
import { seedBookings } from './seed-bookings';
import type { SandboxBookingEvent, SandboxFixture, SandboxState } from './types';
import { ContractValidator } from './validator';
import { OAuthProvider } from './oauth';
import { BookingWebhooks } from './booking-webhooks';
import { deliverWebhooks, pingTest } from './webhook-delivery';
import type { DeliveryRecord, DeliveryTarget, PingTestForm } from './webhook-delivery';

export type { SandboxBuild } from './build';
export type { FaultKind, FaultSpec } from './faults';
export type { RecordedRequest } from './recording';
export type * from './types';
export type { DeliveryRecord, DeliveryTarget, PingTestForm } from './webhook-delivery';

export interface SandboxOptions {
	/** Path to a fixture JSON file, or the fixture itself; default test/sandbox/fixture.json. */
	fixture?: string | SandboxFixture;
	/**
	 * Cal.com's default limit: requests per 60 s window per API key without limits of its own
	 * (fixture `apiKeys[].rateLimits`), and per client IP for anonymous calls; default 120.
	 */
	rateLimit?: number;
	/**
	 * 1 = real time; 0.01 → the 60 s rate-limit window (and the 60 s block) last 0.6 s. Scales every
	 * rate limit's window and block, the fixture's own limits too.
	 */
	timeScale?: number;
	/**
	 * The clock of the rate limiter, in milliseconds; default real time (Date.now). A spec that
	 * walks through windows and blocks steps its own clock instead of sleeping, so it holds on a
	 * busy machine.
	 */
	rateLimitClock?: () => number;
	/**
	 * The calendar clock used for slots, booking notice and "one year from now"; default real
	 * time. Rate limiting uses the real clock unless rateLimitClock is given.
	 */
	now?: string | (() => Date);
	/** Default OPENAPI_PATH from test/shared-path.ts. */
	openapiPath?: string;
	/**
	 * true (default): answer errors as hosted Cal.com does, without `error.details`. false: as a
	 * server with NODE_ENV ≠ production, whose `details` carry Nest's raw response — for the
	 * global validation pipe, class-validator errors whose `target` and `value` hold the request
	 * body (apps/api/v2/src/filters/http-exception.filter.ts, bootstrap.ts).
	 */
	production?: boolean;
	/** Which Cal.com build to play where builds differ (build.ts); default the newest source. */
	build?: Partial<SandboxBuild>;
	/**
	 * The clock OAuth codes and access tokens expire on, in milliseconds; default Date.now. Their
	 * lifetimes (access token 1800 s) are multiplied by timeScale.
	 */
	oauthClock?: () => number;
}

export interface Sandbox {
	/** 'http://127.0.0.1:<port>' (no trailing slash, no /v2). */
	url: string;
	port: number;
	/** Live, mutable: users, schedules, eventTypes, bookings, teams … */
	state: SandboxState;
	/** Live, mutable: which Cal.com build answers (build.ts); reset() restores SandboxOptions.build. */
	build: SandboxBuild;
	/**
	 * Cal.com as an OAuth2 server (oauth.ts): `clients` (mutable registry: add a redirect URI
	 * there), `grants` (tokens issued per grant type), `expireAccessTokens()`.
	 */
	oauth: OAuthProvider;
	/** Each fixture user has an API key 'cal_live_<hex>'. */
	apiKeyFor(username: string): string;
	/** Every request received, in order. */
	requests: RecordedRequest[];
	/** Those that failed contract validation (not business errors, not 401s). */
	invalidRequests(): RecordedRequest[];
	/**
	 * Sends Cal.com's signed webhook delivery of `triggerEvent` to every active subscriber that
	 * matches the target (the organizer's, the event type's, their organization's webhooks; or one
	 * webhook by id), on 127.0.0.1 only. Without a payload, Cal.com's documented example for the
	 * trigger (../shared/calcom/webhook-examples) is sent. Resolves when every subscriber answered.
	 */
	deliver(
		triggerEvent: string,
		payload?: Record<string, unknown>,
		target?: DeliveryTarget,
	): Promise<DeliveryRecord[]>;
	/**
	 * Cal.com's webhook form "Ping test" to `url`: the fixed PING event, signed with the secret
	 * typed into the form (none by default: `no-secret-provided`), with the form's template.
	 */
	pingTest(url: string, form?: PingTestForm): Promise<DeliveryRecord>;
	/**
	 * Every delivery sent, in order, with the subscriber's status (cleared by reset()). Booking
	 * handlers' changes (see `events`) are delivered by themselves, right after the API answer:
	 * to the organizer's, the event type's and the organization's webhooks subscribed to the
	 * trigger, with Cal.com's payload for the webhook's version (webhook-payload.ts). A failed
	 * delivery has status 0 and `error`; it never changes the API answer.
	 */
	deliveries: DeliveryRecord[];
	/** Resolves once every booking webhook delivery started so far has been answered or has failed. */
	deliveriesSettled(): Promise<void>;
	injectFault(fault: FaultSpec): void;
	clearFaults(): void;
	/**
	 * What happened to bookings, in order (each is delivered to subscribed webhooks): BOOKING_CREATED,
	 * BOOKING_REQUESTED (needs confirmation), BOOKING_RESCHEDULED (on the new booking),
	 * BOOKING_CANCELLED, BOOKING_REJECTED, BOOKING_NO_SHOW_UPDATED, BOOKING_REASSIGNED,
	 * BOOKING_LOCATION_UPDATED; a confirmed booking shows up as BOOKING_CREATED. Each entry has the
	 * booking as it was right after the change and `at` on the calendar clock. Live and mutable;
	 * reset() empties it in place.
	 */
	events: SandboxBookingEvent[];
	/**
	 * Adds `count` accepted bookings hosted by `username` straight into the state (no HTTP, no
	 * availability check): one every hour from `start` (default: the calendar clock's next full
	 * hour), on the user's first personal event type. Fast enough for 20,000. Returns them.
	 */
	seedBookings(
		username: string,
		count: number,
		options?: { start?: string; eventTypeId?: number },
	): SandboxState['bookings'];
	/** Re-seed state from the fixture, clear requests, faults, events and rate-limit counters. */
	reset(): void;
	/** Aborts webhook deliveries in flight, closes the server and all open sockets (including delayed ones). */
	close(): Promise<void>;
}

function calendarClock(now: SandboxOptions['now']): () => Date {
	if (now === undefined) return () => new Date();
	if (typeof now === 'function') return now;
	const fixed = Date.parse(now);
	if (Number.isNaN(fixed)) throw new Error(`SandboxOptions.now is not a date: "${now}"`);
	return () => new Date(fixed);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const fixture = loadFixture(options.fixture);
	const timeScale = options.timeScale ?? 1;
	if (!(timeScale > 0)) throw new Error('SandboxOptions.timeScale must be greater than 0');
	const rateLimit = options.rateLimit ?? 120;
	if (!(rateLimit >= 1)) throw new Error('SandboxOptions.rateLimit must be at least 1');

	const state = seedState(fixture);
	const build = makeBuild(options.build);
	const requests: RecordedRequest[] = [];
	const deliveries: DeliveryRecord[] = [];
	const limiter = new RateLimiter(rateLimit, timeScale, options.rateLimitClock);
	const events: SandboxBookingEvent[] = [];
	const clock = calendarClock(options.now);
	const faults = new FaultInjector();
	const bookingWebhooks = new BookingWebhooks(state, deliveries);
	const oauth = new OAuthProvider(timeScale, options.oauthClock ?? Date.now);
	const server = new SandboxServer({
		state,
		build,
		now: clock,
		validator: new ContractValidator(options.openapiPath ?? OPENAPI_PATH),
		limiter,
		faults,
		requests,
		routes: ROUTES,
		events,
		production: options.production ?? true,
		afterResponse: (recorded) => bookingWebhooks.dispatch(recorded),
		oauth,
	});
	const port = await server.listen();

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		state,
		build,
		requests,
		oauth,
		apiKeyFor(username) {
			const user = state.users.find((u) => u.username === username);
			if (!user)
				throw new Error(
					`No sandbox user "${username}" (have: ${state.users.map((u) => u.username).join(', ')})`,
				);
			return user.apiKey;
		},
		invalidRequests: () => requests.filter((r) => !r.valid),
		deliveries,
		deliver: (triggerEvent, payload, target = {}) =>
			deliverWebhooks(
				state,
				deliveries,
				triggerEvent,
				payload,
				target.ownerUserId,
				target.eventTypeId,
				target,
			),
		pingTest: (url, form) => pingTest(deliveries, url, form),
		deliveriesSettled: () => bookingWebhooks.settled(),
		injectFault: (fault) => faults.inject(fault),
		clearFaults: () => faults.clear(),
		events,
		seedBookings: (username, count, seedOptions) =>
			seedBookings(state, clock(), username, count, seedOptions),
		reset() {
			// In place, so references to sandbox.state and sandbox.requests stay live.
			Object.assign(state, seedState(fixture));
			Object.assign(build, makeBuild(options.build));
			requests.length = 0;
			events.length = 0;
			deliveries.length = 0;
			bookingWebhooks.reset();
			faults.clear();
			limiter.reset();
			oauth.reset();
		},
		async close() {
			await bookingWebhooks.close();
			await server.close();
		},
	};
}

/** Kinds for iteration in tests and tools. */
export const FAULT_KINDS: readonly FaultKind[] = [
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
