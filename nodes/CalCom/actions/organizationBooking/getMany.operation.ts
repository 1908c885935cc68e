import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { shapeBookings } from '../booking/shared';
import {
	bookingFiltersField,
	bookingSortField,
	listBookingsByOffset,
	readBookingFilters,
	TEAM_BOOKING_FILTERS,
	TEAM_BOOKING_SORTS,
	userIdsFilter,
} from '../bookingList';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readOrganizationId,
	readUserId,
} from '../organization';
import { orgTeamLocator, orgTeamNotFound, readOrgTeamId } from '../orgTeam';
import type { CalComAnswer } from '../types';

type Scope = 'organization' | 'user' | 'team';

const only = (scope: Scope[]) => ({ displayOptions: { show: { scope } } });

/** Each endpoint offers the filters and orders its input takes (the OpenAPI document's). */
export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'For',
		name: 'scope',
		type: 'options',
		default: 'organization',
		description: 'Whose bookings to list',
		options: [
			{
				name: 'Whole Organization',
				value: 'organization',
				description: 'The bookings of every user and team of the organization',
			},
			{ name: 'One User', value: 'user', description: 'The bookings of one organization user' },
			{ name: 'One Team', value: 'team', description: 'The bookings of one organization team' },
		],
	},
	{
		...orgUserLocator('userId', 'User', 'The organization user whose bookings to list'),
		...only(['user']),
	},
	{ ...orgTeamLocator('The organization’s team whose bookings to list'), ...only(['team']) },
	...returnAllFields,
	{ ...bookingFiltersField(undefined, [userIdsFilter]), ...only(['organization']) },
	{ ...bookingFiltersField(), ...only(['user']) },
	{ ...bookingFiltersField(TEAM_BOOKING_FILTERS), ...only(['team']) },
	{ ...bookingSortField(), ...only(['organization', 'user']) },
	{ ...bookingSortField(TEAM_BOOKING_SORTS), ...only(['team']) },
	outputField,
	optionsCollection(),
];

/** The list's path, and what to say when Cal.com finds no such team. */
async function readPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ path: string; notFoundMessage?: string }> {
	const scope = ctx.getNodeParameter('scope', itemIndex, 'organization') as Scope;
	const userId = scope === 'user' ? readUserId(ctx, itemIndex, 'userId', 'User') : undefined;
	const teamId = scope === 'team' ? readOrgTeamId(ctx, itemIndex) : undefined;
	const orgId = await readOrganizationId(ctx, itemIndex);
	if (userId !== undefined) return { path: organizationPath(orgId, 'users', userId, 'bookings') };
	if (teamId !== undefined)
		return {
			path: organizationPath(orgId, 'teams', teamId, 'bookings'),
			notFoundMessage: orgTeamNotFound(teamId, orgId),
		};
	return { path: organizationPath(orgId, 'bookings') };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const limit = readLimit(this, itemIndex, 'bookings');
	const filters = readBookingFilters(this, itemIndex);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const { path, notFoundMessage } = await readPath(this, itemIndex);
	const bookings = await listBookingsByOffset(
		this,
		path,
		filters,
		limit,
		timeoutMs,
		notFoundMessage,
	);
	return shapeBookings(bookings);
}
