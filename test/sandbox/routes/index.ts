/**
 * The route table: handlers per endpoint family. Later families (bookings, event types,
 * schedules, webhooks, credits, slot reservations) add their own file and one line here.
 * A documented operation without a handler answers 501 after validation, so a test that
 * reaches it learns at once that the sandbox does not implement it yet.
 */
import { bookingActionRoutes } from './bookings-actions';
import { bookingsListRoutes } from './bookings-list';
import { bookingsRoutes } from './bookings';
import { calendarsRoutes } from './calendars';
import { conferencingRoutes } from './conferencing';
import { creditsRoutes } from './credits';
import { eventTypesRoutes } from './event-types';
import { eventTypeWriteRoutes } from './event-types-write';
import { meRoutes } from './me';
import { organizationMembershipRoutes } from './organization-memberships';
import { organizationUserRoutes } from './organizations';
import { outOfOfficeRoutes } from './out-of-office';
import { reservationsRoutes } from './reservations';
import type { RouteHandler } from './route';
import { schedulesRoutes } from './schedules';
import { slotsRoutes } from './slots';
import { teamEventTypesRoutes } from './team-event-types';
import { teamMembershipsRoutes } from './team-memberships';
import { teamsRoutes } from './teams';
import { webhooksRoutes } from './webhooks';

export const ROUTES: readonly RouteHandler[] = [
	...meRoutes,
	...slotsRoutes,
	...reservationsRoutes,
	...eventTypesRoutes,
	...eventTypeWriteRoutes,
	...schedulesRoutes,
	...bookingsRoutes,
	...bookingsListRoutes,
	...bookingActionRoutes,
	...webhooksRoutes,
	...creditsRoutes,
	...calendarsRoutes,
	...conferencingRoutes,
	...teamsRoutes,
	...teamMembershipsRoutes,
	...organizationUserRoutes,
	...outOfOfficeRoutes,
	...organizationMembershipRoutes,
	...teamEventTypesRoutes,
];

export function findRoute(
	routes: readonly RouteHandler[],
	method: string,
	template: string,
): RouteHandler | undefined {
	return routes.find((r) => r.method === method.toUpperCase() && r.template === template);
}

export type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';
