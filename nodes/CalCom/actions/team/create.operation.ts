import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	readTeamName,
	shapeTeams,
	simplifyTeam,
	teamSettingFields,
	teamSettingsBody,
} from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sales',
		description: 'The team’s name, shown on its booking pages',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Accept Own Membership',
				name: 'autoAcceptCreator',
				type: 'boolean',
				default: true,
				description:
					'Whether the API key’s user, who becomes the team’s owner, is an accepted member at once (otherwise an invitation to accept in Cal.com)',
			},
			...teamSettingFields,
		],
	},
	outputField,
	optionsCollection(),
];

/**
 * Cal.com with team billing (hosted) answers a team to pay for first: the pending team, the
 * payment link and a message. Both answers become one item.
 */
function shapeCreated(data: unknown): CalComAnswer {
	const answer = asRecord(data);
	if (typeof answer.paymentLink !== 'string') return shapeTeams(data);
	const simplify = (item: IDataObject) => ({
		...simplifyTeam(asRecord(item.pendingTeam)),
		pendingPayment: true,
		paymentLink: item.paymentLink,
		message: item.message ?? null,
	});
	return { data: [answer], simplify };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const name = readTeamName(this.getNodeParameter('name', itemIndex, ''));
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name, ...teamSettingsBody(fields) };
	if (fields.autoAcceptCreator !== undefined)
		body.autoAcceptCreator = fields.autoAcceptCreator === true;
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/teams',
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeCreated(data);
}
