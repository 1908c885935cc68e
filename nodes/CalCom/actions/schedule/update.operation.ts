import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, requiredString } from '../../helpers/parameters';
import { validateTimeZone } from '../../helpers/time';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readAvailability, readOverrides } from './weeklyHours';
import {
	availabilityField,
	overridesField,
	readScheduleId,
	scheduleIdLocator,
	scheduleNotFound,
	scheduleTimeZoneField,
	shapeSchedules,
} from './shared';

export const description: INodeProperties[] = [
	scheduleIdLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; everything else stays as it is',
		options: [
			{
				...availabilityField,
				description:
					'Replaces all weekly hours of the schedule. Days with start and end times (HH:MM, 24-hour).',
			},
			{
				...overridesField,
				description:
					'Replaces all date overrides of the schedule; add this field with no entries to remove them all',
			},
			{
				displayName: 'Make Default',
				name: 'isDefault',
				type: 'boolean',
				default: true,
				description:
					"Whether this becomes the user's default schedule (Cal.com only acts on true: to change the default, make another schedule the default)",
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Working hours',
				description: 'New name of the schedule',
			},
			scheduleTimeZoneField,
		],
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const id = readScheduleId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if ('name' in fields) body.name = requiredString(fields.name, 'Name', 'Working hours');
	if ('timeZone' in fields) body.timeZone = validateTimeZone(fields.timeZone, 'Time Zone');
	if ('availability' in fields) {
		const availability = readAvailability(fields.availability);
		if (!availability.length)
			throw new ParameterError(
				'Availability',
				'add at least one entry of days and hours, or remove the field to keep the current hours.',
			);
		body.availability = availability as unknown as IDataObject[];
	}
	if ('overrides' in fields)
		body.overrides = readOverrides(fields.overrides) as unknown as IDataObject[];
	if (fields.isDefault === true) body.isDefault = true;
	if (!Object.keys(body).length) {
		throw new ParameterError(
			'Update Fields',
			'nothing to change: add at least one field (name, time zone, availability, date overrides or default).',
		);
	}
	const data = await calComRequest.call(this, {
		method: 'PATCH',
		path: apiPath`/v2/schedules/${id}`,
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: scheduleNotFound(id),
	});
	return shapeSchedules(data);
}
