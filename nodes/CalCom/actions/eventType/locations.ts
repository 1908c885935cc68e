import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';

// Where an event type's meetings take place, in Cal.com's 2024-06-14 location inputs.

/** The Cal.com integration that serves each video location the editor offers. */
const INTEGRATION_OF_KIND: Record<string, string> = {
	calVideo: 'cal-video',
	googleMeet: 'google-meet',
	zoom: 'zoom',
	teams: 'office365-video',
};
const WITH_VALUE = new Set(['address', 'link', 'phone']);

export const locationsField: INodeProperties = {
	displayName: 'Locations',
	name: 'locations',
	type: 'fixedCollection',
	placeholder: 'Add Location',
	default: {},
	typeOptions: { multipleValues: true },
	description:
		'Where meetings take place; with several, the person booking picks one. Replaces all current locations.',
	options: [
		{
			displayName: 'Location',
			name: 'entries',
			values: [
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					default: 'calVideo',
					description: 'Where the meeting takes place',
					options: [
						{
							name: 'Attendee Address',
							value: 'attendeeAddress',
							description: 'At an address the person booking gives',
						},
						{
							name: 'Attendee Chooses',
							value: 'attendeeDefined',
							description: 'The person booking types where',
						},
						{
							name: 'Attendee Phone',
							value: 'attendeePhone',
							description: 'The host calls the number the person booking gives',
						},
						{ name: 'Cal Video', value: 'calVideo' },
						{
							name: 'Google Meet',
							value: 'googleMeet',
							description: 'Needs the Google Meet app installed in Cal.com',
						},
						{ name: 'In Person (Address)', value: 'address' },
						{ name: 'Link', value: 'link', description: 'A fixed meeting link' },
						{
							name: 'Microsoft Teams',
							value: 'teams',
							description: 'Needs the Microsoft Teams app installed in Cal.com',
						},
						{
							name: 'Organizer Phone',
							value: 'phone',
							description: 'The person booking calls this number',
						},
						{ name: 'Zoom', value: 'zoom', description: 'Needs the Zoom app installed in Cal.com' },
					],
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://meet.example.com/room, +12125550123 or 5 Main St',
					description: 'The address, link or phone number (E.164, e.g. +12125550123)',
					displayOptions: { show: { kind: ['address', 'link', 'phone'] } },
				},
				{
					displayName: 'Show Before Booking',
					name: 'public',
					type: 'boolean',
					default: true,
					description:
						'Whether the address, link or number is shown on the booking page (otherwise only in the confirmation)',
					displayOptions: { show: { kind: ['address', 'link', 'phone'] } },
				},
			],
		},
	],
};

export function readLocations(value: unknown): IDataObject[] {
	const entries =
		value && typeof value === 'object' && Array.isArray((value as IDataObject).entries)
			? ((value as IDataObject).entries as IDataObject[])
			: [];
	return entries.map((entry, index) => {
		const label = `Location ${index + 1}`;
		const kind = String(entry.kind ?? 'calVideo');
		if (INTEGRATION_OF_KIND[kind])
			return { type: 'integration', integration: INTEGRATION_OF_KIND[kind] };
		if (['attendeeDefined', 'attendeePhone', 'attendeeAddress'].includes(kind))
			return { type: kind };
		if (!WITH_VALUE.has(kind))
			throw new ParameterError(`${label} → Kind`, `"${kind}" is not a location kind.`);
		const text = typeof entry.value === 'string' ? entry.value.trim() : '';
		if (!text)
			throw new ParameterError(
				`${label} → Value`,
				`the ${kind === 'address' ? 'address' : kind === 'link' ? 'link' : 'phone number'} is required.`,
			);
		if (kind === 'link' && !/^https?:\/\/\S+$/i.test(text))
			throw new ParameterError(
				`${label} → Value`,
				`"${text}" is not a web address (http:// or https://).`,
			);
		const phone = text.replace(/[\s()-]/g, '');
		if (kind === 'phone' && !/^\+[1-9]\d{6,14}$/.test(phone)) {
			throw new ParameterError(
				`${label} → Value`,
				`"${text}" is not a phone number in E.164 form, e.g. +12125550123.`,
			);
		}
		return { type: kind, [kind]: kind === 'phone' ? phone : text, public: entry.public !== false };
	});
}
