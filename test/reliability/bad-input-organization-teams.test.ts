import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr, PATH_BREAKERS } from './bad-input';

const sandbox = useSandbox();

const org = { organization: 'id', organizationId: 900 };

function schedule(operation: string): INodeParameters {
	const target = { userId: byId('83'), scheduleId: byId('83') };
	return { resource: 'organizationSchedule', operation, ...org, ...target };
}

/**
 * Valid parameters of the organization's team, booking and schedule operations; a case replaces
 * one with a bad value and expects the field named before any request.
 */
const VALID: Record<string, INodeParameters> = {
	orgTeamGetMany: { resource: 'organizationTeam', operation: 'getMany', ...org, limit: 5 },
	orgTeamCreate: { resource: 'organizationTeam', operation: 'create', ...org, name: 'Sales' },
	orgTeamGet: { resource: 'organizationTeam', operation: 'get', ...org, teamId: byId('910') },
	orgTeamUpdate: {
		resource: 'organizationTeam',
		operation: 'update',
		...org,
		teamId: byId('910'),
		updateFields: { name: 'Sales' },
	},
	orgTeamDelete: { resource: 'organizationTeam', operation: 'delete', ...org, teamId: byId('910') },
	orgBookings: { resource: 'organizationBooking', operation: 'getMany', ...org, limit: 5 },
	orgUserBookings: {
		resource: 'organizationBooking',
		operation: 'getMany',
		...org,
		scope: 'user',
		userId: byId('83'),
		limit: 5,
	},
	orgTeamBookings: {
		resource: 'organizationBooking',
		operation: 'getMany',
		...org,
		scope: 'team',
		teamId: byId('910'),
		limit: 5,
	},
	orgScheduleGetMany: {
		resource: 'organizationSchedule',
		operation: 'getMany',
		...org,
		userId: byId('83'),
		limit: 5,
	},
	orgScheduleGet: { ...schedule('get') },
	orgScheduleCreate: {
		resource: 'organizationSchedule',
		operation: 'create',
		...org,
		userId: byId('83'),
		name: 'Afternoons',
		timeZone: 'Europe/London',
	},
	orgScheduleUpdate: { ...schedule('update'), updateFields: { name: 'Core hours' } },
	orgScheduleDelete: { ...schedule('delete') },
};

const run = async (base: string, changes: INodeParameters) =>
	await runCalCom(sandbox(), { ...VALID[base], ...changes });

type Place = (bad: string) => INodeParameters;
const ID_PARAMETERS: Array<[string, string, Place]> = [
	...Object.keys(VALID).map((op): [string, string, Place] => [
		op,
		'Organization ID',
		(bad) => ({ organizationId: bad }),
	]),
	['orgUserBookings', 'User', (bad) => ({ userId: byId(bad) })],
	...['orgScheduleGetMany', 'orgScheduleGet', 'orgScheduleCreate', 'orgScheduleUpdate'].map(
		(op): [string, string, Place] => [op, 'User', (bad) => ({ userId: byId(bad) })],
	),
	...['orgScheduleGet', 'orgScheduleUpdate', 'orgScheduleDelete'].map(
		(op): [string, string, Place] => [op, 'Schedule', (bad) => ({ scheduleId: byId(bad) })],
	),
	...['orgTeamGet', 'orgTeamUpdate', 'orgTeamDelete', 'orgTeamBookings'].map(
		(op): [string, string, Place] => [op, 'Team', (bad) => ({ teamId: byId(bad) })],
	),
];

describe.each(ID_PARAMETERS)(
	'R2 bad input: path-breaking IDs, %s → %s',
	(operation, field, place) => {
		it.each(PATH_BREAKERS)('refuses %j by name before any request', async (bad) => {
			expectRefusedByName(sandbox(), await run(operation, place(expr(JSON.stringify(bad)))), field);
		});
	},
);

describe('R2 bad input: organization team names and settings', () => {
	it.each(['   ', expr('""'), expr('{ a: 1 }'), expr('["Sales"]')])(
		'refuses the name %j on Create and Update',
		async (bad) => {
			expectRefusedByName(sandbox(), await run('orgTeamCreate', { name: bad }), 'Name');
			expectRefusedByName(
				sandbox(),
				await run('orgTeamUpdate', { updateFields: { name: bad } }),
				'Name',
			);
		},
	);
	it.each([
		['Time Zone', { timeZone: 'Mars/Olympus_Mons' }],
		['Week Start', { weekStart: 'Funday' }],
		['Bio', { bio: expr('{ a: 1 }') }],
	])('refuses a bad %s on Create', async (field, fields) => {
		expectRefusedByName(
			sandbox(),
			await run('orgTeamCreate', { additionalFields: fields as INodeParameters }),
			field,
		);
	});
	it('refuses an Update with nothing to change by name', async () => {
		expectRefusedByName(
			sandbox(),
			await run('orgTeamUpdate', { updateFields: {} }),
			'Update Fields',
		);
	});
});

describe('R2 bad input: organization booking filters', () => {
	it.each([
		['orgBookings', 'User IDs', { userIds: '82, abc' }],
		['orgBookings', 'User IDs', { userIds: '82/../1' }],
		['orgBookings', 'Team IDs', { teamsIds: '-1' }],
		['orgUserBookings', 'Event Type IDs', { eventTypeIds: '49;drop' }],
		['orgTeamBookings', 'Status', { status: ['later'] }],
		['orgBookings', 'Starts After', { afterStart: 'next week' }],
		['orgUserBookings', 'Created Before', { beforeCreatedAt: '2027-02-30T10:00:00Z' }],
		[
			'orgTeamBookings',
			'Ends Before',
			{ afterStart: '2027-03-05T10:00:00Z', beforeEnd: '2027-03-04T10:00:00Z' },
		],
	])('%s → %s %j', async (operation, field, filters) => {
		expectRefusedByName(
			sandbox(),
			await run(operation, { filters: filters as INodeParameters }),
			field,
		);
	});
});

describe('R2 bad input: organization schedules', () => {
	it.each([
		['orgScheduleCreate', 'Name', { name: '   ' }],
		['orgScheduleCreate', 'Time Zone', { timeZone: 'Mars/Olympus_Mons' }],
		['orgScheduleCreate', 'Time Zone', { timeZone: 'CEST' }],
		[
			'orgScheduleCreate',
			'Availability 1 → End Time',
			{ availability: { entries: [{ days: ['Monday'], startTime: '17:00', endTime: '09:00' }] } },
		],
		[
			'orgScheduleCreate',
			'Availability 1 → Days',
			{ availability: { entries: [{ days: ['Funday'], startTime: '09:00', endTime: '17:00' }] } },
		],
		['orgScheduleUpdate', 'Time Zone', { updateFields: { timeZone: '+02:00' } }],
		['orgScheduleUpdate', 'Update Fields', { updateFields: {} }],
		['orgScheduleUpdate', 'Availability', { updateFields: { availability: { entries: [] } } }],
	])('%s → %s %j', async (operation, field, changes) => {
		expectRefusedByName(sandbox(), await run(operation, changes as INodeParameters), field);
	});
});
