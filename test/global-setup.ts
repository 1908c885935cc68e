import { resolve } from 'node:path';

import { ensureReferenceFiles } from './reference/ensure';
import { locateReference } from './reference/lookup';

/**
 * Before any spec: when neither CALCOM_SHARED_DIR nor ../shared holds Cal.com's reference files,
 * fetch them into .cache/reference (once; later runs only check the SHA-256) or stop the run with
 * the message that says what to download and where to put it.
 */
export default async function globalSetup(): Promise<void> {
	await ensureReferenceFiles(
		locateReference(process.env, resolve(__dirname, '..')),
		process.env,
		(line) => process.stderr.write(`[reference files] ${line}\n`),
	);
}
