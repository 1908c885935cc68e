/**
 * Loads Cal.com's OpenAPI document (never copied into the repo: read from OPENAPI_PATH)
 * and our extra schemas into one ajv instance.
 *
 * TOOLCHAIN.md: ajv 8 works inside jest when the whole document is added as a schema and
 * parts are looked up by JSON pointer, with { strict: false, allErrors: true }. Compiling is
 * the slow part (tens of ms per operation), so validators are compiled on first use and
 * cached per document path for the whole process — many sandboxes in one jest worker share them.
 */
import { readFileSync } from 'node:fs';

import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { EXTRA_DOCUMENT, EXTRA_DOCUMENT_ID } from './extra-schemas';
import type { JsonSchema } from './extra-schemas';
import { patchSpec } from './spec-exceptions';

export const SPEC_DOCUMENT_ID = 'openapi.json';

export interface LoadedSpec {
	/** The patched document (see spec-exceptions.ts). */
	doc: Record<string, unknown>;
	ajv: Ajv;
	/** Compile (once) a validator for a ref such as 'openapi.json#/components/schemas/GetMeOutput'. */
	compile(ref: string): ValidateFunction;
	/** Compile (once) a validator for an inline schema, cached under `key`. */
	compileInline(key: string, schema: JsonSchema): ValidateFunction;
	/** The schema object a ref points to, for walking (stray-property detection). */
	resolve(ref: string): unknown;
	/** Like resolve, for refs found inside either document ('#/components/…'). */
	resolveAnywhere(ref: string): unknown;
}

const cache = new Map<string, LoadedSpec>();

export function loadSpec(openapiPath: string): LoadedSpec {
	const cached = cache.get(openapiPath);
	if (cached) return cached;

	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(openapiPath, 'utf8'));
	} catch (error) {
		throw new Error(
			`Cannot read Cal.com's OpenAPI document at ${openapiPath} (${(error as Error).message}). ` +
				'Put the shared/ folder beside the checkout or set CALCOM_SHARED_DIR.',
		);
	}
	const doc = patchSpec(raw);

	// verbose: errors carry their schema objects, which error-focus.ts needs.
	const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false });
	addFormats(ajv);
	// The document uses format "phone" (attendee.phoneNumber); Cal.com expects E.164.
	ajv.addFormat('phone', /^\+[1-9]\d{6,14}$/);
	ajv.addSchema(doc, SPEC_DOCUMENT_ID);
	ajv.addSchema(EXTRA_DOCUMENT, EXTRA_DOCUMENT_ID);

	const compiled = new Map<string, ValidateFunction>();
	const documents: Record<string, unknown> = {
		[SPEC_DOCUMENT_ID]: doc,
		[EXTRA_DOCUMENT_ID]: EXTRA_DOCUMENT,
	};

	const loaded: LoadedSpec = {
		doc,
		ajv,
		compile(ref) {
			let fn = compiled.get(ref);
			if (!fn) {
				fn = ajv.compile({ $ref: ref });
				compiled.set(ref, fn);
			}
			return fn;
		},
		compileInline(key, schema) {
			let fn = compiled.get(`inline:${key}`);
			if (!fn) {
				fn = ajv.compile(schema);
				compiled.set(`inline:${key}`, fn);
			}
			return fn;
		},
		resolveAnywhere(ref) {
			if (!ref.startsWith('#')) return loaded.resolve(ref);
			return (
				loaded.resolve(`${SPEC_DOCUMENT_ID}${ref}`) ?? loaded.resolve(`${EXTRA_DOCUMENT_ID}${ref}`)
			);
		},
		resolve(ref) {
			const [docId, pointer = ''] = ref.split('#');
			let node: unknown = documents[docId];
			for (const segment of pointer.split('/').slice(1)) {
				const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
				node = (node as Record<string, unknown> | undefined)?.[key];
			}
			return node;
		},
	};
	cache.set(openapiPath, loaded);
	return loaded;
}

/** JSON-pointer escaping of one path segment ('/v2/me' → '~1v2~1me'). */
export function pointerSegment(segment: string): string {
	return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
