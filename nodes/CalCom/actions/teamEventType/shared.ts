import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { toPositiveInt } from '../../helpers/parameters';
import { apiPath, isCalComRefusal } from '../../transport';
import { simplifyEventType } from '../eventType/shared';
import { explainTeamRefusal, readTeamId } from '../teamAccess';
import type { CalComAnswer } from '../types';

/** Cal.com's scheduling types of a team event type (CreateTeamEventTypeInput_2024_06_14). */
export const SCHEDULING_TYPES = ['roundRobin', 'collective', 'managed'] as const;
/** Cal.com's host priorities (Host.priority), lowest first. */
export const HOST_PRIORITIES = ['lowest', 'low', 'medium', 'high', 'highest'] as const;

export const organizationIdOption: INodeProperties = {
	displayName: 'Organization ID',
	name: 'organizationId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 500',
	description:
		'Only for a team inside a Cal.com organization managed by its admins: the organization’s numeric ID. The request then goes to the organization’s route, where organization admins may act on every team.',
};

export const teamEventTypeIdLocator: INodeProperties = {
	displayName: 'Event Type',
	name: 'eventTypeId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The team event type, from the event types of the team chosen above, or by its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTeamEventTypes', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 51',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'An event type ID is a whole number',
					},
				},
			],
		},
	],
};

/** Where a team's event types live: the team route, or the organization's when an ID is set. */
export interface TeamEventTypesPlace {
	teamId: number;
	organizationId?: number;
	/** The collection path, …/event-types. */
	path: string;
}

export function readPlace(ctx: IExecuteFunctions, itemIndex: number): TeamEventTypesPlace {
	const teamId = readTeamId(ctx, itemIndex);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const raw = options.organizationId;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
		return { teamId, path: apiPath`/v2/teams/${teamId}/event-types` };
	const organizationId = toPositiveInt(raw, 'Organization ID', 'an organization ID');
	return {
		teamId,
		organizationId,
		path: apiPath`/v2/organizations/${organizationId}/teams/${teamId}/event-types`,
	};
}

export function readTeamEventTypeId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(
		ctx.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
		'Event Type',
		'an event type ID',
	);
}

export function teamEventTypeNotFound(id: number, teamId: number): string {
	return `Event type ${id} is not an event type of team ${teamId}. Check the event type ID (Team Event Type → Get Many lists the team's).`;
}

export function schedulingTypeField(update: boolean): INodeProperties {
	const options = [
		{
			name: 'Collective',
			value: 'collective',
			description: 'Every host attends: a time is offered only when all hosts are free',
		},
		{
			name: 'Round Robin',
			value: 'roundRobin',
			description: 'One host attends, chosen among those free (mandatory hosts always attend)',
		},
	];
	if (!update)
		options.push({
			name: 'Managed',
			value: 'managed',
			description: 'Each chosen member gets their own copy of the event type, kept in step',
		});
	return {
		displayName: 'Scheduling Type',
		name: 'schedulingType',
		type: 'options',
		default: update ? 'collective' : 'roundRobin',
		required: !update,
		description: update
			? 'Change how hosts share the meetings. Cal.com needs Hosts or Assign All Team Members with it, or the event type is left without hosts.'
			: 'How the team’s hosts share the meetings',
		options: options.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** One of Cal.com's scheduling types (Update takes collective and round robin only). */
export function readSchedulingType(value: unknown, update: boolean): string {
	const allowed: readonly string[] = update ? ['collective', 'roundRobin'] : SCHEDULING_TYPES;
	if (typeof value === 'string' && allowed.includes(value.trim())) return value.trim();
	throw new ParameterError(
		'Scheduling Type',
		`${describeValue(value)} is not a scheduling type: use ${allowed.join(', ')}.`,
	);
}

export const hostsField: INodeProperties = {
	displayName: 'Hosts',
	name: 'hosts',
	type: 'fixedCollection',
	placeholder: 'Add Host',
	default: {},
	typeOptions: { multipleValues: true },
	description:
		'Team members who host this event type. Use instead of Assign All Team Members. Each must be a member of the team.',
	options: [
		{
			displayName: 'Host',
			name: 'host',
			values: [
				{
					displayName: 'Member Name or ID',
					name: 'userId',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getTeamHosts',
						loadOptionsDependsOn: ['teamId.value'],
					},
					default: '',
					description:
						'The member’s user ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Mandatory',
					name: 'mandatory',
					type: 'boolean',
					default: false,
					description: 'Whether this host attends every meeting (round robin only)',
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'options',
					default: 'medium',
					description: 'Who is picked first among free hosts (round robin only)',
					options: HOST_PRIORITIES.map((value) => ({
						name: value[0].toUpperCase() + value.slice(1),
						value,
					})),
				},
			],
		},
	],
};

export const assignAllField: INodeProperties = {
	displayName: 'Assign All Team Members',
	name: 'assignAllTeamMembers',
	type: 'boolean',
	default: false,
	description:
		'Whether every member of the team, now and later, hosts this event type. Use instead of Hosts.',
};

function readHost(entry: IDataObject, index: number): IDataObject {
	const field = `Hosts → Host ${index + 1}`;
	const host: IDataObject = {
		userId: toPositiveInt(entry.userId, `${field} → Member`, 'a user ID'),
	};
	if (entry.mandatory !== undefined) host.mandatory = entry.mandatory === true;
	if (entry.priority !== undefined) {
		const priority = typeof entry.priority === 'string' ? entry.priority.trim() : entry.priority;
		if (!(HOST_PRIORITIES as readonly unknown[]).includes(priority))
			throw new ParameterError(
				`${field} → Priority`,
				`${describeValue(entry.priority)} is not a priority: use ${HOST_PRIORITIES.join(', ')}.`,
			);
		host.priority = priority;
	}
	return host;
}

/** The Hosts as Cal.com takes them, undefined when none were added; a user at most once. */
export function readHosts(value: unknown): IDataObject[] | undefined {
	const entries = asRecord(value).host;
	if (!Array.isArray(entries) || !entries.length) return undefined;
	const hosts = (entries as IDataObject[]).map(readHost);
	const seen = new Set<unknown>();
	for (const host of hosts) {
		if (seen.has(host.userId))
			throw new ParameterError('Hosts', `user ${String(host.userId)} is listed twice.`);
		seen.add(host.userId);
	}
	return hosts;
}

/**
 * The scheduling type, hosts and "assign all" of a body. Cal.com takes either hosts or assign
 * all, not both (the document's description of both fields).
 */
export function readHosting(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const hosts = readHosts(fields.hosts);
	if (hosts) body.hosts = hosts;
	if ('assignAllTeamMembers' in fields)
		body.assignAllTeamMembers = fields.assignAllTeamMembers === true;
	if (hosts && body.assignAllTeamMembers === true)
		throw new ParameterError(
			'Hosts',
			'give Hosts or turn on Assign All Team Members, not both (Cal.com takes one of them).',
		);
	return body;
}

/**
 * Cal.com refuses hosts outside the team with a 404 (organizations/event-types/services/
 * input.service.ts validateHosts): the description says what to do about it.
 */
export function explainHostRefusal(error: unknown, teamId: number): unknown {
	if (isCalComRefusal(error, [404], /Invalid hosts/)) {
		(error as { description?: string }).description =
			`Every host must be a member of team ${teamId}. Add the user to the team first (Team Membership → Add), or pick hosts from the Member list, which shows the team’s members.`;
	}
	return error;
}

/**
 * The organization route's own refusals, in its guards' order (organizations-event-types
 * .controller.ts): IsOrgGuard's bare 403, the roles guard's "not part of the organization", and
 * IsTeamInOrg's 404 for a team outside the organization. The error says which ID to check.
 */
function explainOrganizationRefusal(error: unknown, place: TeamEventTypesPlace): boolean {
	const org = place.organizationId;
	const fix = 'or leave it empty for a team outside an organization.';
	const failure = error as { message?: string; description?: string };
	if (isCalComRefusal(error, [403], /Forbidden resource/)) {
		failure.description = `Cal.com refuses organization ${org} (it does not exist, or is not an organization). Check the Organization ID, ${fix}`;
	} else if (isCalComRefusal(error, [403], /not part of the organization with id/)) {
		failure.description = `The API key's user is not in organization ${org}. Check the Organization ID, ${fix}`;
	} else if (isCalComRefusal(error, [404], /IsTeamInOrg/)) {
		failure.message = `Team ${place.teamId} is not a team of organization ${org}`;
		failure.description = `Cal.com says: ${String((error as NodeApiError).errorResponse?.calComMessage ?? '')} Check the Team and the Organization ID, or leave the Organization ID empty for a team outside an organization.`;
	} else return false;
	return true;
}

/**
 * Runs a request that needs an admin of the team (Cal.com's @Roles("TEAM_ADMIN")), with each of
 * Cal.com's refusals explained: the organization's, the roles guard's, and hosts outside the team.
 */
export async function asTeamAdmin<T>(
	place: TeamEventTypesPlace,
	request: () => Promise<T>,
): Promise<T> {
	try {
		return await request();
	} catch (error) {
		// Already a NodeApiError from the transport (or a ParameterError): given a description only.
		const explained =
			place.organizationId !== undefined && explainOrganizationRefusal(error, place)
				? error
				: explainHostRefusal(explainTeamRefusal(error, place.teamId, 'admin'), place.teamId);
		throw explained;
	}
}

/** A team event type as a person or an agent needs it: the event type's fields and its hosts. */
export function simplifyTeamEventType(eventType: IDataObject, withQuestions: boolean): IDataObject {
	const hosts = Array.isArray(eventType.hosts) ? (eventType.hosts as IDataObject[]) : [];
	return {
		...simplifyEventType(eventType, withQuestions),
		schedulingType: eventType.schedulingType ?? null,
		assignAllTeamMembers: eventType.assignAllTeamMembers === true,
		hosts: hosts.map((host) => {
			const out: IDataObject = {
				userId: host.userId ?? null,
				name: host.name || null,
				username: host.username ?? null,
			};
			if (host.mandatory !== undefined) out.mandatory = host.mandatory;
			if (host.priority !== undefined) out.priority = host.priority;
			return out;
		}),
	};
}

export function shapeTeamEventTypes(data: unknown, withQuestions: boolean): CalComAnswer {
	const list = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	return { data: list, simplify: (item) => simplifyTeamEventType(item, withQuestions) };
}
