import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { toPositiveInt } from '../../helpers/parameters';
import type { CalComAnswer } from '../types';

/** Cal.com's team roles (TeamMembershipOutput.role), lowest first. */
export const TEAM_ROLES = ['MEMBER', 'ADMIN', 'OWNER'] as const;

export const membershipIdLocator: INodeProperties = {
	displayName: 'Team Member',
	name: 'membershipId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The membership in the team chosen above: pick the member from the list, or give the membership ID (Team Membership → Get Many shows it; it is not the user ID)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTeamMembers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'A membership ID is a whole number',
					},
				},
			],
		},
	],
};

export const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: 'MEMBER',
	description:
		'Member: books and is booked. Admin: also manages members, event types and bookings. Owner: also updates and deletes the team.',
	options: [
		{ name: 'Admin', value: 'ADMIN' },
		{ name: 'Member', value: 'MEMBER' },
		{ name: 'Owner', value: 'OWNER' },
	],
};

export const acceptedField: INodeProperties = {
	displayName: 'Accepted',
	name: 'accepted',
	type: 'boolean',
	default: false,
	description:
		'Whether the user is a member at once; otherwise the membership is an invitation the user accepts in Cal.com',
};

export function readMembershipId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(
		ctx.getNodeParameter('membershipId', itemIndex, '', { extractValue: true }),
		'Team Member',
		'a membership ID',
	);
}

/** MEMBER, ADMIN or OWNER (any case, from an expression too). */
export function readRole(value: unknown): string {
	const role = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!(TEAM_ROLES as readonly string[]).includes(role)) {
		throw new ParameterError(
			'Role',
			`${describeValue(value)} is not a team role (MEMBER, ADMIN or OWNER).`,
		);
	}
	return role;
}

export function readAccepted(value: unknown): boolean {
	if (typeof value !== 'boolean')
		throw new ParameterError('Accepted', `${describeValue(value)} is not true or false.`);
	return value;
}

export function membershipNotFound(teamId: number, membershipId: number): string {
	return `Membership ${membershipId} was not found in team ${teamId}. Team Membership → Get Many lists the team's memberships with their IDs (a membership ID is not a user ID).`;
}

/** The fields a person or an agent needs of a membership, the member's name and email included. */
export function simplifyMembership(membership: IDataObject): IDataObject {
	const user = asRecord(membership.user);
	return {
		id: membership.id ?? null,
		teamId: membership.teamId ?? null,
		userId: membership.userId ?? null,
		role: membership.role ?? null,
		accepted: membership.accepted ?? null,
		name: user.name ?? null,
		username: user.username ?? null,
		email: user.email ?? null,
	};
}

export function shapeMemberships(data: unknown): CalComAnswer {
	const list = (Array.isArray(data) ? data : [data]).map(asRecord);
	return { data: list, simplify: simplifyMembership };
}
