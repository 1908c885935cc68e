import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { isRecord } from '../../helpers/json';
import { toPositiveInt } from '../../helpers/parameters';
import { orgUserLocator } from '../organization';

/** Cal.com's reasons (apps/api/v2/src/modules/ooo/inputs/ooo.input.ts, OutOfOfficeReason). */
export const reasonOptions = [
	{ name: 'Unspecified', value: 'unspecified' },
	{ name: 'Vacation', value: 'vacation' },
	{ name: 'Travel', value: 'travel' },
	{ name: 'Sick Leave', value: 'sick' },
	{ name: 'Public Holiday', value: 'public_holiday' },
];

/** A reason by its value or its name, in any case ("Sick Leave", "sick", "public holiday"). */
export function readReason(value: unknown): string {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	const found = reasonOptions.find(
		(option) => option.value === text.replace(/ /g, '_') || option.name.toLowerCase() === text,
	);
	if (!found)
		throw new ParameterError(
			'Reason',
			`${describeValue(value)} is not a reason Cal.com knows; use unspecified, vacation, travel, sick or public_holiday.`,
		);
	return found.value;
}

const TIME_DESCRIPTION =
	'ISO 8601 date (2027-03-15) or date and time (2027-03-15T09:00), read in the Time Zone (IANA name); a Z or offset is taken as given. Cal.com keeps whole days: the entry covers every day from the start’s date to the end’s date.';

export function dayField(name: 'start' | 'end', required = true): INodeProperties {
	return {
		displayName: name === 'start' ? 'Start' : 'End',
		name,
		type: 'string',
		default: '',
		required,
		placeholder:
			name === 'start'
				? 'e.g. 2027-03-15 or 2027-03-15T09:00'
				: 'e.g. 2027-03-19 or 2027-03-19T17:00',
		// The same text-field form as timeParameter() (common.descriptions), for whole days.
		hint: 'Cal.com keeps whole days: the day this falls on in the Time Zone',
		description:
			name === 'start'
				? `First day away. ${TIME_DESCRIPTION}`
				: `Last day away. ${TIME_DESCRIPTION}`,
	};
}

export const reasonField: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'options',
	default: 'unspecified',
	options: reasonOptions,
	description: 'Why the user is away; Cal.com shows it on the booking page',
};

export const notesField: INodeProperties = {
	displayName: 'Notes',
	name: 'notes',
	type: 'string',
	default: '',
	typeOptions: { rows: 2 },
	placeholder: 'e.g. Back on Monday',
	description: 'A note kept with the entry',
};

export const redirectField: INodeProperties = orgUserLocator(
	'toUserId',
	'Redirect Bookings To',
	'Another user of a team or the organization the user is in, who takes the bookings meanwhile',
	false,
);

export const entryIdField: INodeProperties = {
	displayName: 'Entry ID',
	name: 'entryId',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 0,
	required: true,
	placeholder: 'e.g. 12',
	description: 'The ID of the out-of-office entry, as Get Many lists it',
};

export function readEntryId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(ctx.getNodeParameter('entryId', itemIndex, 0), 'Entry ID', 'an entry ID');
}

/** The optional redirect: a user ID, or undefined when none is chosen. */
export function readRedirect(value: unknown): number | undefined {
	// Inside a collection the locator may come as it is stored: { mode, value }.
	const raw = isRecord(value) ? value.value : value;
	if (raw === undefined || raw === null || raw === '') return undefined;
	return toPositiveInt(raw, 'Redirect Bookings To', 'a user ID');
}

/** An entry as a person or an agent needs it: the days as dates, the redirect by name. */
export function simplifyEntry(entry: IDataObject): IDataObject {
	const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : null);
	return {
		id: entry.id ?? null,
		userId: entry.userId ?? null,
		firstDay: day(entry.start),
		lastDay: day(entry.end),
		reason: entry.reason ?? null,
		notes: entry.notes ?? null,
		redirectToUserId: entry.toUserId ?? null,
		start: entry.start ?? null,
		end: entry.end ?? null,
	};
}
