import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInt } from '../helpers/parameters';

/**
 * What the Organization Team and Organization Booking resources share: picking a team of the
 * organization (not only the key user's own teams, as Team's picker offers) and reading its ID.
 */

/** Cal.com's largest page of organization teams (SkipTakePagination: take ≤ 250). */
export const ORG_TEAMS_PAGE_SIZE = 250;

/** A team of the organization: From List (searchable by name or slug) or By ID. */
export function orgTeamLocator(description: string): INodeProperties {
	return {
		displayName: 'Team',
		name: 'teamId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrganizationTeams', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 910',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'A team ID is a whole number' },
					},
				],
			},
		],
	};
}

export function readOrgTeamId(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('teamId', itemIndex, '', { extractValue: true });
	return toPositiveInt(value, 'Team', 'a team ID');
}

/** Cal.com's IsTeamInOrg guard answers 404 for a team that is not one of the organization's. */
export function orgTeamNotFound(teamId: number, orgId: number): string {
	return `Team ${teamId} was not found in organization ${orgId}. Organization Team → Get Many lists the organization's teams.`;
}
