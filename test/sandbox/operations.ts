/**
 * The operations the sandbox knows: every path × method of Cal.com's document plus the
 * extra operations of extra-schemas.ts (which replace a document operation of the same method
 * and template), and per-version overlays on top of both.
 * Matching a request to an operation is by method and path template, literal segments
 * winning over parameters ('/v2/bookings/by-seat/{seatUid}' before '/v2/bookings/{bookingUid}').
 */
import { EXTRA_DOCUMENT_ID, EXTRA_OPERATIONS, VERSION_OVERLAYS } from './extra-schemas';
import type { ExtraParameter, JsonSchema } from './extra-schemas';
import { SPEC_DOCUMENT_ID, pointerSegment } from './spec-loader';
import type { LoadedSpec } from './spec-loader';

export type AuthMode = 'required' | 'optional' | 'none';

export interface ParamDef {
	name: string;
	in: 'path' | 'query';
	required: boolean;
	/** Either {$ref} into a document or an inline schema; `key` caches its compiled validator. */
	schema: JsonSchema;
	key: string;
	/** Sent as `name[0][prop]=…` (Express's qs reading): validator.ts gathers the keys into one value. */
	deepObject?: boolean;
}

export interface Operation {
	method: string;
	template: string;
	source: 'spec' | 'extra';
	parameters: ParamDef[];
	body?: { required: boolean; schema: JsonSchema; key: string };
	/** From the Authorization header parameter: required, optional, or not taken at all. */
	auth: AuthMode;
	/** status → ref of the response schema. */
	responses: Record<string, string>;
}

interface Compiled {
	operation: Operation;
	regex: RegExp;
	names: string[];
	literalSegments: number;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function templateRegex(template: string): {
	regex: RegExp;
	names: string[];
	literalSegments: number;
} {
	const names: string[] = [];
	let literalSegments = 0;
	const source = template
		.split('/')
		.map((segment) => {
			const param = /^\{(.+)\}$/.exec(segment);
			if (param) {
				names.push(param[1]);
				return '([^/]+)';
			}
			if (segment) literalSegments++;
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}/?$`), names, literalSegments };
}

function specOperations(spec: LoadedSpec): Operation[] {
	const operations: Operation[] = [];
	const paths = spec.doc.paths as Record<string, Record<string, Record<string, unknown>>>;
	for (const [template, item] of Object.entries(paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const base = `${SPEC_DOCUMENT_ID}#/paths/${pointerSegment(template)}/${method}`;
			const rawParams = (op.parameters ?? []) as Array<Record<string, unknown>>;
			const parameters: ParamDef[] = [];
			let auth: AuthMode = 'none';
			rawParams.forEach((p, i) => {
				if (p.in === 'header') {
					if (String(p.name).toLowerCase() === 'authorization')
						auth = p.required ? 'required' : 'optional';
					return;
				}
				if (p.in !== 'path' && p.in !== 'query') return;
				const ref = `${base}/parameters/${i}/schema`;
				parameters.push({
					name: String(p.name),
					in: p.in,
					required: p.required === true,
					schema: { $ref: ref },
					key: ref,
				});
			});
			const requestBody = op.requestBody as Record<string, unknown> | undefined;
			const hasJsonBody = Boolean(
				(requestBody?.content as Record<string, unknown> | undefined)?.['application/json'],
			);
			const bodyRef = `${base}/requestBody/content/application~1json/schema`;
			const responses: Record<string, string> = {};
			for (const [status, response] of Object.entries(
				(op.responses ?? {}) as Record<string, Record<string, unknown>>,
			)) {
				if ((response.content as Record<string, unknown> | undefined)?.['application/json']) {
					responses[status] = `${base}/responses/${status}/content/application~1json/schema`;
				}
			}
			operations.push({
				method: method.toUpperCase(),
				template,
				source: 'spec',
				parameters,
				body: hasJsonBody
					? { required: requestBody?.required === true, schema: { $ref: bodyRef }, key: bodyRef }
					: undefined,
				auth,
				responses,
			});
		}
	}
	return operations;
}

function extraParam(p: ExtraParameter, key: string): ParamDef {
	return {
		name: p.name,
		in: p.in,
		required: p.required === true,
		schema: p.schema,
		key: `extra:${key}:${p.name}`,
		...(p.deepObject ? { deepObject: true } : {}),
	};
}

function extraOperations(): Operation[] {
	return EXTRA_OPERATIONS.map((op) => {
		const key = `${op.method} ${op.template}`;
		const bodyRef = op.requestBody && `${EXTRA_DOCUMENT_ID}${op.requestBody.ref}`;
		return {
			method: op.method,
			template: op.template,
			source: 'extra' as const,
			parameters: op.parameters.map((p) => extraParam(p, key)),
			body:
				op.requestBody && bodyRef
					? { required: op.requestBody.required, schema: { $ref: bodyRef }, key: bodyRef }
					: undefined,
			auth: op.auth,
			responses: Object.fromEntries(
				Object.entries(op.responses).map(([s, ref]) => [s, `${EXTRA_DOCUMENT_ID}${ref}`]),
			),
		};
	});
}

export interface MatchResult {
	operation?: Operation;
	/** Raw (URL-decoded) path parameters. */
	params: Record<string, string>;
}

export class OperationIndex {
	private readonly compiled: Compiled[];

	constructor(spec: LoadedSpec) {
		// An extra operation with the same method and template replaces the document's (webhooks:
		// the document's trigger enum and version list are older than Cal.com; see extra-schemas.ts).
		const extras = extraOperations();
		const replaced = new Set(extras.map((op) => `${op.method} ${op.template}`));
		const all = [
			...extras,
			...specOperations(spec).filter((op) => !replaced.has(`${op.method} ${op.template}`)),
		];
		this.compiled = all
			.map((operation) => ({ operation, ...templateRegex(operation.template) }))
			// Literal segments first, then fewer parameters: the most specific template wins.
			.sort((a, b) => b.literalSegments - a.literalSegments || a.names.length - b.names.length);
	}

	find(method: string, pathname: string): MatchResult {
		for (const c of this.compiled) {
			if (c.operation.method !== method.toUpperCase()) continue;
			const m = c.regex.exec(pathname);
			if (!m) continue;
			const params: Record<string, string> = {};
			c.names.forEach((name, i) => {
				params[name] = safeDecode(m[i + 1]);
			});
			return { operation: c.operation, params };
		}
		return { params: {} };
	}

	get(method: string, template: string): Operation | undefined {
		return this.compiled.find(
			(c) => c.operation.method === method.toUpperCase() && c.operation.template === template,
		)?.operation;
	}

	/** The operation as the given cal-api-version defines it (see VERSION_OVERLAYS). */
	forVersion(operation: Operation, version: string | undefined): Operation {
		const overlay = VERSION_OVERLAYS.find(
			(o) =>
				o.method === operation.method && o.template === operation.template && o.version === version,
		);
		if (!overlay) return operation;
		const key = `${operation.method} ${operation.template} ${overlay.version}`;
		const replaced = new Set([
			...(overlay.removeQuery ?? []),
			...(overlay.addQuery ?? []).map((p) => p.name),
		]);
		const parameters = [
			...operation.parameters.filter((p) => p.in !== 'query' || !replaced.has(p.name)),
			...(overlay.addQuery ?? []).map((p) => extraParam(p, key)),
		];
		let body = operation.body;
		if (body && overlay.addBodyProperties) {
			body = {
				required: body.required,
				schema: { allOf: [body.schema, { type: 'object', properties: overlay.addBodyProperties }] },
				key: `overlay:${key}:body`,
			};
		}
		return { ...operation, parameters, body };
	}
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
