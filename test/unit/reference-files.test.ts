import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { fetchReferenceFiles, ReferenceFilesError, sourceOf } from '../reference/fetch';
import { cacheDirOf, locateReference, sha256, unverified } from '../reference/lookup';
import { REFERENCE_FILES } from '../reference/manifest';
import type { ReferenceFile } from '../reference/manifest';
import { REFERENCE } from '../shared-path';

/** A file server on 127.0.0.1 for a folder laid out like calcom/; it counts what it served. */
async function serveFolder(
	root: string,
): Promise<{ url: string; served: string[]; close(): Promise<void> }> {
	const served: string[] = [];
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).slice(1);
		const file = join(root, path);
		if (path.includes('..') || !existsSync(file)) {
			res.writeHead(404).end('not found');
			return;
		}
		served.push(path);
		res.writeHead(200).end(readFileSync(file));
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/calcom`,
		served,
		close: async () => {
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		},
	};
}

function write(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
}

const OPENAPI_TEXT = '{"openapi":"3.0.0"}\n';
const EXAMPLE_TEXT = '{"triggerEvent":"PING"}\n';
const FILES: ReferenceFile[] = [
	{ path: 'openapi-v2.json', sha256: sha256(Buffer.from(OPENAPI_TEXT)) },
	{ path: 'webhook-examples/2021-10-20/PING.json', sha256: sha256(Buffer.from(EXAMPLE_TEXT)) },
];

describe("Cal.com's reference files: where the specs look", () => {
	let root: string;
	let checkout: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'reference-lookup-'));
		checkout = join(root, 'n8n-nodes-cal-com');
		mkdirSync(checkout);
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('takes CALCOM_SHARED_DIR first, even when ../shared is there', () => {
		write(join(root, 'shared', 'calcom', 'openapi-v2.json'), OPENAPI_TEXT);
		expect(locateReference({ CALCOM_SHARED_DIR: join(root, 'mine') }, checkout)).toEqual({
			source: 'CALCOM_SHARED_DIR',
			dir: join(root, 'mine'),
		});
	});

	it('then ../shared beside the checkout, when it holds the OpenAPI document', () => {
		write(join(root, 'shared', 'calcom', 'openapi-v2.json'), OPENAPI_TEXT);
		expect(locateReference({}, checkout)).toEqual({
			source: '../shared',
			dir: join(root, 'shared'),
		});
	});

	it('then the checkout’s .cache/reference (a ../shared without the document does not count)', () => {
		mkdirSync(join(root, 'shared', 'calcom'), { recursive: true });
		expect(locateReference({}, checkout)).toEqual({
			source: '.cache',
			dir: join(checkout, '.cache', 'reference'),
		});
	});

	it('fetches the OpenAPI document from its commit-pinned URL, and what Cal.com does not publish only from the base URL', () => {
		const [openapi, example] = REFERENCE_FILES.filter(
			(f) => f.path === 'openapi-v2.json' || f.path.endsWith('2021-10-20/BOOKING_CREATED.json'),
		);
		expect(sourceOf(openapi)).toMatch(
			/^https:\/\/raw\.githubusercontent\.com\/calcom\/companion\/[0-9a-f]{7,40}\/docs\/api-reference\/v2\/openapi\.json$/,
		);
		expect(sourceOf(example)).toBeUndefined();
		expect(sourceOf(example, 'http://127.0.0.1:9/calcom/')).toBe(
			'http://127.0.0.1:9/calcom/webhook-examples/2021-10-20/BOOKING_CREATED.json',
		);
	});
});

describe("Cal.com's reference files: fetched once into the cache and checked", () => {
	let root: string;
	let cache: string;
	let mirror: Awaited<ReturnType<typeof serveFolder>>;
	beforeEach(async () => {
		root = mkdtempSync(join(tmpdir(), 'reference-fetch-'));
		cache = cacheDirOf(join(root, 'checkout'));
		write(join(root, 'mirror', 'calcom', 'openapi-v2.json'), OPENAPI_TEXT);
		write(
			join(root, 'mirror', 'calcom', 'webhook-examples', '2021-10-20', 'PING.json'),
			EXAMPLE_TEXT,
		);
		mirror = await serveFolder(join(root, 'mirror'));
	});
	afterEach(async () => {
		await mirror.close();
		rmSync(root, { recursive: true, force: true });
	});

	it('fetches every file, checks its SHA-256, and fetches nothing the next time', async () => {
		const lines: string[] = [];
		await fetchReferenceFiles({
			dir: cache,
			files: FILES,
			baseUrl: mirror.url,
			log: (l) => lines.push(l),
		});
		expect(readFileSync(join(cache, 'calcom', 'openapi-v2.json'), 'utf8')).toBe(OPENAPI_TEXT);
		expect(unverified(cache, FILES)).toEqual([]);
		expect(mirror.served).toEqual([
			'calcom/openapi-v2.json',
			'calcom/webhook-examples/2021-10-20/PING.json',
		]);
		expect(lines[0]).toBe(`fetching 2 of Cal.com's reference files into ${cache}`);

		await fetchReferenceFiles({ dir: cache, files: FILES, baseUrl: mirror.url });
		expect(mirror.served).toHaveLength(2);
	});

	it('stops on a file whose SHA-256 is not the pinned one, saying what to download and where, and keeps it out of the cache', async () => {
		write(join(root, 'mirror', 'calcom', 'openapi-v2.json'), '{"openapi":"3.1.0"}\n');
		const failed = await fetchReferenceFiles({
			dir: cache,
			files: FILES,
			baseUrl: mirror.url,
		}).catch((error: unknown) => error);
		expect(failed).toBeInstanceOf(ReferenceFilesError);
		const got = sha256(Buffer.from('{"openapi":"3.1.0"}\n'));
		expect((failed as Error).message).toBe(
			[
				`Cal.com's reference files could not be had (1 of them). The specs look in CALCOM_SHARED_DIR, then ../shared beside the checkout, then ${cache}, fetched from pinned sources (set CALCOM_REFERENCE_BASE_URL to a folder laid out like calcom/ to fetch from elsewhere).`,
				`- calcom/openapi-v2.json: ${mirror.url}/openapi-v2.json has SHA-256 ${got}, not the pinned one. To fix: download ${mirror.url}/openapi-v2.json and save it as ${join(cache, 'calcom', 'openapi-v2.json')} (SHA-256 ${FILES[0].sha256}).`,
				"Or put the project's shared/ folder beside the checkout, or set CALCOM_SHARED_DIR to a folder holding calcom/.",
			].join('\n'),
		);
		expect(existsSync(join(cache, 'calcom', 'openapi-v2.json'))).toBe(false);
		// The file that matched is kept: the next run fetches only what is still missing.
		expect(unverified(cache, FILES)).toEqual([FILES[0]]);
	});

	it('stops with the same kind of message when nothing answers (no network)', async () => {
		// A server that has closed: nothing listens at its address any more.
		const closed = await serveFolder(join(root, 'mirror'));
		const gone = closed.url;
		await closed.close();
		const failed = (await fetchReferenceFiles({ dir: cache, files: FILES, baseUrl: gone }).catch(
			(error: unknown) => error,
		)) as Error;
		expect(failed.message).toContain(
			`- calcom/openapi-v2.json: fetching ${gone}/openapi-v2.json failed (ECONNREFUSED). To fix: download ${gone}/openapi-v2.json and save it as ${join(cache, 'calcom', 'openapi-v2.json')} (SHA-256 ${FILES[0].sha256}).`,
		);
		expect(failed.message).toContain('(2 of them)');
	});

	it('says a file Cal.com does not publish has no source when no base URL is set', async () => {
		const failed = (await fetchReferenceFiles({ dir: cache, files: [FILES[1]] }).catch(
			(error: unknown) => error,
		)) as Error;
		expect(failed.message).toContain(
			`- calcom/webhook-examples/2021-10-20/PING.json: no source to fetch it from (CALCOM_REFERENCE_BASE_URL is not set). To fix: Cal.com publishes no copy of it: take it from the project's shared/ folder (calcom/webhook-examples/2021-10-20/PING.json) and save it as ${join(cache, 'calcom', 'webhook-examples', '2021-10-20', 'PING.json')} (SHA-256 ${FILES[1].sha256}).`,
		);
	});

	it('fetches the real files from a mirror of shared/calcom on 127.0.0.1 and they pass their pinned checksums', async () => {
		const real = await serveFolder(REFERENCE.dir);
		try {
			await fetchReferenceFiles({ dir: cache, files: REFERENCE_FILES, baseUrl: real.url });
			expect(unverified(cache, REFERENCE_FILES)).toEqual([]);
			expect(real.served).toHaveLength(REFERENCE_FILES.length);
		} finally {
			await real.close();
		}
	});
});

describe("Cal.com's reference files the specs read", () => {
	it('are the files the pinned SHA-256 describe', () => {
		expect(unverified(REFERENCE.dir, REFERENCE_FILES)).toEqual([]);
	});
});
