import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { apiPath } from '../../transport';
import { shapeBookings } from '../booking/shared';
import {
	bookingFiltersField,
	bookingSortField,
	listBookingsByOffset,
	readBookingFilters,
	TEAM_BOOKING_FILTERS,
	TEAM_BOOKING_SORTS,
} from '../bookingList';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import { asTeamRole, readTeamId, teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';

export const description: INodeProperties[] = [
	teamIdLocator,
	...returnAllFields,
	bookingFiltersField(TEAM_BOOKING_FILTERS),
	bookingSortField(TEAM_BOOKING_SORTS),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const teamId = readTeamId(this, itemIndex);
	const limit = readLimit(this, itemIndex, 'bookings');
	const filters = readBookingFilters(this, itemIndex);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const bookings = await asTeamRole(teamId, 'admin', async () =>
		listBookingsByOffset(this, apiPath`/v2/teams/${teamId}/bookings`, filters, limit, timeoutMs),
	);
	return shapeBookings(bookings);
}
