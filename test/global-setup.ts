import { resolve } from 'node:path';

import { fetchReferenceFiles } from './reference/fetch';
import { locateReference } from './reference/lookup';
import { BASE_URL_ENV, REFERENCE_FILES } from './reference/manifest';

/**
 * Before any spec: when neither CALCOM_SHARED_DIR nor ../shared holds Cal.com's reference files,
 * fetch them into .cache/reference (once; later runs only check the SHA-256) or stop the run with
 * the message that says what to download and where to put it.
 */
export default async function globalSetup(): Promise<void> {
	const where = locateReference(process.env, resolve(__dirname, '..'));
	if (where.source !== '.cache') return;
	await fetchReferenceFiles({
		dir: where.dir,
		files: REFERENCE_FILES,
		baseUrl: process.env[BASE_URL_ENV],
		log: (line) => process.stderr.write(`[reference files] ${line}\n`),
	});
}
