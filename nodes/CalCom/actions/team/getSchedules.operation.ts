import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { apiPath, paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import { shapeSchedules } from '../schedule/shared';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';

export const description: INodeProperties[] = [
	teamIdLocator,
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const limit = readLimit(this, itemIndex, 'schedules');
	const schedules = await asTeamRole(teamId, 'admin', async () =>
		paginateOffset.call(
			this,
			{
				method: 'GET',
				path: apiPath`/v2/teams/${teamId}/schedules`,
				timeoutMs: readTimeoutMs(this, itemIndex),
			},
			{ limit, pageSize: 250 },
		),
	);
	return shapeSchedules(schedules);
}
