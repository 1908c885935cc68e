import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runNode } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr } from './bad-input';

const sandbox = useSandbox();

/** A valid Create Booking Link of bailey's 30min (ID 12); each case breaks one parameter. */
const VALID: INodeParameters = {
	resource: 'booking',
	operation: 'createLink',
	lookup: 'eventTypeId',
	eventTypeId: byId('12'),
	attendeeName: 'Ana Silva',
	attendeeEmail: 'ana@example.com',
	guests: 'bo@example.com',
	chosenTime: { slot: '2027-03-15T13:00:00Z' },
};

async function run(box: Sandbox, changes: INodeParameters, bookingPageUrl = 'https://cal.test') {
	const credentials = credentialsFor(box);
	credentials.calComV2Api.bookingPageUrl = bookingPageUrl;
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters: { ...VALID, ...changes },
		credentials: credentials as never,
	});
}

describe('R2 bad input: Create Booking Link', () => {
	it('builds the link from the valid parameters (the cases below each break one)', async () => {
		const result = await run(sandbox(), {});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toContain('slot=2027-03-15T13%3A00%3A00.000Z');
	});

	const emails: unknown[] = ['ana', 'ana@', 'ana@example', 'ana @example.com', 'a,b@example.com'];
	it.each(emails)('refuses the attendee email %j by name before any request', async (bad) => {
		const result = await run(sandbox(), { attendeeEmail: expr(JSON.stringify(bad)) });
		expectRefusedByName(sandbox(), result, 'Attendee Email', /is not an email address/);
	});

	it('refuses a guest that is not an email by name before any request', async () => {
		const result = await run(sandbox(), { guests: 'bo@example.com, cy' });
		expectRefusedByName(sandbox(), result, 'Guests', /"cy" is not an email address/);
	});

	const slots: unknown[] = [
		'2027-03-15 13:00',
		'2027-03-15T13:00',
		'2027-03-15',
		'tomorrow at 3',
		'2027-02-30T10:00:00Z',
		'15.03.2027 13:00 +01:00',
		1773579600000,
	];
	it.each(slots)('refuses the slot %j (not ISO with an offset) by name', async (bad) => {
		const result = await run(sandbox(), { chosenTime: { slot: expr(JSON.stringify(bad)) } });
		expectRefusedByName(sandbox(), result, 'Slot', /ISO 8601 start time with Z or an offset/);
	});

	const durations: unknown[] = [0, -30, 1.5, 'an hour', '1e2'];
	it.each(durations)(
		'refuses the duration %j (not a positive whole number) by name',
		async (bad) => {
			const result = await run(sandbox(), { chosenTime: { duration: expr(JSON.stringify(bad)) } });
			expectRefusedByName(sandbox(), result, 'Duration', /a whole number above 0/);
		},
	);

	it.each(['2027-13-01', '2027-02-29', '15/03/2027'])(
		'refuses the date %j by name',
		async (bad) => {
			const result = await run(sandbox(), { chosenTime: { date: bad } });
			expectRefusedByName(sandbox(), result, 'Date', /YYYY-MM-DD/);
		},
	);

	it('refuses a month that is not the month of the chosen day, by name', async () => {
		const result = await run(sandbox(), { chosenTime: { date: '2027-03-15', month: '2027-04' } });
		expectRefusedByName(sandbox(), result, 'Month', /2027-04 is not the month of the Date/);
	});

	it('refuses a date that is not the day of the chosen slot, by name', async () => {
		const result = await run(sandbox(), {
			chosenTime: { date: '2027-03-16', slot: '2027-03-15T13:00:00Z' },
		});
		expectRefusedByName(sandbox(), result, 'Date', /is not the day of the Slot/);
	});

	it('refuses a metadata key longer than Cal.com takes, by name', async () => {
		const result = await run(sandbox(), {
			metadata: { entries: [{ key: 'k'.repeat(41), value: 'x' }] },
		});
		expectRefusedByName(sandbox(), result, 'Metadata', /1 to 40 characters/);
	});

	it('refuses a question the booking page reads itself (e.g. date), by name', async () => {
		const result = await run(sandbox(), {
			bookingQuestions: { answers: [{ question: 'date', value: 'x' }] },
		});
		expectRefusedByName(sandbox(), result, 'Booking Questions', /read by the booking page itself/);
	});

	it.each(['', '   ', 'cal.example.com', 'https://cal.example.com/?x=1'])(
		'self-hosted with the Booking Page URL %j: refused, naming the credential field, before any request',
		async (bad) => {
			const result = await run(sandbox(), {}, bad);
			expectRefusedByName(sandbox(), result, 'Booking Page URL', /Cal.com API credential/);
		},
	);

	it('refuses a single-use link of a team event type found by slug (it needs the ID), by name', async () => {
		const result = await run(sandbox(), {
			lookup: 'teamSlug',
			teamSlug: 'customer-success',
			eventTypeSlug: 'team-sync',
			singleUseLink: true,
		});
		expectRefusedByName(sandbox(), result, 'Single-Use Link', /by ID/);
	});

	it('refuses an unknown booking question slug once the questions are read, with no other request', async () => {
		const result = await run(sandbox(), {
			bookingQuestions: { answers: [{ question: 'budget', value: '10k' }] },
		});
		expect(result.error?.message).toMatch(/^Booking Questions: "budget" is not a question/);
		expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/event-types/12',
		]);
	});

	it('refuses an option that is not one of a multi-select question’s, by name', async () => {
		const result = await run(sandbox(), {
			bookingQuestions: { answers: [{ question: 'topics', value: 'Pricing, Golf' }] },
		});
		expect(result.error?.message).toBe(
			'Booking Questions: "Golf" is not an option of "topics"; its options are Pricing, Integrations, Security, Onboarding.',
		);
	});
});
