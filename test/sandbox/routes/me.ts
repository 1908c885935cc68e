/**
 * GET /v2/me — the profile behind the API key (GetMeOutput). Unversioned, auth required;
 * the credential test of the node calls it.
 *
 * PATCH /v2/me — updates the profile (UpdateManagedUserInput) and answers the new profile
 * (UpdateMeOutput). The document says an email change waits for verification, so the primary
 * email is kept as it was. Inferred, not read in Cal.com (tests must not quote these texts as
 * Cal.com's): the 404/403 when the
 * default schedule does not exist or is someone else's.
 */
import { errorEnvelope, success } from '../envelope';
import { scheduleById } from '../state';
import { isValidTimeZone } from '../tz';
import type { SandboxState, SandboxUser } from '../types';
import { globalPipeAnswer } from '../validation-errors';
import type { RouteHandler } from './route';

export function meOutput(user: SandboxUser, state: SandboxState): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: user.id,
		username: user.username,
		email: user.email,
		name: user.name,
		avatarUrl: user.avatarUrl ?? null,
		bio: user.bio ?? null,
		timeFormat: user.timeFormat,
		defaultScheduleId: user.defaultScheduleId,
		weekStart: user.weekStart,
		timeZone: user.timeZone,
		organizationId: user.organizationId,
	};
	// Cal.com adds `organization` only for organization members.
	if (
		user.organizationId !== null &&
		state.organizations.some((o) => o.id === user.organizationId)
	) {
		out.organization = { isPlatform: false, id: user.organizationId };
	}
	return out;
}

export const meRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/me',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			// auth: 'required' guarantees a user here.
			return { status: 200, body: success(meOutput(req.user as SandboxUser, ctx.state)) };
		},
	},
	{
		method: 'PATCH',
		template: '/v2/me',
		validation: 'generic',
		auth: 'required',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const body = req.body as UpdateMeBody;
			if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
				// UpdateManagedUserInput's @IsTimeZone: the global validation pipe's 400 (validation-errors.ts).
				return globalPipeAnswer(req.url, body, [
					{ path: 'timeZone', rule: 'isTimeZone', phrase: 'must be a valid IANA time-zone' },
				]);
			}
			if (body.defaultScheduleId !== undefined) {
				const schedule = scheduleById(ctx.state, body.defaultScheduleId);
				if (!schedule) {
					return {
						status: 404,
						body: errorEnvelope(
							404,
							`Schedule with id=${body.defaultScheduleId} not found`,
							req.url,
						),
					};
				}
				if (schedule.ownerId !== user.id) {
					return {
						status: 403,
						body: errorEnvelope(
							403,
							`User with id=${user.id} does not own schedule with id=${schedule.id}`,
							req.url,
						),
					};
				}
				for (const own of ctx.state.schedules)
					if (own.ownerId === user.id) own.isDefault = own.id === schedule.id;
				user.defaultScheduleId = schedule.id;
			}
			for (const key of [
				'name',
				'timeZone',
				'timeFormat',
				'weekStart',
				'locale',
				'avatarUrl',
				'bio',
			] as const) {
				if (body[key] !== undefined) (user as unknown as Record<string, unknown>)[key] = body[key];
			}
			return { status: 200, body: success(meOutput(user, ctx.state)) };
		},
	},
];

interface UpdateMeBody {
	email?: string;
	name?: string;
	timeFormat?: number;
	defaultScheduleId?: number;
	weekStart?: string;
	timeZone?: string;
	locale?: string;
	avatarUrl?: string;
	bio?: string;
}
