import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import type { CalComAnswer } from '../types';
import { membershipIdField, readMembershipId, simplifyMembership } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	membershipIdField,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const membershipId = readMembershipId(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	const membership = (await calComRequest.call(this, {
		method: 'GET',
		path: organizationPath(orgId, 'memberships', membershipId),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Membership ${membershipId} was not found in organization ${orgId}`,
	})) as IDataObject;
	return { data: [membership], simplify: simplifyMembership };
}
