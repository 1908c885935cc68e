import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import {
	ORG_USERS_PAGE_SIZE,
	organizationFields,
	organizationPath,
	readOrganizationId,
	simplifyOrgUser,
} from '../organization';
import type { CalComAnswer } from '../types';

export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		placeholder: 'e.g. sam@example.com, kim@example.com',
		description: 'Only users with these emails, comma-separated; empty for every user',
	},
	...returnAllFields,
	outputField,
	optionsCollection(),
];

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

/** The Emails filter: comma-separated addresses, each checked. */
export function readEmails(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: [value];
	return list
		.map((entry) => {
			const email = typeof entry === 'string' ? entry.trim() : '';
			if (!EMAIL.test(email))
				throw new ParameterError('Emails', `${describeValue(entry)} is not an email address.`);
			return email;
		})
		.filter((email) => email !== '');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const emails = readEmails(this.getNodeParameter('emails', itemIndex, ''));
	const limit = readLimit(this, itemIndex, 'users');
	const orgId = await readOrganizationId(this, itemIndex);
	const qs: IDataObject = emails.length > 0 ? { emails } : {};
	const users = await paginateOffset.call(
		this,
		{
			method: 'GET',
			path: organizationPath(orgId, 'users'),
			qs,
			timeoutMs: readTimeoutMs(this, itemIndex),
		},
		{ limit, pageSize: ORG_USERS_PAGE_SIZE },
	);
	return { data: users as IDataObject[], simplify: simplifyOrgUser };
}
