/**
 * Cal.com's 400s for input its DTOs refuse, in the forms its server has.
 *
 * - The global ValidationPipe (apps/api/v2/src/bootstrap.ts: whitelist, transform, validationError
 *   {target: true, value: true}, exceptionFactory → new BadRequestException({ errors })) serves
 *   every @Body() / @Query() typed with a DTO class: event types 2024-06-14, schedules 2024-06-11,
 *   webhooks, credits, reservations, GET /v2/bookings, PATCH /v2/me and the booking actions
 *   (mark-absent, decline, reassign, guests, location) — read in their controllers. An
 *   HttpException built from an object without `message` takes Nest's default message, the class
 *   name in words: "Bad Request Exception". Unknown properties are dropped, not refused (whitelist
 *   without forbidNonWhitelisted), before validation, so `target` no longer has them.
 * - The DTO pipes of booking create / reschedule / cancel
 *   (packages/platform/types/bookings/2024-08-13/inputs/{create,reschedule,cancel}-booking-input.pipe.ts)
 *   and of GET /v2/slots (packages/platform/types/slots/slots-2024-09-04/inputs/get-slots-input.pipe.ts)
 *   validate with whitelist + forbidNonWhitelisted and throw BadRequestException(text), the text
 *   being, per error, `${property} property is wrong,${constraints joined ", "} ${children}`,
 *   errors joined with ", " (no space after "wrong,", a trailing space). Their controllers type the
 *   body with a union, so the global pipe lets it through untouched.
 * - ParseIntPipe on a numeric path id (event-types_2024_06_14 controller):
 *   "Validation failed (numeric string is expected)" [inferred for the other families' ids].
 *
 * What reaches the client is envelope.ts's concern (details only off production).
 * class-validator lists the forbidden (unknown) properties of an object before the checks of its
 * declared ones; the order of the declared ones follows the schema here, an approximation of
 * the DTO's declaration order [inferred].
 */
import { dtoFailures } from './dto-rules';
import { errorEnvelope } from './envelope';
import type { ErrorEnvelope } from './envelope';
import type { Violation } from './messages';
import type { ValidationOutcome } from './validator';

/** class-validator's ValidationError as JSON (what `details.errors` carries off production). */
export interface ValidationErrorJson {
	target?: unknown;
	value?: unknown;
	property: string;
	children: ValidationErrorJson[];
	constraints?: Record<string, string>;
}

/** One failed check: where (dotted path, `[i]` for array items), the decorator, its text. */
export type Failure = Pick<Violation, 'path' | 'rule' | 'phrase'> & {
	/** A custom decorator's whole message, used instead of "<name> <phrase>". */
	message?: string;
};

export const GLOBAL_PIPE_MESSAGE = 'Bad Request Exception';
export const PARSE_INT_MESSAGE = 'Validation failed (numeric string is expected)';
const WHITELIST = 'whitelistValidation';

type Segment = string | number;

function segmentsOf(path: string): Segment[] {
	const out: Segment[] = [];
	for (const part of path.split('.')) {
		const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
		if (!match) {
			out.push(part);
			continue;
		}
		if (match[1]) out.push(match[1]);
		for (const index of match[2].match(/\d+/g) ?? []) out.push(Number(index));
	}
	return out;
}

function child(container: unknown, segment: Segment): unknown {
	return typeof container === 'object' && container !== null
		? (container as Record<string, unknown>)[segment]
		: undefined;
}

class ErrorTree {
	readonly errors: ValidationErrorJson[] = [];

	constructor(private readonly root: unknown) {}

	add(segments: Segment[], rule: string, text: string): void {
		let list = this.errors;
		let container = this.root;
		segments.forEach((segment, i) => {
			const property = String(segment);
			let node = list.find((e) => e.property === property);
			if (!node) {
				node = { target: container, value: child(container, segment), property, children: [] };
				list.push(node);
			}
			if (i === segments.length - 1) {
				node.constraints ??= {};
				node.constraints[rule] ??= text;
			}
			list = node.children;
			container = node.value;
		});
	}

	/** Forbidden properties first at every level, as class-validator's whitelist step runs first. */
	ordered(list = this.errors): ValidationErrorJson[] {
		const forbidden = (e: ValidationErrorJson) => (e.constraints?.[WHITELIST] ? 0 : 1);
		const sorted = [...list].sort((a, b) => forbidden(a) - forbidden(b));
		return sorted.map((e) => ({ ...e, children: this.ordered(e.children) }));
	}
}

/**
 * The ValidationErrors class-validator would give for these failures of `root` (the body or the
 * query object): nested objects as children, array items of primitives as "each value in …".
 * `forbidden` lists unknown properties (forbidNonWhitelisted).
 */
export function validationErrors(
	root: unknown,
	failures: Failure[],
	forbidden: string[] = [],
): ValidationErrorJson[] {
	const tree = new ErrorTree(root);
	for (const f of failures) {
		let segments = segmentsOf(f.path);
		let text: string;
		const last = segments[segments.length - 1];
		const item = segments.reduce<unknown>((c, s) => child(c, s), root);
		if (
			typeof last === 'number' &&
			segments.length > 1 &&
			(typeof item !== 'object' || item === null)
		) {
			// {each: true} on an array of primitives reports on the array property itself.
			segments = segments.slice(0, -1);
			text = f.message ?? `each value in ${String(segments[segments.length - 1])} ${f.phrase}`;
		} else {
			text = f.message ?? `${String(last ?? f.path)} ${f.phrase}`;
		}
		tree.add(segments.length ? segments : [f.path], f.rule, text);
	}
	for (const path of forbidden) {
		const segments = segmentsOf(path);
		tree.add(
			segments,
			WHITELIST,
			`property ${String(segments[segments.length - 1])} should not exist`,
		);
	}
	return tree.ordered();
}

/** The DTO pipes' text (create/reschedule/cancel booking, slots). */
export function pipeMessage(errors: ValidationErrorJson[]): string {
	return errors
		.map((e) => {
			const constraints = e.constraints ? Object.values(e.constraints).join(', ') : '';
			const children = e.children.length > 0 ? pipeMessage(e.children) : '';
			return `${e.property} property is wrong,${constraints} ${children}`;
		})
		.join(', ');
}

/** The global ValidationPipe's answer: fixed message, the errors (with target and value) as details. */
export function globalPipeRejection(url: string, errors: ValidationErrorJson[]): ErrorEnvelope {
	return errorEnvelope(400, GLOBAL_PIPE_MESSAGE, url, { errors });
}

/** A copy of `body` without the properties the global pipe's whitelist strips. */
function whitelisted(body: unknown, unknown: string[]): unknown {
	if (unknown.length === 0 || typeof body !== 'object' || body === null) return body;
	const copy = structuredClone(body) as Record<string, unknown>;
	for (const path of unknown) {
		const segments = segmentsOf(path);
		const parent = segments.slice(0, -1).reduce<unknown>((c, s) => child(c, s), copy);
		if (typeof parent === 'object' && parent !== null)
			delete (parent as Record<string, unknown>)[segments[segments.length - 1]];
	}
	return copy;
}

export type ValidationMode = 'generic' | 'pipe' | 'own';

/** The 400 Cal.com answers before the handler for this request, or undefined to go on. */
export function validationRejection(
	mode: ValidationMode,
	outcome: ValidationOutcome,
	body: unknown,
	url: string,
): ErrorEnvelope | undefined {
	if (mode === 'own') return undefined;
	if (outcome.violations.some((v) => v.location === 'path'))
		return errorEnvelope(400, PARSE_INT_MESSAGE, url);
	const operation = outcome.operation;
	const extra = operation ? dtoFailures(operation.method, operation.template, body) : [];
	if (mode === 'pipe') {
		// CancelBookingInputPipe (cancel-booking-input.pipe.ts) takes a body with an own seatUid as the
		// seated DTO: its whitelist is checked by the cancel handler (bookings-actions.ts), not against
		// whichever oneOf branch the document's schema matched.
		if (operation?.template === '/v2/bookings/{bookingUid}/cancel' && isSeatedCancel(body))
			return undefined;
		const failures = [...outcome.violations.filter((v) => v.location === 'body'), ...extra];
		if (failures.length === 0 && outcome.unknownBody.length === 0) return undefined;
		return errorEnvelope(
			400,
			pipeMessage(validationErrors(body ?? {}, failures, outcome.unknownBody)),
			url,
		);
	}
	// One DTO fails at a time: the query's (declared first in Cal.com's handlers) or the body's.
	const query = outcome.violations.filter((v) => v.location === 'query');
	if (query.length > 0) return globalPipeRejection(url, validationErrors(outcome.query, query));
	const failures = [...outcome.violations.filter((v) => v.location === 'body'), ...extra];
	if (failures.length === 0) return undefined;
	return globalPipeRejection(
		url,
		validationErrors(whitelisted(body ?? {}, outcome.unknownBody), failures),
	);
}

function isSeatedCancel(body: unknown): boolean {
	return (
		typeof body === 'object' &&
		body !== null &&
		Object.prototype.hasOwnProperty.call(body, 'seatUid')
	);
}

/** A handler's check of a DTO rule the document cannot express, answered as the global pipe would. */
export function globalPipeAnswer(
	url: string,
	root: unknown,
	failures: Failure[],
): { status: 400; body: ErrorEnvelope } {
	return { status: 400, body: globalPipeRejection(url, validationErrors(root, failures)) };
}
