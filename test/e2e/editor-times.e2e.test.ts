import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';
import type { Browser, Locator, Page } from 'playwright-core';

import { TIME_PLACEHOLDER } from '../../nodes/CalCom/actions/common.descriptions';
import { parseDateTime } from '../../nodes/CalCom/helpers/time';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { launchChromium, signedInPage } from './browser';
import { installedRuntime, freePortPair, installPackedPackage, N8n } from './n8n';

/**
 * Every time parameter in n8n's own editor (headless Chromium, Debian's package, driven by
 * playwright-core): a workflow whose Cal.com nodes hold each form the node reads is imported, each
 * node is opened, and what its time fields show on screen is read back. n8n 2.41's date picker
 * showed most of these forms as an empty "Select date and time" (issue 14). Screenshots of each
 * open node go to test-artifacts/editor-times-<operation>.png.
 */
jest.setTimeout(15 * 60_000);

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const WORKFLOW_ID = 'calcomTimesShown';
const CREDENTIALS = { calComV2Api: { id: 'calcomTimes00001', name: 'Cal.com account' } };

/** A node of the workflow: its screenshot name, its parameters, and the time fields it holds. */
interface TimeNode {
	id: string;
	name: string;
	shot: string;
	parameters: INodeParameters;
	/** Parameter name → the value it holds; in the Get Many node, names inside Filters. */
	times: Record<string, string>;
	/** The hint under its time fields: where a time without an offset is read. */
	zone: string;
}

const eventType = { __rl: true, mode: 'id', value: '12' };
const bookingCreate: INodeParameters = {
	resource: 'booking',
	operation: 'create',
	lookup: 'eventTypeId',
	eventTypeId: eventType,
	attendeeName: 'Ana Silva',
	attendeeEmail: 'ana@example.com',
	attendeeTimeZone: 'America/New_York',
};

/**
 * Each operation with a time field at least once, and each form the node reads at least once:
 * a bare date, a date and time without seconds, with seconds (what n8n's old picker saved),
 * with a space instead of T, with fractions of a second, with Z, with an offset (with and
 * without a colon), and an expression.
 */
const NODES: TimeNode[] = [
	{
		id: 't1',
		name: 'Book: no seconds',
		shot: 'booking-create',
		zone: 'the Attendee Time Zone',
		parameters: bookingCreate,
		times: { start: '2027-03-15T09:00' },
	},
	{
		id: 't2',
		name: 'Book: with offset',
		shot: 'booking-create-offset',
		zone: 'the Attendee Time Zone',
		parameters: bookingCreate,
		times: { start: '2027-03-15T09:00:00-04:00' },
	},
	{
		id: 't3',
		name: 'Reschedule: picker form',
		shot: 'booking-reschedule',
		zone: "the Time Zone field (empty: the workflow's time zone)",
		parameters: {
			resource: 'booking',
			operation: 'reschedule',
			bookingUid: 'kEQ6lyUVxK9sKQNFvjgrCv',
			timeZone: 'America/New_York',
		},
		times: { start: '2027-03-15T10:00:00' },
	},
	{
		id: 't4',
		name: 'List: date filters',
		shot: 'booking-getMany',
		zone: 'UTC',
		parameters: { resource: 'booking', operation: 'getMany', returnAll: true },
		times: {
			afterStart: '2027-03-15',
			beforeEnd: '2027-03-16 18:00',
			afterCreatedAt: '2020-01-01T08:30:00.250',
			beforeCreatedAt: '2030-01-01T02:00:00+02:00',
			afterUpdatedAt: '2020-01-01T00:00Z',
			beforeUpdatedAt: '={{ $now.plus({ years: 5 }).toISO() }}',
		},
	},
	{
		id: 't5',
		name: 'Slots: bare date to offset',
		shot: 'slot-getAvailable',
		zone: "the Time Zone field (empty: the workflow's time zone)",
		parameters: {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'eventTypeId',
			eventTypeId: eventType,
			timeZone: 'America/New_York',
		},
		times: { start: '2027-03-15', end: '2027-03-16T23:00:00-04:00' },
	},
	{
		id: 't6',
		name: 'Next free: Z',
		shot: 'slot-findNextFree',
		zone: "the Time Zone field (empty: the workflow's time zone)",
		parameters: {
			resource: 'slot',
			operation: 'findNextFree',
			lookup: 'eventTypeId',
			eventTypeId: eventType,
			count: 3,
			timeZone: 'America/New_York',
		},
		times: { after: '2027-03-15T15:00:00Z' },
	},
	{
		id: 't9',
		name: 'Next free: empty After',
		shot: 'slot-findNextFree-empty',
		zone: "the Time Zone field (empty: the workflow's time zone)",
		parameters: {
			resource: 'slot',
			operation: 'findNextFree',
			lookup: 'eventTypeId',
			eventTypeId: eventType,
			count: 3,
		},
		times: { after: '' },
	},
	{
		id: 't7',
		name: 'Hold: milliseconds Z',
		shot: 'slot-reserve',
		zone: "the workflow's time zone (workflow settings)",
		parameters: { resource: 'slot', operation: 'reserve', eventTypeId: eventType },
		times: { slotStart: '2027-03-15T13:00:00.000Z' },
	},
	{
		id: 't8',
		name: 'Move hold: compact offset',
		shot: 'slot-updateReservation',
		zone: "the workflow's time zone (workflow settings)",
		parameters: {
			resource: 'slot',
			operation: 'updateReservation',
			reservationUid: 'e84be5a3-4696-49e3-acc7-b2f3999c3b94',
			eventTypeId: eventType,
		},
		times: { slotStart: '2027-03-15T14:00:00+0100' },
	},
];

function workflow(): unknown {
	return {
		id: WORKFLOW_ID,
		name: 'Cal.com: every time form in the editor',
		active: false,
		settings: { executionOrder: 'v1', timezone: 'America/New_York' },
		connections: {},
		nodes: NODES.map((node, index) => {
			const filters = node.parameters.operation === 'getMany';
			return {
				id: node.id,
				name: node.name,
				type: 'CUSTOM.calCom',
				typeVersion: 1,
				position: [(index % 4) * 300, Math.floor(index / 4) * 250],
				parameters: filters
					? { ...node.parameters, filters: node.times }
					: { ...node.parameters, ...node.times },
				credentials: CREDENTIALS,
			};
		}),
	};
}

/**
 * What the field shows: the text box's value and placeholder, or the expression editor's text
 * (no placeholder) for an expression.
 */
async function shownValue(field: Locator): Promise<{ value: string; placeholder: string | null }> {
	const expression = field.locator('[data-test-id="inline-expression-editor-input"]');
	if (await expression.count()) {
		return { value: (await expression.first().innerText()).trim(), placeholder: null };
	}
	const box = field.locator('input, textarea').first();
	await expect(box.isVisible()).resolves.toBe(true);
	return { value: await box.inputValue(), placeholder: await box.getAttribute('placeholder') };
}

/** The field of one parameter in the open node, once the editor has drawn it. */
async function timeField(page: Page, name: string): Promise<Locator> {
	const field = page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"]`);
	await field.first().waitFor({ state: 'visible' });
	return field.first();
}

describe('time fields in the n8n editor, in a real browser', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let browser: Browser | undefined;
	let page: Page;

	beforeAll(async () => {
		// Chromium first: when it is missing, fail at once, before n8n starts.
		browser = await launchChromium();
		mkdirSync(ARTIFACTS, { recursive: true });
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		await n8n.importCredentials([
			{
				id: CREDENTIALS.calComV2Api.id,
				name: CREDENTIALS.calComV2Api.name,
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
				},
			},
		]);
		await n8n.importWorkflow(workflow());
		await n8n.start();
		page = await signedInPage(browser, n8n.baseUrl);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		n8n?.cleanup();
		await sandbox?.close();
	});

	it('holds only forms the node reads', () => {
		for (const node of NODES) {
			for (const [name, value] of Object.entries(node.times)) {
				if (value === '' || value.startsWith('=')) continue;
				expect([name, parseDateTime(value, name, 'America/New_York').getTime()]).toEqual([
					name,
					expect.any(Number),
				]);
			}
		}
	});

	it.each(NODES.map((node) => [node.shot, node] as const))(
		'%s: each time field shows the value the node holds, with the zone it is read in',
		async (_shot, node) => {
			await page.goto(`${n8n.baseUrl}/workflow/${WORKFLOW_ID}/${node.id}`);
			const panel = page.locator('[data-test-id="ndv"]');
			await panel.waitFor({ state: 'visible' });
			const shown: Record<string, { value: string; placeholder: string | null }> = {};
			for (const name of Object.keys(node.times)) {
				shown[name] = await shownValue(await timeField(page, name));
			}
			const held = Object.fromEntries(
				Object.entries(node.times).map(([name, value]) => [
					name,
					value.startsWith('=')
						? { value: value.slice(1), placeholder: null }
						: { value, placeholder: TIME_PLACEHOLDER },
				]),
			);
			const hint = panel.getByText(`Without Z or an offset, read in ${node.zone}`, { exact: true });
			await hint.first().waitFor({ state: 'visible' });
			await page.screenshot({ path: join(ARTIFACTS, `editor-times-${node.shot}.png`) });
			expect(shown).toEqual(held);
			// No date picker is left to show a held time as empty.
			expect(await panel.locator('.el-date-editor').count()).toBe(0);
		},
	);
});
