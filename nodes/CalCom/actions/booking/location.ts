import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';

interface LocationType {
	name: string;
	value: string;
	description: string;
	/** The property that carries the value, or '' when the event type's own value is used. */
	needs: '' | 'address' | 'phone' | 'location' | 'integration' | 'link';
}

/** Cal.com's location objects for a new booking (BookingInput*Location_2024_08_13). */
const CREATE_TYPES: LocationType[] = [
	{
		name: 'Attendee Address',
		value: 'attendeeAddress',
		description: "In person at the attendee's address (give it)",
		needs: 'address',
	},
	{
		name: 'Attendee Phone',
		value: 'attendeePhone',
		description: "The host calls the attendee's phone (give it)",
		needs: 'phone',
	},
	{
		name: 'Attendee-Defined',
		value: 'attendeeDefined',
		description: 'A place the attendee names (give it)',
		needs: 'location',
	},
	{
		name: 'Integration (Video)',
		value: 'integration',
		description: 'A video app such as cal-video, google-meet or zoom (give its name)',
		needs: 'integration',
	},
	{
		name: "Organizer's Address",
		value: 'address',
		description: 'The address set on the event type',
		needs: '',
	},
	{
		name: "Organizer's Default App",
		value: 'organizersDefaultApp',
		description: "Team event types: each host's default video app",
		needs: '',
	},
	{
		name: "Organizer's Link",
		value: 'link',
		description: 'The meeting link set on the event type',
		needs: '',
	},
	{
		name: "Organizer's Phone",
		value: 'phone',
		description: 'The phone number set on the event type',
		needs: '',
	},
];

/**
 * Cal.com's location objects for changing a booking (UpdateBooking*Location_2024_08_13): every
 * kind carries its value, and video integrations cannot be set this way.
 */
const UPDATE_TYPES: LocationType[] = [
	{
		name: 'Address',
		value: 'address',
		description: 'In person at an address (give it)',
		needs: 'address',
	},
	{
		name: 'Attendee Address',
		value: 'attendeeAddress',
		description: "In person at the attendee's address (give it)",
		needs: 'address',
	},
	{
		name: 'Attendee Phone',
		value: 'attendeePhone',
		description: "The host calls the attendee's phone (give it)",
		needs: 'phone',
	},
	{
		name: 'Attendee-Defined',
		value: 'attendeeDefined',
		description: 'A place the attendee names (give it)',
		needs: 'location',
	},
	{ name: 'Link', value: 'link', description: 'A meeting link (give it)', needs: 'link' },
	{
		name: 'Phone',
		value: 'phone',
		description: 'A phone number to call (give it)',
		needs: 'phone',
	},
];

export type LocationMode = 'create' | 'update';

const typesFor = (mode: LocationMode) => (mode === 'create' ? CREATE_TYPES : UPDATE_TYPES);

export function locationFields(mode: LocationMode): INodeProperties[] {
	const typeField: INodeProperties = {
		displayName: 'Location Type',
		name: 'locationType',
		type: 'options',
		default: 'integration',
		options: typesFor(mode).map(({ name, value, description }) => ({ name, value, description })),
		description: 'Where the meeting takes place; must be one the event type offers',
	};
	const valueField: INodeProperties = {
		displayName: 'Location Value',
		name: 'locationValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. cal-video',
		description:
			"The address, phone number (E.164), place or integration name the type needs; empty for the organizer's own location types",
	};
	if (mode === 'create') return [typeField, valueField];
	return [
		{ ...typeField, default: 'link' },
		{
			...valueField,
			placeholder: 'e.g. https://meet.example.com/abc',
			description: 'The address, phone number (E.164), place or link for the new location',
		},
	];
}

/** The form of a Cal.com integration name: cal-video, google-meet, office365-video. */
const INTEGRATION_NAME = /^[a-z0-9][a-z0-9-]{1,60}$/;

/** Builds the location object, checking that the value the type needs is there and well-formed. */
export function buildLocation(
	type: unknown,
	value: unknown,
	mode: LocationMode,
	field = 'Location',
): IDataObject {
	const types = typesFor(mode);
	const known = types.find((entry) => entry.value === type);
	if (!known) {
		throw new ParameterError(
			`${field} Type`,
			`"${String(type)}" is not a location type${mode === 'update' ? ' Cal.com can change a booking to' : ''}. Use one of: ${types.map((entry) => entry.value).join(', ')}.`,
		);
	}
	const text =
		typeof value === 'string'
			? value.trim()
			: value === undefined || value === null
				? ''
				: String(value);
	const location: IDataObject = { type: known.value };
	if (!known.needs) return location;
	if (!text)
		throw new ParameterError(
			`${field} Value`,
			`the location type ${known.value} needs a value (${known.needs}).`,
		);
	if (known.needs === 'phone') {
		const phone = text.replace(/[\s()-]/g, '');
		if (!/^\+[1-9][0-9]{6,14}$/.test(phone)) {
			throw new ParameterError(
				`${field} Value`,
				`"${text}" is not a phone number in E.164 form, e.g. +4917612345678.`,
			);
		}
		location.phone = phone;
		return location;
	}
	if (known.needs === 'integration' && !INTEGRATION_NAME.test(text)) {
		throw new ParameterError(
			`${field} Value`,
			`"${text}" is not an integration name such as cal-video, google-meet or zoom.`,
		);
	}
	if (known.needs === 'link' && !/^https?:\/\/\S+$/i.test(text)) {
		throw new ParameterError(`${field} Value`, `"${text}" is not a link (http:// or https://).`);
	}
	location[known.needs] = text;
	return location;
}

/** An E.164 phone number, or a ParameterError naming the field. */
export function readPhone(value: unknown, field: string): string {
	return buildLocation('attendeePhone', value, 'create', field).phone as string;
}
