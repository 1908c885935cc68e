import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { readLinkSlug } from '../eventTypeLookup';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { shapeEventTypes } from './shared';

/** Only GETs, nothing kept for later items: the router may run items at once. */
export const concurrent = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Whose Event Types',
		name: 'source',
		type: 'options',
		default: 'own',
		description: 'Which event types to list',
		options: [
			{
				name: 'Mine',
				value: 'own',
				description: "The API key user's own event types, hidden ones included",
			},
			{
				name: "A User's Public Ones",
				value: 'user',
				description: "Another user's bookable event types, by username",
			},
			{ name: "A Team's", value: 'team', description: 'The event types of a team, by team ID' },
		],
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. bailey',
		description: 'The Cal.com username (as in cal.com/username)',
		displayOptions: { show: { source: ['user'] } },
	},
	{
		displayName: 'Team ID',
		name: 'teamId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 100',
		description: 'The numeric ID of the team',
		displayOptions: { show: { source: ['team'] } },
	},
	...returnAllFields,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const source = this.getNodeParameter('source', itemIndex, 'own') as string;
	const limit = readLimit(this, itemIndex, 'event types');
	const timeoutMs = readTimeoutMs(this, itemIndex);
	let data: unknown;
	if (source === 'team') {
		const teamId = toPositiveInt(
			this.getNodeParameter('teamId', itemIndex, ''),
			'Team ID',
			'a team ID',
		);
		data = await calComRequest.call(this, {
			method: 'GET',
			path: apiPath`/v2/teams/${teamId}/event-types`,
			timeoutMs,
			notFoundMessage: `Team ${teamId} was not found. Check the team ID.`,
		});
	} else if (source === 'user') {
		const username = readLinkSlug(
			this.getNodeParameter('username', itemIndex, ''),
			'Username',
			'bailey',
		);
		data = await calComRequest.call(this, {
			method: 'GET',
			path: '/v2/event-types',
			qs: { username },
			timeoutMs,
			notFoundMessage: `No Cal.com user "${username}" was found. Check the username (as in cal.com/username).`,
		});
	} else {
		data = await calComRequest.call(this, { method: 'GET', path: '/v2/event-types', timeoutMs });
	}
	// Cal.com answers each list whole (no paging on these endpoints).
	const list = Array.isArray(data) ? data : [];
	return shapeEventTypes(limit === undefined ? list : list.slice(0, limit), false);
}
