/**
 * What a user reads when Cal.com's input validation refuses a request, through the node and
 * n8n-core against the sandbox as hosted Cal.com (no `details`) and as a non-production server
 * (class-validator errors whose `target` and `value` carry the request body). Cal.com's isEmail
 * refuses an underscore in the domain, which the node's own email check lets through.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import type { RunNodeResult } from '../harness';
import { MARCH, runCalCom } from './helpers';

const EMAIL = 'priya@acme.example';
const REFUSED_EMAIL = 'ana@my_company.example';
const PHONE = '+14155550123';
const UID = 'kEQ6lyUVxK9sKQNFvjgrCv';

const addGuests: INodeParameters = {
	resource: 'booking',
	operation: 'addGuests',
	bookingUid: UID,
	guestEmails: `${EMAIL}, ${REFUSED_EMAIL}`,
};

const create: INodeParameters = {
	resource: 'booking',
	operation: 'create',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '11' },
	start: '2027-03-15T14:00:00Z',
	attendeeName: 'Priya Natarajan',
	attendeeEmail: 'priya@acme_corp.example',
	attendeeTimeZone: 'America/Chicago',
	additionalFields: { attendeePhone: PHONE },
};

/** No email address or phone number of the request anywhere a user or a log could see it. */
function expectNoPersonalData(text: string): void {
	for (const value of [EMAIL, REFUSED_EMAIL, 'priya@acme_corp.example', PHONE, '4155550123'])
		expect(text).not.toContain(value);
}

/**
 * The items, the error (message, description, cause, context) and the run data as n8n keeps them
 * — without n8n's own copy of the node, whose parameters are what the user typed.
 */
function errorText(result: RunNodeResult): string {
	const omitNode = (key: string, value: unknown) =>
		key === 'node' ? '<the node, as n8n attaches it>' : value;
	return JSON.stringify(
		{ items: result.items, error: result.error, runData: result.runData },
		omitNode,
	);
}

const description = (error: unknown) =>
	(error as { description?: string } | undefined)?.description;

describe.each([
	['hosted Cal.com (production: no details)', true],
	['a non-production server (details with the body in target and value)', false],
])('validation errors from %s', (_label, production) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ now: MARCH, timeScale: 0.01, production });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('Add Guests: names the request, the fields sent and what to check, and repeats no email', async () => {
		const result = await runCalCom(sandbox, addGuests);
		const sent = sandbox.requests.find((r) => r.path.endsWith('/guests'));
		expect(sent?.status).toBe(400);
		expect(sent?.body).toEqual({ guests: [{ email: EMAIL }, { email: REFUSED_EMAIL }] });
		if (production) {
			expect(result.error?.message).toBe(
				`Cal.com rejected the input of POST /v2/bookings/${UID}/guests without naming the field ("Bad Request Exception")`,
			);
			expect(description(result.error)).toMatch(
				/^Fields sent: guests\[\]\.email\. Check each against what Cal\.com accepts: .*email addresses/,
			);
			expect(description(result.error)).toContain('(cal-api-version 2024-08-13)');
		} else {
			expect(result.error?.message).toBe(
				`Cal.com rejected the input of POST /v2/bookings/${UID}/guests: guests[1].email: email must be an email`,
			);
			expect(description(result.error)).toBe('Fields sent: guests[].email.');
		}
		expectNoPersonalData(errorText(result));
	});

	it('Add Guests with Continue On Fail: the error item says the same and carries no email', async () => {
		const result = await runCalCom(sandbox, addGuests, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const item = result.items[0].json;
		expect(item).toMatchObject({
			httpCode: '400',
			description: expect.stringMatching(/^Fields sent: guests\[\]\.email\./),
		});
		expect(String(item.error)).toMatch(
			new RegExp(`^Cal\\.com rejected the input of POST /v2/bookings/${UID}/guests`),
		);
		expectNoPersonalData(errorText(result));
	});

	it('Create: passes the booking pipe’s field name on, with the fields sent, and repeats neither email nor phone', async () => {
		const result = await runCalCom(sandbox, create);
		const post = sandbox.requests.find((r) => r.method === 'POST' && r.path === '/v2/bookings');
		expect(post?.status).toBe(400);
		expect(post?.body).toMatchObject({
			attendee: { email: 'priya@acme_corp.example', phoneNumber: PHONE },
		});
		expect(result.error?.message).toBe(
			'Cal.com rejected the request: attendee property is wrong, email property is wrong,Invalid email format',
		);
		expect(description(result.error)).toBe(
			'Fields sent: start, attendee.name, attendee.timeZone, attendee.email, attendee.phoneNumber, eventTypeId. ' +
				'"should not exist" means Cal.com does not take that field; otherwise correct the value of the field named.',
		);
		expectNoPersonalData(errorText(result));

		const continued = await runCalCom(sandbox, create, { continueOnFail: true });
		expect(continued.items[0].json).toMatchObject({
			error: result.error?.message,
			description: description(result.error),
			httpCode: '400',
		});
		expectNoPersonalData(errorText(continued));
	});
});
