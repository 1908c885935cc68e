/**
 * What a route handler gets and gives back. Handlers are registered per endpoint family
 * (routes/me.ts, routes/slots.ts, later bookings, event types, schedules, webhooks, credits)
 * and collected in routes/index.ts; server.ts does everything around them — contract
 * validation, versions, faults, rate limiting, auth, recording — so a handler only holds
 * Cal.com's business behaviour.
 */
import type { SandboxBuild } from '../build';
import type { AuthMode } from '../operations';
import type { SandboxBookingEvent, SandboxState, SandboxUser } from '../types';

export interface RouteContext {
	state: SandboxState;
	/** Which Cal.com build answers where builds differ (../build.ts). */
	build: SandboxBuild;
	/** The calendar clock (SandboxOptions.now): slots, booking notice, "one year from now". */
	now(): Date;
	/** sandbox.events: handlers append what happened to bookings (for webhook delivery). */
	events: SandboxBookingEvent[];
	/**
	 * An endpoint's own rate limit on top of the global one (e.g. add guests: 5 per minute per
	 * key); false when this request is over it. Same window and time scale as the global limit.
	 */
	withinLimit(name: string, limit: number): boolean;
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
	/** Who the rate limiter counts this request for: the Bearer token, or 'ip:<address>'. */
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
	 * 'generic': schema violations of query/path/body are answered with Cal.com's 400 before the
	 * handler runs (Nest's global ValidationPipe). 'own': the handler validates (e.g. slots, whose
	 * DTO pipe forbids unknown parameters and has its own message format).
	 */
	validation: 'generic' | 'own';
	/** Overrides the auth mode read from the document (its Authorization header parameter). */
	auth?: AuthMode;
	handle(req: RouteRequest, ctx: RouteContext): RouteResult;
}
