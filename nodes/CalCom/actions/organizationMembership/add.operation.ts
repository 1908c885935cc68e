import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { additionalFieldsCollection, optionsCollection, outputField } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	readOrganizationId,
	readRole,
	readUserId,
} from '../organization';
import type { CalComAnswer } from '../types';
import {
	acceptedField,
	disableImpersonationField,
	membershipFlags,
	roleField,
	simplifyMembership,
} from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		placeholder: 'e.g. 43',
		description:
			'The Cal.com user to add (someone not yet in the organization, so not in its list)',
	},
	roleField,
	additionalFieldsCollection([acceptedField, disableImpersonationField]),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const userId = readUserId(this, itemIndex, 'userId', 'User ID');
	const role = readRole(this.getNodeParameter('role', itemIndex, 'MEMBER'));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { userId, role, ...membershipFlags(fields) };
	const orgId = await readOrganizationId(this, itemIndex);
	const membership = (await calComRequest.call(this, {
		method: 'POST',
		path: organizationPath(orgId, 'memberships'),
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	return { data: [membership], simplify: simplifyMembership };
}
