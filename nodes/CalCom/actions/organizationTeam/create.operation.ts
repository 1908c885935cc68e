import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { readTeamCreateBody, teamCreateFields } from '../team/shared';
import type { CalComAnswer } from '../types';
import { shapeOrgTeams } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	...teamCreateFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const body = readTeamCreateBody(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: organizationPath(orgId, 'teams'),
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeOrgTeams(data);
}
