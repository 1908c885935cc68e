/**
 * ajv reports the errors of every failing branch of an anyOf (our reading of the spec's
 * oneOf). For a booking body missing `start`, that is "start is required" three times plus
 * "instant is required" from the instant-booking variant — noise that hides the real problem.
 *
 * With ajv's `verbose` option each error carries the schema object it came from, so we can
 * tell which branch produced it: a branch owns every schema object reachable from it
 * (following $refs). Of each anyOf, only the errors of the closest branch — the one with the
 * fewest errors — are kept.
 */
import type { ErrorObject } from 'ajv';

type Resolve = (ref: string) => unknown;

const reachableCache = new WeakMap<object, Set<object>>();

function reachable(root: unknown, resolve: Resolve): Set<object> {
	if (typeof root !== 'object' || root === null) return new Set();
	const cached = reachableCache.get(root);
	if (cached) return cached;
	const seen = new Set<object>();
	const stack: unknown[] = [root];
	while (stack.length) {
		const node = stack.pop();
		if (typeof node !== 'object' || node === null || seen.has(node)) continue;
		seen.add(node);
		const ref = (node as Record<string, unknown>).$ref;
		if (typeof ref === 'string') stack.push(resolve(ref));
		stack.push(...Object.values(node));
	}
	reachableCache.set(root, seen);
	return seen;
}

/** A wrong discriminator value says "wrong variant" more strongly than a missing property. */
function isValueMismatch(e: ErrorObject): boolean {
	return e.keyword === 'enum' || e.keyword === 'const';
}

function weight(errors: ErrorObject[]): number {
	return errors.reduce(
		(sum, e) => sum + (isValueMismatch(e) ? 3 : e.keyword === 'type' ? 2 : 1),
		0,
	);
}

export function focusErrors(errors: ErrorObject[], resolve: Resolve): ErrorObject[] {
	let result = [...errors];
	for (const anyOf of errors.filter((e) => e.keyword === 'anyOf' && Array.isArray(e.schema))) {
		if (!result.includes(anyOf)) continue;
		const branches = (anyOf.schema as unknown[]).map((b) => reachable(b, resolve));
		const inside = result.filter(
			(e) => e !== anyOf && e.instancePath.startsWith(anyOf.instancePath),
		);
		const owned = branches.map((set) =>
			inside.filter((e) => e.parentSchema !== undefined && set.has(e.parentSchema)),
		);
		// The closest branch: lowest weight, among branches we could attribute errors to.
		let best = -1;
		owned.forEach((errs, i) => {
			if (errs.length > 0 && (best < 0 || weight(errs) < weight(owned[best]))) best = i;
		});
		if (best < 0) continue;
		// When even the closest branch only disagrees on a discriminator value, no variant was
		// meant: keep the anyOf's own "must match a schema" instead of one arbitrary variant's enum.
		const keep = owned[best].every(isValueMismatch) ? [] : owned[best];
		result = result.filter(
			(e) =>
				e === anyOf ||
				!inside.includes(e) ||
				keep.includes(e) ||
				!owned.some((errs) => errs.includes(e)),
		);
		if (result.some((e) => e !== anyOf && e.instancePath.startsWith(anyOf.instancePath))) {
			result = result.filter((e) => e !== anyOf);
		}
	}
	return result;
}
