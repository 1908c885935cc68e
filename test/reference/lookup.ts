/**
 * Where the specs find Cal.com's reference files, first match wins:
 *   1. CALCOM_SHARED_DIR (a folder holding calcom/), when set;
 *   2. ../shared beside the checkout, when it holds calcom/openapi-v2.json;
 *   3. .cache/reference in the checkout, fetched once from the pinned sources (fetch.ts, run by
 *      jest's global setup before any spec) and checked against the SHA-256 in manifest.ts.
 * Synchronous and side-effect free, so every spec file can resolve it at import.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { ReferenceFile } from './manifest';

export type ReferenceSource = 'CALCOM_SHARED_DIR' | '../shared' | '.cache';

export interface ReferenceLocation {
	source: ReferenceSource;
	/** The folder that holds calcom/. */
	dir: string;
}

const OPENAPI = join('calcom', 'openapi-v2.json');

/** The checkout's cache of fetched reference files (holds calcom/ like a shared/ folder). */
export function cacheDirOf(checkout: string): string {
	return join(checkout, '.cache', 'reference');
}

export function locateReference(env: NodeJS.ProcessEnv, checkout: string): ReferenceLocation {
	if (env.CALCOM_SHARED_DIR)
		return { source: 'CALCOM_SHARED_DIR', dir: resolve(env.CALCOM_SHARED_DIR) };
	const beside = resolve(checkout, '..', 'shared');
	if (existsSync(join(beside, OPENAPI))) return { source: '../shared', dir: beside };
	return { source: '.cache', dir: cacheDirOf(checkout) };
}

export function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** The files under `dir`/calcom that are missing or differ from their pinned SHA-256. */
export function unverified(dir: string, files: readonly ReferenceFile[]): ReferenceFile[] {
	return files.filter((file) => {
		const path = join(dir, 'calcom', file.path);
		return !existsSync(path) || sha256(readFileSync(path)) !== file.sha256;
	});
}
