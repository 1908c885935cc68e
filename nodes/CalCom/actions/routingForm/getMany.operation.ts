import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { paginateOffset } from '../../transport';
import type { CalComAnswer } from '../types';
import {
	listFields,
	PAGE_SIZE,
	readFormsPath,
	readListQuery,
	scopeFields,
	simplifyForm,
} from './shared';

export const description: INodeProperties[] = [
	...scopeFields,
	...listFields({
		displayName: 'Team IDs',
		name: 'teamIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 99, 100',
		description: 'Whole organization only: comma-separated IDs of the teams whose forms to list',
		displayOptions: { show: { '/scope': ['organization'] } },
	}),
];

function readTeamIds(value: unknown): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	return value
		.split(',')
		.map((part) => toPositiveInt(part.trim(), 'Team IDs', 'a team ID'))
		.join(',');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = readListQuery(filters, this.getNodeParameter('options.sort', itemIndex, ''));
	const teamIds =
		this.getNodeParameter('scope', itemIndex, 'organization') === 'organization'
			? readTeamIds(filters.teamIds)
			: undefined;
	if (teamIds) qs.teamIds = teamIds;
	const limit = readLimit(this, itemIndex, 'forms');
	const path = await readFormsPath(this, itemIndex);
	const forms = await paginateOffset.call(
		this,
		{ method: 'GET', path, qs, timeoutMs: readTimeoutMs(this, itemIndex) },
		{ limit, pageSize: PAGE_SIZE },
	);
	return { data: forms as IDataObject[], simplify: simplifyForm };
}
