import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readOrganizationId,
	readUserId,
} from '../organization';
import type { CalComAnswer } from '../types';
import { simplifyEntry } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'For',
		name: 'scope',
		type: 'options',
		default: 'user',
		description: 'Whose entries to list',
		options: [
			{ name: 'One User', value: 'user', description: 'The entries of one organization user' },
			{
				name: 'Whole Organization',
				value: 'organization',
				description: 'The entries of every user of the organization',
			},
		],
	},
	{
		...orgUserLocator('userId', 'User', 'The organization user whose entries to list'),
		displayOptions: { show: { scope: ['user'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. name@email.com',
		description: 'Only the entries of the organization user with this email; empty for everyone',
		displayOptions: { show: { scope: ['organization'] } },
	},
	...returnAllFields,
	outputField,
	optionsCollection({
		displayName: 'Sort By',
		name: 'sort',
		type: 'options',
		default: 'startAsc',
		description: 'Order of the entries',
		options: [
			{ name: 'Start, Earliest First', value: 'startAsc' },
			{ name: 'Start, Latest First', value: 'startDesc' },
			{ name: 'End, Earliest First', value: 'endAsc' },
			{ name: 'End, Latest First', value: 'endDesc' },
		],
	}),
];

/** Cal.com's out-of-office lists take up to 250 at a time. */
const PAGE_SIZE = 250;

const SORTS: Record<string, IDataObject> = {
	startAsc: { sortStart: 'asc' },
	startDesc: { sortStart: 'desc' },
	endAsc: { sortEnd: 'asc' },
	endDesc: { sortEnd: 'desc' },
};

function readQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const sort = ctx.getNodeParameter('options.sort', itemIndex, 'startAsc') as string;
	const qs = { ...(SORTS[sort] ?? SORTS.startAsc) };
	if (ctx.getNodeParameter('scope', itemIndex, 'user') === 'organization') {
		const email = String(ctx.getNodeParameter('email', itemIndex, '') ?? '').trim();
		if (email && !/^[^\s@]+@[^\s@]+$/.test(email))
			throw new ParameterError('Email', `"${email}" is not an email address.`);
		if (email) qs.email = email;
	}
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const forUser = this.getNodeParameter('scope', itemIndex, 'user') === 'user';
	const userId = forUser ? readUserId(this, itemIndex, 'userId', 'User') : undefined;
	const qs = readQuery(this, itemIndex);
	const limit = readLimit(this, itemIndex, 'entries');
	const orgId = await readOrganizationId(this, itemIndex);
	const path =
		userId === undefined
			? organizationPath(orgId, 'ooo')
			: organizationPath(orgId, 'users', userId, 'ooo');
	const entries = await paginateOffset.call(
		this,
		{ method: 'GET', path, qs, timeoutMs: readTimeoutMs(this, itemIndex) },
		{ limit, pageSize: PAGE_SIZE },
	);
	return { data: entries as IDataObject[], simplify: simplifyEntry };
}
