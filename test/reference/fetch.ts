/**
 * Fetches Cal.com's reference files into the checkout's cache when neither CALCOM_SHARED_DIR nor
 * ../shared provides them, and checks each against its pinned SHA-256. Any file that cannot be
 * had (no network, an HTTP error, a different file at the source) stops the run with one message
 * that names, per file, what to download and where to put it. A file is written only once its
 * checksum matched, so the cache never holds a wrong file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { BASE_URL_ENV } from './manifest';
import type { ReferenceFile } from './manifest';
import { sha256, unverified } from './lookup';

export interface FetchOptions {
	/** Folder to fill: files land in `${dir}/calcom/<path>`. */
	dir: string;
	files: readonly ReferenceFile[];
	/** CALCOM_REFERENCE_BASE_URL: every file comes from `${baseUrl}/${path}` instead. */
	baseUrl?: string;
	log?: (line: string) => void;
	/** Milliseconds before one download is abandoned (a network that never answers). */
	timeoutMs?: number;
}

export class ReferenceFilesError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ReferenceFilesError';
		// The message is the whole story; a stack trace under it would only bury the instructions.
		this.stack = `${this.name}: ${message}`;
	}
}

/** Where a file comes from, or undefined when Cal.com does not publish it and no base URL is set. */
export function sourceOf(file: ReferenceFile, baseUrl?: string): string | undefined {
	if (baseUrl) return `${baseUrl.replace(/\/+$/, '')}/${file.path}`;
	return file.published;
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
	const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

function reasonOf(error: unknown): string {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	return cause?.code ?? cause?.message ?? (error as Error).message;
}

export function failureMessage(
	dir: string,
	failures: ReadonlyArray<{ file: ReferenceFile; url?: string; problem: string }>,
): string {
	const lines = failures.map(({ file, url, problem }) => {
		const target = join(dir, 'calcom', file.path);
		const from = url
			? `download ${url}`
			: `Cal.com publishes no copy of it: take it from the project's shared/ folder (calcom/${file.path})`;
		return `- calcom/${file.path}: ${problem}. To fix: ${from} and save it as ${target} (SHA-256 ${file.sha256}).`;
	});
	return [
		`Cal.com's reference files could not be had (${failures.length} of them). The specs look in CALCOM_SHARED_DIR, then ../shared beside the checkout, then ${dir}, fetched from pinned sources (set ${BASE_URL_ENV} to a folder laid out like calcom/ to fetch from elsewhere).`,
		...lines,
		`Or put the project's shared/ folder beside the checkout, or set CALCOM_SHARED_DIR to a folder holding calcom/.`,
	].join('\n');
}

/** Fills `dir` with every file not already there and verified; throws ReferenceFilesError. */
export async function fetchReferenceFiles(options: FetchOptions): Promise<void> {
	const { dir, files, baseUrl, log = () => undefined, timeoutMs = 60_000 } = options;
	const wanted = unverified(dir, files);
	if (wanted.length === 0) return;
	log(`fetching ${wanted.length} of Cal.com's reference files into ${dir}`);
	const failures: Array<{ file: ReferenceFile; url?: string; problem: string }> = [];
	for (const file of wanted) {
		const url = sourceOf(file, baseUrl);
		if (!url) {
			failures.push({ file, problem: `no source to fetch it from (${BASE_URL_ENV} is not set)` });
			continue;
		}
		let bytes: Buffer;
		try {
			bytes = await download(url, timeoutMs);
		} catch (error) {
			failures.push({ file, url, problem: `fetching ${url} failed (${reasonOf(error)})` });
			continue;
		}
		const got = sha256(bytes);
		if (got !== file.sha256) {
			failures.push({ file, url, problem: `${url} has SHA-256 ${got}, not the pinned one` });
			continue;
		}
		const target = join(dir, 'calcom', file.path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(`${target}.part`, bytes);
		renameSync(`${target}.part`, target);
		log(`  calcom/${file.path} (${bytes.length} bytes, SHA-256 checked)`);
	}
	if (failures.length > 0) throw new ReferenceFilesError(failureMessage(dir, failures));
}
