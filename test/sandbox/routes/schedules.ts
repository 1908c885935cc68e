/**
 * Schedules (cal-api-version 2024-06-11, auth required, the caller's own schedules only):
 *
 *   GET    /v2/schedules                 200 ScheduleOutput[]
 *   GET    /v2/schedules/default         200 the user's default schedule, or data: null
 *   GET    /v2/schedules/{scheduleId}    200 ScheduleOutput
 *   POST   /v2/schedules                 201 {name, timeZone, isDefault, availability?, overrides?}
 *   PATCH  /v2/schedules/{scheduleId}    200 any subset of the create body
 *   DELETE /v2/schedules/{scheduleId}    200 {status: "success"}
 *
 * Behaviour (API-NOTES §6; texts recalled from Cal.com's SchedulesService_2024_06_11, unverified):
 * - `isDefault` in the output is whether the user's defaultScheduleId points at the schedule;
 *   creating or patching with isDefault: true makes it the default and unsets the old one.
 *   `isDefault: false` on the current default is ignored (Cal.com only acts on true) [inferred].
 * - Without `availability`, a new schedule is Monday–Friday 09:00–17:00 (the document says so).
 * - Someone else's schedule → 403, an unknown id → 404 (GET/PATCH) or 400 (DELETE).
 * - Deleting the default schedule → 400 [inferred: the brief of this sandbox; Cal.com's web app
 *   refuses it too, so event types without their own schedule never lose their hours].
 * - Slots read the live state, so a changed schedule changes GET /v2/slots at once.
 */
import { errorEnvelope, success } from '../envelope';
import { isValidTimeZone } from '../tz';
import type {
	SandboxAvailability,
	SandboxOverride,
	SandboxSchedule,
	SandboxState,
	SandboxUser,
} from '../types';
import { globalPipeAnswer } from '../validation-errors';
import type { RouteHandler, RouteRequest, RouteResult } from './route';

export interface ScheduleBody {
	name?: string;
	timeZone?: string;
	isDefault?: boolean;
	availability?: SandboxAvailability[];
	overrides?: SandboxOverride[];
}

const WEEKDAYS: SandboxAvailability = {
	days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
	startTime: '09:00',
	endTime: '17:00',
};

function fail(status: number, message: string, req: RouteRequest): RouteResult {
	return { status, body: errorEnvelope(status, message, req.url) };
}

export function scheduleOutput(
	schedule: SandboxSchedule,
	state: SandboxState,
): Record<string, unknown> {
	const owner = state.users.find((u) => u.id === schedule.ownerId);
	return {
		id: schedule.id,
		ownerId: schedule.ownerId,
		name: schedule.name,
		timeZone: schedule.timeZone,
		availability: schedule.availability,
		isDefault: owner?.defaultScheduleId === schedule.id,
		overrides: schedule.overrides,
	};
}

export function makeDefault(
	state: SandboxState,
	user: SandboxUser,
	schedule: SandboxSchedule,
): void {
	user.defaultScheduleId = schedule.id;
	for (const s of state.schedules) if (s.ownerId === user.id) s.isDefault = s.id === schedule.id;
}

/** The caller's schedule, or the answer for a missing or foreign one. */
function ownSchedule(
	req: RouteRequest,
	state: SandboxState,
	missingStatus = 404,
): SandboxSchedule | RouteResult {
	const id = Number(req.params.scheduleId);
	const schedule = state.schedules.find((s) => s.id === id);
	if (!schedule) {
		return missingStatus === 400
			? fail(400, `Schedule with id=${req.params.scheduleId} does not exist.`, req)
			: fail(404, `Schedule with id=${req.params.scheduleId} not found`, req);
	}
	const user = req.user as SandboxUser;
	if (schedule.ownerId !== user.id)
		return fail(403, `User with id=${user.id} does not own schedule with id=${schedule.id}`, req);
	return schedule;
}

export function checkTimeZone(body: ScheduleBody, req: RouteRequest): RouteResult | undefined {
	if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
		// The DTO's @IsTimeZone: the global validation pipe's 400 (validation-errors.ts).
		const failure = {
			path: 'timeZone',
			rule: 'isTimeZone',
			phrase: 'must be a valid IANA time-zone',
		};
		return {
			...globalPipeAnswer(req.url, body, [failure]),
			problems: [`timeZone "${body.timeZone}" is not an IANA time zone`],
		};
	}
	return undefined;
}

const listSchedules: RouteHandler['handle'] = (req, { state }) => {
	const user = req.user as SandboxUser;
	const own = state.schedules.filter((s) => s.ownerId === user.id).sort((a, b) => a.id - b.id);
	return { status: 200, body: success(own.map((s) => scheduleOutput(s, state))) };
};

const getDefault: RouteHandler['handle'] = (req, { state }) => {
	const user = req.user as SandboxUser;
	const schedule = state.schedules.find((s) => s.id === user.defaultScheduleId);
	return { status: 200, body: success(schedule ? scheduleOutput(schedule, state) : null) };
};

const getSchedule: RouteHandler['handle'] = (req, { state }) => {
	const schedule = ownSchedule(req, state);
	if ('status' in schedule) return schedule;
	return { status: 200, body: success(scheduleOutput(schedule, state)) };
};

const createSchedule: RouteHandler['handle'] = (req, { state }) => {
	const body = req.body as ScheduleBody;
	const bad = checkTimeZone(body, req);
	if (bad) return bad;
	const user = req.user as SandboxUser;
	const schedule = addSchedule(state, user.id, body);
	if (body.isDefault || user.defaultScheduleId === null) makeDefault(state, user, schedule);
	return { status: 201, body: success(scheduleOutput(schedule, state)) };
};

/** A new schedule of `ownerId` from a create body; without availability, Mon–Fri 09–17. */
export function addSchedule(
	state: SandboxState,
	ownerId: number,
	body: ScheduleBody,
): SandboxSchedule {
	const schedule: SandboxSchedule = {
		id: state.schedules.reduce((max, s) => Math.max(max, s.id), 0) + 1,
		ownerId,
		name: body.name as string,
		timeZone: body.timeZone as string,
		isDefault: false,
		availability: body.availability ?? [structuredClone(WEEKDAYS)],
		overrides: body.overrides ?? [],
	};
	state.schedules.push(schedule);
	return schedule;
}

/** The fields of an update body that were sent, applied to the schedule. */
export function applyScheduleChanges(schedule: SandboxSchedule, body: ScheduleBody): void {
	if (body.name !== undefined) schedule.name = body.name;
	if (body.timeZone !== undefined) schedule.timeZone = body.timeZone;
	if (body.availability !== undefined) schedule.availability = body.availability;
	if (body.overrides !== undefined) schedule.overrides = body.overrides;
}

const updateSchedule: RouteHandler['handle'] = (req, { state }) => {
	const schedule = ownSchedule(req, state);
	if ('status' in schedule) return schedule;
	const body = req.body as ScheduleBody;
	const bad = checkTimeZone(body, req);
	if (bad) return bad;
	applyScheduleChanges(schedule, body);
	if (body.isDefault === true) makeDefault(state, req.user as SandboxUser, schedule);
	return { status: 200, body: success(scheduleOutput(schedule, state)) };
};

const deleteSchedule: RouteHandler['handle'] = (req, { state }) => {
	const schedule = ownSchedule(req, state, 400);
	if ('status' in schedule) return schedule;
	const user = req.user as SandboxUser;
	if (user.defaultScheduleId === schedule.id) {
		return fail(
			400,
			'Cannot delete the default schedule. Make another schedule the default first.',
			req,
		);
	}
	state.schedules.splice(state.schedules.indexOf(schedule), 1);
	// Event types that used it fall back to the owner's default schedule.
	for (const et of state.eventTypes) if (et.scheduleId === schedule.id) et.scheduleId = null;
	return { status: 200, body: { status: 'success' } };
};

const BASE = '/v2/schedules';

export const schedulesRoutes: RouteHandler[] = [
	{ method: 'GET', template: BASE, validation: 'generic', handle: listSchedules },
	{ method: 'GET', template: `${BASE}/default`, validation: 'generic', handle: getDefault },
	{ method: 'GET', template: `${BASE}/{scheduleId}`, validation: 'generic', handle: getSchedule },
	{ method: 'POST', template: BASE, validation: 'generic', handle: createSchedule },
	{
		method: 'PATCH',
		template: `${BASE}/{scheduleId}`,
		validation: 'generic',
		handle: updateSchedule,
	},
	{
		method: 'DELETE',
		template: `${BASE}/{scheduleId}`,
		validation: 'generic',
		handle: deleteSchedule,
	},
];
