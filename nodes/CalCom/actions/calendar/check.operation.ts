import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError, describeValue } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { refusalOrRethrow } from './shared';

const PROVIDERS: Record<string, string> = {
	google: 'Google Calendar',
	office365: 'Outlook Calendar (Office 365)',
	apple: 'Apple Calendar',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Calendar Provider',
		name: 'provider',
		type: 'options',
		default: 'google',
		options: Object.entries(PROVIDERS).map(([value, name]) => ({ name, value })),
		description: 'The kind of calendar account to check',
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const provider = this.getNodeParameter('provider', itemIndex, 'google');
	if (typeof provider !== 'string' || !(provider in PROVIDERS)) {
		throw new ParameterError(
			'Calendar Provider',
			`must be google, office365 or apple; got ${describeValue(provider)}.`,
		);
	}
	const answer = { provider, providerName: PROVIDERS[provider] };
	// Cal.com says "not connected" or "not working" with a 400 or 401 (gcal.service.ts,
	// outlook.service.ts, apple-calendar.service.ts): that is the check's answer, not a failure.
	const reason = await calComRequest
		.call(this, {
			method: 'GET',
			path: apiPath`/v2/calendars/${provider}/check`,
			timeoutMs: readTimeoutMs(this, itemIndex),
		})
		.then(() => null, refusalOrRethrow);
	return {
		data: [{ ...answer, connected: reason === null, reason }],
		simplify: (item) => item,
	};
}
