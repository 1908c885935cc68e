import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { orgTeamLocator, orgTeamNotFound, readOrgTeamId } from '../orgTeam';
import type { CalComAnswer } from '../types';
import { shapeOrgTeams } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	orgTeamLocator('The organization’s team to get'),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readOrgTeamId(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: organizationPath(orgId, 'teams', teamId),
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: orgTeamNotFound(teamId, orgId),
	});
	return shapeOrgTeams(data);
}
