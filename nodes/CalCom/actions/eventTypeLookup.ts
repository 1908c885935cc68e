import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../helpers/errors';
import { requiredString, toPositiveInt } from '../helpers/parameters';
import { eventTypeIdLocator } from './common.descriptions';

/**
 * The ways Cal.com names an event type in a slots or booking request. Exactly one shape may be
 * sent: Cal.com answers 400 to a parameter of another shape.
 */
export interface EventTypeRef {
	eventTypeId?: number;
	eventTypeSlug?: string;
	username?: string;
	teamSlug?: string;
	/** Dynamic group event: two or more usernames, comma-separated. */
	usernames?: string;
	organizationSlug?: string;
}

export type LookupMode = 'eventTypeId' | 'userSlug' | 'teamSlug' | 'dynamic';

const MODE_OPTIONS: Record<LookupMode, { name: string; value: LookupMode; description: string }> = {
	eventTypeId: {
		name: 'Event Type',
		value: 'eventTypeId',
		description: 'Pick it from your event types, or give its ID',
	},
	userSlug: {
		name: 'Username and Event Type Slug',
		value: 'userSlug',
		description: "Anyone's public event type, as in the booking link cal.com/bailey/30min",
	},
	teamSlug: {
		name: 'Team Slug and Event Type Slug',
		value: 'teamSlug',
		description: "A team's event type, as in cal.com/team/sales/demo",
	},
	dynamic: {
		name: 'Several Usernames (Dynamic Group)',
		value: 'dynamic',
		description: 'A meeting with several people at once, as in cal.com/bailey+lena',
	},
};

type ShownFor = (...only: LookupMode[]) => INodeProperties['displayOptions'];

/** The slug fields of the username and team modes. */
function slugFields(shown: ShownFor): INodeProperties[] {
	return [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. bailey',
			description: "The host's Cal.com username: bailey in the booking link cal.com/bailey/30min",
			displayOptions: shown('userSlug'),
		},
		{
			displayName: 'Team Slug',
			name: 'teamSlug',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. sales',
			description: 'The team part of the booking link: sales in cal.com/team/sales/demo',
			displayOptions: shown('teamSlug'),
		},
		{
			displayName: 'Event Type Slug',
			name: 'eventTypeSlug',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 30min',
			description: 'The event type part of the booking link: 30min in cal.com/bailey/30min',
			displayOptions: shown('userSlug', 'teamSlug'),
		},
	];
}

/** The "Find Event Type By" selector and the fields of each mode. */
export function eventTypeLookupFields(modes: LookupMode[]): INodeProperties[] {
	const shown: ShownFor = (...only) => ({
		show: { lookup: only.filter((mode) => modes.includes(mode)) },
	});
	const fields: INodeProperties[] = [
		{
			displayName: 'Find Event Type By',
			name: 'lookup',
			type: 'options',
			default: 'eventTypeId',
			description:
				'How to name the event type: by its ID, or by the slug in its booking link with the owner',
			options: modes.map((mode) => MODE_OPTIONS[mode]),
		},
		{ ...eventTypeIdLocator, displayOptions: shown('eventTypeId') },
		...slugFields(shown),
	];
	if (modes.includes('dynamic')) {
		fields.push({
			displayName: 'Usernames',
			name: 'usernames',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. bailey, lena',
			description:
				'Two or more Cal.com usernames, comma-separated: a slot is free when all of them are',
			displayOptions: shown('dynamic'),
		});
	}
	fields.push({
		displayName: 'Organization Slug',
		name: 'organizationSlug',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme',
		description: modes.includes('dynamic')
			? 'The Cal.com organization the users or team belong to; required for a dynamic group'
			: 'The Cal.com organization the user or team belongs to, if any',
		displayOptions: shown('userSlug', 'teamSlug', 'dynamic'),
	});
	return fields;
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A slug of a booking link (username, team, organization or event type): it names whom to act
 * for, so nothing else may pass.
 */
export function readLinkSlug(raw: unknown, label: string, example: string): string {
	const value = requiredString(raw, label, example);
	if (!SLUG.test(value))
		throw new ParameterError(
			label,
			`"${value}" is not a slug (letters, digits, ".", "-" and "_"), e.g. ${example}.`,
		);
	return value;
}

function slug(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	example: string,
): string {
	return readLinkSlug(ctx.getNodeParameter(name, itemIndex, ''), label, example);
}

/** Reads the event type reference of the chosen mode, checked before any request. */
export function readEventTypeRef(ctx: IExecuteFunctions, itemIndex: number): EventTypeRef {
	const mode = ctx.getNodeParameter('lookup', itemIndex, 'eventTypeId') as LookupMode;
	if (mode === 'eventTypeId') {
		return {
			eventTypeId: toPositiveInt(
				ctx.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
				'Event Type',
				'an event type ID',
			),
		};
	}
	const rawOrganization = ctx.getNodeParameter('organizationSlug', itemIndex, '');
	const organization =
		rawOrganization === '' || rawOrganization === undefined
			? ''
			: readLinkSlug(rawOrganization, 'Organization Slug', 'acme');
	const ref: EventTypeRef = {};
	if (mode === 'dynamic') {
		const names = String(ctx.getNodeParameter('usernames', itemIndex, '') ?? '')
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		const bad = names.find((name) => !SLUG.test(name));
		if (bad) throw new ParameterError('Usernames', `"${bad}" is not a username.`);
		if (new Set(names).size < 2)
			throw new ParameterError(
				'Usernames',
				'a dynamic group needs at least two different usernames, e.g. bailey, lena.',
			);
		if (!organization)
			throw new ParameterError(
				'Organization Slug',
				'Cal.com needs the organization of a dynamic group, e.g. acme.',
			);
		ref.usernames = [...new Set(names)].join(',');
	} else {
		ref.eventTypeSlug = slug(ctx, itemIndex, 'eventTypeSlug', 'Event Type Slug', '30min');
		if (mode === 'teamSlug') ref.teamSlug = slug(ctx, itemIndex, 'teamSlug', 'Team Slug', 'sales');
		else ref.username = slug(ctx, itemIndex, 'username', 'Username', 'bailey');
	}
	if (organization) ref.organizationSlug = organization;
	return ref;
}

export function refQuery(ref: EventTypeRef): IDataObject {
	return { ...ref } as IDataObject;
}

/**
 * The error a user reads when GET /v2/slots answers 404: Cal.com says only "Event Type not found"
 * (or which user, team or organization it could not find, kept in the error's description), so
 * the message names what was asked for.
 */
export function eventTypeNotFoundMessage(ref: EventTypeRef): string {
	const org = ref.organizationSlug ? ` in organization ${ref.organizationSlug}` : '';
	if (ref.eventTypeId !== undefined) {
		return `Event type ${ref.eventTypeId} was not found. Pick it from the Event Type list, or check the ID (Event Type → Get Many lists yours)`;
	}
	if (ref.usernames !== undefined)
		return `The dynamic group ${ref.usernames}${org} was not found. Check the usernames and the organization slug`;
	const owner = ref.teamSlug !== undefined ? `team ${ref.teamSlug}` : `user ${ref.username ?? ''}`;
	return `Event type "${ref.eventTypeSlug ?? ''}" of ${owner}${org} was not found. Check both slugs against the booking link (cal.com/<owner>/<event type>)`;
}
