import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Locator, Page } from 'playwright-core';

import { ACTION_DESCRIPTION } from '../../nodes/CalCom/identity';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { launchChromium, requireChromium, signIn } from './browser';
import { installedRuntime, freePortPair, installPackedPackage, N8n } from './n8n';

/**
 * n8n's node picker and a booking question, in the n8n editor in headless Chromium: what a user
 * sees when looking for "cal" next to n8n's own Cal.com Trigger, our trigger events in n8n's list,
 * and an event type's booking question. Screenshots go to test-artifacts/.
 */
jest.setTimeout(10 * 60_000);

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CREDENTIAL = { calComV2Api: { id: 'calcomPicker0001', name: 'Cal.com account' } };
/** An entry of the picker's list: a node, or a node with a list of triggers and actions. */
const ENTRY = '[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]';

/** A workflow with only a manual trigger: its "+" opens the picker for actions. */
const PICKER_WORKFLOW = {
	id: 'calcomPickerFlow',
	name: 'Picker: what comes after a trigger',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'p1',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	],
	connections: {},
};

/** Event Type → Create with one select question, all of its fields filled. */
const QUESTION_WORKFLOW = {
	id: 'calcomQuestionFlow',
	name: 'Event type with a booking question',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'q1',
			name: 'New event type',
			type: 'CUSTOM.calCom',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'eventType',
				operation: 'create',
				title: 'Intro call',
				slug: 'intro-call',
				lengthInMinutes: 30,
				additionalFields: {
					bookingQuestions: {
						entries: [
							{
								type: 'select',
								slug: 'team-size',
								label: 'Team size',
								required: true,
								options: '1-10, 11-50, 51+',
								placeholder: 'Pick one',
							},
						],
					},
				},
			},
			credentials: CREDENTIAL,
		},
	],
	connections: {},
};

describe('the n8n node picker and a booking question, in a real browser', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let browser: Browser | undefined;
	let page: Page;

	beforeAll(async () => {
		requireChromium();
		mkdirSync(ARTIFACTS, { recursive: true });
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		await n8n.importCredentials([
			{
				id: CREDENTIAL.calComV2Api.id,
				name: CREDENTIAL.calComV2Api.name,
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
				},
			},
		]);
		await n8n.importWorkflow(PICKER_WORKFLOW);
		await n8n.importWorkflow(QUESTION_WORKFLOW);
		await n8n.start();
		browser = await launchChromium();
		page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
		// Every wait below polls for what the editor shows; the limit is only there to end a hang.
		page.setDefaultTimeout(180_000);
		await signIn(page, n8n.baseUrl);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	});

	/** The picker's entries after typing "cal": each entry's name and description, in order. */
	async function searchCal(): Promise<Array<{ name: string; description: string }>> {
		await page.locator('[data-test-id="node-creator-search-bar"]').fill('cal');
		await entry('Cal.com API v2').waitFor();
		await page.waitForTimeout(800);
		return await page.locator(ENTRY).evaluateAll((items) =>
			items.map((item) => {
				// No DOM types in this project: an element is described by the one method used.
				type Element = { querySelector(s: string): { textContent: string } | null };
				const text = (selector: string) =>
					((item as unknown as Element).querySelector(selector)?.textContent ?? '').trim();
				return {
					name: text('[data-test-id="node-creator-item-name"]'),
					description: text('[data-test-id="node-creator-item-description"]'),
				};
			}),
		);
	}

	/** The picker entry whose name is exactly `name`. */
	function entry(name: string): Locator {
		return page.locator(ENTRY).filter({
			has: page.locator('[data-test-id="node-creator-item-name"]', {
				hasText: new RegExp(`^\\s*${name.replace(/\./g, '\\.')}\\s*$`),
			}),
		});
	}

	/** The lines of an entry's list (triggers and actions), each with the node type it adds. */
	async function listed(): Promise<Array<{ type: string; name: string }>> {
		const rows = page.locator(
			'[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]',
		);
		await rows.first().waitFor();
		await page.waitForTimeout(800);
		return await rows.evaluateAll((items) =>
			items.map((item) => {
				type Element = {
					getAttribute(name: string): string | null;
					querySelector(s: string): { textContent: string } | null;
				};
				const row = item as unknown as Element;
				return {
					// n8n keys each line "<node type>-<uuid>".
					type: (row.getAttribute('data-keyboard-nav-id') ?? '').split('-')[0],
					name: (
						row.querySelector('[data-test-id="node-creator-item-name"]')?.textContent ?? ''
					).trim(),
				};
			}),
		);
	}

	it('"cal" in the trigger picker: ours is Cal.com API v2 with our icon, n8n\'s own is Cal.com', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		await page.locator('[data-test-id="canvas-add-button"]').click();
		const entries = await searchCal();
		await page.screenshot({ path: join(ARTIFACTS, 'editor-picker-cal.png') });

		const ours = entries.find((e) => e.name === 'Cal.com API v2');
		const builtIn = entries.find((e) => e.name === 'Cal.com');
		expect(builtIn?.description).toBe('Handle Cal.com events via webhooks');
		expect(ours?.description.startsWith(ACTION_DESCRIPTION)).toBe(true);
		expect(ours?.description).not.toBe(builtIn?.description);

		// Our icon, not n8n's: the entry's <img> is our package's file, and it loaded.
		type LoadedImage = { src: string; naturalWidth: number };
		const icon = await entry('Cal.com API v2')
			.locator('img')
			.first()
			.evaluate((image) => ({
				src: (image as unknown as LoadedImage).src,
				width: (image as unknown as LoadedImage).naturalWidth,
			}));
		expect(icon.src).toContain('/n8n-nodes-cal-com/dist/nodes/CalCom/calcom.svg');
		expect(icon.width).toBeGreaterThan(0);

		// The one entry holds both nodes: the trigger's events first here, bookings first among them.
		await entry('Cal.com API v2').click();
		const lines = await listed();
		await page.screenshot({ path: join(ARTIFACTS, 'editor-picker-cal-triggers.png') });
		const triggers = lines.filter((line) => line.type === 'CUSTOM.calComTrigger');
		expect(triggers.slice(0, 4).map((line) => line.name)).toEqual([
			'On booking created',
			'On booking rescheduled',
			'On booking cancelled',
			'On booking requested',
		]);
		expect(triggers.map((line) => line.name)).toContain('On guest no-show in Cal Video');
		expect(triggers).toHaveLength(28);
		// The action node's list is there too, folded under its heading in the trigger picker.
		const headings = await page
			.locator('[data-test-id="node-creator-category-item"]')
			.allTextContents();
		expect(headings.map((heading) => heading.trim())).toEqual([
			'Triggers (28)',
			expect.stringMatching(/^Actions \(\d+\)$/),
		]);
		await page.keyboard.press('Escape');
	});

	it('"cal" in the action picker: our entry shows the action node\'s own description, then its actions', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/${PICKER_WORKFLOW.id}`);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Start' }).waitFor();
		await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
		const entries = await searchCal();
		await page.screenshot({ path: join(ARTIFACTS, 'editor-picker-cal-actions.png') });

		const ours = entries.find((e) => e.name === 'Cal.com API v2');
		expect(ours?.description.startsWith(ACTION_DESCRIPTION)).toBe(true);
		expect(ours?.description).not.toMatch(/^Starts a workflow/);

		// Its list opens on the action node's operations.
		await entry('Cal.com API v2').click();
		const lines = await listed();
		await page.screenshot({ path: join(ARTIFACTS, 'editor-picker-cal-action-list.png') });
		expect(lines[0].type).toBe('CUSTOM.calCom');
		expect(lines.map((line) => line.name)).toEqual(
			expect.arrayContaining(['Create a booking', 'Reschedule a booking', 'Cancel a booking']),
		);
		await page.keyboard.press('Escape');
	});

	it('a booking question asks the Answer Type first, then the rest alphabetically', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/${QUESTION_WORKFLOW.id}`);
		const node = page.locator('[data-test-id="canvas-node"]', { hasText: 'New event type' });
		await node.waitFor();
		await node.dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		const field = (name: string) =>
			panel
				.locator(
					`[data-parameter-path="parameters.additionalFields.bookingQuestions.entries[0].${name}"]`,
				)
				.first();
		await field('slug').waitFor();
		await field('required').evaluate((element) =>
			(element as unknown as { scrollIntoView(o: object): void }).scrollIntoView({
				block: 'center',
			}),
		);
		await page.waitForTimeout(800);
		await page.screenshot({ path: join(ARTIFACTS, 'editor-booking-question.png') });

		// Top to bottom as the panel lays them out.
		const names = ['type', 'options', 'hidden', 'label', 'placeholder', 'required', 'slug'];
		const tops: number[] = [];
		for (const name of names) tops.push(((await field(name).boundingBox()) as { y: number }).y);
		expect(tops).toEqual([...tops].sort((a, b) => a - b));
		expect(new Set(tops).size).toBe(names.length);
		// Type shows the chosen kind by name: the list of question types is there.
		await expect(field('type').locator('input').first().inputValue()).resolves.toBe('Select');
	});
});
