import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { readUpdateBody, requireSomeChange, eventTypeUpdateFields } from '../eventType/body';
import { teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import {
	assignAllField,
	asTeamAdmin,
	hostsField,
	organizationIdOption,
	readHosting,
	readPlace,
	readSchedulingType,
	readTeamEventTypeId,
	schedulingTypeField,
	shapeTeamEventTypes,
	teamEventTypeIdLocator,
	teamEventTypeNotFound,
} from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	teamEventTypeIdLocator,
	eventTypeUpdateFields([
		assignAllField,
		{
			...hostsField,
			description:
				'The hosts from now on: the list replaces the current hosts. Each must be a member of the team.',
		},
		schedulingTypeField(true),
	]),
	outputField,
	optionsCollection(organizationIdOption),
];

/** Scheduling type and hosts; a new scheduling type needs the hosts with it (Cal.com's note). */
function readHostingChanges(fields: IDataObject): IDataObject {
	const body = readHosting(fields);
	if ('schedulingType' in fields) {
		body.schedulingType = readSchedulingType(fields.schedulingType, true);
		if (!body.hosts && body.assignAllTeamMembers !== true)
			throw new ParameterError(
				'Scheduling Type',
				'add Hosts or turn on Assign All Team Members with it: Cal.com leaves an event type whose scheduling type changes without hosts otherwise.',
			);
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const place = readPlace(this, itemIndex);
	const id = readTeamEventTypeId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const notFoundMessage = teamEventTypeNotFound(id, place.teamId);
	const path = `${place.path}${apiPath`/${id}`}`;
	const hosting = readHostingChanges(fields);
	return await asTeamAdmin(place, async () => {
		const body = {
			...(await readUpdateBody(fields, async () =>
				calComRequest.call(this, { method: 'GET', path, timeoutMs, notFoundMessage }),
			)),
			...hosting,
		};
		requireSomeChange(body);
		const data = await calComRequest.call(this, {
			method: 'PATCH',
			path,
			body,
			timeoutMs,
			notFoundMessage,
		});
		return shapeTeamEventTypes(data, true);
	});
}
