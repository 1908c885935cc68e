import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { ORG_TEAMS_PAGE_SIZE } from '../orgTeam';
import type { CalComAnswer } from '../types';
import { shapeOrgTeams } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'Which Teams',
		name: 'which',
		type: 'options',
		default: 'all',
		description: 'All teams of the organization, or only those the API key’s user is in',
		options: [
			{
				name: 'All Teams',
				value: 'all',
				description: 'Every team of the organization (needs an organization admin’s API key)',
			},
			{
				name: 'My Teams',
				value: 'mine',
				description:
					'The teams the API key’s user belongs to, with their role (any organization member’s key)',
			},
		],
	},
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const mine = this.getNodeParameter('which', itemIndex, 'all') === 'mine';
	const limit = readLimit(this, itemIndex, 'teams');
	const orgId = await readOrganizationId(this, itemIndex);
	const path = mine ? organizationPath(orgId, 'teams', 'me') : organizationPath(orgId, 'teams');
	const teams = await paginateOffset.call(
		this,
		{ method: 'GET', path, timeoutMs: readTimeoutMs(this, itemIndex) },
		{ limit, pageSize: ORG_TEAMS_PAGE_SIZE },
	);
	return shapeOrgTeams(teams);
}
