import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { launchChromium, requireChromium, signedInPage } from './browser';
import { installedRuntime, freePortPair, installPackedPackage, N8n, runOutput } from './n8n';

/**
 * Cal.com OAuth2 in a real n8n (2.41.1, the packed package) through a real browser (Debian's
 * Chromium): the credential made in the editor, Connect pressed, consent given on the sandbox's
 * page, the tokens stored by n8n's own callback; then workflows run with that credential, across an
 * expired access token (n8n refreshes it) and without a scope (the error names it). Screenshots go
 * to test-artifacts/.
 */
jest.setTimeout(15 * 60_000);

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CLIENT_ID = 'n8n-confidential';
/** The booking the scope check tries to cancel: bailey's (user 1), accepted in the fixture. */
const BOOKING_UID = 'kEQ6lyUVxK9sKQNFvjgrCv';

interface SavedCredential {
	id: string;
	name: string;
	type: string;
}

/** A workflow of one Cal.com node with Authentication: OAuth2 and the given credential. */
function workflow(name: string, credential: SavedCredential, parameters: Record<string, unknown>) {
	return {
		name,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'o1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'o2',
				name: 'Cal.com',
				type: 'CUSTOM.calCom',
				typeVersion: 1,
				position: [220, 0],
				parameters: { authentication: 'oAuth2', ...parameters },
				credentials: { calComOAuth2Api: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Cal.com', type: 'main', index: 0 }]] } },
	};
}

describe('Cal.com OAuth2 in a real n8n, connected in a real browser', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let browser: Browser | undefined;
	let page: Page;
	let callback: string;

	beforeAll(async () => {
		requireChromium();
		mkdirSync(ARTIFACTS, { recursive: true });
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		// n8n's callback: its instance base URL (WEBHOOK_URL here) + /rest/oauth2-credential/callback
		// (n8n's AbstractOAuthController.baseUrl); registered with the sandbox's clients as a Cal.com
		// OAuth client has it under Settings → Developer → OAuth.
		callback = `${n8n.baseUrl}/rest/oauth2-credential/callback`;
		for (const client of sandbox.oauth.clients) client.redirectUris.push(callback);
		await n8n.start();
		browser = await launchChromium();
		page = await signedInPage(browser, n8n.baseUrl);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	});

	/** The credential of that name as n8n's REST API lists it. */
	async function savedCredential(name: string): Promise<SavedCredential | undefined> {
		const all = await n8n.rest<SavedCredential[]>('GET', '/rest/credentials');
		return all.find((c) => c.name === name);
	}

	/** A parameter's text input in the credential dialog. */
	function field(name: string) {
		return page.locator(`[data-test-id="parameter-input-${name}"] input`).first();
	}

	/** Picks scopes in the dialog's Scopes list (n8n's editor starts a new credential with none). */
	async function chooseScopes(names: string[]): Promise<void> {
		await page.locator('[data-test-id="parameter-input-scopes"]').click();
		for (const name of names) await page.getByRole('option', { name, exact: true }).click();
		await page.keyboard.press('Escape');
	}

	/**
	 * Creates and saves a self-hosted Cal.com OAuth2 credential in the editor's dialog, as a user
	 * does: the sandbox's web app and API URL, a client, scopes picked from the list.
	 */
	async function createCredential(clientId: string, secret: string, scopes: string[]) {
		await page.goto(`${n8n.baseUrl}/home/credentials/create`);
		await page.getByPlaceholder(/search for app/i).fill('Cal.com OAuth2');
		await page.getByText('Cal.com OAuth2 API', { exact: true }).first().click();
		await page.getByRole('button', { name: /continue/i }).click();
		await page.locator('[data-test-id="parameter-input-environment"]').click();
		await page.getByRole('option', { name: /Self-Hosted/ }).click();
		await field('bookingPageUrl').fill(sandbox.url);
		await field('baseUrl').fill(sandbox.url);
		await field('clientId').fill(clientId);
		if (secret) await field('clientSecret').fill(secret);
		await chooseScopes(scopes);
		// n8n shows the redirect URL to register with Cal.com: exactly what the client has.
		await page.getByText(callback).first().waitFor();
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.getByText('Credential successfully created').first().waitFor();
	}

	/** Presses Connect in the open credential dialog and allows access on the consent page. */
	async function connect(scopes: string[], screenshot: boolean): Promise<void> {
		const popupOpened = page.waitForEvent('popup');
		await page
			.locator('[data-test-id="oauth-not-connected-banner"]')
			.getByRole('button', { name: 'Connect', exact: true })
			.click();
		const popup = await popupOpened;
		popup.setDefaultTimeout(180_000);
		await popup.locator('#allow').waitFor();
		const authorize = new URL(popup.url());
		expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sandbox.url}/auth/oauth2/authorize`);
		expect(authorize.searchParams.get('redirect_uri')).toBe(callback);
		expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
		// The consent page lists what the credential asked for: the scopes picked in the dialog.
		await expect(popup.locator('#scopes li').allInnerTexts()).resolves.toEqual(scopes);
		await popup.locator('select[name="username"]').selectOption('bailey');
		if (screenshot) await popup.screenshot({ path: join(ARTIFACTS, 'oauth-consent.png') });
		const closed = popup.waitForEvent('close');
		await popup.locator('#allow').click();
		await closed;
		const connected = page.locator('[data-test-id="oauth-connect-success-banner"]');
		await connected.waitFor();
		await expect(connected.innerText()).resolves.toContain('Account connected');
	}

	it('connects a Cal.com OAuth2 credential made in the editor, through n8n’s own callback', async () => {
		const secret = sandbox.oauth.clients.find((c) => c.clientId === CLIENT_ID)?.secret ?? '';
		await createCredential(CLIENT_ID, secret, [
			'Bookings: Read',
			'Bookings: Write',
			'Profile: Read',
		]);
		const banner = page.locator('[data-test-id="oauth-not-connected-banner"]');
		await banner.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(ARTIFACTS, 'oauth-credential-dialog.png') });

		await connect(['BOOKING_READ', 'BOOKING_WRITE', 'PROFILE_READ'], true);
		expect(sandbox.oauth.grants.authorization_code).toBe(1);
		await page.screenshot({ path: join(ARTIFACTS, 'oauth-connected.png') });
	});

	/** Creates the workflow through n8n's REST API and runs it with `n8n execute`. */
	async function run(
		name: string,
		credential: SavedCredential,
		parameters: Record<string, unknown>,
	) {
		const created = await n8n.rest<{ id: string }>(
			'POST',
			'/rest/workflows',
			workflow(name, credential, parameters),
		);
		return await n8n.execute(created.id);
	}

	const LIST_BOOKINGS = { resource: 'booking', operation: 'getMany', returnAll: true };

	it('lists bookings with the Bearer token n8n got through its callback', async () => {
		const credential = await savedCredential('Cal.com account');
		expect(credential?.type).toBe('calComOAuth2Api');
		const sentBefore = sandbox.requests.length;
		const result = await run('OAuth2: list bookings', credential as SavedCredential, LIST_BOOKINGS);
		expect(result.code).toBe(0);
		expect(runOutput(result.stdout)('Cal.com').length).toBeGreaterThan(0);
		const listed = sandbox.requests.slice(sentBefore).filter((r) => r.path === '/v2/bookings');
		expect(listed.length).toBeGreaterThan(0);
		// Not an API key of any user (the sandbox names those), and accepted: the OAuth access token.
		expect(listed.every((r) => r.headers.authorization === 'Bearer <redacted:unknown>')).toBe(true);
		expect(listed.every((r) => r.status === 200)).toBe(true);
		expect(sandbox.oauth.grants.refresh_token).toBe(0);
	});

	it('still lists bookings after the access token expired: n8n refreshed it', async () => {
		const credential = (await savedCredential('Cal.com account')) as SavedCredential;
		sandbox.oauth.expireAccessTokens();
		const sentBefore = sandbox.requests.length;
		const result = await run('OAuth2: list bookings again', credential, LIST_BOOKINGS);
		expect(result.code).toBe(0);
		expect(runOutput(result.stdout)('Cal.com').length).toBeGreaterThan(0);
		expect(sandbox.oauth.grants.refresh_token).toBe(1);
		const sent = sandbox.requests.slice(sentBefore);
		const listed = sent.filter((r) => r.path === '/v2/bookings');
		// The expired token refused (401), the token endpoint asked, the list sent again (200).
		expect(listed.map((r) => r.status)).toEqual([401, 200]);
		expect(sent.some((r) => r.path === '/v2/auth/oauth2/token' && r.status === 200)).toBe(true);
	});

	it('a connection without BOOKING_WRITE cancelling a booking gets the error naming the scope', async () => {
		// A second credential, read-only, for the public client (PKCE, no secret), connected the same way.
		await createCredential('n8n-public', '', ['Bookings: Read']);
		await connect(['BOOKING_READ'], false);
		const all = await n8n.rest<SavedCredential[]>('GET', '/rest/credentials');
		const readOnly = all.find((c) => c.name !== 'Cal.com account') as SavedCredential;
		expect(sandbox.oauth.grants.authorization_code).toBe(2);

		const result = await run('OAuth2: cancel without the scope', readOnly, {
			resource: 'booking',
			operation: 'cancel',
			bookingUid: BOOKING_UID,
			cancellationReason: 'Scope check',
		});
		expect(result.code).not.toBe(0);
		expect(`${result.stdout}\n${result.stderr}`).toContain(
			'Booking → Cancel needs the Cal.com OAuth scope BOOKING_WRITE, which this connection was not granted',
		);
		expect(sandbox.state.bookings.find((b) => b.uid === BOOKING_UID)?.status).not.toBe('cancelled');
	});
});
