import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { apiPath, paginateOffset } from '../../transport';
import {
	filtersCollection,
	optionsCollection,
	outputField,
	returnAllFields,
} from '../common.descriptions';
import { asTeamRole, readTeamId, TEAM_MEMBERSHIP_PAGE_SIZE, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import { shapeMemberships } from './shared';

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

export const description: INodeProperties[] = [
	teamIdLocator,
	...returnAllFields,
	filtersCollection([
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'string',
			default: '',
			placeholder: 'e.g. lena@example.com, kenji@example.com',
			description: 'Comma-separated emails: only the memberships of these users (at most 20)',
		},
	]),
	outputField,
	optionsCollection(),
];

function readEmails(value: unknown): string | undefined {
	if (value === undefined || value === '') return undefined;
	const emails = String(value)
		.split(',')
		.map((email) => email.trim())
		.filter(Boolean);
	const bad = emails.find((email) => !EMAIL.test(email));
	if (bad !== undefined) throw new ParameterError('Emails', `"${bad}" is not an email address.`);
	if (emails.length > 20)
		throw new ParameterError('Emails', `Cal.com takes at most 20 emails, not ${emails.length}.`);
	return emails.length ? emails.join(',') : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const limit = readLimit(this, itemIndex, 'memberships');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const emails = readEmails(filters.emails);
	const memberships = await asTeamRole(teamId, 'admin', async () =>
		paginateOffset.call(
			this,
			{
				method: 'GET',
				path: apiPath`/v2/teams/${teamId}/memberships`,
				qs: emails ? { emails } : {},
				timeoutMs: readTimeoutMs(this, itemIndex),
			},
			{ limit, pageSize: TEAM_MEMBERSHIP_PAGE_SIZE },
		),
	);
	return shapeMemberships(memberships);
}
