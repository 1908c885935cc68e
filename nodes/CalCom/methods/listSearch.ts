import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { currentOrganizationId, ORG_USERS_PAGE_SIZE } from '../actions/organization';
import { ORG_TEAMS_PAGE_SIZE } from '../actions/orgTeam';
import { TEAM_MEMBERSHIP_PAGE_SIZE } from '../actions/teamAccess';
import { asRecord } from '../helpers/json';
import { toPositiveInt } from '../helpers/parameters';
import { apiPath, calComRequest, paginateOffset } from '../transport';
import { currentWebhookScope, webhookPath } from '../webhooks/scope';
import { WEBHOOK_PAGE_SIZE } from '../webhooks/settings';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

/** The API key user's own event types, searchable by title or slug. */
export async function searchEventTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/event-types',
	})) as unknown;
	return eventTypeResults(data, filter, false);
}

/** Event types as a "From List" shows them: title, (scheduling type,) length, booking link. */
function eventTypeResults(
	data: unknown,
	filter: string | undefined,
	withScheduling: boolean,
): INodeListSearchResult {
	const eventTypes = Array.isArray(data) ? (data as IDataObject[]) : [];
	return {
		results: eventTypes
			.filter((eventType) => matches(filter, eventType.title, eventType.slug))
			.map((eventType) => {
				const kind = withScheduling ? `${String(eventType.schedulingType ?? 'team')}, ` : '';
				return {
					name: `${String(eventType.title ?? eventType.slug)} (${kind}${String(eventType.lengthInMinutes ?? '?')} min)`,
					value: String(eventType.id),
					url: typeof eventType.bookingUrl === 'string' ? eventType.bookingUrl : undefined,
				};
			}),
	};
}

/** The API key user's schedules, searchable by name or time zone; the default is marked. */
export async function searchSchedules(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/schedules',
	})) as unknown;
	return scheduleResults(data, filter);
}

/** The schedules of the organization user chosen above (an organization admin's key). */
export async function searchOrganizationUserSchedules(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const orgId = await currentOrganizationId(this);
	let userId: number;
	try {
		const value = this.getCurrentNodeParameter('userId', { extractValue: true });
		userId = toPositiveInt(value, 'User', 'a user ID');
	} catch {
		return { results: [] };
	}
	if (orgId === undefined) return { results: [] };
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/organizations/${orgId}/users/${userId}/schedules`,
	})) as unknown;
	return scheduleResults(data, filter);
}

/** Schedules as picker entries, "Name (zone, default)", filtered by name or time zone. */
function scheduleResults(data: unknown, filter?: string): INodeListSearchResult {
	const schedules = Array.isArray(data) ? (data as IDataObject[]) : [];
	return {
		results: schedules
			.filter((schedule) => matches(filter, schedule.name, schedule.timeZone))
			.map((schedule) => ({
				name: `${String(schedule.name ?? schedule.id)} (${String(schedule.timeZone ?? '?')}${schedule.isDefault ? ', default' : ''})`,
				value: String(schedule.id),
			})),
	};
}

/** The webhooks of the scope chosen in the editor, searchable by subscriber URL. */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const scope = currentWebhookScope(this);
	if (!scope) return { results: [] };
	const hooks = (await paginateOffset.call(
		this,
		{ method: 'GET', path: webhookPath(scope) },
		{ pageSize: WEBHOOK_PAGE_SIZE },
	)) as IDataObject[];
	return {
		results: hooks
			.filter((hook) => matches(filter, hook.subscriberUrl))
			.map((hook) => {
				const triggers = Array.isArray(hook.triggers) ? hook.triggers.length : 0;
				return {
					name: `${String(hook.subscriberUrl)} (${triggers} trigger${triggers === 1 ? '' : 's'}${hook.active === false ? ', inactive' : ''})`,
					value: String(hook.id),
				};
			}),
	};
}

/** The teams of the API key's user, searchable by name or slug. */
export async function searchTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const data = (await calComRequest.call(this, { method: 'GET', path: '/v2/teams' })) as unknown;
	return teamResults(Array.isArray(data) ? (data as IDataObject[]) : [], filter);
}

/** Teams as picker entries, "Name (slug)", filtered by name or slug. */
function teamResults(teams: IDataObject[], filter?: string): INodeListSearchResult {
	return {
		results: teams
			.filter((team) => matches(filter, team.name, team.slug))
			.map((team) => ({
				name: `${String(team.name ?? team.id)}${team.slug ? ` (${String(team.slug)})` : ''}`,
				value: String(team.id),
			})),
	};
}

/** The team chosen in the editor, or undefined while none (or no valid ID) is chosen. */
export function currentTeamId(ctx: ILoadOptionsFunctions): number | undefined {
	try {
		return toPositiveInt(
			ctx.getCurrentNodeParameter('teamId', { extractValue: true }),
			'Team',
			'a team ID',
		);
	} catch {
		return undefined;
	}
}

/** Every membership of the team chosen in the editor; none while no team is chosen. */
export async function chosenTeamMemberships(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const teamId = currentTeamId(ctx);
	if (teamId === undefined) return [];
	return (await paginateOffset.call(
		ctx,
		{ method: 'GET', path: apiPath`/v2/teams/${teamId}/memberships` },
		{ pageSize: TEAM_MEMBERSHIP_PAGE_SIZE },
	)) as IDataObject[];
}

/**
 * The memberships of the team chosen above, searchable by name, username or email. Listing them
 * needs an admin or the owner of the team, as Cal.com's memberships route does.
 */
export async function searchTeamMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const memberships = await chosenTeamMemberships(this);
	return {
		results: memberships
			.map((membership) => ({ membership, user: asRecord(membership.user) }))
			.filter(({ user }) => matches(filter, user.name, user.username, user.email))
			.map(({ membership, user }) => ({
				name: `${String(user.name ?? user.username ?? user.email)} (${String(user.email)}), ${String(membership.role)}${membership.accepted === false ? ', invited' : ''}`,
				value: String(membership.id),
			})),
	};
}

/** The users of the organization chosen in the editor, searchable by name, username or email. */
export async function searchOrganizationUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const orgId = await currentOrganizationId(this);
	if (orgId === undefined) return { results: [] };
	const users = (await paginateOffset.call(
		this,
		{ method: 'GET', path: apiPath`/v2/organizations/${orgId}/users` },
		{ pageSize: ORG_USERS_PAGE_SIZE },
	)) as IDataObject[];
	return {
		results: users
			.filter((user) => matches(filter, user.name, user.username, user.email))
			.map((user) => ({
				name: `${String(user.name ?? user.username ?? user.email)} (${String(user.email)})`,
				value: String(user.id),
			})),
	};
}

/** The event types of the team chosen above (Cal.com's public team list), by title or slug. */
export async function searchTeamEventTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const teamId = currentTeamId(this);
	if (teamId === undefined) return { results: [] };
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/teams/${teamId}/event-types`,
	})) as unknown;
	return eventTypeResults(data, filter, true);
}

/**
 * The teams of the organization chosen in the editor, searchable by name or slug: all of them for
 * an organization admin; for another member, Cal.com's teams/me (the teams they are in).
 */
export async function searchOrganizationTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const orgId = await currentOrganizationId(this);
	if (orgId === undefined) return { results: [] };
	const list = async (path: string) =>
		(await paginateOffset.call(
			this,
			{ method: 'GET', path },
			{ pageSize: ORG_TEAMS_PAGE_SIZE },
		)) as IDataObject[];
	let teams: IDataObject[];
	try {
		teams = await list(apiPath`/v2/organizations/${orgId}/teams`);
	} catch {
		teams = await list(apiPath`/v2/organizations/${orgId}/teams/me`);
	}
	return teamResults(teams, filter);
}

/** The routing forms of the organization chosen above (all its teams'), by name. */
export async function searchRoutingForms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const orgId = await currentOrganizationId(this);
	if (orgId === undefined) return { results: [] };
	const forms = (await paginateOffset.call(
		this,
		{ method: 'GET', path: apiPath`/v2/organizations/${orgId}/routing-forms` },
		{ pageSize: 250 },
	)) as IDataObject[];
	return {
		results: forms
			.filter((form) => matches(filter, form.name, form.id))
			.map((form) => ({ name: String(form.name ?? form.id), value: String(form.id) })),
	};
}
