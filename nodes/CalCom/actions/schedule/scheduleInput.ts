import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { requiredString } from '../../helpers/parameters';
import { validateTimeZone } from '../../helpers/time';
import { updateFieldsCollection } from '../common.descriptions';
import { availabilityField, overridesField, scheduleTimeZoneField } from './shared';
import { readAvailability, readOverrides } from './weeklyHours';

/**
 * What a schedule's Create and Update take and send (CreateScheduleInput_2024_06_11 and its
 * Update): Schedule's own operations and Organization Schedule's, for an organization user.
 */

export const scheduleCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Working hours',
		description: 'Name of the schedule, shown in Cal.com',
	},
	{ ...scheduleTimeZoneField, required: true },
	availabilityField,
	overridesField,
	{
		displayName: 'Make Default',
		name: 'isDefault',
		type: 'boolean',
		default: false,
		description:
			"Whether this becomes the user's default schedule (used by every event type without its own schedule); the old default stops being the default",
	},
];

/** Create's body, each field checked by its name. */
export function readScheduleCreateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {
		name: requiredString(ctx.getNodeParameter('name', itemIndex, ''), 'Name', 'Working hours'),
		timeZone: validateTimeZone(ctx.getNodeParameter('timeZone', itemIndex, ''), 'Time Zone'),
		isDefault: ctx.getNodeParameter('isDefault', itemIndex, false) === true,
	};
	const availability = readAvailability(ctx.getNodeParameter('availability', itemIndex, {}));
	if (availability.length) body.availability = availability as unknown as IDataObject[];
	const overrides = readOverrides(ctx.getNodeParameter('overrides', itemIndex, {}));
	if (overrides.length) body.overrides = overrides as unknown as IDataObject[];
	return body;
}

export const scheduleUpdateFields: INodeProperties = updateFieldsCollection([
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
]);

/** Update's body: only the fields added, each checked; refused by name when there are none. */
export function readScheduleUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
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
	return body;
}
