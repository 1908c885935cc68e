import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import {
	exampleCredentials,
	installedRuntime,
	freePortPair,
	installPackedPackage,
	loadExample,
	N8n,
	runOutput,
} from './n8n';

/**
 * The example workflows in examples/, run by a real n8n (`n8n execute`) with the packed package
 * loaded as a custom extension, against the sandbox on 127.0.0.1.
 */
jest.setTimeout(15 * 60_000);

describe('the example workflows in a real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		await n8n.importCredentials(exampleCredentials(sandbox));
		// The AI-agent example is imported too, so a malformed example fails here; agent.e2e.test.ts
		// runs its busy-times and booking-link tools.
		for (const file of [
			'book-reschedule-cancel.json',
			'error-bad-time-zone.json',
			'ai-agent-books-meetings.json',
			'out-of-office-sync.json',
		])
			await n8n.importWorkflow(loadExample(file));
	});

	/** The starts of priya's discovery-call slots on one London day, asked as a booking page does. */
	async function priyaSlotsOn(day: string): Promise<string[]> {
		const query = new URLSearchParams({
			username: 'priya',
			eventTypeSlug: 'discovery-call',
			organizationSlug: 'northwind',
			start: day,
			end: day,
			timeZone: 'Europe/London',
		});
		const response = await fetch(`${sandbox.url}/v2/slots?${query}`, {
			headers: { 'cal-api-version': '2024-09-04' },
		});
		expect(response.status).toBe(200);
		const body = (await response.json()) as { data: Record<string, Array<{ start: string }>> };
		return (body.data[day] ?? []).map((slot) => new Date(slot.start).toISOString());
	}

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

	it('marks priya out of office for a week and her next free slot is the Monday after it', async () => {
		// Without the entry, the week is open: 09:00 on its Monday is a free slot.
		expect(await priyaSlotsOn('2027-03-08')).toContain('2027-03-08T09:00:00.000Z');
		const before = sandbox.requests.length;
		const result = await n8n.execute('calcomExOooSync1');
		expect(result.code).toBe(0);
		const output = runOutput(result.stdout);

		const entry = output('Mark Priya out of office')[0];
		expect(entry).toMatchObject({
			userId: 83,
			firstDay: '2027-03-08',
			lastDay: '2027-03-12',
			reason: 'vacation',
			notes: 'Spring holiday, back on Monday 15 March',
		});
		expect(sandbox.state.outOfOffice).toEqual([
			expect.objectContaining({
				id: entry.id,
				userId: 83,
				start: '2027-03-08T00:00:00.000Z',
				end: '2027-03-12T23:59:59.999Z',
				reason: 'vacation',
			}),
		]);

		const slots = output("Priya's next free slots");
		expect(slots.map((slot) => slot.label)).toEqual([
			'Mon 15 Mar, 09:00–09:30',
			'Mon 15 Mar, 09:30–10:00',
			'Mon 15 Mar, 10:00–10:30',
		]);
		expect(slots[0]).toMatchObject({
			start: '2027-03-15T09:00:00.000Z',
			startLocal: '2027-03-15T09:00:00+00:00',
		});
		for (const slot of slots) expect(String(slot.start) > String(entry.end)).toBe(true);

		const made = sandbox.requests.slice(before);
		// The organization read once from the key's profile, one entry made, then slots only (two
		// requests today: the first week asked is the week away, empty, so it looks further).
		const calls = made.map((request) => `${request.method} ${request.path}`);
		expect(calls.slice(0, 3)).toEqual([
			'GET /v2/me',
			'POST /v2/organizations/900/users/83/ooo',
			'GET /v2/slots',
		]);
		expect(calls.slice(3).every((call) => call === 'GET /v2/slots')).toBe(true);
		expect(
			made.every((request) => request.headers.authorization === 'Bearer <redacted:maya>'),
		).toBe(true);
		expect(sandbox.invalidRequests()).toEqual([]);
		// And a booking page now finds nothing on the first day away.
		expect(await priyaSlotsOn('2027-03-08')).toEqual([]);
	});
});
