import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { orgTeamLocator, orgTeamNotFound, readOrgTeamId } from '../orgTeam';

export const description: INodeProperties[] = [
	...organizationFields,
	orgTeamLocator('The organization’s team to delete'),
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const teamId = readOrgTeamId(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: organizationPath(orgId, 'teams', teamId),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: orgTeamNotFound(teamId, orgId),
	});
	return [{ deleted: true, id: teamId }];
}
