import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr, PATH_BREAKERS } from './bad-input';

const sandbox = useSandbox();

const org = { organization: 'id', organizationId: 900 };

/** Valid parameters of the organization operations; a case replaces one with a bad value. */
const VALID: Record<string, INodeParameters> = {
	orgUserGetMany: { resource: 'organizationUser', operation: 'getMany', ...org, limit: 5 },
	orgUserCreate: {
		resource: 'organizationUser',
		operation: 'create',
		...org,
		email: 'sam@example.com',
	},
	orgUserUpdate: {
		resource: 'organizationUser',
		operation: 'update',
		...org,
		userId: byId('83'),
		updateFields: { bio: 'Hi' },
	},
	orgUserDelete: { resource: 'organizationUser', operation: 'delete', ...org, userId: byId('83') },
	membershipGet: {
		resource: 'organizationMembership',
		operation: 'get',
		...org,
		membershipId: 9003,
	},
	membershipAdd: {
		resource: 'organizationMembership',
		operation: 'add',
		...org,
		userId: 1,
		role: 'MEMBER',
	},
	membershipUpdate: {
		resource: 'organizationMembership',
		operation: 'update',
		...org,
		membershipId: 9003,
		updateFields: { role: 'ADMIN' },
	},
	membershipRemove: {
		resource: 'organizationMembership',
		operation: 'remove',
		...org,
		membershipId: 9003,
	},
	oooCreate: {
		resource: 'outOfOffice',
		operation: 'create',
		...org,
		userId: byId('83'),
		start: '2027-03-15',
		end: '2027-03-19',
		timeZone: 'Europe/London',
		reason: 'vacation',
	},
	oooUpdate: {
		resource: 'outOfOffice',
		operation: 'update',
		...org,
		userId: byId('83'),
		entryId: 1,
		updateFields: { start: '2027-03-15', end: '2027-03-19', timeZone: 'Europe/London' },
	},
	oooDelete: {
		resource: 'outOfOffice',
		operation: 'delete',
		...org,
		userId: byId('83'),
		entryId: 1,
	},
	oooGetMany: {
		resource: 'outOfOffice',
		operation: 'getMany',
		...org,
		userId: byId('83'),
		limit: 5,
	},
};

const run = async (base: string, changes: INodeParameters) =>
	await runCalCom(sandbox(), { ...VALID[base], ...changes });

const ID_PARAMETERS: Array<[string, string, (bad: string) => INodeParameters]> = [
	...Object.keys(VALID).map((op): [string, string, (bad: string) => INodeParameters] => [
		op,
		'Organization ID',
		(bad) => ({ organizationId: bad }),
	]),
	['orgUserUpdate', 'User', (bad) => ({ userId: byId(bad) })],
	['orgUserDelete', 'User', (bad) => ({ userId: byId(bad) })],
	['membershipGet', 'Membership ID', (bad) => ({ membershipId: bad })],
	['membershipUpdate', 'Membership ID', (bad) => ({ membershipId: bad })],
	['membershipRemove', 'Membership ID', (bad) => ({ membershipId: bad })],
	['membershipAdd', 'User ID', (bad) => ({ userId: bad })],
	['oooCreate', 'User', (bad) => ({ userId: byId(bad) })],
	['oooCreate', 'Redirect Bookings To', (bad) => ({ additionalFields: { toUserId: byId(bad) } })],
	['oooUpdate', 'Entry ID', (bad) => ({ entryId: bad })],
	['oooDelete', 'Entry ID', (bad) => ({ entryId: bad })],
	['oooDelete', 'User', (bad) => ({ userId: byId(bad) })],
	['oooGetMany', 'User', (bad) => ({ userId: byId(bad) })],
];

describe.each(ID_PARAMETERS)(
	'R2 bad input: path-breaking IDs, %s → %s',
	(operation, field, place) => {
		it.each(PATH_BREAKERS)('refuses %j by name before any request', async (bad) => {
			expectRefusedByName(sandbox(), await run(operation, place(expr(JSON.stringify(bad)))), field);
		});
	},
);

describe('R2 bad input: out-of-office reasons outside Cal.com’s list', () => {
	const BAD_REASONS = ['holiday', 'sick_days', 'PTO', '', expr('3'), expr('["vacation"]')];
	it.each(BAD_REASONS)('refuses %j on Create and Update by name', async (bad) => {
		expectRefusedByName(
			sandbox(),
			await run('oooCreate', { reason: bad }),
			'Reason',
			/unspecified, vacation, travel, sick or public_holiday/,
		);
		expectRefusedByName(
			sandbox(),
			await run('oooUpdate', { updateFields: { reason: bad } }),
			'Reason',
		);
	});
});

describe('R2 bad input: roles outside Cal.com’s list', () => {
	const BAD_ROLES = ['SUPERUSER', 'ORG_ADMIN', 'guest', expr('1'), expr('null')];
	it.each(BAD_ROLES)('refuses %j wherever a role is given', async (bad) => {
		expectRefusedByName(
			sandbox(),
			await run('orgUserCreate', { additionalFields: { organizationRole: bad } }),
			'Role',
			/MEMBER, ADMIN or OWNER/,
		);
		expectRefusedByName(sandbox(), await run('membershipAdd', { role: bad }), 'Role');
		expectRefusedByName(
			sandbox(),
			await run('membershipUpdate', { updateFields: { role: bad } }),
			'Role',
		);
	});
});

describe('R2 bad input: out-of-office days', () => {
	it.each([
		['oooCreate', 'End', { start: '2027-03-10', end: '2027-03-09' }, /is before the start/],
		[
			'oooCreate',
			'End',
			{ start: '2027-03-10T12:00', end: '2027-03-10T09:00' },
			/is before the start/,
		],
		[
			'oooCreate',
			'End',
			{ start: '2027-03-10T12:00:00Z', end: '2027-03-10T12:00:00+02:00' },
			/is before the start/,
		],
		[
			'oooUpdate',
			'End',
			{ updateFields: { start: '2027-03-10', end: '2027-03-01' } },
			/is before the start/,
		],
		['oooCreate', 'Start', { start: '2027-03-28T01:30' }, /does not exist in Europe\/London/],
		[
			'oooCreate',
			'End',
			{ end: '2027-03-28T01:15', start: '2027-03-27' },
			/does not exist in Europe\/London/,
		],
		[
			'oooCreate',
			'Start',
			{ start: '2027-03-14T02:30', end: '2027-03-15', timeZone: 'America/New_York' },
			/the clocks skip that time/,
		],
		['oooUpdate', 'End', { updateFields: { start: '2027-03-10' } }, /give End too/],
		['oooUpdate', 'Start', { updateFields: { end: '2027-03-10' } }, /give Start too/],
	])('%s → %s %j', async (operation, field, changes, mentions) => {
		expectRefusedByName(
			sandbox(),
			await run(operation, changes as INodeParameters),
			field,
			mentions,
		);
	});

	const BAD_DAYS = [
		'tomorrow',
		'2027-02-30',
		'2027-13-01',
		'03/04/2027',
		'1773580800',
		expr('1773580800000'),
		expr('{ day: 1 }'),
	];
	it.each(BAD_DAYS)('refuses %j as Start and as End', async (bad) => {
		expectRefusedByName(sandbox(), await run('oooCreate', { start: bad }), 'Start');
		expectRefusedByName(sandbox(), await run('oooCreate', { end: bad }), 'End');
	});

	it.each(['Mars/Olympus_Mons', 'CEST', '+02:00'])('refuses the time zone %j', async (bad) => {
		expectRefusedByName(sandbox(), await run('oooCreate', { timeZone: bad }), 'Time Zone');
	});

	it('reads a time the clocks show twice as its day: the day is the same either way', async () => {
		await run('oooCreate', { start: '2027-10-31T01:30', end: '2027-10-31T01:45' });
		const post = sandbox().requests.find((r) => r.method === 'POST');
		expect(post?.body).toMatchObject({
			start: '2027-10-31T00:00:00.000Z',
			end: '2027-10-31T23:59:59.999Z',
		});
	});
});

describe('R2 bad input: emails and empty changes', () => {
	it.each(['not-an-email', 'a@b.c, nope', expr('{ a: 1 }')])(
		'refuses the Emails filter %j',
		async (bad) => {
			expectRefusedByName(sandbox(), await run('orgUserGetMany', { emails: bad }), 'Emails');
		},
	);
	it.each(['nope', 'a b@c.d', expr('"  "')])('refuses the new user’s email %j', async (bad) => {
		expectRefusedByName(sandbox(), await run('orgUserCreate', { email: bad }), 'Email');
		if (!bad.startsWith('='))
			expectRefusedByName(
				sandbox(),
				await run('orgUserUpdate', { updateFields: { email: bad } }),
				'Email',
			);
	});
	it.each([
		['orgUserUpdate', { updateFields: {} }],
		['membershipUpdate', { updateFields: {} }],
		['oooUpdate', { updateFields: {} }],
	])('%s with nothing to change is refused by name', async (operation, changes) => {
		expectRefusedByName(sandbox(), await run(operation, changes), 'Update Fields');
	});
});
