import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs, requiredString } from '../../helpers/parameters';
import { validateTimeZone } from '../../helpers/time';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readAvailability, readOverrides } from './weeklyHours';
import { availabilityField, overridesField, scheduleTimeZoneField, shapeSchedules } from './shared';

export const description: INodeProperties[] = [
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
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const body: IDataObject = {
		name: requiredString(this.getNodeParameter('name', itemIndex, ''), 'Name', 'Working hours'),
		timeZone: validateTimeZone(this.getNodeParameter('timeZone', itemIndex, ''), 'Time Zone'),
		isDefault: this.getNodeParameter('isDefault', itemIndex, false) === true,
	};
	const availability = readAvailability(this.getNodeParameter('availability', itemIndex, {}));
	if (availability.length) body.availability = availability as unknown as IDataObject[];
	const overrides = readOverrides(this.getNodeParameter('overrides', itemIndex, {}));
	if (overrides.length) body.overrides = overrides as unknown as IDataObject[];
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/schedules',
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
	});
	return shapeSchedules(data);
}
