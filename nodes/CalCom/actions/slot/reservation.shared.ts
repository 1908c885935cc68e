import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readUid, toPositiveInt } from '../../helpers/parameters';
import { parseDateTime, validateTimeZone } from '../../helpers/time';

export const reservationUidField: INodeProperties = {
	displayName: 'Reservation UID',
	name: 'reservationUid',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. e84be5a3-4696-49e3-acc7-b2f3999c3b94',
	description: 'The reservationUid that Reserve returned',
};

/** Fields of a reservation body, shared by Reserve and Update Reservation. */
export const reservationBodyFields: INodeProperties[] = [
	{
		displayName: 'Slot Start',
		name: 'slotStart',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Start of the slot to hold, as a free slot listed by Get Available: ISO 8601 with an offset, or a date and time read in the workflow time zone',
	},
];

export const reservationOptions: INodeProperties[] = [
	{
		displayName: 'Reservation Duration (Minutes)',
		name: 'reservationDuration',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'How long the hold lasts; nobody else can book the slot meanwhile',
	},
	{
		displayName: 'Slot Duration (Minutes)',
		name: 'slotDuration',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description:
			"Length of the slot, for event types that offer several lengths. Not set: Reserve takes the event type's default length, Update Reservation keeps the hold's length.",
	},
];

export function reservationBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	eventTypeId: number,
): IDataObject {
	const timeZone = validateTimeZone(ctx.getTimezone(), 'Workflow Time Zone');
	const slotStart = parseDateTime(
		ctx.getNodeParameter('slotStart', itemIndex, ''),
		'Slot Start',
		timeZone,
		{ exact: true },
	);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { eventTypeId, slotStart: slotStart.toISOString() };
	if (options.slotDuration !== undefined) {
		body.slotDuration = toPositiveInt(
			options.slotDuration,
			'Slot Duration (Minutes)',
			'a number of minutes',
		);
	}
	if (options.reservationDuration !== undefined) {
		body.reservationDuration = toPositiveInt(
			options.reservationDuration,
			'Reservation Duration (Minutes)',
			'a number of minutes',
		);
	}
	return body;
}

export function readReservationUid(ctx: IExecuteFunctions, itemIndex: number): string {
	return readUid(
		ctx.getNodeParameter('reservationUid', itemIndex, ''),
		'Reservation UID',
		'a reservation UID',
		'e84be5a3-4696-49e3-acc7-b2f3999c3b94',
	);
}

/** The reservation as Cal.com returns it; all its fields are short, so Simplified keeps them. */
export function simplifyReservation(data: IDataObject): IDataObject {
	const keep = [
		'reservationUid',
		'eventTypeId',
		'slotStart',
		'slotEnd',
		'slotDuration',
		'reservationDuration',
		'reservationUntil',
	];
	const out: IDataObject = {};
	for (const key of keep) if (data[key] !== undefined) out[key] = data[key];
	return out;
}
