import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import {
	membershipIdLocator,
	membershipNotFound,
	readMembershipId,
	shapeMemberships,
} from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	membershipIdLocator,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const membershipId = readMembershipId(this, itemIndex);
	const data = await asTeamRole(teamId, 'admin', async () =>
		calComRequest.call(this, {
			method: 'GET',
			path: apiPath`/v2/teams/${teamId}/memberships/${membershipId}`,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: membershipNotFound(teamId, membershipId),
		}),
	);
	return shapeMemberships(data);
}
