import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import type { CalComAnswer } from '../types';
import { simplifyMembership } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	...returnAllFields,
	outputField,
	optionsCollection(),
];

/** Cal.com's SkipTakePagination allows take up to 250. */
const PAGE_SIZE = 250;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'memberships');
	const orgId = await readOrganizationId(this, itemIndex);
	const memberships = await paginateOffset.call(
		this,
		{
			method: 'GET',
			path: organizationPath(orgId, 'memberships'),
			timeoutMs: readTimeoutMs(this, itemIndex),
		},
		{ limit, pageSize: PAGE_SIZE },
	);
	return { data: memberships as IDataObject[], simplify: simplifyMembership };
}
