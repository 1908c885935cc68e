import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readUid } from '../../helpers/parameters';
import { parseDateTime, timeAsRead, validateTimeZone } from '../../helpers/time';
import { apiPath } from '../../transport';
import {
	filtersCollection,
	optionsCollection,
	outputField,
	returnAllFields,
	timeParameter,
} from '../common.descriptions';
import { organizationFields, organizationPath, readOrganizationId } from '../organization';
import { readTeamId, teamIdLocator } from '../teamAccess';

/**
 * What the Routing Form operations share: whose forms (an organization's teams, or one team of
 * it), the form picker, the date filters of both lists, and the simplified form and response.
 * Cal.com: apps/api/v2/src/modules/organizations/routing-forms/** and …/teams/routing-forms/**.
 */

export const scopeFields: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'Forms Of',
		name: 'scope',
		type: 'options',
		default: 'organization',
		description: 'Whose routing forms: every team of the organization, or one team of it',
		options: [
			{
				name: 'Whole Organization',
				value: 'organization',
				description: 'Forms of every team of the organization (an organization admin’s API key)',
			},
			{
				name: 'One Team',
				value: 'team',
				description: 'Forms of one team of the organization (a team admin’s API key is enough)',
			},
		],
	},
	{ ...teamIdLocator, displayOptions: { show: { scope: ['team'] } } },
];

/** The routing-forms collection of the item: /v2/organizations/{orgId}[/teams/{teamId}]/routing-forms. */
export async function readFormsPath(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const team =
		ctx.getNodeParameter('scope', itemIndex, 'organization') === 'team'
			? readTeamId(ctx, itemIndex)
			: undefined;
	const orgId = await readOrganizationId(ctx, itemIndex);
	return team === undefined
		? organizationPath(orgId, 'routing-forms')
		: organizationPath(orgId, 'teams', team, 'routing-forms');
}

const FORM_ID_EXAMPLE = '5f1c2a9e-7b3d-4e8a-9c61-2d4b8e0f3a17';

export const formLocator: INodeProperties = {
	displayName: 'Routing Form',
	name: 'routingFormId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The routing form, from the organization’s forms or by its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRoutingForms', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${FORM_ID_EXAMPLE}`,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z0-9_-]+\\s*$',
						errorMessage: 'A routing form ID has letters, digits and dashes only',
					},
				},
			],
		},
	],
};

export function readFormId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('routingFormId', itemIndex, '', { extractValue: true });
	return readUid(value, 'Routing Form', 'a routing form ID', FORM_ID_EXAMPLE);
}

/** …/routing-forms/{formId}/responses[/<rest>] of the item's scope. */
export async function readResponsesPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	...rest: number[]
): Promise<string> {
	const formId = readFormId(ctx, itemIndex);
	let path = (await readFormsPath(ctx, itemIndex)) + apiPath`/${formId}/responses`;
	for (const part of rest) path += apiPath`/${part}`;
	return path;
}

const DATE_FILTERS: Array<[string, string, string]> = [
	['afterCreatedAt', 'Created After', 'Only those created at or after this time'],
	['beforeCreatedAt', 'Created Before', 'Only those created at or before this time'],
	['afterUpdatedAt', 'Updated After', 'Only those changed at or after this time'],
	['beforeUpdatedAt', 'Updated Before', 'Only those changed at or before this time'],
];

const dateFilterOptions: INodeProperties[] = DATE_FILTERS.map(([name, displayName, purpose]) =>
	timeParameter({ displayName, name, purpose, readIn: 'utc' }),
);

/** Return All, Limit, the Filters (date filters and `more`), Output and the Sort option. */
export function listFields(...more: INodeProperties[]): INodeProperties[] {
	return [
		...returnAllFields,
		filtersCollection([...dateFilterOptions, ...more]),
		outputField,
		optionsCollection(sortOption),
	];
}

const sortOption: INodeProperties = {
	displayName: 'Sort By',
	name: 'sort',
	type: 'options',
	default: 'createdDesc',
	description: 'Order of the list',
	options: [
		{ name: 'Created, Newest First', value: 'createdDesc' },
		{ name: 'Created, Oldest First', value: 'createdAsc' },
		{ name: 'Updated, Newest First', value: 'updatedDesc' },
		{ name: 'Updated, Oldest First', value: 'updatedAsc' },
	],
};

const SORTS: Record<string, IDataObject> = {
	createdDesc: { sortCreatedAt: 'desc' },
	createdAsc: { sortCreatedAt: 'asc' },
	updatedDesc: { sortUpdatedAt: 'desc' },
	updatedAsc: { sortUpdatedAt: 'asc' },
};

/** The date filters and sort of a Filters collection as Cal.com's query; ranges checked. */
export function readListQuery(filters: IDataObject, sort: unknown): IDataObject {
	const qs: IDataObject = { ...(SORTS[String(sort)] ?? SORTS.createdDesc) };
	const utc = validateTimeZone('UTC');
	const read: Record<string, Date> = {};
	for (const [key, label] of DATE_FILTERS) {
		if (!filters[key]) continue;
		read[key] = parseDateTime(filters[key], label, utc);
		qs[key] = read[key].toISOString();
	}
	for (const [after, before] of [
		[0, 1],
		[2, 3],
	]) {
		const [afterKey, afterLabel] = DATE_FILTERS[after];
		const [beforeKey, beforeLabel] = DATE_FILTERS[before];
		if (!read[afterKey] || !read[beforeKey] || read[beforeKey] >= read[afterKey]) continue;
		const shown = (key: string, label: string) =>
			`${label} ${timeAsRead(filters[key], read[key], 'UTC')}`;
		throw new ParameterError(
			beforeLabel,
			`must not be before ${afterLabel} (${shown(afterKey, afterLabel)}; ${shown(beforeKey, beforeLabel)}).`,
		);
	}
	return qs;
}

/** Cal.com's largest page of forms or responses (take 250 by default, the controllers). */
export const PAGE_SIZE = 250;

interface FormField extends IDataObject {
	id?: string;
	label?: string;
	identifier?: string;
	type?: string;
	options?: Array<{ id?: string; label?: string }>;
}

/** A form as a person or an agent needs it: its fields (how to answer them) and where it routes. */
export function simplifyForm(form: IDataObject): IDataObject {
	const fields = (Array.isArray(form.fields) ? form.fields : []) as FormField[];
	const routes = (Array.isArray(form.routes) ? form.routes : []) as IDataObject[];
	return {
		id: form.id ?? null,
		name: form.name ?? null,
		description: form.description ?? null,
		teamId: form.teamId ?? null,
		disabled: form.disabled ?? null,
		fields: fields.map((field) => ({
			id: field.id ?? null,
			answerKey: field.identifier || field.label || null,
			label: field.label ?? null,
			type: field.type ?? null,
			required: field.required ?? false,
			...(field.options ? { options: field.options.map((o) => o.label) } : {}),
		})),
		routes: routes.map((route) => {
			const action = (route.action ?? {}) as IDataObject;
			return {
				id: route.id ?? null,
				fallback: route.isFallback === true,
				action: action.type ?? null,
				to: action.value ?? null,
			};
		}),
		createdAt: form.createdAt ?? null,
		updatedAt: form.updatedAt ?? null,
	};
}

/** A response with its answers by field label, beside Cal.com's field-ID form. */
export function simplifyResponse(response: IDataObject): IDataObject {
	const stored = (response.response ?? {}) as Record<string, IDataObject>;
	const answers: IDataObject = {};
	for (const [fieldId, answer] of Object.entries(stored))
		answers[String(answer?.label ?? fieldId)] = answer?.value ?? null;
	return {
		id: response.id ?? null,
		formId: response.formId ?? null,
		routedToBookingUid: response.routedToBookingUid ?? null,
		answers,
		createdAt: response.createdAt ?? null,
	};
}
