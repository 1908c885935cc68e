import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { readObject } from '../../helpers/json';
import { validateTimeZone } from '../../helpers/time';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Profile fields Create and Update share (Cal.com's CreateUserInput, all optional). */
export const profileOptions: INodeProperties[] = [
	{
		displayName: 'Avatar URL',
		name: 'avatarUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/avatar.jpg',
		description: 'Web address of the user’s picture',
	},
	{
		displayName: 'Bio',
		name: 'bio',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: 'A short text about the user, shown on their booking page',
	},
	{
		displayName: 'Locale',
		name: 'locale',
		type: 'string',
		default: '',
		placeholder: 'e.g. en',
		description: 'Language of Cal.com’s pages and emails for the user',
	},
	{
		displayName: 'Metadata (JSON)',
		name: 'metadata',
		type: 'json',
		default: '{}',
		description: 'At most 50 keys of your own, kept with the user',
	},
	{
		displayName: 'Time Format',
		name: 'timeFormat',
		type: 'options',
		default: 24,
		options: [
			{ name: '12-Hour', value: 12 },
			{ name: '24-Hour', value: 24 },
		],
		description: 'How the user sees times',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/London',
		description: 'IANA time zone name of the user',
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		placeholder: 'e.g. sam',
		description: 'Unique within the organization; letters, digits, - and _',
	},
	{
		displayName: 'Week Start',
		name: 'weekday',
		type: 'options',
		default: 'Monday',
		options: WEEKDAYS.map((day) => ({ name: day, value: day })),
		description: 'First day of the week in the user’s calendar',
	},
];

const USERNAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Cal.com's body from the profile options given; empty texts are left out. */
export function profileBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['avatarUrl', 'bio', 'locale', 'weekday'] as const) {
		const value = fields[key];
		if (typeof value === 'string' && value.trim()) body[key] = value.trim();
	}
	if (fields.timeFormat !== undefined) body.timeFormat = Number(fields.timeFormat);
	if (typeof fields.timeZone === 'string' && fields.timeZone.trim())
		body.timeZone = validateTimeZone(fields.timeZone, 'Time Zone');
	if (typeof fields.username === 'string' && fields.username.trim()) {
		const username = fields.username.trim();
		if (!USERNAME.test(username))
			throw new ParameterError(
				'Username',
				`${describeValue(username)} may hold only letters, digits, ., - and _.`,
			);
		body.username = username;
	}
	if (fields.metadata !== undefined) {
		const metadata = readObject(fields.metadata, 'Metadata (JSON)');
		if (Object.keys(metadata).length > 0) body.metadata = metadata;
	}
	return body;
}
