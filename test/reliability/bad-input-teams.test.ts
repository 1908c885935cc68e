import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr, run } from './bad-input';

const sandbox = useSandbox();

/** IDs that are numbers, but no team, membership or user ID: Cal.com's IDs are whole numbers ≥ 1. */
const NOT_POSITIVE: unknown[] = [0, -1, 1.5, '1e3', '0x10', '9'.repeat(30), '', null];

describe('R2 bad input: team, membership and user IDs that are not positive whole numbers', () => {
	const places: Array<[string, string, (bad: unknown) => INodeParameters]> = [
		['teamGet', 'Team', (bad) => ({ teamId: byId(expr(JSON.stringify(bad))) })],
		['teamDelete', 'Team', (bad) => ({ teamId: byId(expr(JSON.stringify(bad))) })],
		['teamGetBookings', 'Team', (bad) => ({ teamId: byId(expr(JSON.stringify(bad))) })],
		['teamMembershipAdd', 'Team', (bad) => ({ teamId: byId(expr(JSON.stringify(bad))) })],
		[
			'teamMembershipRemove',
			'Team Member',
			(bad) => ({ membershipId: byId(expr(JSON.stringify(bad))) }),
		],
		['teamMembershipAdd', 'User ID', (bad) => ({ userId: expr(JSON.stringify(bad)) })],
	];
	describe.each(places)('%s → %s', (operation, field, place) => {
		it.each(NOT_POSITIVE)('refuses %j by name before any request', async (bad) => {
			const result = await run(sandbox(), operation, place(bad));
			expectRefusedByName(sandbox(), result, field);
		});
	});
});

describe('R2 bad input: team roles outside MEMBER, ADMIN and OWNER', () => {
	const roles = ['BOSS', 'MEMBERS', 'TEAM_ADMIN', 'ORG_OWNER', '', 7, ['ADMIN'], { role: 'ADMIN' }];
	it.each(roles)('membership add refuses the role %j by name before any request', async (role) => {
		const result = await run(sandbox(), 'teamMembershipAdd', { role: expr(JSON.stringify(role)) });
		expectRefusedByName(sandbox(), result, 'Role', /MEMBER, ADMIN or OWNER/);
	});
	it.each(roles)(
		'membership update refuses the role %j by name before any request',
		async (role) => {
			const result = await run(sandbox(), 'teamMembershipUpdate', {
				updateFields: { role: expr(JSON.stringify(role)) },
			});
			expectRefusedByName(sandbox(), result, 'Role', /MEMBER, ADMIN or OWNER/);
		},
	);
});

describe('R2 bad input: empty or wrong-typed team names', () => {
	const names: unknown[] = ['', '   ', '\t\n', null, ['Sales'], { name: 'Sales' }, true];
	it.each(names)('team create refuses the name %j by name before any request', async (name) => {
		const result = await run(sandbox(), 'teamCreate', { name: expr(JSON.stringify(name)) });
		expectRefusedByName(sandbox(), result, 'Name');
	});
	it.each(names)('team update refuses the name %j by name before any request', async (name) => {
		const result = await run(sandbox(), 'teamUpdate', {
			updateFields: { name: expr(JSON.stringify(name)) },
		});
		expectRefusedByName(sandbox(), result, 'Name');
	});
	it.each([
		['Time Zone', { timeZone: 'CEST' }],
		['Week Start', { weekStart: expr('"Funday"') }],
		['Bio', { bio: expr('{ text: "x" }') }],
	] as Array<[string, INodeParameters]>)(
		'team create refuses a bad %s by name before any request',
		async (field, additionalFields) => {
			const result = await run(sandbox(), 'teamCreate', { additionalFields });
			expectRefusedByName(sandbox(), result, field);
		},
	);
});
