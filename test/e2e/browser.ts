import { existsSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { OWNER } from './n8n';

/** Debian's Chromium (apt-get install -y chromium), or CHROMIUM_PATH; never `npx playwright install`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Throws at once, with what to install, when Chromium is missing: before n8n is started. */
export function requireChromium(): void {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium was not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
		);
	}
}

/** Headless Chromium for the editor specs, quiet and offline; a clear error when it is missing. */
export async function launchChromium(): Promise<Browser> {
	requireChromium();
	return await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Signs the test owner into the n8n editor at `base`. */
export async function signIn(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/signin`);
	await page.getByLabel('Email').fill(OWNER.email);
	await page.getByLabel('Password').fill(OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** A page of n8n's editor with the owner signed in. */
export async function signedInPage(
	browser: Browser,
	baseUrl: string,
	viewport = { width: 1600, height: 1000 },
): Promise<Page> {
	const page = await browser.newPage({ viewport });
	// Every wait polls for what the editor shows; the limit is only there to end a hang.
	page.setDefaultTimeout(180_000);
	await signIn(page, baseUrl);
	return page;
}
