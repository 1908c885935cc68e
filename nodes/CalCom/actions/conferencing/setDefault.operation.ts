import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { CONFERENCING_APPS, readAppSlug, simplifyDefaultApp } from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'App',
		name: 'app',
		type: 'options',
		default: 'daily-video',
		options: CONFERENCING_APPS.map((a) => ({ name: a.name, value: a.slug })),
		description:
			'The app new bookings use for the video call. Cal Video is always available; the others must be installed in Cal.com (Conferencing → Get Many).',
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const app = readAppSlug(this.getNodeParameter('app', itemIndex, 'daily-video'));
	await calComRequest.call(this, {
		method: 'POST',
		path: apiPath`/v2/conferencing/${app}/default`,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	// Cal.com answers only {status: "success"}: the output says what is now the default.
	return { data: [{ appSlug: app }], simplify: simplifyDefaultApp };
}
