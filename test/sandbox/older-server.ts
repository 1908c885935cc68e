/**
 * The "older server" build (SandboxBuild.olderServer): a self-hosted Cal.com from before the 2026
 * API versions, i.e. the release the saved OpenAPI document (2026-03-11) describes. Written by us
 * from Cal.com's source; nothing is copied.
 *
 * - Versions: apps/api/v2/src/app.ts (bootstrap, enableVersioning with a CUSTOM extractor) takes
 *   the `cal-api-version` header only when API_VERSIONS (@calcom/platform-constants) lists it and
 *   otherwise uses VERSION_2024_04_15; there is no "unsupported version" error. A 2026 value on an
 *   older server therefore reaches the 2024-04-15 controllers, and where none serves the route,
 *   NestJS answers 404 "Cannot GET /v2/…". For GET /v2/bookings Cal.com's own 2024-04-15
 *   controller (ee/bookings/2024-04-15/controllers/bookings.controller.ts) would answer 200 in its
 *   legacy shape (`data.bookings`, a numeric `nextCursor`); the sandbox, louder on purpose
 *   (versions.ts), answers every 2024-04-15 request on a versioned family with that 404.
 * - Webhooks: the older CreateWebhookInputDto (apps/api/v2/src/modules/webhooks/inputs/
 *   webhook.input.ts, with `@IsEnum(WebhookVersion)` on `version` and
 *   `@IsEnum(WebhookTriggerEvents, { each: true })` on `triggers`) refuses a payload version or a
 *   trigger its enums do not have, through the global ValidationPipe (400 "Bad Request
 *   Exception", the errors in `details` off production). Its enums are inferred from the saved
 *   document: `version` 2021-10-20 only, the 21 triggers listed there.
 */
import type { SandboxBuild } from './build';
import type { RouteHandler, RouteRequest, RouteResult } from './routes/route';
import { globalPipeAnswer } from './validation-errors';
import type { Failure } from './validation-errors';
import { WEBHOOK_TRIGGERS } from './extra-webhook-schemas';

/** API_VERSIONS of the older release: the 2024 values only. */
export const OLDER_SERVER_VERSIONS: readonly string[] = [
	'2024-04-15',
	'2024-06-11',
	'2024-06-14',
	'2024-08-13',
	'2024-09-04',
];

/** The extractor of app.ts on the older release: an unknown or missing header means 2024-04-15. */
export function olderServerVersion(header: string | undefined): string | undefined {
	if (header === undefined) return undefined;
	return OLDER_SERVER_VERSIONS.includes(header) ? header : '2024-04-15';
}

/** Whether the older build answers this request with the legacy 2024-04-15 bookings list. */
export function servesLegacyBookings(
	build: SandboxBuild,
	method: string,
	pathname: string,
	apiVersion: string | undefined,
): boolean {
	return (
		build.olderServer &&
		build.olderLegacyBookings &&
		method === 'GET' &&
		pathname === '/v2/bookings' &&
		apiVersion === '2024-04-15'
	);
}

/**
 * GET /v2/bookings as BookingsController_2024_04_15 answers it: `limit` (default 10) and a numeric
 * `cursor` as skip, the bookings under `data.bookings`, `nextCursor` a number or null. The
 * booking objects are the caller's, in the sandbox's current output (their legacy fields are not
 * modelled: a client that reads this shape as a list is wrong whatever they hold).
 */
export function legacyBookingsAnswer(all: unknown[], query: Record<string, unknown>): RouteResult {
	const limit = Number(query.limit ?? 10) || 10;
	const cursor = Number(query.cursor ?? 0) || 0;
	const bookings = all.slice(cursor, cursor + limit);
	const nextCursor = all.length > cursor + limit ? cursor + limit : null;
	return {
		status: 200,
		body: { status: 'success', data: { bookings, totalCount: all.length, nextCursor } },
	};
}

/** The older WebhookVersion enum (the saved document's). */
export const OLDER_WEBHOOK_VERSIONS: readonly string[] = ['2021-10-20'];
/** The older WebhookTriggerEvents enum: the saved document's 21 (the first 21 of the live list). */
export const OLDER_WEBHOOK_TRIGGERS: readonly string[] = WEBHOOK_TRIGGERS.slice(0, 21);

function webhookFailures(body: Record<string, unknown>): Failure[] {
	const failures: Failure[] = [];
	const triggers = Array.isArray(body.triggers) ? (body.triggers as unknown[]) : [];
	triggers.forEach((trigger, index) => {
		if (!OLDER_WEBHOOK_TRIGGERS.includes(String(trigger)))
			failures.push({
				path: `triggers[${index}]`,
				rule: 'isEnum',
				phrase: `must be one of the following values: ${OLDER_WEBHOOK_TRIGGERS.join(', ')}`,
			});
	});
	if (body.version !== undefined && !OLDER_WEBHOOK_VERSIONS.includes(String(body.version)))
		failures.push({
			path: 'version',
			rule: 'isEnum',
			phrase: `must be one of the following values: ${OLDER_WEBHOOK_VERSIONS.join(', ')}`,
		});
	return failures;
}

/** The global pipe's 400 for what the older DTO refuses, or undefined to go on. */
function olderWebhookRefusal(req: RouteRequest): RouteResult | undefined {
	const body = (req.body ?? {}) as Record<string, unknown>;
	const failures = webhookFailures(body);
	return failures.length > 0 ? globalPipeAnswer(req.url, body, failures) : undefined;
}

/** Wraps a webhook create/update handler: in the older build, the older DTO checks first. */
export function withOlderWebhookInput(handle: RouteHandler['handle']): RouteHandler['handle'] {
	return (req, ctx) => {
		if (ctx.build.olderServer) {
			const refused = olderWebhookRefusal(req);
			if (refused) return refused;
		}
		return handle(req, ctx);
	};
}
