import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { requiredString } from '../../helpers/parameters';
import { validateTimeZone } from '../../helpers/time';
import { additionalFieldsCollection, updateFieldsCollection } from '../common.descriptions';
import type { CalComAnswer } from '../types';

const WEEK_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const text = (
	name: string,
	displayName: string,
	description: string,
	placeholder?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

const flag = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

/** The team's settings Create and Update take besides the name (Cal.com's CreateTeamInput). */
export const teamSettingFields: INodeProperties[] = [
	text('bannerUrl', 'Banner URL', 'Image shown above the team’s booking page', 'e.g. https://…'),
	text('bio', 'Bio', 'A short text about the team, shown on its page'),
	text('brandColor', 'Brand Color', 'Hex color of the booking page', 'e.g. #292929'),
	text('darkBrandColor', 'Dark Brand Color', 'Hex color in dark mode', 'e.g. #fafafa'),
	flag(
		'hideBookATeamMember',
		'Hide Book a Team Member',
		'Whether to hide the button that books one member directly',
	),
	flag('hideBranding', 'Hide Branding', 'Whether to hide Cal.com branding on the team’s pages'),
	flag('isPrivate', 'Private', 'Whether only admins see the list of members'),
	text('logoUrl', 'Logo URL', 'The team’s logo image', 'e.g. https://…'),
	text(
		'slug',
		'Slug',
		'The team’s part of its booking links (cal.com/team/<slug>); Cal.com makes one from the name when empty',
		'e.g. sales',
	),
	text(
		'timeZone',
		'Time Zone',
		'IANA time zone of the team’s default schedule (Mon–Fri 09:00–17:00), e.g. Europe/Berlin; Cal.com uses Europe/London when empty',
		'e.g. Europe/Berlin',
	),
	{
		displayName: 'Week Start',
		name: 'weekStart',
		type: 'options',
		default: 'Sunday',
		description: 'The first day of the week on the team’s pages',
		options: WEEK_DAYS.map((day) => ({ name: day, value: day })),
	},
];

/** The Name field: required text, e.g. Sales. */
export function readTeamName(value: unknown, field = 'Name'): string {
	return requiredString(value, field, 'Sales');
}

/** Cal.com's body for the settings given, each checked by its field's name. */
export function teamSettingsBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['bannerUrl', 'bio', 'brandColor', 'darkBrandColor', 'logoUrl', 'slug']) {
		const value = fields[key];
		if (value === undefined || value === '') continue;
		if (typeof value !== 'string')
			throw new ParameterError(label(key), `${describeValue(value)} is not text.`);
		body[key] = value.trim();
	}
	for (const key of ['hideBookATeamMember', 'hideBranding', 'isPrivate']) {
		if (fields[key] !== undefined) body[key] = fields[key] === true;
	}
	if (typeof fields.timeZone === 'string' && fields.timeZone.trim())
		body.timeZone = validateTimeZone(fields.timeZone.trim(), 'Time Zone');
	if (fields.weekStart !== undefined) {
		if (!WEEK_DAYS.includes(String(fields.weekStart)))
			throw new ParameterError(
				'Week Start',
				`${describeValue(fields.weekStart)} is not a day (${WEEK_DAYS.join(', ')}).`,
			);
		body.weekStart = fields.weekStart;
	}
	return body;
}

function label(key: string): string {
	return String(teamSettingFields.find((field) => field.name === key)?.displayName ?? key);
}

/** The fields a person or an agent needs of a team. */
export function simplifyTeam(team: IDataObject): IDataObject {
	return {
		id: team.id ?? null,
		name: team.name ?? null,
		slug: team.slug ?? null,
		organizationId: team.parentId ?? null,
		bio: team.bio ?? null,
		timeZone: team.timeZone ?? null,
		weekStart: team.weekStart ?? null,
		isPrivate: team.isPrivate ?? false,
	};
}

/** One team or many, one item each. */
export function shapeTeams(data: unknown): CalComAnswer {
	const list = (Array.isArray(data) ? data : [data]).map(asRecord);
	return { data: list, simplify: simplifyTeam };
}

/** Create's Name and Additional Fields (Team → Create and Organization Team → Create). */
export const teamCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sales',
		description: 'The team’s name, shown on its booking pages',
	},
	additionalFieldsCollection([
		{
			displayName: 'Accept Own Membership',
			name: 'autoAcceptCreator',
			type: 'boolean',
			default: true,
			description:
				'Whether the API key’s user, who becomes the team’s owner, is an accepted member at once (otherwise an invitation to accept in Cal.com)',
		},
		...teamSettingFields,
	]),
];

/** Create's body from its fields, each checked by name. */
export function readTeamCreateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = readTeamName(ctx.getNodeParameter('name', itemIndex, ''));
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name, ...teamSettingsBody(fields) };
	if (fields.autoAcceptCreator !== undefined)
		body.autoAcceptCreator = fields.autoAcceptCreator === true;
	return body;
}

/** Update's collection: the name and the settings, only those added change. */
export const teamUpdateFields: INodeProperties = updateFieldsCollection([
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Sales',
		description: 'The team’s new name',
	},
	...teamSettingFields,
]);

/** Update's body; refused by name when no field was added. */
export function readTeamUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = teamSettingsBody(fields);
	if (fields.name !== undefined) body.name = readTeamName(fields.name);
	if (Object.keys(body).length === 0)
		throw new ParameterError('Update Fields', 'add at least one field to change.');
	return body;
}
