// What the node learns during one execution, so that items repeating a look-up cost one request
// and a parameter without expressions is read once. Keyed on the execution's context (or a load-
// options or trigger context): n8n-core makes a new one for every run of the node, so nothing
// outlives the execution (a second run reads Cal.com afresh).

const stores = new WeakMap<object, Map<string, unknown>>();

/** The execution's store called `name`, or undefined when nothing made it yet. */
export function findExecutionStore<T>(ctx: object, name: string): T | undefined {
	return stores.get(ctx)?.get(name) as T | undefined;
}

/** The execution's store called `name`, made by `make` at its first use in this execution. */
export function executionStore<T>(ctx: object, name: string, make: () => T): T {
	let byName = stores.get(ctx);
	if (!byName) {
		byName = new Map();
		stores.set(ctx, byName);
	}
	if (!byName.has(name)) byName.set(name, make());
	return byName.get(name) as T;
}

/**
 * What `read` answers for `key`, read once per execution; items asking while the read is under
 * way share it. A failed read is not kept: the next item asks again, as it would alone.
 */
export function readOnce<T>(
	ctx: object,
	name: string,
	key: string,
	read: () => Promise<T>,
): Promise<T> {
	const known = executionStore(ctx, name, () => new Map<string, Promise<T>>());
	let pending = known.get(key);
	if (!pending) {
		pending = read();
		known.set(key, pending);
		pending.catch(() => known.delete(key));
	}
	return pending;
}

/** One instant for "now" in this execution, so items leaving a time empty ask the same thing. */
export function executionNow(ctx: object): Date {
	return new Date(executionStore(ctx, 'now', () => Date.now()));
}
