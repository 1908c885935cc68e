/**
 * Turning schema errors into two things:
 * - problems: readable lines for RecordedRequest.problems ("body.attendee.email: must match format email"),
 * - violations: what class-validator would report for the Cal.com DTO — the decorator's constraint
 *   name (isEmail, isDefined …) and its default text ("… must be a number conforming to the
 *   specified constraints", "… should not be null or undefined"). validation-errors.ts turns them
 *   into Cal.com's 400s. The names and wording are class-validator's defaults; which decorators a
 *   given Cal.com DTO declares can differ from the OpenAPI schema, so treat the exact list as an
 *   approximation (inferred: the DTOs are not in the document, only their schema).
 */
import type { ErrorObject } from 'ajv';

import { focusErrors } from './error-focus';

export interface Violation {
	location: 'query' | 'path' | 'body';
	/** Top-level property ('attendee' for body.attendee.email). */
	property: string;
	/** Dotted path below the location ('attendee.email'). */
	path: string;
	/** class-validator's constraint name, e.g. 'isEmail' (the key in ValidationError.constraints). */
	rule: string;
	/** class-validator's default text after the property name, e.g. 'must be an email'. */
	phrase: string;
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

const TYPE_RULE: Record<string, string> = {
	number: 'isNumber',
	integer: 'isInt',
	string: 'isString',
	boolean: 'isBoolean',
	array: 'isArray',
	object: 'isObject',
};

const FORMAT_RULE: Record<string, string> = {
	email: 'isEmail',
	'date-time': 'isISO8601',
	date: 'isISO8601',
	uri: 'isUrl',
	phone: 'isPhoneNumber',
};

const FORMAT_TEXT: Record<string, string> = {
	email: 'must be an email',
	'date-time': 'must be a valid ISO 8601 date string',
	date: 'must be a valid ISO 8601 date string',
	uri: 'must be a URL address',
	phone: 'must be a valid phone number',
};

/** class-validator's decorator for an ajv keyword, and its default text after the property name. */
function rulePhrase(e: ErrorObject): [rule: string, phrase: string] {
	const p = e.params as Record<string, unknown>;
	switch (e.keyword) {
		case 'required':
			return ['isDefined', 'should not be null or undefined'];
		case 'type': {
			const t = String(p.type).split(',')[0];
			return [TYPE_RULE[t] ?? 'isValid', TYPE_TEXT[t] ?? `must be ${String(p.type)}`];
		}
		case 'enum':
			return [
				'isEnum',
				`must be one of the following values: ${(p.allowedValues as unknown[]).join(', ')}`,
			];
		case 'format':
			return [
				FORMAT_RULE[String(p.format)] ?? 'isValid',
				FORMAT_TEXT[String(p.format)] ?? `must match format ${String(p.format)}`,
			];
		case 'minimum':
			return ['min', `must not be less than ${String(p.limit)}`];
		case 'maximum':
			return ['max', `must not be greater than ${String(p.limit)}`];
		case 'minItems':
			return ['arrayMinSize', `must contain at least ${String(p.limit)} elements`];
		case 'maxItems':
			return ['arrayMaxSize', `must contain no more than ${String(p.limit)} elements`];
		case 'minLength':
			return ['minLength', `must be longer than or equal to ${String(p.limit)} characters`];
		case 'maxLength':
			return ['maxLength', `must be shorter than or equal to ${String(p.limit)} characters`];
		case 'anyOf':
			return ['isValid', 'must match one of the documented variants'];
		case 'pattern':
			return ['matches', `must match ${String(p.pattern)} regular expression`];
		default:
			return ['isValid', e.message ?? 'is invalid'];
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
		if (e.keyword === 'required')
			path = path
				? `${path}.${String(e.params.missingProperty)}`
				: String(e.params.missingProperty);
		if (rootName) path = path ? `${rootName}${path.startsWith('[') ? '' : '.'}${path}` : rootName;
		const property = path.split(/[.[]/)[0] || location;
		const [rule, phrase] = rulePhrase(e);
		const detail = `${location}${path ? `.${path}` : ''}: ${e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid')}`;
		if (seen.has(detail)) continue;
		seen.add(detail);
		out.push({ location, property, path, rule, phrase, detail });
	}
	return out;
}

/** One readable line per violation, for RecordedRequest.problems. */
export function problemLines(violations: Violation[]): string[] {
	return violations.map((v) => v.detail);
}
