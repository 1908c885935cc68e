import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';

export const description: INodeProperties[] = [teamIdLocator, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const teamId = readTeamId(this, itemIndex);
	await asTeamRole(teamId, 'owner', async () =>
		calComRequest.call(this, {
			method: 'DELETE',
			path: apiPath`/v2/teams/${teamId}`,
			timeoutMs: readTimeoutMs(this, itemIndex),
		}),
	);
	return [{ deleted: true, id: teamId }];
}
