import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readTeamCreateBody, shapeTeams, simplifyTeam, teamCreateFields } from './shared';

export const description: INodeProperties[] = [
	...teamCreateFields,
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
	const body = readTeamCreateBody(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/teams',
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeCreated(data);
}
