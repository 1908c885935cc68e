/**
 * Contract validation of requests (and, for tests, responses) against Cal.com's OpenAPI
 * document plus extra-schemas.ts.
 *
 * What is checked for a request: that an operation exists for method + path; the
 * cal-api-version the family needs (versions.ts); path and query parameters — required ones
 * present, values coerced from strings to the declared types (number, integer, boolean,
 * comma-separated or repeated arrays) and validated; query parameters the operation does not
 * declare; the JSON body against the requestBody schema, and body properties no schema declares.
 * Headers other than cal-api-version are not contract-checked: a missing Authorization header is
 * the auth layer's 401, not a contract violation.
 */
import { problemLines, violationsFrom } from './messages';
import type { Violation } from './messages';
import { OperationIndex } from './operations';
import type { Operation, ParamDef } from './operations';
import { loadSpec } from './spec-loader';
import type { LoadedSpec } from './spec-loader';
import { StrayFinder } from './strays';
import { versionProblem } from './versions';

export interface RequestToValidate {
	method: string;
	pathname: string;
	query: Record<string, string | string[]>;
	/** Parsed JSON body, or undefined when there was none. */
	body: unknown;
	hasBody: boolean;
	/** Whether a body that was sent is JSON (content type and syntax). */
	bodyIsJson: boolean;
	apiVersion?: string;
}

export interface ValidationOutcome {
	/** The operation as the request's version defines it; undefined when no route matched. */
	operation?: Operation;
	params: Record<string, string>;
	/** Set when no operation matches method + path, or the version is not served: answer 404. */
	notFound?: string;
	problems: string[];
	/** Schema violations of path, query and body (not unknown parameters): Cal.com answers 400. */
	violations: Violation[];
	unknownQuery: string[];
	/**
	 * Body properties no schema declares ('note', 'attendee.nickname'): the global pipe drops them,
	 * the booking pipes (forbidNonWhitelisted) answer 400.
	 */
	unknownBody: string[];
	/** Query and path values coerced to their declared types. */
	query: Record<string, unknown>;
	pathParams: Record<string, unknown>;
}

type Schema = Record<string, unknown>;

function coerceScalar(value: string, type: unknown): unknown {
	if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(value.trim()))
		return Number(value);
	if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

/** Query strings carry text; the declared type says what it means (what Nest's transform does). */
function coerce(raw: string | string[], schema: Schema): unknown {
	if (schema.type === 'array') {
		const itemType = (schema.items as Schema | undefined)?.type;
		const parts = (Array.isArray(raw) ? raw : [raw])
			.flatMap((v) => v.split(','))
			.map((v) => v.trim());
		return parts.filter((v) => v !== '').map((v) => coerceScalar(v, itemType));
	}
	// A scalar given twice stays an array and fails its type check, which is what we want.
	return Array.isArray(raw)
		? raw.map((v) => coerceScalar(v, schema.type))
		: coerceScalar(raw, schema.type);
}

export class ContractValidator {
	readonly spec: LoadedSpec;
	readonly index: OperationIndex;
	private readonly strays: StrayFinder;

	constructor(openapiPath: string) {
		this.spec = loadSpec(openapiPath);
		this.index = new OperationIndex(this.spec);
		this.strays = new StrayFinder(this.spec);
	}

	private readonly resolveAnywhere = (ref: string): unknown => this.spec.resolveAnywhere(ref);

	private paramSchema(p: ParamDef): Schema {
		const ref = p.schema.$ref;
		return (typeof ref === 'string' ? this.spec.resolve(ref) : p.schema) as Schema;
	}

	validateRequest(req: RequestToValidate): ValidationOutcome {
		const outcome: ValidationOutcome = {
			params: {},
			problems: [],
			violations: [],
			unknownQuery: [],
			unknownBody: [],
			query: {},
			pathParams: {},
		};
		const match = this.index.find(req.method, req.pathname);
		if (!match.operation) {
			outcome.notFound = `no operation ${req.method} ${req.pathname} in Cal.com's API v2`;
			outcome.problems.push(outcome.notFound);
			return outcome;
		}
		outcome.params = match.params;
		const version = versionProblem(
			req.method,
			match.operation.template,
			req.pathname,
			req.apiVersion,
		);
		if (version) {
			outcome.notFound = version;
			outcome.problems.push(version);
		}
		const operation = this.index.forVersion(match.operation, req.apiVersion);
		outcome.operation = operation;

		for (const p of operation.parameters) {
			if (p.deepObject) {
				this.validateDeepObject(p, req.query, outcome);
				continue;
			}
			const raw = p.in === 'path' ? match.params[p.name] : req.query[p.name];
			if (raw === undefined) {
				if (p.required) {
					outcome.violations.push({
						location: p.in,
						property: p.name,
						path: p.name,
						rule: 'isDefined',
						phrase: 'should not be null or undefined',
						detail: `${p.in}.${p.name}: is required`,
					});
				}
				continue;
			}
			const value = coerce(raw, this.paramSchema(p));
			(p.in === 'path' ? outcome.pathParams : outcome.query)[p.name] = value;
			const validate = this.spec.compileInline(p.key, p.schema);
			if (!validate(value))
				outcome.violations.push(
					...violationsFrom(p.in, validate.errors, p.name, this.resolveAnywhere),
				);
		}
		const declared = new Set(
			operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
		);
		const deep = operation.parameters.filter((p) => p.deepObject).map((p) => `${p.name}[`);
		outcome.unknownQuery = Object.keys(req.query).filter(
			(name) => !declared.has(name) && !deep.some((prefix) => name.startsWith(prefix)),
		);

		this.validateBody(req, operation, outcome);

		outcome.problems.push(
			...problemLines(outcome.violations),
			...outcome.unknownQuery.map(
				(name) =>
					`unknown query parameter "${name}" (${operation.method} ${operation.template} does not take it)`,
			),
		);
		return outcome;
	}

	/**
	 * A list of objects sent as `name[0][prop]=value` keys, gathered as Express's qs parser does
	 * (indices in order, values coerced to the item schema's property types), then validated.
	 */
	private validateDeepObject(
		p: ParamDef,
		query: Record<string, string | string[]>,
		outcome: ValidationOutcome,
	): void {
		const props = ((p.schema.items as Schema | undefined)?.properties ?? {}) as Record<
			string,
			Schema
		>;
		const rows = new Map<number, Record<string, unknown>>();
		const pattern = new RegExp(`^${p.name}\\[(\\d+)\\]\\[([^\\]]+)\\]$`);
		for (const [key, raw] of Object.entries(query)) {
			const m = pattern.exec(key);
			if (!m) continue;
			const row = rows.get(Number(m[1])) ?? {};
			const text = Array.isArray(raw) ? raw[0] : raw;
			row[m[2]] = coerceScalar(text, props[m[2]]?.type);
			rows.set(Number(m[1]), row);
		}
		if (rows.size === 0) {
			if (p.required)
				outcome.violations.push({
					location: 'query',
					property: p.name,
					path: p.name,
					rule: 'isArray',
					phrase: 'must be an array',
					detail: `query.${p.name}: is required`,
				});
			return;
		}
		const value = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
		outcome.query[p.name] = value;
		const validate = this.spec.compileInline(p.key, p.schema);
		if (!validate(value))
			outcome.violations.push(
				...violationsFrom('query', validate.errors, p.name, this.resolveAnywhere),
			);
	}

	private validateBody(
		req: RequestToValidate,
		operation: Operation,
		outcome: ValidationOutcome,
	): void {
		if (!operation.body) {
			if (req.hasBody)
				outcome.problems.push(
					`unexpected request body: ${operation.method} ${operation.template} takes none`,
				);
			return;
		}
		if (req.hasBody && !req.bodyIsJson) {
			outcome.problems.push(
				'request body is not JSON (Cal.com expects Content-Type: application/json)',
			);
			return;
		}
		if (!req.hasBody && !operation.body.required) return;
		// Nest validates a missing body as {}, so the messages name the missing properties.
		const body = req.hasBody ? req.body : {};
		if (!req.hasBody) outcome.problems.push('request body is required');
		const validate = this.spec.compileInline(operation.body.key, operation.body.schema);
		if (!validate(body))
			outcome.violations.push(
				...violationsFrom('body', validate.errors, undefined, this.resolveAnywhere),
			);
		for (const path of this.strays.find(operation.body.schema, body, '', 'openapi.json')) {
			outcome.unknownBody.push(path);
			outcome.problems.push(
				`unknown body property "${path}" (not in the ${operation.method} ${operation.template} schema)`,
			);
		}
	}

	/**
	 * Problems of a response body against the documented response schema ([] = fine).
	 * Used by tests on the sandbox's own answers; spec-exceptions.ts lists where we differ.
	 */
	checkResponse(
		method: string,
		template: string,
		status: number,
		body: unknown,
		version?: string,
	): string[] {
		const operation = this.index.get(method, template);
		if (!operation) return [`no operation ${method} ${template}`];
		const ref = this.index.forVersion(operation, version).responses[String(status)];
		if (!ref) return [`${method} ${template} documents no JSON response for status ${status}`];
		const validate = this.spec.compile(ref);
		if (validate(body)) return [];
		return problemLines(
			violationsFrom('body', validate.errors, undefined, this.resolveAnywhere),
		).map((p) => p.replace(/^body/, 'response'));
	}
}
