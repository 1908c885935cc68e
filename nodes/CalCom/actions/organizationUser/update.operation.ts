import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, updateFieldsCollection } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readEmail,
	readOrganizationId,
	readUserId,
	simplifyOrgUser,
	withChanges,
} from '../organization';
import type { CalComAnswer } from '../types';
import { profileBody, profileOptions } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	orgUserLocator('userId', 'User', 'The organization user to change'),
	updateFieldsCollection([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			description: 'New email of the user',
		},
		...profileOptions,
	]),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const userId = readUserId(this, itemIndex, 'userId', 'User');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = profileBody(fields);
	if (typeof fields.email === 'string' && fields.email.trim())
		body.email = readEmail(fields.email, 'Email');
	const orgId = await readOrganizationId(this, itemIndex);
	const user = (await calComRequest.call(this, {
		method: 'PATCH',
		path: organizationPath(orgId, 'users', userId),
		body: withChanges(body),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `User ${userId} was not found in organization ${orgId}`,
	})) as IDataObject;
	return { data: [user], simplify: simplifyOrgUser };
}
