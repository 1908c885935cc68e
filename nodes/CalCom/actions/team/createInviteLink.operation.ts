import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';

export const description: INodeProperties[] = [teamIdLocator, outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const data = await asTeamRole(teamId, 'admin', async () =>
		calComRequest.call(this, {
			method: 'POST',
			path: apiPath`/v2/teams/${teamId}/invite`,
			timeoutMs: readTimeoutMs(this, itemIndex),
		}),
	);
	const invite = asRecord(data);
	return {
		data: [invite],
		simplify: (item) => ({
			teamId,
			inviteLink: item.inviteLink ?? null,
			token: item.token ?? null,
		}),
	};
}
