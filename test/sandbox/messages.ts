/**
 * Turning schema errors into two kinds of text:
 * - problems: readable lines for RecordedRequest.problems ("body.attendee.email: must match format email"),
 * - Cal.com's 400 message, which comes from class-validator through Nest's ValidationPipe:
 *   "<property> property is wrong, <constraint>, <constraint>" with class-validator's wording
 *   ("… must be a number conforming to the specified constraints", "… should not be null or undefined").
 *   The wording is class-validator's default text; which constraints a given Cal.com DTO declares
 *   can differ from the OpenAPI schema, so treat the exact list as an approximation.
 */
import type { ErrorObject } from 'ajv';

import { focusErrors } from './error-focus';

export interface Violation {
	location: 'query' | 'path' | 'body';
	/** Top-level property ('attendee' for body.attendee.email). */
	property: string;
	/** Dotted path below the location ('attendee.email'). */
	path: string;
	/** class-validator style constraint text. */
	constraint: string;
	/** ajv's own message, for problems. */
	detail: string;
}

function dotted(instancePath: string): string {
	return instancePath
		.split('/')
		.slice(1)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
		.map((s) => (/^\d+$/.test(s) ? `[${s}]` : s))
		.join('.')
		.replace(/\.\[/g, '[');
}

const TYPE_TEXT: Record<string, string> = {
	number: 'must be a number conforming to the specified constraints',
	integer: 'must be an integer number',
	string: 'must be a string',
	boolean: 'must be a boolean value',
	array: 'must be an array',
	object: 'must be an object',
	null: 'must be null',
};

const FORMAT_TEXT: Record<string, string> = {
	email: 'must be an email',
	'date-time': 'must be a valid ISO 8601 date string',
	date: 'must be a valid ISO 8601 date string',
	uri: 'must be a URL address',
	phone: 'must be a valid phone number',
};

function constraintText(name: string, e: ErrorObject): string {
	const p = e.params as Record<string, unknown>;
	switch (e.keyword) {
		case 'required':
			return `${name} should not be null or undefined`;
		case 'type': {
			const t = String(p.type).split(',')[0];
			return `${name} ${TYPE_TEXT[t] ?? `must be ${p.type}`}`;
		}
		case 'enum':
			return `${name} must be one of the following values: ${(p.allowedValues as unknown[]).join(', ')}`;
		case 'format':
			return `${name} ${FORMAT_TEXT[String(p.format)] ?? `must match format ${p.format}`}`;
		case 'minimum':
			return `${name} must not be less than ${p.limit}`;
		case 'maximum':
			return `${name} must not be greater than ${p.limit}`;
		case 'minItems':
			return `${name} must contain at least ${p.limit} elements`;
		case 'maxItems':
			return `${name} must contain no more than ${p.limit} elements`;
		case 'minLength':
			return `${name} must be longer than or equal to ${p.limit} characters`;
		case 'maxLength':
			return `${name} must be shorter than or equal to ${p.limit} characters`;
		case 'anyOf':
			return `${name} must match one of the documented variants`;
		case 'pattern':
			return `${name} must match ${p.pattern} regular expression`;
		default:
			return `${name} ${e.message ?? 'is invalid'}`;
	}
}

export function violationsFrom(
	location: Violation['location'],
	errors: ErrorObject[] | null | undefined,
	rootName?: string,
	resolve?: (ref: string) => unknown,
): Violation[] {
	const seen = new Set<string>();
	const out: Violation[] = [];
	for (const e of resolve ? focusErrors(errors ?? [], resolve) : (errors ?? [])) {
		let path = dotted(e.instancePath);
		if (e.keyword === 'required') path = path ? `${path}.${String(e.params.missingProperty)}` : String(e.params.missingProperty);
		if (rootName) path = path ? `${rootName}${path.startsWith('[') ? '' : '.'}${path}` : rootName;
		const property = path.split(/[.[]/)[0] || location;
		const constraint = constraintText(path || location, e);
		const detail = `${location}${path ? `.${path}` : ''}: ${e.keyword === 'required' ? 'is required' : e.message ?? 'is invalid'}`;
		if (seen.has(detail)) continue;
		seen.add(detail);
		out.push({ location, property, path, constraint, detail });
	}
	return out;
}

/** Cal.com's BadRequest text for global-pipe validation failures, grouped per top-level property. */
export function calcomValidationMessage(violations: Violation[]): string {
	const groups = new Map<string, string[]>();
	for (const v of violations) groups.set(v.property, [...(groups.get(v.property) ?? []), v.constraint]);
	return [...groups.entries()].map(([property, constraints]) => `${property} property is wrong, ${constraints.join(', ')}`).join(', ');
}

/** One readable line per violation, for RecordedRequest.problems. */
export function problemLines(violations: Violation[]): string[] {
	return violations.map((v) => v.detail);
}
