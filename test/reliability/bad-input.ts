/**
 * Shared parts of the R2 specs: the operations whose parameters they break, and the check that a
 * bad value was refused by name before Cal.com saw a request.
 */
import type { INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../harness';
import type { Sandbox } from '../sandbox';
import { runCalCom, visibleText } from '../integration/helpers';

export const byId = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'id',
	value,
});
export const UID = 'kEQ6lyUVxK9sKQNFvjgrCv';

/** Valid parameters of each operation; a case replaces one of them with a bad value. */
export const VALID: Record<string, INodeParameters> = {
	bookingCreate: {
		resource: 'booking',
		operation: 'create',
		lookup: 'eventTypeId',
		eventTypeId: byId('12'),
		start: '2027-03-15T13:00:00Z',
		attendeeName: 'Ana Silva',
		attendeeEmail: 'ana@example.com',
		attendeeTimeZone: 'America/New_York',
		bookingQuestions: {
			answers: [
				{ question: 'company', value: 'Acme' },
				{ question: 'team-size', value: '11-50' },
				{ question: 'accept-terms', value: 'true' },
			],
		},
	},
	bookingGet: { resource: 'booking', operation: 'get', bookingUid: UID },
	bookingGetMany: { resource: 'booking', operation: 'getMany', returnAll: false, limit: 10 },
	bookingCancel: {
		resource: 'booking',
		operation: 'cancel',
		bookingUid: UID,
		cancellationReason: 'Customer asked',
	},
	bookingConfirm: { resource: 'booking', operation: 'confirm', bookingUid: UID },
	bookingDecline: {
		resource: 'booking',
		operation: 'decline',
		bookingUid: UID,
		reason: 'Fully booked',
	},
	bookingReschedule: {
		resource: 'booking',
		operation: 'reschedule',
		bookingUid: UID,
		start: '2027-03-15T14:00:00Z',
		timeZone: 'America/New_York',
	},
	bookingMarkNoShow: {
		resource: 'booking',
		operation: 'markNoShow',
		bookingUid: UID,
		hostAbsent: true,
	},
	bookingReassign: {
		resource: 'booking',
		operation: 'reassign',
		bookingUid: UID,
		reassignMode: 'automatic',
	},
	bookingReassignUser: {
		resource: 'booking',
		operation: 'reassign',
		bookingUid: UID,
		reassignMode: 'user',
		userId: 2,
	},
	bookingAddGuests: {
		resource: 'booking',
		operation: 'addGuests',
		bookingUid: UID,
		guestEmails: 'bo@example.com',
	},
	bookingUpdateLocation: {
		resource: 'booking',
		operation: 'updateLocation',
		bookingUid: UID,
		locationType: 'link',
		locationValue: 'https://example.com/room',
	},
	eventTypeGet: { resource: 'eventType', operation: 'get', eventTypeId: byId('12') },
	eventTypeUpdate: {
		resource: 'eventType',
		operation: 'update',
		eventTypeId: byId('12'),
		updateFields: { title: 'Renamed' },
	},
	eventTypeDelete: { resource: 'eventType', operation: 'delete', eventTypeId: byId('12') },
	eventTypeGetManyTeam: {
		resource: 'eventType',
		operation: 'getMany',
		source: 'team',
		teamId: 100,
		returnAll: true,
	},
	eventTypeGetManyUser: {
		resource: 'eventType',
		operation: 'getMany',
		source: 'user',
		username: 'bailey',
		returnAll: true,
	},
	scheduleGet: { resource: 'schedule', operation: 'get', scheduleId: byId('1') },
	scheduleUpdate: {
		resource: 'schedule',
		operation: 'update',
		scheduleId: byId('1'),
		updateFields: { name: 'Renamed' },
	},
	scheduleDelete: { resource: 'schedule', operation: 'delete', scheduleId: byId('1') },
	slotGetAvailable: {
		resource: 'slot',
		operation: 'getAvailable',
		lookup: 'eventTypeId',
		eventTypeId: byId('12'),
		start: '2027-03-15',
		end: '2027-03-16',
		timeZone: 'America/New_York',
	},
	slotFindNextFree: {
		resource: 'slot',
		operation: 'findNextFree',
		lookup: 'eventTypeId',
		eventTypeId: byId('12'),
		after: '2027-03-15T09:00',
		count: 2,
		timeZone: 'America/New_York',
	},
	slotReserve: {
		resource: 'slot',
		operation: 'reserve',
		eventTypeId: byId('12'),
		slotStart: '2027-03-15T13:00:00Z',
	},
	slotGetReservation: {
		resource: 'slot',
		operation: 'getReservation',
		reservationUid: 'e84be5a3-4696-49e3-acc7-b2f3999c3b94',
	},
	slotUpdateReservation: {
		resource: 'slot',
		operation: 'updateReservation',
		reservationUid: 'e84be5a3-4696-49e3-acc7-b2f3999c3b94',
		eventTypeId: byId('12'),
		slotStart: '2027-03-15T13:00:00Z',
	},
	slotReleaseReservation: {
		resource: 'slot',
		operation: 'releaseReservation',
		reservationUid: 'e84be5a3-4696-49e3-acc7-b2f3999c3b94',
	},
	userUpdate: {
		resource: 'user',
		operation: 'update',
		updateFields: { timeZone: 'Europe/Lisbon' },
	},
	creditCharge: { resource: 'credit', operation: 'charge', credits: 5, creditFor: 'SMS' },
	webhookGet: {
		resource: 'webhook',
		operation: 'get',
		scope: 'user',
		webhookId: byId('6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34'),
	},
	webhookUpdate: {
		resource: 'webhook',
		operation: 'update',
		scope: 'user',
		webhookId: byId('6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34'),
		updateFields: { active: false },
	},
	webhookDelete: {
		resource: 'webhook',
		operation: 'delete',
		scope: 'user',
		webhookId: byId('6d3a7a8e-2b0c-4c55-9d1e-5b7b0f1f2a34'),
	},
	webhookGetManyEventType: {
		resource: 'webhook',
		operation: 'getMany',
		scope: 'eventType',
		eventTypeId: byId('12'),
		returnAll: true,
	},
	scheduleCreate: {
		resource: 'schedule',
		operation: 'create',
		name: 'Mornings',
		timeZone: 'Europe/Berlin',
		availability: { entries: [{ days: ['Monday'], startTime: '08:00', endTime: '12:00' }] },
	},
	teamGet: { resource: 'team', operation: 'get', teamId: byId('100') },
	teamCreate: { resource: 'team', operation: 'create', name: 'Sales' },
	teamUpdate: {
		resource: 'team',
		operation: 'update',
		teamId: byId('100'),
		updateFields: { name: 'Renamed' },
	},
	teamDelete: { resource: 'team', operation: 'delete', teamId: byId('100') },
	teamCreateInviteLink: { resource: 'team', operation: 'createInviteLink', teamId: byId('100') },
	teamGetBookings: { resource: 'team', operation: 'getBookings', teamId: byId('100'), limit: 5 },
	teamGetSchedules: { resource: 'team', operation: 'getSchedules', teamId: byId('100'), limit: 5 },
	teamMembershipGetMany: {
		resource: 'teamMembership',
		operation: 'getMany',
		teamId: byId('100'),
		limit: 5,
	},
	teamMembershipGet: {
		resource: 'teamMembership',
		operation: 'get',
		teamId: byId('100'),
		membershipId: byId('2'),
	},
	teamMembershipAdd: {
		resource: 'teamMembership',
		operation: 'add',
		teamId: byId('100'),
		userId: 3,
		role: 'ADMIN',
		accepted: true,
	},
	teamMembershipUpdate: {
		resource: 'teamMembership',
		operation: 'update',
		teamId: byId('100'),
		membershipId: byId('2'),
		updateFields: { role: 'ADMIN' },
	},
	teamMembershipRemove: {
		resource: 'teamMembership',
		operation: 'remove',
		teamId: byId('100'),
		membershipId: byId('2'),
	},
};

/** An expression n8n evaluates to the given value: how wrong types reach a node. */
export const expr = (source: string) => `={{ ${source} }}`;

/**
 * The node refused the run with an error that starts with the field's name (as the user sees it
 * in the editor), sent Cal.com nothing, and shows no API key.
 */
export function expectRefusedByName(
	sandbox: Sandbox,
	result: RunNodeResult,
	field: string,
	mentions?: RegExp,
): void {
	expect(result.error?.message).toEqual(
		expect.stringMatching(new RegExp(`^${field.replace(/[()]/g, '\\$&')}(:| →)`)),
	);
	if (mentions) expect(result.error?.message).toMatch(mentions);
	expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
	expect(visibleText(result)).not.toContain(sandbox.apiKeyFor('bailey'));
}

export async function run(
	sandbox: Sandbox,
	base: string,
	changes: INodeParameters,
): Promise<RunNodeResult> {
	return await runCalCom(sandbox, { ...VALID[base], ...changes });
}

/** IDs that would change a request's path or mean no record: every ID field refuses them by name. */
export const PATH_BREAKERS = [
	'abc/def',
	'../12',
	'..',
	'a b',
	'x?admin=1',
	'x#frag',
	'%2e%2e',
	'١٢',
	'-3',
	'0',
];
