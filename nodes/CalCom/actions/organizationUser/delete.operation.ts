import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readOrganizationId,
	readUserId,
} from '../organization';

export const description: INodeProperties[] = [
	...organizationFields,
	orgUserLocator('userId', 'User', 'The organization user to delete'),
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = readUserId(this, itemIndex, 'userId', 'User');
	const orgId = await readOrganizationId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: organizationPath(orgId, 'users', userId),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `User ${userId} was not found in organization ${orgId}`,
	});
	return [{ deleted: true, id: userId }];
}
