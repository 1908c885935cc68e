import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInt } from '../../helpers/parameters';
import { roleOptions } from '../organization';

export const membershipIdField: INodeProperties = {
	displayName: 'Membership ID',
	name: 'membershipId',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 0,
	required: true,
	placeholder: 'e.g. 9003',
	description: 'The ID of the membership as Get Many lists it, not the user’s ID',
};

export const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	default: 'MEMBER',
	options: roleOptions,
	description: 'Role of the user in the organization',
};

export const acceptedField: INodeProperties = {
	displayName: 'Accepted',
	name: 'accepted',
	type: 'boolean',
	default: false,
	description: 'Whether the membership counts as accepted without the user accepting it',
};

export const disableImpersonationField: INodeProperties = {
	displayName: 'Disable Impersonation',
	name: 'disableImpersonation',
	type: 'boolean',
	default: false,
	description: 'Whether organization admins may not act as this user',
};

/** The flags Add and Update send as they are given. */
export function membershipFlags(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['accepted', 'disableImpersonation'] as const)
		if (fields[key] !== undefined) body[key] = fields[key] === true;
	return body;
}

export function readMembershipId(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('membershipId', itemIndex, 0);
	return toPositiveInt(value, 'Membership ID', 'a membership ID');
}

/** A membership as a person or an agent needs it. */
export function simplifyMembership(membership: IDataObject): IDataObject {
	const user = (membership.user ?? {}) as IDataObject;
	return {
		id: membership.id ?? null,
		userId: membership.userId ?? null,
		organizationId: membership.teamId ?? null,
		role: membership.role ?? null,
		accepted: membership.accepted ?? null,
		disableImpersonation: membership.disableImpersonation ?? null,
		email: user.email ?? null,
		username: user.username ?? null,
		name: user.name ?? null,
	};
}
