import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr } from './bad-input';

const sandbox = useSandbox();

/** Team Event Type operations with good input: each case changes one parameter. */
const VALID: Record<string, INodeParameters> = {
	getMany: { resource: 'teamEventType', operation: 'getMany', teamId: byId('100'), limit: 5 },
	get: {
		resource: 'teamEventType',
		operation: 'get',
		teamId: byId('100'),
		eventTypeId: byId('51'),
	},
	delete: {
		resource: 'teamEventType',
		operation: 'delete',
		teamId: byId('100'),
		eventTypeId: byId('53'),
	},
	create: {
		resource: 'teamEventType',
		operation: 'create',
		teamId: byId('100'),
		title: 'Demo',
		slug: 'demo',
		lengthInMinutes: 30,
		schedulingType: 'roundRobin',
		hosts: { host: [{ userId: 2, mandatory: false, priority: 'medium' }] },
	},
	update: {
		resource: 'teamEventType',
		operation: 'update',
		teamId: byId('100'),
		eventTypeId: byId('51'),
		updateFields: { title: 'Renamed' },
	},
};

const run = async (base: string, changes: INodeParameters) =>
	await runCalCom(sandbox(), { ...VALID[base], ...changes });

describe('R2 bad input: team event type scheduling types outside Cal.com’s list', () => {
	const types: unknown[] = [
		'ROUND_ROBIN',
		'roundrobin',
		'round robin',
		'',
		7,
		['collective'],
		null,
	];
	it.each(types)(
		'create refuses the scheduling type %j by name before any request',
		async (bad) => {
			const result = await run('create', { schedulingType: expr(JSON.stringify(bad)) });
			expectRefusedByName(sandbox(), result, 'Scheduling Type', /roundRobin, collective, managed/);
		},
	);
	it.each([...types, 'managed'])(
		'update refuses the scheduling type %j by name before any request',
		async (bad) => {
			const result = await run('update', {
				updateFields: { schedulingType: expr(JSON.stringify(bad)), assignAllTeamMembers: true },
			});
			expectRefusedByName(sandbox(), result, 'Scheduling Type', /collective, roundRobin/);
		},
	);
	it('update refuses a new scheduling type without hosts, which Cal.com would leave hostless', async () => {
		const result = await run('update', { updateFields: { schedulingType: 'collective' } });
		expectRefusedByName(sandbox(), result, 'Scheduling Type', /Hosts or turn on Assign All/);
	});
});

describe('R2 bad input: team event type hosts', () => {
	const NOT_POSITIVE: unknown[] = [0, -1, 1.5, '1e3', '0x10', '9'.repeat(30), '', null, 'lena'];
	it.each(NOT_POSITIVE)(
		'create refuses the host user ID %j by name before any request',
		async (bad) => {
			const result = await run('create', {
				hosts: { host: [{ userId: expr(JSON.stringify(bad)) }] },
			});
			expectRefusedByName(sandbox(), result, 'Hosts → Host 1 → Member');
		},
	);
	it.each(NOT_POSITIVE)(
		'update refuses the host user ID %j by name before any request',
		async (bad) => {
			const result = await run('update', {
				updateFields: { hosts: { host: [{ userId: 2 }, { userId: expr(JSON.stringify(bad)) }] } },
			});
			expectRefusedByName(sandbox(), result, 'Hosts → Host 2 → Member');
		},
	);
	const PRIORITIES: unknown[] = ['urgent', 'HIGH', 'Medium', 5, 2, '', null, ['low']];
	it.each(PRIORITIES)('create refuses the priority %j by name before any request', async (bad) => {
		const result = await run('create', {
			hosts: { host: [{ userId: 2, priority: expr(JSON.stringify(bad)) }] },
		});
		expectRefusedByName(
			sandbox(),
			result,
			'Hosts → Host 1 → Priority',
			/lowest, low, medium, high, highest/,
		);
	});
	it('refuses a host listed twice, and hosts together with Assign All Team Members', async () => {
		const twice = await run('create', { hosts: { host: [{ userId: 2 }, { userId: 2 }] } });
		expectRefusedByName(sandbox(), twice, 'Hosts', /user 2 is listed twice/);
		const both = await run('create', { assignAllTeamMembers: true });
		// Create hides Hosts when Assign All is on, so a stale list is not sent: only Update can have both.
		expect(both.error).toBeUndefined();
		sandbox().requests.length = 0;
		const update = await run('update', {
			updateFields: { assignAllTeamMembers: true, hosts: { host: [{ userId: 2 }] } },
		});
		expectRefusedByName(sandbox(), update, 'Hosts', /not both/);
	});
});

describe('R2 bad input: team event type IDs that would break the path', () => {
	const BREAKERS = ['abc/def', '../12', '..', 'a b', 'x?admin=1', '12/../13', '%2e%2e', '0', '-4'];
	const places: Array<[string, string, (bad: string) => INodeParameters]> = [
		...['getMany', 'get', 'delete', 'create', 'update'].map(
			(op): [string, string, (bad: string) => INodeParameters] => [
				op,
				'Team',
				(bad) => ({ teamId: byId(expr(JSON.stringify(bad))) }),
			],
		),
		...['get', 'delete', 'update'].map((op): [string, string, (bad: string) => INodeParameters] => [
			op,
			'Event Type',
			(bad) => ({ eventTypeId: byId(expr(JSON.stringify(bad))) }),
		]),
		...['getMany', 'get', 'delete', 'create', 'update'].map(
			(op): [string, string, (bad: string) => INodeParameters] => [
				op,
				'Organization ID',
				(bad) => ({ options: { organizationId: bad } }),
			],
		),
	];
	describe.each(places)('%s → %s', (operation, field, place) => {
		it.each(BREAKERS)('refuses %j by name before any request', async (bad) => {
			const result = await run(operation, place(bad));
			expectRefusedByName(sandbox(), result, field);
		});
	});
});
