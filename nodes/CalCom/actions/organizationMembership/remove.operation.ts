import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { membershipIdField, readMembershipId } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	membershipIdField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const membershipId = readMembershipId(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: organizationPath(orgId, 'memberships', membershipId),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Membership ${membershipId} was not found in organization ${orgId}`,
	});
	return [{ deleted: true, id: membershipId }];
}
