import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { getBookingRecords } from './records';
import { bookingUidField } from './shared';

export const description: INodeProperties[] = [bookingUidField, outputField, optionsCollection()];

/** Cal.com answers a list of download links: one item each, the link under `link`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const { uid, items } = await getBookingRecords(this, itemIndex, 'transcripts');
	return {
		data: items.map((link) => ({ bookingUid: uid, link: String(link) })),
		simplify: (item) => item,
	};
}
