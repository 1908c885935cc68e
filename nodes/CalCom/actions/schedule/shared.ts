import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInt } from '../../helpers/parameters';
import type { CalComAnswer } from '../types';
import { DAY_NAMES } from './weeklyHours';

export const scheduleIdLocator: INodeProperties = {
	displayName: 'Schedule',
	name: 'scheduleId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The availability schedule (working hours) to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSchedules', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 254',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'A schedule ID is a whole number',
					},
				},
			],
		},
	],
};

export function readScheduleId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'scheduleId',
): number {
	return toPositiveInt(
		ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }),
		'Schedule',
		'a schedule ID',
	);
}

export function scheduleNotFound(id: number): string {
	return `Schedule ${id} was not found among the schedules of the API key's user. Check the schedule ID (Schedule → Get Many lists them).`;
}

const dayOptions = DAY_NAMES.map((day) => ({ name: day, value: day }));

/** Weekly hours: one entry per set of days that share the same hours. */
export const availabilityField: INodeProperties = {
	displayName: 'Availability',
	name: 'availability',
	type: 'fixedCollection',
	placeholder: 'Add Hours',
	default: {},
	typeOptions: { multipleValues: true },
	description:
		"Weekly hours, in the schedule's time zone: days with a start and an end time (HH:MM, 24-hour). Without any, Cal.com uses Monday–Friday 09:00–17:00.",
	options: [
		{
			displayName: 'Hours',
			name: 'entries',
			values: [
				{
					displayName: 'Days',
					name: 'days',
					type: 'multiOptions',
					options: dayOptions,
					default: [],
					description: 'Days with these hours',
				},
				{
					displayName: 'Start Time',
					name: 'startTime',
					type: 'string',
					default: '09:00',
					placeholder: 'e.g. 09:00',
					description: 'Start, HH:MM, 24-hour',
				},
				{
					displayName: 'End Time',
					name: 'endTime',
					type: 'string',
					default: '17:00',
					placeholder: 'e.g. 17:00',
					description: 'End, HH:MM, 24-hour; after the start time',
				},
			],
		},
	],
};

export const overridesField: INodeProperties = {
	displayName: 'Date Overrides',
	name: 'overrides',
	type: 'fixedCollection',
	placeholder: 'Add Date Override',
	default: {},
	typeOptions: { multipleValues: true },
	description: 'Dates with other hours than the weekly ones, or with no hours at all (a day off)',
	options: [
		{
			displayName: 'Override',
			name: 'entries',
			values: [
				{
					displayName: 'Date',
					name: 'date',
					type: 'string',
					default: '',
					placeholder: 'e.g. 2027-03-19',
					description: 'The date, YYYY-MM-DD',
				},
				{
					displayName: 'Unavailable All Day',
					name: 'unavailable',
					type: 'boolean',
					default: false,
					description: 'Whether the date has no hours at all (a day off)',
				},
				{
					displayName: 'Start Time',
					name: 'startTime',
					type: 'string',
					default: '09:00',
					placeholder: 'e.g. 10:00',
					description: 'Start, HH:MM, 24-hour',
					displayOptions: { show: { unavailable: [false] } },
				},
				{
					displayName: 'End Time',
					name: 'endTime',
					type: 'string',
					default: '17:00',
					placeholder: 'e.g. 12:00',
					description: 'End, HH:MM, 24-hour',
					displayOptions: { show: { unavailable: [false] } },
				},
			],
		},
	],
};

/** The time zone the schedule's hours are in, picked from the zones this n8n instance knows. */
export const scheduleTimeZoneField: INodeProperties = {
	displayName: 'Time Zone Name or ID',
	name: 'timeZone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimeZones' },
	default: '',
	description:
		'The IANA time zone the hours are in, e.g. Europe/Berlin. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

function asList(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

const SHORT: Record<string, string> = Object.fromEntries(
	DAY_NAMES.map((day) => [day, day.slice(0, 3)]),
);

/** "Mon, Tue 09:00–17:00": one line per availability entry, for people and agents. */
function weeklyHours(availability: IDataObject[]): string[] {
	return availability.map((entry) => {
		const days = asList(entry.days).map((day) => SHORT[String(day)] ?? String(day));
		return `${days.join(', ')} ${String(entry.startTime)}–${String(entry.endTime)}`;
	});
}

function dateOverrides(overrides: IDataObject[]): string[] {
	return overrides.map((entry) =>
		entry.startTime === '00:00' && entry.endTime === '00:00'
			? `${String(entry.date)} unavailable`
			: `${String(entry.date)} ${String(entry.startTime)}–${String(entry.endTime)}`,
	);
}

/** The fields a person or an agent needs; hours as readable lines (Raw keeps Cal.com's arrays). */
export function simplifySchedule(schedule: IDataObject): IDataObject {
	return {
		id: schedule.id ?? null,
		ownerId: schedule.ownerId ?? null,
		name: schedule.name ?? null,
		timeZone: schedule.timeZone ?? null,
		isDefault: schedule.isDefault ?? false,
		weeklyHours: weeklyHours(asList(schedule.availability as unknown)),
		dateOverrides: dateOverrides(asList(schedule.overrides as unknown)),
	};
}

/** Cal.com's schedules, one item each (none for data: null), with their simplifier. */
export function shapeSchedules(data: unknown): CalComAnswer {
	const list = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	return { data: list, simplify: simplifySchedule };
}
