/**
 * The read operations of the Cal.com node, found in its description, and the parameters each one
 * runs with against the sandbox. Used by oauth-reads.test.ts to run every read with the API key and
 * with the OAuth2 credential.
 */
import type { INodeParameters } from 'n8n-workflow';

import { resources } from '../../nodes/CalCom/actions/router';
import type { Sandbox } from '../sandbox';
import type { OrganizationSeed } from '../sandbox/organization-seed';
import { runCalCom } from './helpers';

/** The first word of an operation's action says whether it reads or changes Cal.com. */
const READ_VERBS = new Set(['Get', 'Find', 'Check', 'Calculate']);
const WRITE_VERBS = new Set([
	'Add',
	'Cancel',
	'Charge',
	'Confirm',
	'Connect',
	'Create',
	'Decline',
	'Delete',
	'Mark',
	'Reassign',
	'Release',
	'Remove',
	'Reschedule',
	'Reserve',
	'Set',
	'Update',
]);

export interface NodeOperation {
	/** `resource.operation`, e.g. `booking.getMany`. */
	key: string;
	action: string;
	verb: string;
}

/** Every operation of every resource, as the node's Operation options list them. */
export function nodeOperations(): NodeOperation[] {
	return Object.entries(resources).flatMap(([resource, module]) => {
		const property = module.description.find((p) => p.name === 'operation');
		const options = (property?.options ?? []) as Array<{ value: string; action?: string }>;
		return options.map((option) => {
			const action = option.action ?? '';
			return { key: `${resource}.${option.value}`, action, verb: action.split(' ')[0] };
		});
	});
}

export const isRead = (op: NodeOperation) => READ_VERBS.has(op.verb);
export const isClassified = (op: NodeOperation) =>
	READ_VERBS.has(op.verb) || WRITE_VERBS.has(op.verb);

export interface ReadCase {
	/** Whose API key and whose OAuth consent: maya owns organization 900. */
	username: 'bailey' | 'maya';
	parameters: INodeParameters;
	/** Data the read needs that the fixture lacks, made with the API key before both runs. */
	setup?: (sandbox: Sandbox, seed: OrganizationSeed) => Promise<INodeParameters>;
	/**
	 * Cal.com refuses OAuth tokens on this endpoint (no @OAuthPermissions): the OAuth2 run must end
	 * with the node's error saying so instead of giving the same output.
	 */
	notForOAuth?: true;
}

const id = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });
const PAST = 'PastBailey15min0000001';
const FUTURE = 'kEQ6lyUVxK9sKQNFvjgrCv';
const SALES_FORM = '5f1c2a9e-7b3d-4e8a-9c61-2d4b8e0f3a17';
const bailey = (parameters: INodeParameters): ReadCase => ({ username: 'bailey', parameters });
const maya = (parameters: INodeParameters): ReadCase => ({ username: 'maya', parameters });

async function firstAttendee(sandbox: Sandbox): Promise<INodeParameters> {
	const attendees = await runCalCom(sandbox, {
		resource: 'booking',
		operation: 'getAttendees',
		bookingUid: FUTURE,
	});
	return { attendeeId: attendees.items[0].json.id as number };
}

async function seatedBooking(sandbox: Sandbox): Promise<INodeParameters> {
	const eventType = sandbox.state.eventTypes.find((e) => e.id === 11);
	if (eventType) eventType.seatsPerTimeSlot = 3;
	const created = await runCalCom(sandbox, {
		resource: 'booking',
		operation: 'create',
		lookup: 'eventTypeId',
		eventTypeId: id(11),
		start: '2027-03-15T13:00:00Z',
		attendeeName: 'Ana Silva',
		attendeeEmail: 'ana@example.com',
		attendeeTimeZone: 'America/New_York',
	});
	return { seatUid: created.items[0].json.seatUid as string };
}

async function reservation(sandbox: Sandbox): Promise<INodeParameters> {
	const reserved = await runCalCom(sandbox, {
		resource: 'slot',
		operation: 'reserve',
		eventTypeId: id(12),
		slotStart: '2027-03-15T13:00:00Z',
	});
	return { reservationUid: reserved.items[0].json.reservationUid as string };
}

/** A user webhook of bailey's, made over HTTP with his API key. */
export async function createWebhook(sandbox: Sandbox): Promise<INodeParameters> {
	const response = await fetch(`${sandbox.url}/v2/webhooks`, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${sandbox.apiKeyFor('bailey')}`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({
			subscriberUrl: 'http://127.0.0.1:1/hook',
			triggers: ['BOOKING_CREATED'],
			active: true,
		}),
	});
	const created = (await response.json()) as { data: { id: string } };
	return { webhookId: id(created.data.id) };
}

async function priyaAway(sandbox: Sandbox): Promise<INodeParameters> {
	await runCalCom(
		sandbox,
		{
			resource: 'outOfOffice',
			operation: 'create',
			userId: id(83),
			timeZone: 'Europe/London',
			start: '2027-03-03',
			end: '2027-03-04',
			reason: 'vacation',
		},
		{ username: 'maya' },
	);
	return {};
}

/** Parameters per read operation; the spec fails for a read operation missing here. */
export const READ_CASES: Record<string, ReadCase> = {
	'booking.get': bailey({ bookingUid: FUTURE }),
	'booking.getAttendee': { ...bailey({ bookingUid: FUTURE }), setup: firstAttendee },
	'booking.getAttendees': bailey({ bookingUid: FUTURE }),
	'booking.getBySeatUid': { ...bailey({}), setup: seatedBooking },
	'booking.getCalendarLinks': bailey({ bookingUid: PAST }),
	'booking.getConferencingSessions': bailey({ bookingUid: PAST }),
	'booking.getMany': bailey({ returnAll: true }),
	'booking.getRecordings': bailey({ bookingUid: PAST }),
	'booking.getReferences': bailey({ bookingUid: PAST }),
	'booking.getTranscripts': bailey({ bookingUid: PAST }),
	'calendar.check': bailey({ provider: 'google' }),
	'calendar.getBusyTimes': bailey({
		start: '2027-03-25',
		end: '2027-03-25',
		timeZone: 'America/New_York',
	}),
	'calendar.getMany': bailey({ returnAll: true }),
	'conferencing.getDefault': bailey({}),
	'conferencing.getMany': bailey({ returnAll: true }),
	'credit.getAvailable': bailey({}),
	'eventType.get': bailey({ eventTypeId: id(12) }),
	'eventType.getMany': bailey({ source: 'own', returnAll: true }),
	'eventTypePrivateLink.getMany': bailey({ eventTypeId: id(12), returnAll: true }),
	'organizationBooking.getMany': maya({ returnAll: true }),
	'organizationMembership.get': maya({ membershipId: 9003 }),
	'organizationMembership.getMany': maya({ returnAll: true }),
	'organizationSchedule.get': maya({ userId: id(83), scheduleId: id(83) }),
	'organizationSchedule.getMany': maya({ scope: 'organization', returnAll: true }),
	'organizationTeam.get': {
		...maya({}),
		setup: async (_sandbox, seed) => ({ teamId: id(seed.teamId) }),
	},
	'organizationTeam.getMany': maya({ returnAll: true }),
	'organizationUser.getMany': maya({ returnAll: true }),
	'outOfOffice.getMany': {
		...maya({ userId: id(83), timeZone: 'Europe/London', returnAll: true }),
		setup: priyaAway,
	},
	'routingForm.calculateSlots': {
		...maya({
			routingFormId: id(SALES_FORM),
			answersInput: 'fields',
			answers: {
				answer: [
					{ field: 'company', value: 'Contoso' },
					{ field: 'product', value: 'Enterprise' },
				],
			},
			start: '2027-03-02',
			end: '2027-03-02',
			timeZone: 'Europe/London',
		}),
		notForOAuth: true,
	},
	'routingForm.getMany': maya({ returnAll: true }),
	'routingForm.getResponses': maya({ routingFormId: id(SALES_FORM), returnAll: true }),
	'schedule.get': bailey({ scheduleId: id(4) }),
	'schedule.getDefault': bailey({}),
	'schedule.getMany': bailey({ returnAll: true }),
	'slot.findNextFree': bailey({
		lookup: 'eventTypeId',
		eventTypeId: id(12),
		timeZone: 'America/New_York',
		after: '2027-03-02T00:00:00Z',
		count: 3,
	}),
	'slot.getAvailable': bailey({
		lookup: 'eventTypeId',
		eventTypeId: id(12),
		start: '2027-03-02',
		end: '2027-03-02',
		timeZone: 'America/New_York',
	}),
	'slot.getReservation': { ...bailey({}), setup: reservation },
	'team.get': bailey({ teamId: id(100) }),
	'team.getBookings': bailey({ teamId: id(100), returnAll: true }),
	'team.getMany': bailey({ returnAll: true }),
	'team.getSchedules': bailey({ teamId: id(100), returnAll: true }),
	'teamEventType.get': bailey({ teamId: id(100), eventTypeId: id(52) }),
	'teamEventType.getMany': bailey({ teamId: id(100), returnAll: true }),
	'teamMembership.get': bailey({ teamId: id(100), membershipId: id(2) }),
	'teamMembership.getMany': bailey({ teamId: id(100), returnAll: true }),
	'user.get': bailey({}),
	'webhook.get': { ...bailey({}), setup: createWebhook },
	'webhook.getMany': { ...bailey({ returnAll: true }), setup: createWebhook },
};
