import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, readTimeZone, readUid, toPositiveInt } from '../../helpers/parameters';
import { DAY_MS, parseDateTime, timeAsRead } from '../../helpers/time';
import { calComRequest } from '../../transport';
import {
	optionsCollection,
	outputField,
	timeParameter,
	timeZoneField,
} from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	eventTypeLookupFields,
	eventTypeNotFoundMessage,
	readEventTypeRef,
	refQuery,
} from '../eventTypeLookup';
import { simplifySlots, slotsQueryEnd } from './shared';

export const description: INodeProperties[] = [
	...eventTypeLookupFields(['eventTypeId', 'userSlug', 'teamSlug', 'dynamic']),
	timeParameter({
		displayName: 'Start',
		name: 'start',
		purpose: 'Earliest slot start',
		readIn: 'node',
		required: true,
	}),
	timeParameter({
		displayName: 'End',
		name: 'end',
		purpose: 'Latest slot start; it must be after Start',
		readIn: 'node',
		bareDate: 'end',
		required: true,
	}),
	timeZoneField,
	outputField,
	optionsCollection(
		{
			displayName: 'Duration (Minutes)',
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'Slot length, for event types that offer several lengths',
		},
		{
			displayName: 'Booking UID to Reschedule',
			name: 'bookingUidToReschedule',
			type: 'string',
			default: '',
			description:
				'When finding a new time for an existing booking: its UID, so that its own time counts as free',
		},
		{
			displayName: 'Slot Format',
			name: 'format',
			type: 'options',
			default: 'range',
			options: [
				{ name: 'Start and End', value: 'range' },
				{ name: 'Start Only', value: 'time' },
			],
			description: 'Whether Cal.com returns each slot with its end or only its start',
		},
	),
];

/** Cal.com serves slots up to one year ahead; a longer range is cut short or refused. */
const MAX_RANGE_DAYS = 366;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const timeZone = readTimeZone(this, itemIndex);
	const { start, end } = readRange(this, itemIndex, timeZone);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// Cal.com rejects any parameter of another lookup shape, so send exactly one shape.
	const format = options.format === 'time' ? 'time' : 'range';
	const ref = readEventTypeRef(this, itemIndex);
	const qs: IDataObject = {
		...refQuery(ref),
		start: start.toISOString(),
		end: slotsQueryEnd(end),
		timeZone,
		format,
		...readSlotOptions(options),
	};

	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/slots',
		qs,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: eventTypeNotFoundMessage(ref),
	})) as IDataObject;

	// One item for Cal.com's answer (slots by day); Simplified gives one item per free slot.
	return { data: [data ?? {}], simplify: (slots) => simplifySlots(slots, timeZone) };
}

function readRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	timeZone: string,
): { start: Date; end: Date } {
	const rawStart = ctx.getNodeParameter('start', itemIndex, '');
	const rawEnd = ctx.getNodeParameter('end', itemIndex, '');
	const start = parseDateTime(rawStart, 'Start', timeZone);
	const end = parseDateTime(rawEnd, 'End', timeZone, { endOfDay: true });
	const both = `Start ${timeAsRead(rawStart, start, timeZone)}; End ${timeAsRead(rawEnd, end, timeZone)}`;
	if (end.getTime() <= start.getTime()) {
		throw new ParameterError('End', `must be after Start (${both}).`);
	}
	if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
		throw new ParameterError(
			'End',
			`is more than a year after Start (${both}); Cal.com gives slots at most one year ahead. Ask for a shorter range.`,
		);
	}
	return { start, end };
}

function readSlotOptions(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (options.bookingUidToReschedule !== undefined && options.bookingUidToReschedule !== '') {
		qs.bookingUidToReschedule = readUid(
			options.bookingUidToReschedule,
			'Booking UID to Reschedule',
			'a booking UID',
			'kEQ6lyUVxK9sKQNFvjgrCv',
		);
	}
	if (options.duration !== undefined) {
		qs.duration = toPositiveInt(options.duration, 'Duration (Minutes)', 'a number of minutes');
	}
	return qs;
}
