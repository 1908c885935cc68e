import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { calComRequest, paginateOffset } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { shapeSchedules } from '../schedule/shared';
import type { CalComAnswer } from '../types';
import { readUserPath, scheduleOwnerField } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'For',
		name: 'scope',
		type: 'options',
		default: 'user',
		description: 'Whose schedules to list',
		options: [
			{ name: 'One User', value: 'user', description: 'The schedules of one organization user' },
			{
				name: 'Whole Organization',
				value: 'organization',
				description: 'The schedules of every user of the organization',
			},
		],
	},
	{ ...scheduleOwnerField, displayOptions: { show: { scope: ['user'] } } },
	...returnAllFields,
	outputField,
	optionsCollection(),
];

/** Cal.com's organization list takes up to 250 at a time (SkipTakePagination). */
const PAGE_SIZE = 250;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const forUser = this.getNodeParameter('scope', itemIndex, 'user') === 'user';
	const limit = readLimit(this, itemIndex, 'schedules');
	const timeoutMs = readTimeoutMs(this, itemIndex);
	if (!forUser) {
		const path = organizationPath(await readOrganizationId(this, itemIndex), 'schedules');
		const all = await paginateOffset.call(
			this,
			{ method: 'GET', path, timeoutMs },
			{ limit, pageSize: PAGE_SIZE },
		);
		return shapeSchedules(all);
	}
	// A user's list comes whole (no paging on this endpoint): the Limit cuts it here.
	const { path } = await readUserPath(this, itemIndex);
	const data = await calComRequest.call(this, { method: 'GET', path, timeoutMs });
	const list = Array.isArray(data) ? data : [];
	return shapeSchedules(limit === undefined ? list : list.slice(0, limit));
}
