import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';

/** Cal.com's booking location objects (BookingInput*Location_2024_08_13). */
const LOCATION_TYPES = [
	{ name: 'Attendee Address', value: 'attendeeAddress', description: "In person at the attendee's address (give it)", needs: 'address' },
	{ name: 'Attendee Phone', value: 'attendeePhone', description: "The host calls the attendee's phone (give it)", needs: 'phone' },
	{ name: 'Attendee-Defined', value: 'attendeeDefined', description: 'A place the attendee names (give it)', needs: 'location' },
	{ name: 'Integration (Video)', value: 'integration', description: 'A video app such as cal-video, google-meet or zoom (give its name)', needs: 'integration' },
	{ name: "Organizer's Address", value: 'address', description: "The address set on the event type", needs: '' },
	{ name: "Organizer's Default App", value: 'organizersDefaultApp', description: "Team event types: each host's default video app", needs: '' },
	{ name: "Organizer's Link", value: 'link', description: 'The meeting link set on the event type', needs: '' },
	{ name: "Organizer's Phone", value: 'phone', description: 'The phone number set on the event type', needs: '' },
] as const;

type LocationType = (typeof LOCATION_TYPES)[number]['value'];

export function locationFields(displayOptions?: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Location Type',
			name: 'locationType',
			type: 'options',
			default: 'integration',
			options: LOCATION_TYPES.map(({ name, value, description }) => ({ name, value, description })),
			description: 'Where the meeting takes place; must be one the event type offers',
			displayOptions,
		},
		{
			displayName: 'Location Value',
			name: 'locationValue',
			type: 'string',
			default: '',
			placeholder: 'e.g. cal-video, +4917612345678 or Main St 1, Springfield',
			description:
				'The address, phone number (E.164), place or integration name the type needs; leave empty for the organizer\'s own location types',
			displayOptions,
		},
	];
}

const INTEGRATIONS = /^[a-z0-9][a-z0-9-]{1,60}$/;

/** Builds the location object, checking that the value the type needs is there. */
export function buildLocation(type: unknown, value: unknown, field = 'Location'): IDataObject {
	const known = LOCATION_TYPES.find((entry) => entry.value === type);
	if (!known) {
		throw new ParameterError(
			`${field} Type`,
			`"${String(type)}" is not a location type. Use one of: ${LOCATION_TYPES.map((entry) => entry.value).join(', ')}.`,
		);
	}
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	const location: IDataObject = { type: known.value as LocationType };
	if (!known.needs) return location;
	if (!text) throw new ParameterError(`${field} Value`, `the location type ${known.value} needs a value (${known.needs}).`);
	if (known.needs === 'phone' && !/^\+[1-9][0-9]{6,14}$/.test(text.replace(/[\s()-]/g, ''))) {
		throw new ParameterError(`${field} Value`, `"${text}" is not a phone number in E.164 form, e.g. +4917612345678.`);
	}
	if (known.needs === 'integration' && !INTEGRATIONS.test(text)) {
		throw new ParameterError(`${field} Value`, `"${text}" is not an integration name such as cal-video, google-meet or zoom.`);
	}
	location[known.needs] = known.needs === 'phone' ? text.replace(/[\s()-]/g, '') : text;
	return location;
}
