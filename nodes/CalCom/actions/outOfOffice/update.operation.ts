import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, readTimeZone } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import {
	optionsCollection,
	outputField,
	timeZoneField,
	updateFieldsCollection,
} from '../common.descriptions';
import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readOrganizationId,
	readUserId,
	withChanges,
} from '../organization';
import type { CalComAnswer } from '../types';
import { readOooDays } from './days';
import {
	dayField,
	entryIdField,
	notesField,
	readEntryId,
	readReason,
	readRedirect,
	reasonField,
	redirectField,
	simplifyEntry,
} from './shared';

export const description: INodeProperties[] = [
	...organizationFields,
	orgUserLocator('userId', 'User', 'The organization user the entry belongs to'),
	entryIdField,
	updateFieldsCollection([
		{ ...dayField('end', false), description: `${dayField('end').description} Give Start too.` },
		notesField,
		reasonField,
		redirectField,
		{
			...dayField('start', false),
			description: `${dayField('start').description} Give End too.`,
		},
		timeZoneField,
	]),
	outputField,
	optionsCollection(),
];

function readDays(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const hasStart =
		typeof fields.start === 'string' ? fields.start.trim() !== '' : fields.start !== undefined;
	const hasEnd =
		typeof fields.end === 'string' ? fields.end.trim() !== '' : fields.end !== undefined;
	if (!hasStart && !hasEnd) return {};
	// Cal.com refuses one without the other ("Please specify both ooo start and end time.").
	if (!hasStart)
		throw new ParameterError('Start', 'give Start too: Cal.com changes the days only with both.');
	if (!hasEnd)
		throw new ParameterError('End', 'give End too: Cal.com changes the days only with both.');
	const zone = readTimeZone(ctx, itemIndex, 'updateFields.timeZone');
	const days = readOooDays(fields.start, fields.end, zone);
	return { start: days.start, end: days.end };
}

function buildBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter(
		'updateFields',
		itemIndex,
		{},
		{ extractValue: true },
	) as IDataObject;
	const body = readDays(ctx, itemIndex, fields);
	if (fields.reason !== undefined) body.reason = readReason(fields.reason);
	if (typeof fields.notes === 'string') body.notes = fields.notes.trim();
	const toUserId = readRedirect(fields.toUserId);
	if (toUserId !== undefined) body.toUserId = toUserId;
	return withChanges(body);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const userId = readUserId(this, itemIndex, 'userId', 'User');
	const entryId = readEntryId(this, itemIndex);
	const body = buildBody(this, itemIndex);
	const orgId = await readOrganizationId(this, itemIndex);
	const entry = (await calComRequest.call(this, {
		method: 'PATCH',
		path: organizationPath(orgId, 'users', userId, 'ooo', entryId),
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	return { data: [entry], simplify: simplifyEntry };
}
