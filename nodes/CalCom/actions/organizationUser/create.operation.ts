import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { additionalFieldsCollection, optionsCollection, outputField } from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	readEmail,
	readOrganizationId,
	readRole,
	roleOptions,
	simplifyOrgUser,
} from '../organization';
import type { CalComAnswer } from '../types';
import { profileBody, profileOptions } from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		required: true,
		description: 'Email of the new user; Cal.com sends them an invitation to set a password',
	},
	additionalFieldsCollection([
		{
			displayName: 'Accept Automatically',
			name: 'autoAccept',
			type: 'boolean',
			default: true,
			description: 'Whether the user joins the organization without accepting an invitation',
		},
		{
			displayName: 'Role',
			name: 'organizationRole',
			type: 'options',
			default: 'MEMBER',
			options: roleOptions,
			description: 'Role of the user in the organization',
		},
		...profileOptions,
	]),
	outputField,
	optionsCollection(),
];

function buildBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const email = readEmail(ctx.getNodeParameter('email', itemIndex, ''), 'Email');
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { email, ...profileBody(fields) };
	if (fields.organizationRole !== undefined)
		body.organizationRole = readRole(fields.organizationRole);
	if (fields.autoAccept !== undefined) body.autoAccept = fields.autoAccept === true;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const body = buildBody(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	const user = (await calComRequest.call(this, {
		method: 'POST',
		path: organizationPath(orgId, 'users'),
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	return { data: [user], simplify: simplifyOrgUser };
}
