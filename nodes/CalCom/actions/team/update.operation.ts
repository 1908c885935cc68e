import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import { readTeamName, shapeTeams, teamSettingFields, teamSettingsBody } from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; the others keep their values',
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Sales',
				description: 'The team’s new name',
			},
			...teamSettingFields,
		],
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = teamSettingsBody(fields);
	if (fields.name !== undefined) body.name = readTeamName(fields.name);
	if (Object.keys(body).length === 0)
		throw new ParameterError('Update Fields', 'add at least one field to change.');
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
