import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { installedRuntime, freePortPair, installPackedPackage, N8n, runOutput } from './n8n';

/**
 * The example workflows in examples/, run by a real n8n (`n8n execute`) with the packed package
 * loaded as a custom extension, against the sandbox on 127.0.0.1.
 */
jest.setTimeout(15 * 60_000);

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
const CREDENTIAL = { id: 'calcomExample001', name: 'Cal.com account' };

/** Examples name the node as an installed community package does; a custom extension is CUSTOM.* */
function loadExample(file: string): { id: string } & Record<string, unknown> {
	const text = readFileSync(join(EXAMPLES, file), 'utf8').replace(
		/"n8n-nodes-cal-com\.(calCom\w*)"/g,
		'"CUSTOM.$1"',
	);
	return JSON.parse(text) as { id: string } & Record<string, unknown>;
}

describe('the example workflows in a real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
				},
			},
		]);
		// The AI-agent example is imported too, so a malformed example fails here; issue 7 runs it.
		for (const file of [
			'book-reschedule-cancel.json',
			'error-bad-time-zone.json',
			'ai-agent-books-meetings.json',
		])
			await n8n.importWorkflow(loadExample(file));
	});

	afterAll(async () => {
		n8n?.cleanup();
		await sandbox?.close();
	});

	it('finds a slot, books it, moves it an hour later and cancels it', async () => {
		const result = await n8n.execute('calcomExBookLoop');
		expect(result.code).toBe(0);
		const output = runOutput(result.stdout);
		expect(output('Find free slots')[0]).toMatchObject({
			start: '2027-03-15T13:00:00.000Z',
			startLocal: '2027-03-15T09:00:00-04:00',
		});
		const booked = output('Book it')[0];
		expect(booked).toMatchObject({
			status: 'accepted',
			start: '2027-03-15T13:00:00.000Z',
			bookingFieldsResponses: expect.objectContaining({ company: 'Acme' }),
		});
		const moved = output('Move it an hour later')[0];
		expect(moved).toMatchObject({
			start: '2027-03-15T14:00:00.000Z',
			rescheduledFromUid: booked.uid,
		});
		expect(output('Cancel it')[0]).toMatchObject({
			uid: moved.uid,
			status: 'cancelled',
			cancellationReason: 'Plans changed',
		});

		const stored = (uid: unknown) => sandbox.state.bookings.find((booking) => booking.uid === uid);
		expect(stored(booked.uid)?.status).toBe('cancelled');
		expect(stored(booked.uid)?.rescheduledToUid).toBe(moved.uid);
		expect(stored(moved.uid)?.status).toBe('cancelled');
		expect(sandbox.invalidRequests()).toEqual([]);
		expect(
			sandbox.requests.every(
				(request) =>
					request.headers.authorization === 'Bearer <redacted:bailey>' ||
					request.path === '/v2/slots',
			),
		).toBe(true);
	});

	it('fails with the message a user reads when the time zone is not an IANA name, before any request', async () => {
		const before = sandbox.requests.length;
		const result = await n8n.execute('calcomExErrorMsg');
		expect(result.code).not.toBe(0);
		expect(`${result.stdout}\n${result.stderr}`).toContain(
			'Time Zone: \\"Eastern Time\\" is not an IANA time zone name. Use an IANA time zone name such as Europe/Berlin, America/New_York or UTC.',
		);
		expect(sandbox.requests.length).toBe(before);
	});
});
