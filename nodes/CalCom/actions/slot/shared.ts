import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readStartEnd, readUid, toPositiveInt } from '../../helpers/parameters';
import { timeParameter } from '../common.descriptions';
import {
	DAY_MS,
	dateInZone,
	formatInZone,
	parseDateTime,
	validateTimeZone,
	wallTime,
	wallTimeInstants,
} from '../../helpers/time';

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
	timeParameter({
		displayName: 'Slot Start',
		name: 'slotStart',
		purpose: 'Start of the slot to hold, as a free slot listed by Get Available',
		readIn: 'workflow',
		required: true,
	}),
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

/**
 * A slots query's `end` as Cal.com should get it. Cal.com reads an `end` at 00:00:00 UTC as the
 * end of that UTC day (what it means for a bare date), which would add up to a day of slots; a
 * millisecond earlier it is read as is (slots still have to fit before it).
 */
export function slotsQueryEnd(end: Date): string {
	const wholeSecond = end.getTime() - (end.getTime() % 1000);
	return (wholeSecond % DAY_MS === 0 ? new Date(wholeSecond - 1) : end).toISOString();
}

interface RawSlot extends IDataObject {
	start: string;
	end?: string;
}

/** One item per free slot, in UTC and in the requested zone, ordered by start. */
export function simplifySlots(data: IDataObject, timeZone: string): IDataObject[] {
	const slots: IDataObject[] = [];
	for (const day of Object.keys(data).sort()) {
		const entries = Array.isArray(data[day]) ? (data[day] as unknown[]) : [];
		for (const entry of entries) {
			const slot: RawSlot =
				typeof entry === 'string' ? { start: entry } : ({ ...(entry as IDataObject) } as RawSlot);
			const start = new Date(slot.start);
			if (Number.isNaN(start.getTime())) continue;
			const end = slot.end ? new Date(slot.end) : undefined;
			const extra: IDataObject = { ...slot };
			delete extra.start;
			delete extra.end;
			const simple: IDataObject = {
				start: start.toISOString(),
				end: end ? end.toISOString() : null,
				startLocal: formatInZone(start, timeZone),
				endLocal: end ? formatInZone(end, timeZone) : null,
				date: dateInZone(start, timeZone),
				timeZone,
				...extra,
			};
			// A short local label, so a person or an AI model reads the slot without arithmetic.
			slots.push({ ...simple, label: labelOf(simple, timeZone) });
		}
	}
	return slots.sort((a, b) => String(a.start).localeCompare(String(b.start)));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Tue 16 Mar, 09:00–09:30": a slot an LLM or a person reads without arithmetic. The names come
 * from a table rather than the runtime's locale data, where en-GB's September is "Sept" (since
 * CLDR 38), so every month has three letters on every Node.js build.
 */
export function labelOf(slot: IDataObject, timeZone: string): string {
	const [year, month, date] = dateInZone(new Date(String(slot.start)), timeZone)
		.split('-')
		.map(Number);
	const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()];
	const day = `${weekday} ${date} ${MONTHS[month - 1]}`;
	const clock = (iso: unknown) => formatInZone(new Date(String(iso)), timeZone).slice(11, 16);
	const label = slot.end
		? `${day}, ${clock(slot.start)}–${clock(slot.end)}`
		: `${day}, ${clock(slot.start)}`;
	// In the hour a fall-back repeats, two slots would read the same: the offset tells them apart.
	const start = new Date(String(slot.start));
	if (wallTimeInstants(wallTime(start, timeZone), timeZone).length < 2) return label;
	return `${label} (UTC${formatInZone(start, timeZone).slice(19)})`;
}

/** Cal.com serves slots up to one year ahead; a longer range is cut short or refused. */
export const MAX_RANGE_DAYS = 366;

/** Start and End of a slots query, checked: End after Start (readStartEnd), at most a year apart. */
export function readRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	timeZone: string,
): { start: Date; end: Date } {
	const { start, end, both } = readStartEnd(ctx, itemIndex, timeZone);
	if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
		throw new ParameterError(
			'End',
			`is more than a year after Start (${both}); Cal.com gives slots at most one year ahead. Ask for a shorter range.`,
		);
	}
	return { start, end };
}

/** Duration and Booking UID to Reschedule of a slots query's Options. */
export function readSlotOptions(options: IDataObject): IDataObject {
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

/** Start and End of a slots query (Get Available, and the routing forms' slots). */
export const slotRangeFields: INodeProperties[] = [
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
];

/** Duration of a slots query's Options (Get Available, Find Next Free, routing forms' slots). */
export const durationOption: INodeProperties = {
	displayName: 'Duration (Minutes)',
	name: 'duration',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 30,
	description: 'Slot length, for event types that offer several lengths',
};

/** Duration, Booking UID to Reschedule and Slot Format of a slots query's Options. */
export const slotQueryOptions: INodeProperties[] = [
	durationOption,
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
];
