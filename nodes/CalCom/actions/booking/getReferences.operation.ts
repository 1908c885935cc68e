import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { getBookingRecords, simplifyReference } from './records';
import { bookingUidField } from './shared';

/** The reference types Cal.com filters by (BookingReferencesFilterInput_2024_08_13). */
const TYPES = [
	['Google Calendar', 'google_calendar'],
	['Office 365 Calendar', 'office365_calendar'],
	['Cal Video', 'daily_video'],
	['Google Meet', 'google_video'],
	['Office 365 Video (Teams)', 'office365_video'],
	['Zoom', 'zoom_video'],
] as const;

export const description: INodeProperties[] = [
	bookingUidField,
	outputField,
	optionsCollection({
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'google_calendar',
		description: 'Only references of this calendar or video app',
		options: TYPES.map(([name, value]) => ({ name, value })),
	}),
];

function readType(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const type = options.type;
	if (type === undefined || type === '') return undefined;
	if (!TYPES.some(([, value]) => value === type))
		throw new ParameterError(
			'Type',
			`"${String(type)}" is not a reference type; use one of ${TYPES.map(([, v]) => v).join(', ')}.`,
		);
	return type as string;
}

/** Only the booking's organizer may read them: Cal.com answers 400 "does not belong to user". */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const type = readType(this, itemIndex);
	const { items } = await getBookingRecords(
		this,
		itemIndex,
		'references',
		type ? { type } : undefined,
	);
	return { data: items.map(asRecord), simplify: simplifyReference };
}
