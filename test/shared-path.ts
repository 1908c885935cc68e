import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Cal.com's reference material lives in ../shared beside the checkout (CI puts it there).
 * CALCOM_SHARED_DIR overrides the location. It is read, never copied into this repository.
 */
export const SHARED_DIR = process.env.CALCOM_SHARED_DIR
	? resolve(process.env.CALCOM_SHARED_DIR)
	: resolve(__dirname, '..', '..', 'shared');

export const CALCOM_DIR = join(SHARED_DIR, 'calcom');
export const OPENAPI_PATH = join(CALCOM_DIR, 'openapi-v2.json');
export const WEBHOOK_EXAMPLES_DIR = join(CALCOM_DIR, 'webhook-examples');

export function assertSharedPresent(): void {
	if (!existsSync(OPENAPI_PATH)) {
		throw new Error(
			`Cal.com's OpenAPI document was not found at ${OPENAPI_PATH}. ` +
				'Put the shared/ folder beside the checkout or set CALCOM_SHARED_DIR.',
		);
	}
}
