import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser } from 'playwright-core';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { launchChromium, requireChromium, signIn } from './browser';
import { installedRuntime, freePortPair, installPackedPackage, N8n } from './n8n';

/**
 * The n8n editor in headless Chromium (Debian's package, driven by playwright-core): opens the
 * example workflow, and saves screenshots of the canvas and of the Cal.com node's parameters to
 * test-artifacts/.
 */
jest.setTimeout(10 * 60_000);

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe('the n8n editor with this package, in a real browser', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let browser: Browser | undefined;
	let base: string;

	beforeAll(async () => {
		requireChromium();
		mkdirSync(ARTIFACTS, { recursive: true });
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		await n8n.importCredentials([
			{
				id: 'calcomExample001',
				name: 'Cal.com account',
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
				},
			},
		]);
		const workflow = readFileSync(
			join(ROOT, 'examples', 'book-reschedule-cancel.json'),
			'utf8',
		).replace(/"n8n-nodes-cal-com\.(calCom\w*)"/g, '"CUSTOM.$1"');
		await n8n.importWorkflow(JSON.parse(workflow));
		await n8n.start();
		base = n8n.baseUrl;
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	});

	it('shows the Cal.com nodes with their icon on the canvas and the node parameters', async () => {
		const page = await (browser as Browser).newPage({ viewport: { width: 1600, height: 900 } });
		// Every wait below polls for what the editor shows; the limit is only there to end a hang.
		page.setDefaultTimeout(180_000);
		await signIn(page, base);
		await page.goto(`${base}/workflow/calcomExBookLoop`);
		const bookIt = page.locator('[data-test-id="canvas-node"]', { hasText: 'Book it' });
		await bookIt.waitFor({ timeout: 180_000 });
		await page.waitForTimeout(1500);
		await page.screenshot({ path: join(ARTIFACTS, 'editor-canvas.png') });

		// Our icon is served from the package and rendered: an <img> whose file loaded.
		// No DOM types in this project: the browser's <img> is described by the two fields read.
		type LoadedImage = { src: string; naturalWidth: number };
		const icons = await page.locator('[data-test-id="canvas-node"] img').evaluateAll((images) =>
			images.map((image) => ({
				src: (image as unknown as LoadedImage).src,
				width: (image as unknown as LoadedImage).naturalWidth,
			})),
		);
		const ours = icons.filter((icon) => icon.src.includes('calcom'));
		expect(ours.length).toBeGreaterThanOrEqual(4);
		expect(ours.every((icon) => icon.width > 0)).toBe(true);

		await bookIt.dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor({ timeout: 180_000 });
		await page.getByText('Attendee Email').first().waitFor();
		await page.waitForTimeout(1000);
		await page.screenshot({ path: join(ARTIFACTS, 'editor-node-panel.png') });
		for (const label of [
			'Find Event Type By',
			'Start',
			'Attendee Name',
			'Attendee Time Zone',
			'Booking Questions',
		]) {
			await expect(page.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
		}
	});
});
