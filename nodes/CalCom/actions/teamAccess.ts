import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInt } from '../helpers/parameters';
import { isCalComRefusal } from '../transport';

/**
 * What Team and Team Membership share: the team picker, reading its ID, and what Cal.com's
 * roles guard means when it refuses a team route.
 */
export const teamIdLocator: INodeProperties = {
	displayName: 'Team',
	name: 'teamId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The team, from the teams the API key’s user belongs to, or by its numeric ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTeams', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 100',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'A team ID is a whole number',
					},
				},
			],
		},
	],
};

export function readTeamId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(
		ctx.getNodeParameter('teamId', itemIndex, '', { extractValue: true }),
		'Team',
		'a team ID',
	);
}

/** Cal.com's largest page of memberships (take ≤ 250, teams-memberships.controller.ts). */
export const TEAM_MEMBERSHIP_PAGE_SIZE = 250;

/** The least team role a route asks for (Cal.com's @Roles on the team controllers). */
export type TeamRoleNeeded = 'member' | 'admin' | 'owner';

const NEEDS: Record<TeamRoleNeeded, string> = {
	member: 'be a member of',
	admin: 'be an admin or the owner of',
	owner: 'own',
};

/**
 * Cal.com's roles guard answers 403 both when the API key's user is not in the team (a team that
 * does not exist included) and when their role is too low: the description says which role this
 * operation needs, so the user knows whose key to use.
 */
export function explainTeamRefusal(error: unknown, teamId: number, needs: TeamRoleNeeded): unknown {
	if (isCalComRefusal(error, [403], /RolesGuard/)) {
		(error as { description?: string }).description =
			`The API key's user must ${NEEDS[needs]} team ${teamId} for this. Cal.com gives the same answer when no team ${teamId} exists: Team → Get Many lists the teams of the key's user. To act on the team, use the API key of ${needs === 'owner' ? 'its owner' : needs === 'admin' ? 'one of its admins or its owner' : 'one of its members'}.`;
	}
	return error;
}

/** Runs a team request and explains the roles guard's refusal. */
export async function asTeamRole<T>(
	teamId: number,
	needs: TeamRoleNeeded,
	request: () => Promise<T>,
): Promise<T> {
	try {
		return await request();
	} catch (error) {
		throw explainTeamRefusal(error, teamId, needs);
	}
}
