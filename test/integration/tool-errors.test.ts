import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

/**
 * As an AI agent's tool the node fails with one plain-text message that says what went wrong and
 * what to do next: n8n hands the agent only `{ error: message }`, never the description.
 */
const byId = { lookup: 'eventTypeId', eventTypeId: { __rl: true, mode: 'id', value: '12' } };

function booking(extra: INodeParameters): INodeParameters {
	return {
		resource: 'booking',
		operation: 'create',
		...byId,
		start: '2027-03-15T13:00:00Z',
		attendeeName: 'Ana Silva',
		attendeeEmail: 'ana@example.com',
		attendeeTimeZone: 'America/New_York',
		bookingQuestions: {
			answers: [
				{ question: 'company', value: 'Acme' },
				{ question: 'team-size', value: '1-10' },
				{ question: 'accept-terms', value: 'true' },
			],
		},
		...extra,
	};
}

const posts = (sandbox: Sandbox) =>
	sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v2/bookings');

describe('Errors an AI agent can act on (the node as a tool)', () => {
	const current = useSandbox();

	it('slot taken: the nearest free slots and the next step, in the message itself', async () => {
		const sandbox = current();
		const tool = await runCalCom(sandbox, booking({ start: '2027-03-02T14:00' }), { asTool: true });
		expect(tool.error?.message).toBe(
			'Start "2027-03-02T14:00" has no offset, so it was read in the Attendee Time Zone: 2027-03-02T14:00:00-05:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-02T12:30:00-05:00, 2027-03-02T13:00:00-05:00, 2027-03-02T13:30:00-05:00, 2027-03-02T14:30:00-05:00, 2027-03-02T15:00:00-05:00. Pick one of these start times (or run Slot → Get Available) and try again.',
		);
		expect(posts(sandbox)).toHaveLength(0);

		// In the editor the same failure keeps the short message, the advice in the description.
		const editor = await runCalCom(sandbox, booking({ start: '2027-03-02T14:00' }));
		expect(editor.error?.message).toMatch(/is not a free slot\. Nearest free slots: [^.]+00$/);
		expect((editor.error as { description?: string }).description).toContain(
			'Pick one of these start times',
		);
	});

	it('missing booking question: its label, slug, type and options, and where to look them up', async () => {
		const sandbox = current();
		const tool = await runCalCom(
			sandbox,
			booking({ bookingQuestions: { answers: [{ question: 'company', value: 'Acme' }] } }),
			{ asTool: true },
		);
		expect(tool.error?.message).toBe(
			'Booking Question Answers: "Team size" (team-size) is required (options: 1-10, 11-50, 51-200, 200+); "I accept the terms of service" (accept-terms) is required (boolean). Answer each question by its slug or label; Event Type → Get lists the questions with their types and options.',
		);
		expect(posts(sandbox)).toHaveLength(0);
	});

	it('unknown time zone: the expected form, before any request', async () => {
		const sandbox = current();
		const tool = await runCalCom(sandbox, booking({ attendeeTimeZone: 'New York' }), {
			asTool: true,
		});
		expect(tool.error?.message).toMatch(
			/^Attendee Time Zone: "New York" is not an IANA time zone name\. Use an IANA time zone name such as Europe\/Berlin, America\/New_York or UTC\.$/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it("Cal.com's refusal: what was not found, what to check, and Cal.com's own words", async () => {
		const sandbox = current();
		const tool = await runCalCom(
			sandbox,
			{ resource: 'booking', operation: 'get', bookingUid: 'no-such-booking' },
			{ asTool: true },
		);
		expect(tool.error?.message).toBe(
			'Booking no-such-booking was not found. Check the booking UID (the "uid" field, not the numeric ID). Cal.com said: Booking with uid=no-such-booking was not found in the database.',
		);
		const message = String(tool.error?.message);
		expect(message).not.toContain(sandbox.apiKeyFor('bailey'));
	});
});
