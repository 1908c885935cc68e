import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField, updateFieldsCollection } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import {
	acceptedField,
	membershipIdLocator,
	membershipNotFound,
	readAccepted,
	readMembershipId,
	readRole,
	roleField,
	shapeMemberships,
} from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	membershipIdLocator,
	updateFieldsCollection([acceptedField, roleField]),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const membershipId = readMembershipId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.role !== undefined) body.role = readRole(fields.role);
	if (fields.accepted !== undefined) body.accepted = readAccepted(fields.accepted);
	if (Object.keys(body).length === 0)
		throw new ParameterError('Update Fields', 'add Role or Accepted to change.');
	const data = await asTeamRole(teamId, 'admin', async () =>
		calComRequest.call(this, {
			method: 'PATCH',
			path: apiPath`/v2/teams/${teamId}/memberships/${membershipId}`,
			body,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: membershipNotFound(teamId, membershipId),
		}),
	);
	return shapeMemberships(data);
}
