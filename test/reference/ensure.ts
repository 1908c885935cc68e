/**
 * The one step jest's global setup, the demo and the bench run before anything reads Cal.com's
 * reference files: when lookup.ts placed them in .cache/reference, fetch what is missing there and
 * check its SHA-256 (fetch.ts), or throw ReferenceFilesError with what to download and where.
 */
import { fetchReferenceFiles } from './fetch';
import type { ReferenceLocation } from './lookup';
import { BASE_URL_ENV, REFERENCE_FILES } from './manifest';

export async function ensureReferenceFiles(
	where: ReferenceLocation,
	env: NodeJS.ProcessEnv,
	log: (line: string) => void,
): Promise<void> {
	if (where.source !== '.cache') return;
	await fetchReferenceFiles({
		dir: where.dir,
		files: REFERENCE_FILES,
		baseUrl: env[BASE_URL_ENV],
		log,
	});
}
