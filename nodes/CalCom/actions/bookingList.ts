import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../helpers/errors';
import { readUid, toPositiveInt } from '../helpers/parameters';
import { parseDateTime, timeAsRead, validateTimeZone } from '../helpers/time';
import { paginateOffset } from '../transport';
import { filtersCollection, timeParameter } from './common.descriptions';

/**
 * What a list of bookings is filtered, sorted and paged by: Booking → Get Many (/v2/bookings)
 * and Team → Get Bookings (/v2/teams/{teamId}/bookings) share Cal.com's query, each offering the
 * filters its endpoint takes.
 */
const STATUSES = ['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed'] as const;
const DATE_FILTERS: Array<[string, string, string]> = [
	['afterStart', 'Starts After', 'Only bookings that start at or after this time'],
	['beforeEnd', 'Ends Before', 'Only bookings that end at or before this time'],
	['afterCreatedAt', 'Created After', 'Only bookings created at or after this time'],
	['beforeCreatedAt', 'Created Before', 'Only bookings created at or before this time'],
	['afterUpdatedAt', 'Updated After', 'Only bookings updated at or after this time'],
	['beforeUpdatedAt', 'Updated Before', 'Only bookings updated at or before this time'],
];

/** Every filter of the personal list, in the editor's order. */
const FILTER_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Attendee Email',
		name: 'attendeeEmail',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description: 'Only bookings with this attendee',
	},
	{
		displayName: 'Attendee Name',
		name: 'attendeeName',
		type: 'string',
		default: '',
		description: 'Only bookings with an attendee of this name',
	},
	{
		displayName: 'Booking UID',
		name: 'bookingUid',
		type: 'string',
		default: '',
		description: 'Only the booking with this UID',
	},
	...DATE_FILTERS.map(([name, displayName, purpose]) =>
		timeParameter({ displayName, name, purpose, readIn: 'utc' }),
	),
	{
		displayName: 'Event Type IDs',
		name: 'eventTypeIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12, 13',
		description: 'Comma-separated event type IDs',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		default: [],
		options: STATUSES.map((value) => ({
			name: value[0].toUpperCase() + value.slice(1),
			value,
		})),
		description: 'Only bookings in these states; Unconfirmed means waiting for the host to confirm',
	},
	{
		displayName: 'Team IDs',
		name: 'teamsIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 100',
		description: 'Comma-separated team IDs, for the bookings of those teams',
	},
];

/** The filters and orders a team's list takes (GetTeamsBookingsInput and the organization's). */
export const TEAM_BOOKING_FILTERS = [
	'attendeeEmail',
	'attendeeName',
	'bookingUid',
	'afterStart',
	'beforeEnd',
	'eventTypeIds',
	'status',
];
export const TEAM_BOOKING_SORTS = ['sortCreated', 'sortEnd', 'sortStart'];

/** The organization's list also narrows to some users (GetOrganizationsBookingsInput). */
export const userIdsFilter: INodeProperties = {
	displayName: 'User IDs',
	name: 'userIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 82, 83',
	description: 'Comma-separated IDs of organization users, for the bookings they organise or host',
};

/**
 * The Filters collection, with only the named filters when `only` is given, and `extra` ones an
 * endpoint adds.
 */
export function bookingFiltersField(
	only?: readonly string[],
	extra: INodeProperties[] = [],
): INodeProperties {
	const options = only
		? FILTER_OPTIONS.filter((option) => only.includes(option.name))
		: FILTER_OPTIONS;
	return filtersCollection([...options, ...extra]);
}

const SORT_OPTIONS = [
	{ name: 'Created', value: 'sortCreated' },
	{ name: 'End', value: 'sortEnd' },
	{ name: 'Start', value: 'sortStart' },
	{ name: 'Updated', value: 'sortUpdatedAt' },
];

/** The Sort collection, with only the named orders when `only` is given. */
export function bookingSortField(only?: readonly string[]): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'field',
				type: 'options',
				default: 'sortStart',
				description: 'The booking time the list is ordered by',
				options: only ? SORT_OPTIONS.filter((o) => only.includes(o.value)) : SORT_OPTIONS,
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'asc',
				description: 'Ascending puts the earliest first',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
			},
		],
	};
}

/** The Filters and Sort collections as a query, and the statuses asked for (checked). */
export function readBookingFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { qs: IDataObject; statuses: string[] } {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {
		...readTextFilters(filters),
		...readDateFilters(filters),
		...readIdFilters(filters),
		...readSort(ctx, itemIndex),
	};
	return { qs, statuses: readStatuses(filters.status) };
}

function readTextFilters(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (filters.bookingUid !== undefined && filters.bookingUid !== '') {
		qs.bookingUid = readUid(
			filters.bookingUid,
			'Booking UID',
			'a booking UID',
			'kEQ6lyUVxK9sKQNFvjgrCv',
		);
	}
	for (const key of ['attendeeEmail', 'attendeeName']) {
		if (typeof filters[key] === 'string' && (filters[key] as string).trim())
			qs[key] = (filters[key] as string).trim();
	}
	return qs;
}

function readDateFilters(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	const utc = validateTimeZone('UTC');
	const read: Record<string, Date> = {};
	for (const [key, label] of DATE_FILTERS) {
		if (!filters[key]) continue;
		read[key] = parseDateTime(filters[key], label, utc);
		qs[key] = read[key].toISOString();
	}
	checkDateRanges(filters, read);
	return qs;
}

/** An "after" past its "before" matches nothing: say so instead of returning an empty list. */
function checkDateRanges(filters: IDataObject, read: Record<string, Date>): void {
	const label = (key: string) => DATE_FILTERS.find(([name]) => name === key)?.[1] ?? key;
	const shown = (key: string) => `${label(key)} ${timeAsRead(filters[key], read[key], 'UTC')}`;
	for (const [after, before] of [
		['afterStart', 'beforeEnd'],
		['afterCreatedAt', 'beforeCreatedAt'],
		['afterUpdatedAt', 'beforeUpdatedAt'],
	]) {
		if (!read[after] || !read[before] || read[before].getTime() > read[after].getTime()) continue;
		throw new ParameterError(
			label(before),
			`must be after ${label(after)} (${shown(after)}; ${shown(before)}).`,
		);
	}
}

function readIdFilters(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [key, label] of [
		['eventTypeIds', 'Event Type IDs'],
		['teamsIds', 'Team IDs'],
		['userIds', 'User IDs'],
	]) {
		if (typeof filters[key] !== 'string' || !(filters[key] as string).trim()) continue;
		const ids = (filters[key] as string)
			.split(',')
			.map((part) => toPositiveInt(part.trim(), label, 'an ID'));
		qs[key] = ids.join(',');
	}
	return qs;
}

function readStatuses(rawStatus: unknown): string[] {
	if (
		rawStatus !== undefined &&
		rawStatus !== null &&
		typeof rawStatus !== 'string' &&
		!Array.isArray(rawStatus)
	) {
		// Ignoring it would list every booking instead of the ones asked for.
		throw new ParameterError(
			'Status',
			`${describeValue(rawStatus)} is not a list of statuses (${STATUSES.join(', ')}).`,
		);
	}
	const statuses = (
		typeof rawStatus === 'string' ? rawStatus.split(',') : ((rawStatus ?? []) as unknown[])
	).map((status) => (typeof status === 'string' ? status.trim() : status));
	for (const status of statuses) {
		if (!(STATUSES as readonly unknown[]).includes(status)) {
			throw new ParameterError(
				'Status',
				`${describeValue(status)} is not a booking status (${STATUSES.join(', ')}).`,
			);
		}
	}
	// Each one was checked against STATUSES above.
	return statuses as string[];
}

function readSort(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const sort = ctx.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	return typeof sort.field === 'string'
		? { [sort.field]: sort.direction === 'desc' ? 'desc' : 'asc' }
		: {};
}

/** Pages of up to 250 bookings (take/skip, API 2024-08-13) from `path`, up to `limit`. */
export async function listBookingsByOffset(
	ctx: IExecuteFunctions,
	path: string,
	{ qs, statuses }: { qs: IDataObject; statuses: string[] },
	limit: number | undefined,
	timeoutMs: number,
	notFoundMessage?: string,
): Promise<unknown[]> {
	const query = statuses.length ? { ...qs, status: statuses.join(',') } : qs;
	return await paginateOffset.call(
		ctx,
		{ method: 'GET', path, qs: query, timeoutMs, notFoundMessage },
		{ limit, pageSize: 250 },
	);
}
