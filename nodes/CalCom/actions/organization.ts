import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { describeValue, ParameterError } from '../helpers/errors';
import { readOnce } from '../helpers/executionCache';
import { readTimeoutMs, requiredString, toPositiveInt } from '../helpers/parameters';
import { apiPath, calComRequest } from '../transport';

/**
 * What the Organization User, Organization Membership and Out of Office resources share: which
 * organization (the API key user's, read from /v2/me, or one given by ID) and which of its users.
 */

export const organizationFields: INodeProperties[] = [
	{
		displayName: 'Organization',
		name: 'organization',
		type: 'options',
		default: 'fromProfile',
		description: 'Which Cal.com organization to work in',
		options: [
			{
				name: 'From My Profile',
				value: 'fromProfile',
				description: 'The organization the API key user belongs to (read from Cal.com)',
			},
			{ name: 'By ID', value: 'id', description: 'An organization given by its ID' },
		],
	},
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		placeholder: 'e.g. 900',
		description: 'The ID of the organization (GET /v2/me shows it as organizationId)',
		displayOptions: { show: { organization: ['id'] } },
	},
];

/** The organization of the API key user, asked once per execution of the node (never kept longer). */
function readProfile(ctx: IExecuteFunctions | ILoadOptionsFunctions, timeoutMs?: number) {
	return readOnce(ctx, 'profile', '/v2/me', async () => {
		return (await calComRequest.call(ctx, {
			method: 'GET',
			path: '/v2/me',
			timeoutMs,
		})) as IDataObject;
	});
}

const NO_ORGANIZATION =
	'the API key user belongs to no Cal.com organization. Choose "By ID" and give the organization’s ID, or use an API key of an organization admin.';

function profileOrganizationId(me: IDataObject): number {
	const id = me.organizationId;
	if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0)
		throw new ParameterError('Organization', NO_ORGANIZATION);
	return id;
}

/** The organization ID of the item: typed, or the API key user's (one /v2/me per execution). */
export async function readOrganizationId(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<number> {
	const source = ctx.getNodeParameter('organization', itemIndex, 'fromProfile') as string;
	if (source === 'id') {
		const value = ctx.getNodeParameter('organizationId', itemIndex, 0);
		return toPositiveInt(value, 'Organization ID', 'an organization ID');
	}
	return profileOrganizationId(await readProfile(ctx, readTimeoutMs(ctx, itemIndex)));
}

/** The organization chosen in the editor, for pickers; undefined when it cannot be known yet. */
export async function currentOrganizationId(
	ctx: ILoadOptionsFunctions,
): Promise<number | undefined> {
	try {
		if (ctx.getCurrentNodeParameter('organization') === 'id') {
			const value = ctx.getCurrentNodeParameter('organizationId');
			return toPositiveInt(value, 'Organization ID', 'an organization ID');
		}
		return profileOrganizationId(await readProfile(ctx));
	} catch {
		return undefined;
	}
}

export const ORG_USERS_PAGE_SIZE = 1000;

/** /v2/organizations/{orgId}/<rest>, IDs encoded. */
export function organizationPath(orgId: number, ...rest: Array<string | number>): string {
	let path = apiPath`/v2/organizations/${orgId}`;
	for (const part of rest) path += apiPath`/${part}`;
	return path;
}

/** A user of the organization: From List (searchable by name, username or email) or By ID. */
export function orgUserLocator(
	name: string,
	displayName: string,
	description: string,
	required = true,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrganizationUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 43',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9]+\\s*$',
							errorMessage: 'A user ID is a whole number',
						},
					},
				],
			},
		],
	};
}

/** A user ID from a locator parameter (or a number from an expression). */
export function readUserId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): number {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return toPositiveInt(value, field, 'a user ID');
}

const ORG_USER_FIELDS = [
	'id',
	'username',
	'name',
	'email',
	'timeZone',
	'weekStart',
	'timeFormat',
	'locale',
	'bio',
	'defaultScheduleId',
	'verified',
	'createdDate',
];

/** An organization user as a person or an agent needs it; absent fields are null. */
export function simplifyOrgUser(user: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of ORG_USER_FIELDS) simple[field] = user[field] ?? null;
	const profile = (user.profile ?? {}) as IDataObject;
	simple.organizationId = profile.organizationId ?? null;
	return simple;
}

export const ORG_ROLES = ['MEMBER', 'ADMIN', 'OWNER'] as const;

export const roleOptions = [
	{ name: 'Member', value: 'MEMBER' },
	{ name: 'Admin', value: 'ADMIN' },
	{ name: 'Owner', value: 'OWNER' },
];

/** A role from Cal.com's list (MEMBER, ADMIN, OWNER); expressions may give it in any case. */
export function readRole(value: unknown, field = 'Role'): string {
	const role = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!(ORG_ROLES as readonly string[]).includes(role))
		throw new ParameterError(
			field,
			`${describeValue(value)} is not a role; use MEMBER, ADMIN or OWNER.`,
		);
	return role;
}

/** The body of an Update: refused by name when no field to change was added. */
export function withChanges(body: IDataObject): IDataObject {
	if (Object.keys(body).length === 0)
		throw new ParameterError('Update Fields', 'add at least one field to change.');
	return body;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, trimmed; refused by the field's name when it is not one. */
export function readEmail(value: unknown, field: string): string {
	const email = requiredString(value, field, 'name@email.com');
	if (!EMAIL.test(email)) throw new ParameterError(field, `"${email}" is not an email address.`);
	return email;
}
