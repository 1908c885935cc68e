/**
 * Schedules of an organization's users (unversioned; the 2024-06-11 shapes), read in
 * apps/api/v2/src/modules/organizations/schedules/organizations-schedules.controller.ts (ORG_ADMIN
 * on every route, IsUserInOrg on the user routes), …/services/organizations-schedules.service.ts
 * (the organization's list: the schedules of its users, take ≤ 250, default 250, and skip) and
 * apps/api/v2/src/ee/schedules/schedules_2024_06_11/services/schedules.service.ts:
 *
 *   GET    /v2/organizations/{orgId}/schedules                             200 every user's schedules
 *   GET    /v2/organizations/{orgId}/users/{userId}/schedules              200 the user's schedules
 *   POST   /v2/organizations/{orgId}/users/{userId}/schedules              201 isDefault: true makes
 *                                                                          it the user's default
 *   GET    /v2/organizations/{orgId}/users/{userId}/schedules/{id}         200
 *   PATCH  /v2/organizations/{orgId}/users/{userId}/schedules/{id}         200
 *   DELETE /v2/organizations/{orgId}/users/{userId}/schedules/{id}         200 {status: "success"}
 *
 * An unknown schedule: 404 "Schedule with ID=… does not exist." (400 on DELETE); another user's:
 * 403 "User with ID=… does not own schedule with ID=…" (checkUserOwnsSchedule). Cal.com's service
 * neither refuses to delete the default schedule nor makes a first schedule the default; inferred:
 * deleting the default leaves the user without one (defaultScheduleId null), which the sandbox's
 * slots read as no working hours, as Cal.com's own pointer then leads nowhere.
 */
import { success } from '../envelope';
import type { SandboxOrganization, SandboxSchedule, SandboxState, SandboxUser } from '../types';
import { orgAdminAccess, orgUsers, refuse, userInOrg } from './organization-access';
import type { RouteHandler, RouteRequest, RouteResult } from './route';
import type { ScheduleBody } from './schedules';
import {
	addSchedule,
	applyScheduleChanges,
	checkTimeZone,
	makeDefault,
	scheduleOutput,
} from './schedules';

type UserAccess =
	| { ok: true; user: SandboxUser; org: SandboxOrganization }
	| { ok: false; result: RouteResult };

/** ORG_ADMIN's chain, then IsUserInOrg. */
function userAccess(req: RouteRequest, state: SandboxState): UserAccess {
	const access = orgAdminAccess(req, state);
	if (!access.ok) return access;
	const found = userInOrg(req, state, access.org);
	return found.ok ? { ok: true, user: found.user, org: access.org } : found;
}

/** The user's schedule named in the path, or Cal.com's answer for a missing or foreign one. */
function usersSchedule(
	req: RouteRequest,
	state: SandboxState,
	user: SandboxUser,
	missingStatus: 400 | 404,
): SandboxSchedule | RouteResult {
	const id = req.params.scheduleId;
	const schedule = state.schedules.find((s) => String(s.id) === id);
	if (!schedule) return refuse(missingStatus, `Schedule with ID=${id} does not exist.`, req);
	if (schedule.ownerId !== user.id)
		return refuse(403, `User with ID=${user.id} does not own schedule with ID=${schedule.id}`, req);
	return schedule;
}

const isAnswer = (value: SandboxSchedule | RouteResult): value is RouteResult => 'status' in value;

const organizationSchedules: RouteHandler['handle'] = (req, { state }) => {
	const access = orgAdminAccess(req, state);
	if (!access.ok) return access.result;
	const users = new Set(orgUsers(state, access.org).map((u) => u.id));
	const all = state.schedules.filter((s) => users.has(s.ownerId)).sort((a, b) => a.id - b.id);
	const skip = (req.typedQuery.skip as number | undefined) ?? 0;
	const take = (req.typedQuery.take as number | undefined) ?? 250;
	return {
		status: 200,
		body: success(all.slice(skip, skip + take).map((s) => scheduleOutput(s, state))),
	};
};

const listUserSchedules: RouteHandler['handle'] = (req, { state }) => {
	const access = userAccess(req, state);
	if (!access.ok) return access.result;
	const own = state.schedules
		.filter((s) => s.ownerId === access.user.id)
		.sort((a, b) => a.id - b.id);
	return { status: 200, body: success(own.map((s) => scheduleOutput(s, state))) };
};

const createUserSchedule: RouteHandler['handle'] = (req, { state }) => {
	const access = userAccess(req, state);
	if (!access.ok) return access.result;
	const body = req.body as ScheduleBody;
	const bad = checkTimeZone(body, req);
	if (bad) return bad;
	const schedule = addSchedule(state, access.user.id, body);
	if (body.isDefault) makeDefault(state, access.user, schedule);
	return { status: 201, body: success(scheduleOutput(schedule, state)) };
};

const getUserSchedule: RouteHandler['handle'] = (req, { state }) => {
	const access = userAccess(req, state);
	if (!access.ok) return access.result;
	const schedule = usersSchedule(req, state, access.user, 404);
	return isAnswer(schedule)
		? schedule
		: { status: 200, body: success(scheduleOutput(schedule, state)) };
};

const updateUserSchedule: RouteHandler['handle'] = (req, { state }) => {
	const access = userAccess(req, state);
	if (!access.ok) return access.result;
	const schedule = usersSchedule(req, state, access.user, 404);
	if (isAnswer(schedule)) return schedule;
	const body = req.body as ScheduleBody;
	const bad = checkTimeZone(body, req);
	if (bad) return bad;
	if (body.isDefault === true) makeDefault(state, access.user, schedule);
	applyScheduleChanges(schedule, body);
	return { status: 200, body: success(scheduleOutput(schedule, state)) };
};

const deleteUserSchedule: RouteHandler['handle'] = (req, { state }) => {
	const access = userAccess(req, state);
	if (!access.ok) return access.result;
	const schedule = usersSchedule(req, state, access.user, 400);
	if (isAnswer(schedule)) return schedule;
	state.schedules.splice(state.schedules.indexOf(schedule), 1);
	if (access.user.defaultScheduleId === schedule.id) access.user.defaultScheduleId = null;
	for (const et of state.eventTypes) if (et.scheduleId === schedule.id) et.scheduleId = null;
	return { status: 200, body: { status: 'success' } };
};

const ORG = '/v2/organizations/{orgId}';
const USER = `${ORG}/users/{userId}/schedules`;
const ONE = `${USER}/{scheduleId}`;

export const organizationScheduleRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: `${ORG}/schedules`,
		validation: 'generic',
		handle: organizationSchedules,
	},
	{ method: 'GET', template: USER, validation: 'generic', handle: listUserSchedules },
	{ method: 'POST', template: USER, validation: 'generic', handle: createUserSchedule },
	{ method: 'GET', template: ONE, validation: 'generic', handle: getUserSchedule },
	{ method: 'PATCH', template: ONE, validation: 'generic', handle: updateUserSchedule },
	{ method: 'DELETE', template: ONE, validation: 'generic', handle: deleteUserSchedule },
];
