import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest, isCalComRefusal } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import { acceptedField, readAccepted, readRole, roleField, shapeMemberships } from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		required: true,
		default: 0,
		placeholder: 'e.g. 42',
		description: 'The Cal.com user to add (their numeric user ID)',
	},
	roleField,
	acceptedField,
	outputField,
	optionsCollection(),
];

/**
 * Cal.com inserts the membership without looking first: a user already in the team, or a user ID
 * that does not exist, breaks a database key and Cal.com answers 500 (teams-memberships.repository).
 */
function explainFailedInsert(error: unknown, teamId: number, userId: number): unknown {
	if (isCalComRefusal(error, [500], /./)) {
		(error as { description?: string }).description =
			`Cal.com fails this way when user ${userId} is already in team ${teamId} (Team Membership → Get Many shows it; use Update to change the role) or when no user ${userId} exists.`;
	}
	return error;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const userId = toPositiveInt(
		this.getNodeParameter('userId', itemIndex, 0),
		'User ID',
		'a user ID',
	);
	const body = {
		userId,
		role: readRole(this.getNodeParameter('role', itemIndex, 'MEMBER')),
		accepted: readAccepted(this.getNodeParameter('accepted', itemIndex, false)),
	};
	const data = await asTeamRole(teamId, 'admin', async () => {
		try {
			return await calComRequest.call(this, {
				method: 'POST',
				path: apiPath`/v2/teams/${teamId}/memberships`,
				body,
				timeoutMs: readTimeoutMs(this, itemIndex),
			});
		} catch (error) {
			throw explainFailedInsert(error, teamId, userId);
		}
	});
	return shapeMemberships(data);
}
