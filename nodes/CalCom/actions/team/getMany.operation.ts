import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeTeams } from './shared';

export const description: INodeProperties[] = [
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'teams');
	// Cal.com answers the key user's teams in one list, without take/skip: the Limit cuts it here.
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/teams',
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	const teams = shapeTeams(Array.isArray(data) ? data : []);
	return { ...teams, data: limit === undefined ? teams.data : teams.data.slice(0, limit) };
}
