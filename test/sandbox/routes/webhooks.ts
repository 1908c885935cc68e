/**
 * Webhook management at the four scopes Cal.com API v2 has (API-NOTES §8.1): the user's own
 * (/v2/webhooks), a personal event type's, a team event type's and an organization's. All
 * unversioned and with an API key. Shapes and rules: UUID ids; a second webhook with the same
 * subscriberUrl in the same scope is a 409 with Cal.com's text; DELETE answers with the deleted
 * webhook; lists take `take` (1–250, default 250) and `skip` and carry no pagination object.
 *
 * Read in Cal.com: the 404 of a missing webhook ("Webhook (<id>) not found", webhooks.service.ts).
 * Inferred, not read in Cal.com (marked so tests do not quote them as Cal.com's words): the
 * 403 texts of the ownership guards, the 404 texts of a missing scope, the 400 when a no-show trigger lacks time/timeUnit and
 * the text of "delete all".
 */
import { randomUUID } from 'node:crypto';

import { errorEnvelope, success } from '../envelope';
import { eventTypeById } from '../state';
import { withOlderWebhookInput } from '../older-server';
import type { SandboxState, SandboxUser, SandboxWebhook } from '../types';
import type { RouteHandler, RouteRequest, RouteResult } from './route';

const NO_SHOW_TRIGGERS = ['AFTER_HOSTS_CAL_VIDEO_NO_SHOW', 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW'];
export const DEFAULT_WEBHOOK_VERSION = '2021-10-20';

interface Scope {
	owner: Pick<SandboxWebhook, 'userId' | 'eventTypeId' | 'teamId'>;
	/** The output's owner property. */
	ownerKey: 'userId' | 'eventTypeId' | 'teamId';
	/** Cal.com's 409 ends "…already exists for this <noun>". */
	noun: string;
}

type ScopeResult = { ok: true; scope: Scope } | { ok: false; result: RouteResult };

const fail = (
	status: number,
	message: string,
	req: RouteRequest,
): { ok: false; result: RouteResult } => ({
	ok: false,
	result: { status, body: errorEnvelope(status, message, req.url) },
});

function resolveScope(req: RouteRequest, state: SandboxState): ScopeResult {
	const user = req.user as SandboxUser; // auth: 'required'
	const { eventTypeId, teamId, orgId } = req.params;
	if (orgId !== undefined) {
		const id = Number(orgId);
		if (!state.organizations.some((o) => o.id === id))
			return fail(404, `Organization with id ${id} not found`, req);
		const admin =
			user.organizationId === id &&
			(user.organizationRole === 'OWNER' || user.organizationRole === 'ADMIN');
		if (!admin)
			return fail(
				403,
				'You must be an admin or owner of this organization to manage its webhooks',
				req,
			);
		return {
			ok: true,
			scope: {
				owner: { userId: null, eventTypeId: null, teamId: id },
				ownerKey: 'teamId',
				noun: 'team',
			},
		};
	}
	if (eventTypeId !== undefined) {
		const id = Number(eventTypeId);
		const eventType = eventTypeById(state, id);
		if (teamId !== undefined) {
			const team = state.teams.find((t) => t.id === Number(teamId));
			if (!team) return fail(404, `Team with id ${teamId} not found`, req);
			const member = team.members.find((m) => m.userId === user.id && m.accepted);
			if (!member || member.role === 'MEMBER') {
				return fail(
					403,
					'You must be an admin or owner of this team to manage its event type webhooks',
					req,
				);
			}
			if (!eventType || eventType.teamId !== team.id)
				return fail(404, `Event type with id ${id} not found`, req);
		} else {
			if (!eventType) return fail(404, `Event type with id ${id} not found`, req);
			if (eventType.ownerId !== user.id)
				return fail(403, `You are not the owner of event type with id ${id}`, req);
		}
		return {
			ok: true,
			scope: {
				owner: { userId: null, eventTypeId: id, teamId: null },
				ownerKey: 'eventTypeId',
				noun: 'event type',
			},
		};
	}
	return {
		ok: true,
		scope: {
			owner: { userId: user.id, eventTypeId: null, teamId: null },
			ownerKey: 'userId',
			noun: 'user',
		},
	};
}

function inScope(webhook: SandboxWebhook, scope: Scope): boolean {
	return (
		webhook.userId === scope.owner.userId &&
		webhook.eventTypeId === scope.owner.eventTypeId &&
		webhook.teamId === scope.owner.teamId
	);
}

export function webhookOutput(
	webhook: SandboxWebhook,
	ownerKey: Scope['ownerKey'],
): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: webhook.id,
		[ownerKey]: webhook[ownerKey],
		subscriberUrl: webhook.subscriberUrl,
		triggers: [...webhook.triggers],
		active: webhook.active,
		payloadTemplate: webhook.payloadTemplate,
		version: webhook.version,
		time: webhook.time,
		timeUnit: webhook.timeUnit,
	};
	if (webhook.secret) out.secret = webhook.secret;
	return out;
}

type Body = Partial<
	Pick<
		SandboxWebhook,
		'subscriberUrl' | 'triggers' | 'active' | 'secret' | 'version' | 'time' | 'timeUnit'
	>
> & {
	payloadTemplate?: string;
};

function noShowProblem(
	triggers: string[],
	time: number | null,
	timeUnit: string | null,
): string | undefined {
	const noShow = triggers.filter((t) => NO_SHOW_TRIGGERS.includes(t));
	if (noShow.length === 0 || (time !== null && timeUnit !== null)) return undefined;
	return `time and timeUnit are required for ${noShow.join(' and ')}`;
}

/** Runs `act` with the scope, or answers the scope's error. */
function withScope(
	act: (req: RouteRequest, state: SandboxState, scope: Scope) => RouteResult,
): RouteHandler['handle'] {
	return (req, ctx) => {
		const resolved = resolveScope(req, ctx.state);
		return resolved.ok ? act(req, ctx.state, resolved.scope) : resolved.result;
	};
}

/** Runs `act` with the scope and the webhook of the path, or answers 404/403. */
function withWebhook(
	act: (
		req: RouteRequest,
		state: SandboxState,
		scope: Scope,
		webhook: SandboxWebhook,
	) => RouteResult,
): RouteHandler['handle'] {
	return withScope((req, state, scope) => {
		const webhook = state.webhooks.find((w) => w.id === req.params.webhookId);
		// Follows apps/api/v2/src/modules/webhooks/services/webhooks.service.ts (getWebhookById, which
		// every scope's guard calls before checking ownership).
		if (!webhook) return fail(404, `Webhook (${req.params.webhookId}) not found`, req).result;
		if (!inScope(webhook, scope))
			return fail(403, `Webhook with id ${webhook.id} does not belong to this ${scope.noun}`, req)
				.result;
		return act(req, state, scope, webhook);
	});
}

const conflict = (scope: Scope, req: RouteRequest) =>
	fail(409, `Webhook with this subscriber url already exists for this ${scope.noun}`, req).result;

const create = withScope((req, state, scope) => {
	const body = req.body as Body;
	const triggers = body.triggers ?? [];
	if (state.webhooks.some((w) => inScope(w, scope) && w.subscriberUrl === body.subscriberUrl))
		return conflict(scope, req);
	const time = body.time ?? null;
	const timeUnit = body.timeUnit ?? null;
	const problem = noShowProblem(triggers, time, timeUnit);
	if (problem) return fail(400, problem, req).result;
	const webhook: SandboxWebhook = {
		id: randomUUID(),
		...scope.owner,
		subscriberUrl: String(body.subscriberUrl),
		triggers: [...new Set(triggers)],
		active: body.active ?? true,
		payloadTemplate: body.payloadTemplate ?? null,
		secret: body.secret ?? null,
		version: body.version ?? DEFAULT_WEBHOOK_VERSION,
		time,
		timeUnit,
		createdAt: new Date().toISOString(),
	};
	state.webhooks.push(webhook);
	return { status: 201, body: success(webhookOutput(webhook, scope.ownerKey)) };
});

const list = withScope((req, state, scope) => {
	const take = typeof req.typedQuery.take === 'number' ? req.typedQuery.take : 250;
	const skip = typeof req.typedQuery.skip === 'number' ? req.typedQuery.skip : 0;
	const page = state.webhooks.filter((w) => inScope(w, scope)).slice(skip, skip + take);
	return { status: 200, body: success(page.map((w) => webhookOutput(w, scope.ownerKey))) };
});

const get = withWebhook((_req, _state, scope, webhook) => ({
	status: 200,
	body: success(webhookOutput(webhook, scope.ownerKey)),
}));

const update = withWebhook((req, state, scope, webhook) => {
	const body = req.body as Body;
	if (
		body.subscriberUrl !== undefined &&
		state.webhooks.some(
			(w) => w !== webhook && inScope(w, scope) && w.subscriberUrl === body.subscriberUrl,
		)
	) {
		return conflict(scope, req);
	}
	const next: SandboxWebhook = {
		...webhook,
		subscriberUrl: body.subscriberUrl ?? webhook.subscriberUrl,
		triggers: body.triggers ? [...new Set(body.triggers)] : webhook.triggers,
		active: body.active ?? webhook.active,
		payloadTemplate:
			body.payloadTemplate === undefined ? webhook.payloadTemplate : body.payloadTemplate || null,
		secret: body.secret === undefined ? webhook.secret : body.secret || null,
		version: body.version ?? webhook.version,
		time: body.time ?? webhook.time,
		timeUnit: body.timeUnit ?? webhook.timeUnit,
	};
	const problem = noShowProblem(next.triggers, next.time, next.timeUnit);
	if (problem) return fail(400, problem, req).result;
	Object.assign(webhook, next);
	return { status: 200, body: success(webhookOutput(webhook, scope.ownerKey)) };
});

const remove = withWebhook((_req, state, scope, webhook) => {
	state.webhooks.splice(state.webhooks.indexOf(webhook), 1);
	return { status: 200, body: success(webhookOutput(webhook, scope.ownerKey)) };
});

const removeAll = withScope((_req, state, scope) => {
	const before = state.webhooks.length;
	const kept = state.webhooks.filter((w) => !inScope(w, scope));
	state.webhooks.splice(0, state.webhooks.length, ...kept);
	return { status: 200, body: success(`${before - kept.length} webhooks deleted`) };
});

const BASES = [
	'/v2/webhooks',
	'/v2/event-types/{eventTypeId}/webhooks',
	'/v2/teams/{teamId}/event-types/{eventTypeId}/webhooks',
	'/v2/organizations/{orgId}/webhooks',
];

export const webhooksRoutes: RouteHandler[] = BASES.flatMap((base) => {
	const item = `${base}/{webhookId}`;
	const routes: RouteHandler[] = [
		// withOlderWebhookInput: the older DTO's enums in the older build (../older-server.ts).
		{
			method: 'POST',
			template: base,
			validation: 'generic',
			auth: 'required',
			handle: withOlderWebhookInput(create),
		},
		{ method: 'GET', template: base, validation: 'generic', auth: 'required', handle: list },
		{ method: 'GET', template: item, validation: 'generic', auth: 'required', handle: get },
		{
			method: 'PATCH',
			template: item,
			validation: 'generic',
			auth: 'required',
			handle: withOlderWebhookInput(update),
		},
		{ method: 'DELETE', template: item, validation: 'generic', auth: 'required', handle: remove },
	];
	if (base.includes('event-types')) {
		routes.push({
			method: 'DELETE',
			template: base,
			validation: 'generic',
			auth: 'required',
			handle: removeAll,
		});
	}
	return routes;
});
