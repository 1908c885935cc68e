import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	readOrganizationId,
	readRole,
	roleOptions,
	withChanges,
} from '../organization';
import type { CalComAnswer } from '../types';
import {
	acceptedField,
	disableImpersonationField,
	membershipFlags,
	membershipIdField,
	readMembershipId,
	simplifyMembership,
} from './shared';

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
			{ ...acceptedField, default: true, description: 'Whether the membership is accepted' },
			disableImpersonationField,
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
	const body = membershipFlags(fields);
	if (fields.role !== undefined) body.role = readRole(fields.role);
	const orgId = await readOrganizationId(this, itemIndex);
	const membership = (await calComRequest.call(this, {
		method: 'PATCH',
		path: organizationPath(orgId, 'memberships', membershipId),
		body: withChanges(body),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Membership ${membershipId} was not found in organization ${orgId}`,
	})) as IDataObject;
	return { data: [membership], simplify: simplifyMembership };
}
