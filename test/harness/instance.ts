import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';

/** What `this.getInstanceId()` returns in a harness run unless the run asks for another. */
export const HARNESS_INSTANCE_ID = 'harness-instance';

let active = 0;
let current = HARNESS_INSTANCE_ID;

/**
 * n8n-core reads the instance id from its one InstanceSettings (a DI singleton, in n8n derived
 * from the encryption key) while a node runs, so runs that overlap share one id: a run asking for
 * another id while others are running fails loudly rather than lending them its id.
 */
export async function withInstanceId<T>(
	instanceId: string | undefined,
	run: () => Promise<T>,
): Promise<T> {
	const wanted = instanceId ?? HARNESS_INSTANCE_ID;
	if (active > 0 && wanted !== current) {
		throw new Error(
			`Harness: a run with instance id "${wanted}" cannot overlap runs with "${current}"; run them one after another`,
		);
	}
	active += 1;
	current = wanted;
	Container.get(InstanceSettings).instanceId = wanted;
	try {
		return await run();
	} finally {
		active -= 1;
	}
}
