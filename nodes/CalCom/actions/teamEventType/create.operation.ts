import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { createAdditionalFields, createBasics, readCreateBody } from '../eventType/body';
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
	schedulingTypeField,
	shapeTeamEventTypes,
} from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	...createBasics.map((field) =>
		field.name === 'slug'
			? {
					...field,
					description:
						'The last part of the booking link (cal.com/team/team-slug/slug): lowercase letters, digits and hyphens; unique among the team’s event types',
				}
			: field,
	),
	schedulingTypeField(false),
	assignAllField,
	{ ...hostsField, displayOptions: { show: { assignAllTeamMembers: [false] } } },
	createAdditionalFields(),
	outputField,
	optionsCollection(organizationIdOption),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const place = readPlace(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const assignAll = this.getNodeParameter('assignAllTeamMembers', itemIndex, false);
	const hosting = readHosting({
		assignAllTeamMembers: assignAll,
		hosts: assignAll === true ? undefined : this.getNodeParameter('hosts', itemIndex, {}),
	});
	const body: IDataObject = {
		...readCreateBody(this, itemIndex, fields),
		schedulingType: readSchedulingType(
			this.getNodeParameter('schedulingType', itemIndex, ''),
			false,
		),
		...hosting,
	};
	if (body.assignAllTeamMembers === false) delete body.assignAllTeamMembers;
	const data = await asTeamAdmin(place, async () =>
		calComRequest.call(this, {
			method: 'POST',
			path: place.path,
			body,
			timeoutMs: readTimeoutMs(this, itemIndex),
		}),
	);
	return shapeTeamEventTypes(data, true);
}
