import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	readOrganizationId,
	readRole,
	roleOptions,
} from '../organization';
import type { CalComAnswer } from '../types';
import { membershipIdField, readMembershipId, simplifyMembership } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	membershipIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Accepted',
				name: 'accepted',
				type: 'boolean',
				default: true,
				description: 'Whether the membership is accepted',
			},
			{
				displayName: 'Disable Impersonation',
				name: 'disableImpersonation',
				type: 'boolean',
				default: false,
				description: 'Whether organization admins may not act as this user',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				default: 'MEMBER',
				options: roleOptions,
				description: 'Role of the user in the organization',
			},
		],
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const membershipId = readMembershipId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.role !== undefined) body.role = readRole(fields.role);
	for (const key of ['accepted', 'disableImpersonation'] as const)
		if (fields[key] !== undefined) body[key] = fields[key] === true;
	if (Object.keys(body).length === 0)
		throw new ParameterError('Update Fields', 'add at least one field to change.');
	const orgId = await readOrganizationId(this, itemIndex);
	const membership = (await calComRequest.call(this, {
		method: 'PATCH',
		path: organizationPath(orgId, 'memberships', membershipId),
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Membership ${membershipId} was not found in organization ${orgId}`,
	})) as IDataObject;
	return { data: [membership], simplify: simplifyMembership };
}
