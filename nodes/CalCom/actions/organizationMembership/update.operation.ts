import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, updateFieldsCollection } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	readOrganizationId,
	readRole,
	withChanges,
} from '../organization';
import type { CalComAnswer } from '../types';
import {
	acceptedField,
	disableImpersonationField,
	membershipFlags,
	membershipIdField,
	readMembershipId,
	roleField,
	simplifyMembership,
} from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	membershipIdField,
	updateFieldsCollection([
		{ ...acceptedField, default: true, description: 'Whether the membership is accepted' },
		disableImpersonationField,
		roleField,
	]),
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
