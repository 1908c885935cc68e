import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import { membershipIdLocator, membershipNotFound, readMembershipId } from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	membershipIdLocator,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const teamId = readTeamId(this, itemIndex);
	const membershipId = readMembershipId(this, itemIndex);
	// Cal.com answers with the removed membership; the user ID in it says who left.
	const data = (await asTeamRole(teamId, 'admin', async () =>
		calComRequest.call(this, {
			method: 'DELETE',
			path: apiPath`/v2/teams/${teamId}/memberships/${membershipId}`,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: membershipNotFound(teamId, membershipId),
		}),
	)) as IDataObject | undefined;
	return [{ deleted: true, id: membershipId, teamId, userId: data?.userId ?? null }];
}
