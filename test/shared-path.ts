import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { locateReference } from './reference/lookup';

/**
 * The folder holding Cal.com's reference material (calcom/): CALCOM_SHARED_DIR, else ../shared
 * beside the checkout, else .cache/reference as jest's global setup fetched it (reference/lookup.ts).
 * It is read, never copied into this repository.
 */
export const REFERENCE = locateReference(process.env, resolve(__dirname, '..'));
export const SHARED_DIR = REFERENCE.dir;

export const CALCOM_DIR = join(SHARED_DIR, 'calcom');
export const OPENAPI_PATH = join(CALCOM_DIR, 'openapi-v2.json');
export const WEBHOOK_EXAMPLES_DIR = join(CALCOM_DIR, 'webhook-examples');

export function assertSharedPresent(): void {
	if (!existsSync(OPENAPI_PATH)) {
		throw new Error(
			`Cal.com's OpenAPI document was not found at ${OPENAPI_PATH} (from ${REFERENCE.source}). ` +
				'Put the shared/ folder beside the checkout, set CALCOM_SHARED_DIR, or run jest, whose global setup fetches it into .cache/reference.',
		);
	}
}
