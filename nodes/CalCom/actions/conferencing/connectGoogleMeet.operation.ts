import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyInstalledApp } from './shared';

export const description: INodeProperties[] = [outputField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	// Google Meet needs no sign-in of its own: it rides on the user's Google Calendar connection
	// (google-meet.service.ts). Zoom and Teams need a browser sign-in, so the node does not offer them.
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/conferencing/google-meet/connect',
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return { data: [asRecord(data)], simplify: simplifyInstalledApp };
}
