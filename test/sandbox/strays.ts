/**
 * Finds body properties the schema does not declare.
 *
 * Cal.com's global ValidationPipe whitelists without forbidding, so an unknown property is
 * silently dropped: the request "works" and the user's input is lost. The OpenAPI document
 * has no additionalProperties: false to catch that, so we walk the body beside the schema
 * and report every key no property list mentions. allOf parts add up; of an anyOf the satisfied
 * branch that declares most of the data's keys is used; free-form objects (no properties listed) accept anything.
 */
import type { JsonSchema } from './extra-schemas';
import type { LoadedSpec } from './spec-loader';

type Schema = Record<string, unknown>;

interface Located {
	schema: Schema;
	base: string; // document id relative refs resolve against
}

interface Shape {
	props: Map<string, Located>;
	open: boolean;
	items?: Located;
}

const MAX_DEPTH = 40;

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function absoluteRef(ref: string, base: string): string {
	return ref.startsWith('#') ? `${base}${ref}` : ref;
}

/** Copy of an inline schema with relative refs made absolute, so it can be compiled on its own. */
function absolutize(schema: unknown, base: string): unknown {
	if (Array.isArray(schema)) return schema.map((s) => absolutize(s, base));
	if (!isObject(schema)) return schema;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(schema)) {
		out[k] = k === '$ref' && typeof v === 'string' ? absoluteRef(v, base) : absolutize(v, base);
	}
	return out;
}

export class StrayFinder {
	constructor(private readonly spec: LoadedSpec) {}

	find(schema: JsonSchema, data: unknown, rootPath: string, base: string): string[] {
		const strays: string[] = [];
		this.visit({ schema, base }, data, rootPath, strays, 0);
		return strays;
	}

	private deref(located: Located): Located {
		let { schema, base } = located;
		for (let i = 0; i < 10 && typeof schema.$ref === 'string'; i++) {
			const ref = absoluteRef(schema.$ref as string, base);
			base = ref.split('#')[0];
			schema = (this.spec.resolve(ref) ?? {}) as Schema;
		}
		return { schema, base };
	}

	private matches(located: Located, data: unknown): boolean {
		const { schema, base } = located;
		const validate =
			typeof schema.$ref === 'string'
				? this.spec.compile(absoluteRef(schema.$ref, base))
				: this.spec.compileInline(
						`stray:${base}:${JSON.stringify(schema)}`,
						absolutize(schema, base) as JsonSchema,
					);
		return validate(data) === true;
	}

	private shape(located: Located, data: unknown, depth: number): Shape {
		const shape: Shape = { props: new Map(), open: false };
		if (depth > MAX_DEPTH) return { ...shape, open: true };
		const { schema, base } = this.deref(located);
		let structured = false;
		if (isObject(schema.properties)) {
			structured = true;
			for (const [name, sub] of Object.entries(schema.properties)) {
				if (isObject(sub) && !shape.props.has(name)) shape.props.set(name, { schema: sub, base });
			}
		}
		if (
			schema.additionalProperties === true ||
			isObject(schema.additionalProperties) ||
			isObject(schema.patternProperties)
		) {
			shape.open = true;
		}
		if (isObject(schema.items)) shape.items = { schema: schema.items, base };
		const merge = (part: Located) => {
			structured = true;
			const sub = this.shape(part, data, depth + 1);
			for (const [k, v] of sub.props) if (!shape.props.has(k)) shape.props.set(k, v);
			shape.open = shape.open || sub.open;
			shape.items = shape.items ?? sub.items;
		};
		if (Array.isArray(schema.allOf))
			for (const part of schema.allOf) if (isObject(part)) merge({ schema: part, base });
		if (Array.isArray(schema.anyOf)) {
			const branches = schema.anyOf.filter(isObject).map((b) => ({ schema: b, base }));
			// Of the branches the data satisfies, the one that declares most of its keys: a
			// recurring booking body satisfies the plain booking branch too, but only the
			// recurring branch declares recurrenceCount.
			const fitting = branches.filter((b) => this.matches(b, data));
			const declared = (b: Located) =>
				isObject(data)
					? Object.keys(data).filter((key) => this.shape(b, data, depth + 1).props.has(key)).length
					: 0;
			const chosen = fitting.sort((a, b) => declared(b) - declared(a))[0] ?? branches[0];
			if (chosen) merge(chosen);
		}
		// No property list anywhere: a free-form object (metadata, bookingFieldsResponses …).
		if (!structured || shape.props.size === 0) shape.open = true;
		return shape;
	}

	private visit(
		located: Located,
		data: unknown,
		path: string,
		strays: string[],
		depth: number,
	): void {
		if (depth > MAX_DEPTH) return;
		if (Array.isArray(data)) {
			const { items } = this.shape(located, data, depth);
			if (items)
				data.forEach((item, i) => this.visit(items, item, `${path}[${i}]`, strays, depth + 1));
			return;
		}
		if (!isObject(data)) return;
		const shape = this.shape(located, data, depth);
		for (const [key, value] of Object.entries(data)) {
			const known = shape.props.get(key);
			const childPath = path ? `${path}.${key}` : key;
			if (known) this.visit(known, value, childPath, strays, depth + 1);
			else if (!shape.open) strays.push(childPath);
		}
	}
}
