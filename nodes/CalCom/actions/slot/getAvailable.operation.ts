import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, readTimeZone, requiredString, toPositiveInt } from '../../helpers/parameters';
import { dateInZone, formatInZone, parseDateTime } from '../../helpers/time';
import { calComRequest } from '../../transport';
import { eventTypeIdLocator, optionsCollection, outputField, timeZoneField } from '../common.descriptions';

const byId = { show: { lookup: ['eventTypeId'] } };
const bySlug = { show: { lookup: ['userSlug'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Find Event Type By',
		name: 'lookup',
		type: 'options',
		default: 'eventTypeId',
		options: [
			{ name: 'Event Type', value: 'eventTypeId', description: 'Pick it from your event types, or give its ID' },
			{
				name: 'Username and Event Type Slug',
				value: 'userSlug',
				description: "As in a booking link such as cal.com/bailey/30min; works for anyone's public event type",
			},
		],
	},
	{ ...eventTypeIdLocator, displayOptions: byId },
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. bailey',
		description: 'The Cal.com username of the host: bailey in the booking link cal.com/bailey/30min',
		displayOptions: bySlug,
	},
	{
		displayName: 'Event Type Slug',
		name: 'eventTypeSlug',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 30min',
		description: 'The event type part of the booking link: 30min in cal.com/bailey/30min',
		displayOptions: bySlug,
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Earliest slot start. ISO 8601 with an offset (2027-03-29T09:00:00+02:00), or a date and time read in the Time Zone. A bare date means the start of that day.',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Latest slot start. Same formats as Start; a bare date means the end of that day. Must be after Start.',
	},
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
				displayName: 'Organization Slug',
				name: 'organizationSlug',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme',
				description: 'Needed when the user belongs to a Cal.com organization',
				displayOptions: { show: { '/lookup': ['userSlug'] } },
			},
	),
];

interface RawSlot extends IDataObject {
	start: string;
	end?: string;
}

/** One item per free slot, in UTC and in the requested zone, ordered by start. */
function simplifySlots(data: IDataObject, timeZone: string): IDataObject[] {
	const slots: IDataObject[] = [];
	for (const day of Object.keys(data).sort()) {
		const entries = Array.isArray(data[day]) ? (data[day] as unknown[]) : [];
		for (const entry of entries) {
			const slot: RawSlot =
				typeof entry === 'string' ? { start: entry } : ({ ...(entry as IDataObject) } as RawSlot);
			const start = new Date(slot.start);
			if (Number.isNaN(start.getTime())) continue;
			const end = slot.end ? new Date(slot.end) : undefined;
			const { start: _start, end: _end, ...extra } = slot;
			slots.push({
				start: start.toISOString(),
				end: end ? end.toISOString() : null,
				startLocal: formatInZone(start, timeZone),
				endLocal: end ? formatInZone(end, timeZone) : null,
				date: dateInZone(start, timeZone),
				timeZone,
				...extra,
			});
		}
	}
	return slots.sort((a, b) => String(a.start).localeCompare(String(b.start)));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const timeZone = readTimeZone(this, itemIndex);
	const start = parseDateTime(this.getNodeParameter('start', itemIndex, ''), 'Start', timeZone);
	const end = parseDateTime(this.getNodeParameter('end', itemIndex, ''), 'End', timeZone, { endOfDay: true });
	if (end.getTime() <= start.getTime()) {
		throw new ParameterError(
			'End',
			`must be after Start (Start is ${start.toISOString()}, End is ${end.toISOString()}).`,
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// Cal.com rejects any parameter of another lookup shape, so send exactly one shape.
	const qs: IDataObject = { start: start.toISOString(), end: end.toISOString(), timeZone, format: 'range' };
	if (this.getNodeParameter('lookup', itemIndex) === 'userSlug') {
		qs.username = requiredString(this.getNodeParameter('username', itemIndex, ''), 'Username', 'bailey');
		qs.eventTypeSlug = requiredString(
			this.getNodeParameter('eventTypeSlug', itemIndex, ''),
			'Event Type Slug',
			'30min',
		);
		if (typeof options.organizationSlug === 'string' && options.organizationSlug.trim()) {
			qs.organizationSlug = options.organizationSlug.trim();
		}
	} else {
		qs.eventTypeId = toPositiveInt(
			this.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
			'Event Type',
			'an event type ID',
		);
	}
	if (options.duration !== undefined) {
		qs.duration = toPositiveInt(options.duration, 'Duration (Minutes)', 'a number of minutes');
	}

	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/slots',
		qs,
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;

	if (this.getNodeParameter('output', itemIndex) === 'raw') return [data ?? {}];
	return simplifySlots(data ?? {}, timeZone);
}
