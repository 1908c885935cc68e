import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { toPositiveInt } from '../../helpers/parameters';
import { scheduleIdLocator } from '../schedule/shared';
import { locationsField, readLocations } from './locations';

// The optional settings of an event type, shared by Create (Additional Fields) and Update
// (Update Fields), and turned into the body only for the fields the user added.

function minutesField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'number', typeOptions: { minValue: 0 }, default: 0, description };
}

export const optionalEventTypeFields: INodeProperties[] = [
	{ displayName: 'After Event Buffer (Minutes)', name: 'afterEventBuffer', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Time kept free after each meeting' },
	minutesField('beforeEventBuffer', 'Before Event Buffer (Minutes)', 'Time kept free before each meeting'),
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Text shown on the booking page' },
	{ displayName: 'Disable Guests', name: 'disableGuests', type: 'boolean', default: false, description: "Whether the person booking may not invite guests: hides Cal.com's Guests question; on Update the current booking questions are read and all of them are sent back, so none is lost" },
	{ displayName: 'Hidden', name: 'hidden', type: 'boolean', default: false, description: 'Whether the event type is hidden from the public profile page (it can still be booked by link)' },
	locationsField,
	minutesField('minimumBookingNotice', 'Minimum Notice (Minutes)', 'How long before a meeting it can be booked at the latest, e.g. 120'),
	{ displayName: 'Requires Confirmation', name: 'requiresConfirmation', type: 'boolean', default: false, description: 'Whether the host must confirm each booking before it is final' },
	{
		...scheduleIdLocator,
		required: false,
		description: "The schedule (working hours) for this event type, instead of the user's default schedule",
	},
	{ displayName: 'Slot Interval (Minutes)', name: 'slotInterval', type: 'number', typeOptions: { minValue: 1 }, default: 30, description: 'Minutes between possible start times; without it, the meeting length' },
];

const MINUTES: Array<[string, string]> = [
	['afterEventBuffer', 'After Event Buffer (Minutes)'],
	['beforeEventBuffer', 'Before Event Buffer (Minutes)'],
	['minimumBookingNotice', 'Minimum Notice (Minutes)'],
];

function wholeMinutes(value: unknown, field: string, min: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min) {
		throw new ParameterError(field, `"${String(value)}" is not a whole number of minutes${min > 0 ? ` above ${min - 1}` : ''}.`);
	}
	return number;
}

/** The body for the optional fields the user added (a key present in `fields` means "set it"). */
export function readOptionalFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, label] of MINUTES) if (key in fields) body[key] = wholeMinutes(fields[key], label, 0);
	if ('slotInterval' in fields) body.slotInterval = wholeMinutes(fields.slotInterval, 'Slot Interval (Minutes)', 1);
	if ('description' in fields) body.description = String(fields.description ?? '');
	for (const key of ['disableGuests', 'hidden']) if (key in fields) body[key] = fields[key] === true;
	if ('requiresConfirmation' in fields) {
		body.confirmationPolicy = fields.requiresConfirmation === true ? { type: 'always', blockUnconfirmedBookingsInBooker: false } : { disabled: true };
	}
	if ('scheduleId' in fields) {
		const raw = fields.scheduleId;
		const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
		body.scheduleId = toPositiveInt(value, 'Schedule', 'a schedule ID');
	}
	if ('locations' in fields) {
		const locations = readLocations(fields.locations);
		if (!locations.length) throw new ParameterError('Locations', 'add at least one location, or remove the field to keep the current ones.');
		body.locations = locations;
	}
	return body;
}
