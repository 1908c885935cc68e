import type { IExecuteFunctions } from 'n8n-workflow';

// What operations learn during one execution of the node, so that items repeating a look-up cost
// one request. Keyed on the execution's context: n8n-core makes a new one for every run of the
// node, so nothing outlives the execution (a second run reads Cal.com afresh).

const stores = new WeakMap<IExecuteFunctions, Map<string, unknown>>();

/** The execution's store called `name`, or undefined when nothing made it yet. */
export function findExecutionStore<T>(ctx: IExecuteFunctions, name: string): T | undefined {
	return stores.get(ctx)?.get(name) as T | undefined;
}

/** The execution's store called `name`, made by `make` at its first use in this execution. */
export function executionStore<T>(ctx: IExecuteFunctions, name: string, make: () => T): T {
	let byName = stores.get(ctx);
	if (!byName) {
		byName = new Map();
		stores.set(ctx, byName);
	}
	if (!byName.has(name)) byName.set(name, make());
	return byName.get(name) as T;
}

/**
 * What `read` answers for `key`, read once per execution. A failed read is not kept: the next
 * item asks again, as it would alone.
 */
export async function readOnce<T>(
	ctx: IExecuteFunctions,
	name: string,
	key: string,
	read: () => Promise<T>,
): Promise<T> {
	const known = executionStore(ctx, name, () => new Map<string, T>());
	if (known.has(key)) return known.get(key) as T;
	const value = await read();
	known.set(key, value);
	return value;
}

/** One instant for "now" in this execution, so items leaving a time empty ask the same thing. */
export function executionNow(ctx: IExecuteFunctions): Date {
	return new Date(executionStore(ctx, 'now', () => Date.now()));
}
