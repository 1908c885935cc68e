import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, readTimeZone } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import {
	additionalFieldsCollection,
	optionsCollection,
	outputField,
	timeZoneField,
} from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readOrganizationId,
	readUserId,
} from '../organization';
import type { CalComAnswer } from '../types';
import { readOooDays } from './days';
import {
	dayField,
	notesField,
	readReason,
	readRedirect,
	reasonField,
	redirectField,
	simplifyEntry,
} from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	orgUserLocator('userId', 'User', 'The organization user who is away'),
	dayField('start'),
	dayField('end'),
	timeZoneField,
	reasonField,
	additionalFieldsCollection([notesField, redirectField]),
	outputField,
	optionsCollection(),
];

function buildBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const zone = readTimeZone(ctx, itemIndex);
	const days = readOooDays(
		ctx.getNodeParameter('start', itemIndex, ''),
		ctx.getNodeParameter('end', itemIndex, ''),
		zone,
	);
	const body: IDataObject = {
		start: days.start,
		end: days.end,
		reason: readReason(ctx.getNodeParameter('reason', itemIndex, 'unspecified')),
	};
	const fields = ctx.getNodeParameter(
		'additionalFields',
		itemIndex,
		{},
		{ extractValue: true },
	) as IDataObject;
	if (typeof fields.notes === 'string' && fields.notes.trim()) body.notes = fields.notes.trim();
	const toUserId = readRedirect(fields.toUserId);
	if (toUserId !== undefined) body.toUserId = toUserId;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const userId = readUserId(this, itemIndex, 'userId', 'User');
	const body = buildBody(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	const entry = (await calComRequest.call(this, {
		method: 'POST',
		path: organizationPath(orgId, 'users', userId, 'ooo'),
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	return { data: [entry], simplify: simplifyEntry };
}
