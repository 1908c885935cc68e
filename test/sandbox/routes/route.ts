/**
 * What a route handler gets and gives back. Handlers are registered per endpoint family
 * (routes/me.ts, routes/slots.ts, later bookings, event types, schedules, webhooks, credits)
 * and collected in routes/index.ts; server.ts does everything around them — contract
 * validation, versions, faults, rate limiting, auth, recording — so a handler only holds
 * Cal.com's business behaviour.
 */
import type { SandboxBuild } from '../build';
import type { AuthMode } from '../operations';
import type { RateLimitRule } from '../rate-limit';
import type { SandboxBookingEvent, SandboxState, SandboxUser } from '../types';
import type { ValidationMode } from '../validation-errors';

export interface RouteContext {
	state: SandboxState;
	/** Which Cal.com build answers where builds differ (../build.ts). */
	build: SandboxBuild;
	/** The calendar clock (SandboxOptions.now): slots, booking notice, "one year from now". */
	now(): Date;
	/** sandbox.events: handlers append what happened to bookings (for webhook delivery). */
	events: SandboxBookingEvent[];
}

export interface RouteRequest {
	method: string;
	pathname: string;
	/** Path + query as received: Cal.com's error envelopes put it in `path`. */
	url: string;
	/** Path parameters, URL-decoded strings. */
	params: Record<string, string>;
	/** Query as received: repeated names become arrays. */
	query: Record<string, string | string[]>;
	/** Query values coerced to the types the contract declares. */
	typedQuery: Record<string, unknown>;
	body: unknown;
	apiVersion?: string;
	/** The authenticated user; undefined for anonymous calls. */
	user?: SandboxUser;
	/** Who the throttler counts this request for: the Bearer token, or 'ip:<address>'. */
	tracker?: string;
}

export interface RouteResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * Input problems the handler's own validation found (Cal.com DTO rules the OpenAPI
	 * document cannot express): the request is recorded as invalid with these.
	 */
	problems?: string[];
}

export interface RouteHandler {
	method: string;
	/** The OpenAPI path template this handler serves, e.g. '/v2/slots'. */
	template: string;
	/**
	 * How Cal.com validates the input before the handler (validation-errors.ts):
	 * 'generic': the global ValidationPipe — schema violations of query/body answer 400 "Bad Request
	 * Exception" (class-validator errors in `details` off production), unknown properties are dropped.
	 * 'pipe': the endpoint's own DTO pipe with forbidNonWhitelisted (booking create, reschedule,
	 * cancel) — violations and unknown body properties answer 400 "<prop> property is wrong,…".
	 * 'own': the handler validates (slots, whose pipe reads the query shape first).
	 */
	validation: ValidationMode;
	/** Overrides the auth mode read from the document (its Authorization header parameter). */
	auth?: AuthMode;
	/**
	 * The endpoint's own limit (Cal.com's @Throttle, apps/api/v2/src/lib/endpoint-throttler-decorator.ts):
	 * counted instead of the caller's limits, before auth (throttler.ts).
	 */
	throttle?: RateLimitRule;
	handle(req: RouteRequest, ctx: RouteContext): RouteResult;
}
