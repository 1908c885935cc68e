/**
 * The route table: handlers per endpoint family. Later families (bookings, event types,
 * schedules, webhooks, credits, slot reservations) add their own file and one line here.
 * A documented operation without a handler answers 501 after validation, so a test that
 * reaches it learns at once that the sandbox does not implement it yet.
 */
import { bookingExtraRoutes } from './booking-extras';
import { bookingActionRoutes } from './bookings-actions';
import { bookingsListRoutes } from './bookings-list';
import { bookingsRoutes } from './bookings';
import { calendarsRoutes } from './calendars';
import { conferencingRoutes } from './conferencing';
import { creditsRoutes } from './credits';
import { eventTypesRoutes } from './event-types';
import { eventTypeWriteRoutes } from './event-types-write';
import { meRoutes } from './me';
import { organizationBookingRoutes } from './organization-bookings';
import { organizationMembershipRoutes } from './organization-memberships';
import { organizationScheduleRoutes } from './organization-schedules';
import { organizationTeamRoutes } from './organization-teams';
import { organizationUserRoutes } from './organizations';
import { outOfOfficeRoutes } from './out-of-office';
import { privateLinkRoutes } from './private-links';
import { reservationsRoutes } from './reservations';
import { routingFormRoutes } from './routing-forms';
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
	...organizationTeamRoutes,
	...organizationBookingRoutes,
	...organizationScheduleRoutes,
	...routingFormRoutes,
	...bookingExtraRoutes,
	...privateLinkRoutes,
];

export function findRoute(
	routes: readonly RouteHandler[],
	method: string,
	template: string,
): RouteHandler | undefined {
	return routes.find((r) => r.method === method.toUpperCase() && r.template === template);
}

export type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';
