/**
 * Executions that share one API key, run at the same time through n8n-core in this process: the
 * load of issue 18 (4 executions × 100 booking creates), used by the integration spec
 * (shared-key-pacing.test.ts) and by B7 in `npm run bench`.
 *
 * Each item books a distinct free slot of bailey's 15-minute event type (11), read beforehand from
 * the sandbox's own /v2/slots, so every create is valid and a second booking of one item shows as
 * a repeated attendee e-mail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import type { Sandbox } from '../sandbox';

export const LOAD_EVENT_TYPE_ID = 11;
const SLOTS_VERSION = '2024-09-04';
const EMAIL_DOMAIN = '@shared-key.example';

/** `count` distinct free starts of the event type, from the sandbox's own slot answers. */
export async function freeStarts(
	sandbox: Sandbox,
	count: number,
	eventTypeId = LOAD_EVENT_TYPE_ID,
): Promise<string[]> {
	const starts: string[] = [];
	let from = Date.parse('2027-03-02T00:00:00Z');
	while (starts.length < count) {
		const to = from + 7 * 86_400_000;
		const qs = new URLSearchParams({
			eventTypeId: String(eventTypeId),
			start: new Date(from).toISOString(),
			end: new Date(to - 1).toISOString(),
			timeZone: 'UTC',
		});
		const response = await fetch(`${sandbox.url}/v2/slots?${qs}`, {
			headers: { 'cal-api-version': SLOTS_VERSION },
		});
		if (!response.ok) throw new Error(`GET /v2/slots: ${response.status} ${await response.text()}`);
		const body = (await response.json()) as {
			data: Record<string, Array<{ start: string } | string>>;
		};
		for (const day of Object.keys(body.data).sort()) {
			for (const slot of body.data[day])
				starts.push(new Date(typeof slot === 'string' ? slot : slot.start).toISOString());
		}
		from = to;
		if (from > Date.parse('2028-01-01')) throw new Error(`only ${starts.length} free slots found`);
	}
	return starts.slice(0, count);
}

/** Booking → Create with the event type, start and attendee taken from each item. */
export const BOOKING_CREATE: INodeParameters = {
	resource: 'booking',
	operation: 'create',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '={{ $json.eventTypeId }}' },
	start: '={{ $json.start }}',
	attendeeName: '={{ $json.name }}',
	attendeeEmail: '={{ $json.email }}',
	attendeeTimeZone: 'America/New_York',
};

export interface SharedKeyLoad {
	executions: number;
	createsEach: number;
	/** The node's Options collection (e.g. { rateLimitReserve: 5 }); the defaults when absent. */
	options?: INodeParameters;
}

export interface SharedKeyOutcome {
	elapsedMs: number;
	/** Bookings the load made in the sandbox. */
	bookings: number;
	/** Attendee e-mails booked more than once. */
	duplicates: number;
	/** Error items and run errors over all executions. */
	failedItems: number;
	/** 429s the sandbox sent. */
	sandbox429: number;
	requests: number;
}

/** One instance for every execution, as n8n loads a node type once per process. */
const calCom = new CalCom();

/** Runs the executions at once, each with its own share of the free starts, and counts. */
export async function runSharedKeyLoad(
	sandbox: Sandbox,
	load: SharedKeyLoad,
): Promise<SharedKeyOutcome> {
	const starts = await freeStarts(sandbox, load.executions * load.createsEach);
	const firstRequest = sandbox.requests.length;
	const began = Date.now();
	const runs = await Promise.all(
		Array.from({ length: load.executions }, (_, e) =>
			runExecution(
				sandbox,
				load,
				starts.slice(e * load.createsEach, (e + 1) * load.createsEach),
				e,
			),
		),
	);
	const elapsedMs = Date.now() - began;
	const emails = sandbox.state.bookings
		.flatMap((b) => b.attendees.map((a) => a.email))
		.filter((email) => email.endsWith(EMAIL_DOMAIN));
	const requests = sandbox.requests.slice(firstRequest);
	return {
		elapsedMs,
		bookings: emails.length,
		duplicates: emails.length - new Set(emails).size,
		failedItems: runs.reduce((sum, run) => sum + failedItems(run), 0),
		sandbox429: requests.filter((r) => r.status === 429).length,
		requests: requests.length,
	};
}

async function runExecution(
	sandbox: Sandbox,
	load: SharedKeyLoad,
	starts: string[],
	execution: number,
): Promise<RunNodeResult> {
	return await runNode({
		node: calCom,
		credentialTypes: [new CalComV2Api()],
		parameters: { ...BOOKING_CREATE, options: load.options ?? {} },
		credentials: {
			calComV2Api: {
				apiKey: sandbox.apiKeyFor('bailey'),
				environment: 'selfHosted',
				baseUrl: sandbox.url,
			},
		} as never,
		inputItems: starts.map((start, i) => ({
			eventTypeId: String(LOAD_EVENT_TYPE_ID),
			start,
			name: `Guest ${execution + 1}-${i + 1}`,
			email: `guest${execution + 1}-${i + 1}${EMAIL_DOMAIN}`,
		})),
		continueOnFail: true,
	});
}

function failedItems(run: RunNodeResult): number {
	const errors = run.items.filter((item) => typeof item.json.error === 'string').length;
	return errors + (run.error ? 1 : 0);
}
