/**
 * The HTTP side: Node's http module on 127.0.0.1, one pipeline per request, in the order
 * Cal.com's NestJS app applies things:
 *
 *   body parsing (malformed JSON → 400) → route + version match (→ 404 "Cannot GET …")
 *   → throttler guard (401 for an unknown API key, 429, rate-limit headers) → auth guard (401)
 *   → validation pipe (400)
 *   → handler.
 *
 * Contract validation runs for every request first and is recorded whatever the answer is;
 * an injected fault then replaces the answer (faults.ts).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { authenticate, bearerToken } from './auth';
import { errorEnvelope, hosted, TEXTS } from './envelope';
import { cannedFaultResponse } from './faults';
import type { FaultInjector } from './faults';
import type { RateLimiter } from './rate-limit';
import { olderServerVersion, servesLegacyBookings } from './older-server';
import { throttle } from './throttler';
import { markProblems, queryRecord, recordHeaders } from './recording';
import type { RecordedRequest } from './recording';
import { findRoute } from './routes';
import type { RouteHandler, RouteResult } from './routes';
import type { SandboxBookingEvent, SandboxState } from './types';
import { validationRejection } from './validation-errors';
import type { SandboxBuild } from './build';
import type { ContractValidator } from './validator';
import type { OAuthProvider } from './oauth';
import { oauthAnswer, redactOAuthBody } from './oauth-routes';
import { scopeRefusal } from './oauth-scopes';

export interface ServerDeps {
	state: SandboxState;
	build: SandboxBuild;
	now(): Date;
	validator: ContractValidator;
	limiter: RateLimiter;
	faults: FaultInjector;
	requests: RecordedRequest[];
	routes: readonly RouteHandler[];
	events: SandboxBookingEvent[];
	/** false: a server with NODE_ENV ≠ production, whose errors carry `details` (envelope.ts). */
	production: boolean;
	/** What a request recorded in `events`, handed over after its response is written (or held back). */
	afterResponse?(events: SandboxBookingEvent[]): void;
	/** Cal.com as an OAuth2 server (oauth.ts): the consent page, the token endpoint, access tokens. */
	oauth: OAuthProvider;
}

interface Answer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** A 'timeout' fault without delayMs: the answer waits until the client closes the connection. */
const UNTIL_CLIENT_GIVES_UP = Number.POSITIVE_INFINITY;

function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
	return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export class SandboxServer {
	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(private readonly deps: ServerDeps) {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent && !res.destroyed) {
					const answer = jsonAnswer(500, errorEnvelope(500, TEXTS.internal, req.url ?? '/'));
					res.writeHead(answer.status, answer.headers).end(answer.body);
				}
				process.emitWarning(`Cal.com sandbox: ${(error as Error).stack ?? String(error)}`);
			});
		});
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	listen(): Promise<number> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(0, '127.0.0.1', () => {
				const address = this.server.address();
				resolve(typeof address === 'object' && address ? address.port : 0);
			});
		});
	}

	/** Closes the server and every open socket, including responses still being held back. */
	close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
			this.sockets.clear();
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const { state, validator, faults, requests } = this.deps;
		const rawBody = await readBody(req);
		const method = (req.method ?? 'GET').toUpperCase();
		const url = req.url ?? '/';
		const parsedUrl = new URL(url, 'http://127.0.0.1');
		const query = queryRecord(parsedUrl.searchParams);
		const header = (name: string) => {
			const value = req.headers[name];
			return Array.isArray(value) ? value[0] : value;
		};
		const sentVersion = header('cal-api-version');
		// An older server takes a version it does not know as 2024-04-15 (older-server.ts).
		const apiVersion = this.deps.build.olderServer ? olderServerVersion(sentVersion) : sentVersion;

		const hasBody = rawBody.length > 0;
		let body: unknown = hasBody ? rawBody : undefined;
		let jsonError: string | undefined;
		const isJsonType = /json/i.test(header('content-type') ?? '');
		if (hasBody && isJsonType) {
			try {
				body = JSON.parse(rawBody);
			} catch (error) {
				jsonError = (error as Error).message;
			}
		}

		const record: RecordedRequest = {
			method,
			path: parsedUrl.pathname,
			query,
			headers: recordHeaders(state, req.headers),
			body,
			status: 0,
			valid: true,
			problems: [],
			// Same tick as the throttler's hit below: benchmarks rebuild its windows from these times.
			receivedAt: Date.now(),
			...(sentVersion !== undefined ? { apiVersion: sentVersion } : {}),
		};
		requests.push(record);

		const oauth = oauthAnswer(this.deps.oauth, state, {
			method,
			path: parsedUrl.pathname,
			query: parsedUrl.searchParams,
			raw: rawBody,
			contentType: header('content-type') ?? '',
		});
		if (oauth) {
			record.body = redactOAuthBody(rawBody, header('content-type') ?? '');
			this.send(res, record, oauth, 0);
			return;
		}

		const outcome = validator.validateRequest({
			method,
			pathname: parsedUrl.pathname,
			query,
			body,
			hasBody,
			bodyIsJson: isJsonType && jsonError === undefined,
			apiVersion,
		});
		markProblems(record, outcome.problems);
		// Recorded as a wrong version, yet answered by the legacy controller (older-server.ts).
		if (servesLegacyBookings(this.deps.build, method, parsedUrl.pathname, apiVersion))
			outcome.notFound = undefined;
		if (jsonError) markProblems(record, [`request body is not valid JSON: ${jsonError}`]);

		const fault = faults.take(method, parsedUrl.pathname);
		if (fault && !fault.afterProcessing) {
			record.fault = fault.kind;
			if (fault.kind === 'reset') {
				req.socket.destroy();
				return;
			}
			if (fault.kind !== 'timeout') {
				this.send(res, record, cannedFaultResponse(fault, url, this.deps.limiter.limit), 0);
				return;
			}
		}

		const eventsBefore = this.deps.events.length;
		let answer: Answer;
		if (jsonError) {
			// Express's body parser rejects the body before routing, with the parser's message.
			answer = jsonAnswer(400, errorEnvelope(400, jsonError, url));
		} else if (outcome.notFound || !outcome.operation) {
			answer = jsonAnswer(404, errorEnvelope(404, TEXTS.cannot(method, url), url));
		} else {
			answer = this.guardedAnswer(req, record, outcome, url, method, query, body, apiVersion);
		}
		// Follows apps/api/v2/src/filters/http-exception.filter.ts: no `details` when NODE_ENV is production.
		if (this.deps.production) answer = { ...answer, body: hosted(answer.body) };
		if (fault?.afterProcessing) {
			// Processed; the answer is lost on the way back (FaultSpec.afterProcessing).
			record.fault = fault.kind;
			if (fault.kind === 'reset') {
				record.status = answer.status;
				req.socket.destroy();
			} else {
				this.send(res, record, cannedFaultResponse(fault, url, this.deps.limiter.limit), 0);
			}
		} else {
			const delay = fault?.kind === 'timeout' ? (fault.delayMs ?? UNTIL_CLIENT_GIVES_UP) : 0;
			this.send(res, record, answer, delay);
		}
		// Webhooks follow the answer: the handler's state change is done, the response is on its way.
		const recorded = this.deps.events.slice(eventsBefore);
		if (recorded.length > 0) this.deps.afterResponse?.(recorded);
	}

	private guardedAnswer(
		req: IncomingMessage,
		record: RecordedRequest,
		outcome: ReturnType<ContractValidator['validateRequest']>,
		url: string,
		method: string,
		query: Record<string, string | string[]>,
		body: unknown,
		apiVersion: string | undefined,
	): Answer {
		const { state, build, limiter, routes, now, events } = this.deps;
		const operation = outcome.operation;
		if (!operation) return jsonAnswer(404, errorEnvelope(404, TEXTS.cannot(method, url), url));
		const authorization =
			typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
		const route = findRoute(routes, method, operation.template);

		// The throttler guard first (throttler.ts), on every route: an unknown API key ends here.
		const throttled = throttle(
			limiter,
			state,
			bearerToken(authorization),
			req.socket.remoteAddress ?? 'unknown',
			route?.throttle,
		);
		if (!throttled.ok) return jsonAnswer(401, errorEnvelope(401, throttled.message, url));
		const { tracker, decision: limit } = throttled;
		if (!limit.allowed)
			return jsonAnswer(429, errorEnvelope(429, TEXTS.throttled, url), limit.headers);

		const auth = authenticate(state, authorization, route?.auth ?? operation.auth, now(), {
			oauth: this.deps.oauth,
		});
		if (!auth.ok) return jsonAnswer(401, errorEnvelope(401, auth.message, url), limit.headers);
		// oauth-permissions.guard.ts: an OAuth access token must hold the route's scope.
		const refusal = auth.scopes && scopeRefusal(auth.scopes, method, operation.template);
		if (refusal) return jsonAnswer(403, errorEnvelope(403, refusal, url), limit.headers);

		if (!route) {
			const message = `The Cal.com sandbox does not implement ${method} ${operation.template} yet (documented by Cal.com; add a handler in test/sandbox/routes).`;
			return jsonAnswer(501, errorEnvelope(501, message, url), limit.headers);
		}
		const rejected = validationRejection(route.validation, outcome, body, url);
		if (rejected) return jsonAnswer(400, rejected, limit.headers);

		let result: RouteResult;
		try {
			result = route.handle(
				{
					method,
					pathname: record.path,
					url,
					params: outcome.params,
					query,
					typedQuery: outcome.query,
					body,
					apiVersion,
					user: auth.user,
					tracker,
				},
				{ state, build, now, events },
			);
		} catch (error) {
			markProblems(record, [`sandbox handler failed: ${(error as Error).message}`]);
			return jsonAnswer(500, errorEnvelope(500, TEXTS.internal, url), limit.headers);
		}
		if (result.problems) markProblems(record, result.problems);
		return jsonAnswer(result.status, result.body ?? {}, {
			...limit.headers,
			...(result.headers ?? {}),
		});
	}

	private send(
		res: ServerResponse,
		record: RecordedRequest,
		answer: Answer,
		delayMs: number,
	): void {
		record.status = answer.status;
		const write = () => {
			if (res.destroyed) return;
			record.answeredAt = Date.now();
			res.writeHead(answer.status, answer.headers).end(answer.body);
		};
		if (delayMs <= 0) {
			write();
			return;
		}
		// Held until the client closes the socket; close() destroys it if the client never does.
		if (delayMs === UNTIL_CLIENT_GIVES_UP) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			write();
		}, delayMs);
		this.timers.add(timer);
	}
}
