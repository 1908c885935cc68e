import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import { readTeamUpdateBody, shapeTeams, teamUpdateFields } from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	teamUpdateFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const body = readTeamUpdateBody(this, itemIndex);
	const data = await asTeamRole(teamId, 'owner', async () =>
		calComRequest.call(this, {
			method: 'PATCH',
			path: apiPath`/v2/teams/${teamId}`,
			body,
			timeoutMs: readTimeoutMs(this, itemIndex),
		}),
	);
	return shapeTeams(data);
}
