import type { INodeParameters } from 'n8n-workflow';

import { runWebhookMethod } from '../harness';
import { useSandbox } from '../integration/helpers';
import { triggerOptions } from '../integration/trigger-helpers';
import { byId, expectRefusedByName, expr, run } from './bad-input';

const sandbox = useSandbox();

/** Values that would change the route, or the query, were they put into a URL as they are. */
const PATH_BREAKERS = [
	'abc/def',
	'../12',
	'..',
	'a b',
	'ünïcødé',
	'x?admin=1',
	'x#frag',
	'12/../13',
	'%2e%2e',
	'١٢',
];

type Place = (bad: string) => INodeParameters;
/** [operation in VALID, field name the error must start with, where the bad value goes]. */
const ID_PARAMETERS: Array<[string, string, Place]> = [
	...[
		'bookingGet',
		'bookingCancel',
		'bookingConfirm',
		'bookingDecline',
		'bookingReschedule',
		'bookingMarkNoShow',
		'bookingReassign',
		'bookingAddGuests',
		'bookingUpdateLocation',
	].map((op): [string, string, Place] => [op, 'Booking UID', (bad) => ({ bookingUid: bad })]),
	['bookingCancel', 'Seat UID', (bad) => ({ options: { seatUid: bad } })],
	['bookingReassignUser', 'User ID', (bad) => ({ userId: bad })],
	['bookingCreate', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	[
		'bookingCreate',
		'Username',
		(bad) => ({ lookup: 'userSlug', username: bad, eventTypeSlug: '30min' }),
	],
	[
		'bookingCreate',
		'Event Type Slug',
		(bad) => ({ lookup: 'userSlug', username: 'bailey', eventTypeSlug: bad }),
	],
	['eventTypeGet', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	['eventTypeUpdate', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	['eventTypeDelete', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	['eventTypeGetManyTeam', 'Team ID', (bad) => ({ teamId: bad })],
	['eventTypeGetManyUser', 'Username', (bad) => ({ username: bad })],
	['scheduleGet', 'Schedule', (bad) => ({ scheduleId: byId(bad) })],
	['scheduleUpdate', 'Schedule', (bad) => ({ scheduleId: byId(bad) })],
	['scheduleDelete', 'Schedule', (bad) => ({ scheduleId: byId(bad) })],
	['slotGetAvailable', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	[
		'slotGetAvailable',
		'Team Slug',
		(bad) => ({ lookup: 'teamSlug', teamSlug: bad, eventTypeSlug: 'demo' }),
	],
	[
		'slotGetAvailable',
		'Organization Slug',
		(bad) => ({
			lookup: 'userSlug',
			username: 'bailey',
			eventTypeSlug: '30min',
			organizationSlug: bad,
		}),
	],
	[
		'slotGetAvailable',
		'Usernames',
		(bad) => ({ lookup: 'dynamic', usernames: `bailey, ${bad}`, organizationSlug: 'acme' }),
	],
	[
		'slotGetAvailable',
		'Booking UID to Reschedule',
		(bad) => ({ options: { bookingUidToReschedule: bad } }),
	],
	['slotFindNextFree', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	['slotReserve', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	['slotGetReservation', 'Reservation UID', (bad) => ({ reservationUid: bad })],
	['slotUpdateReservation', 'Reservation UID', (bad) => ({ reservationUid: bad })],
	['slotUpdateReservation', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	['slotReleaseReservation', 'Reservation UID', (bad) => ({ reservationUid: bad })],
	['userUpdate', 'Default Schedule ID', (bad) => ({ updateFields: { defaultScheduleId: bad } })],
	['webhookGet', 'Webhook', (bad) => ({ webhookId: byId(bad) })],
	['webhookUpdate', 'Webhook', (bad) => ({ webhookId: byId(bad) })],
	['webhookDelete', 'Webhook', (bad) => ({ webhookId: byId(bad) })],
	['webhookGetManyEventType', 'Event Type', (bad) => ({ eventTypeId: byId(bad) })],
	...[
		'teamGet',
		'teamUpdate',
		'teamDelete',
		'teamCreateInviteLink',
		'teamGetBookings',
		'teamGetSchedules',
		'teamMembershipGetMany',
		'teamMembershipGet',
		'teamMembershipAdd',
		'teamMembershipUpdate',
		'teamMembershipRemove',
	].map((op): [string, string, Place] => [op, 'Team', (bad) => ({ teamId: byId(bad) })]),
	...['teamMembershipGet', 'teamMembershipUpdate', 'teamMembershipRemove'].map(
		(op): [string, string, Place] => [op, 'Team Member', (bad) => ({ membershipId: byId(bad) })],
	),
	['teamMembershipAdd', 'User ID', (bad) => ({ userId: bad })],
];

describe.each(ID_PARAMETERS)(
	'R2 bad input: path-breaking IDs, %s → %s',
	(operation, field, place) => {
		// From an expression (an AI tool's $fromAI, a mapped field): the editor's own checks do not run.
		it.each(PATH_BREAKERS)('refuses %j by name before any request', async (bad) => {
			const result = await run(sandbox(), operation, place(expr(JSON.stringify(bad))));
			expectRefusedByName(sandbox(), result, field);
		});
	},
);

/** The trigger's scope IDs, read on activation: [field the error starts with, parameters]. */
const TRIGGER_IDS: Array<[string, (bad: string) => INodeParameters]> = [
	['Event Type', (bad) => ({ scope: 'eventType', eventTypeId: byId(bad) })],
	['Team ID', (bad) => ({ scope: 'teamEventType', teamId: bad, teamEventTypeId: 51 })],
	['Team Event Type ID', (bad) => ({ scope: 'teamEventType', teamId: 100, teamEventTypeId: bad })],
	['Organization ID', (bad) => ({ scope: 'organization', organizationId: bad })],
];

describe.each(TRIGGER_IDS)(
	'R2 bad input: path-breaking IDs, trigger activation → %s',
	(field, place) => {
		it.each([...PATH_BREAKERS, '9'.repeat(30)])(
			'refuses %j by name before any request',
			async (bad) => {
				const parameters = { events: ['BOOKING_CREATED'], ...place(expr(JSON.stringify(bad))) };
				for (const method of ['checkExists', 'create'] as const) {
					const error = await runWebhookMethod(
						triggerOptions(sandbox(), { parameters }),
						method,
					).then(
						() => undefined,
						(e: unknown) => e as Error,
					);
					expect(error?.message).toMatch(new RegExp(`^${field} must be a positive whole number`));
				}
				expect(sandbox().requests).toEqual([]);
			},
		);
	},
);
