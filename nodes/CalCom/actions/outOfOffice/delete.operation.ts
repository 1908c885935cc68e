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
import { entryIdField, readEntryId } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	orgUserLocator('userId', 'User', 'The organization user the entry belongs to'),
	entryIdField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = readUserId(this, itemIndex, 'userId', 'User');
	const entryId = readEntryId(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: organizationPath(orgId, 'users', userId, 'ooo', entryId),
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return [{ deleted: true, id: entryId }];
}
