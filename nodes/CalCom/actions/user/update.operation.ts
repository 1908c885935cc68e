import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { validateTimeZone } from '../../helpers/time';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField, updateFieldsCollection } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyUser } from './shared';

const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** The locales UpdateManagedUserInput accepts. */
const LOCALES = [
	'ar',
	'az',
	'bg',
	'bn',
	'ca',
	'cs',
	'da',
	'de',
	'el',
	'en',
	'es',
	'es-419',
	'et',
	'eu',
	'fi',
	'fr',
	'he',
	'hr',
	'hu',
	'id',
	'it',
	'iw',
	'ja',
	'km',
	'ko',
	'lv',
	'nl',
	'no',
	'pl',
	'pt',
	'pt-BR',
	'ro',
	'ru',
	'sk',
	'sr',
	'sv',
	'ta',
	'th',
	'tr',
	'uk',
	'vi',
	'zh-CN',
	'zh-TW',
];

export const description: INodeProperties[] = [
	updateFieldsCollection([
		{
			displayName: 'Bio',
			name: 'bio',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'The text on the public profile page',
		},
		{
			displayName: 'Default Schedule ID',
			name: 'defaultScheduleId',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: 'One of your own schedules; event types without their own schedule use it',
		},
		{
			displayName: 'Locale',
			name: 'locale',
			type: 'options',
			default: 'en',
			options: LOCALES.map((locale) => ({ name: locale, value: locale })),
			description: 'The language of Cal.com’s pages and emails for this user',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Nathan Smith',
			description: 'The name shown on booking pages and in emails',
		},
		{
			displayName: 'Time Format',
			name: 'timeFormat',
			type: 'options',
			default: 24,
			description: 'How times are shown to this user in Cal.com',
			options: [
				{ name: '12-Hour', value: 12 },
				{ name: '24-Hour', value: 24 },
			],
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Europe/Berlin',
			description:
				'IANA time zone name, e.g. Europe/Berlin, America/New_York or UTC; checked before anything is sent',
		},
		{
			displayName: 'Week Start',
			name: 'weekStart',
			type: 'options',
			default: 'Monday',
			options: WEEK_DAYS.map((day) => ({ name: day, value: day })),
			description: 'The first day of the week in calendars',
		},
	]),
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = buildBody(fields);
	if (Object.keys(body).length === 0)
		throw new ParameterError('Update Fields', 'add at least one field to change.');
	const me = (await calComRequest.call(this, {
		method: 'PATCH',
		path: '/v2/me',
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage:
			body.defaultScheduleId === undefined
				? undefined
				: `Schedule ${String(body.defaultScheduleId)} was not found (Default Schedule ID)`,
	})) as IDataObject;
	return { data: [me], simplify: simplifyUser };
}

/** The fields given, each checked, in the order the editor lists them. */
function buildBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.timeZone !== undefined) body.timeZone = validateTimeZone(fields.timeZone, 'Time Zone');
	if (fields.defaultScheduleId !== undefined) {
		body.defaultScheduleId = toPositiveInt(
			fields.defaultScheduleId,
			'Default Schedule ID',
			'a schedule ID',
		);
	}
	if (fields.name !== undefined) body.name = readName(fields.name);
	if (fields.bio !== undefined) body.bio = String(fields.bio);
	if (fields.timeFormat !== undefined) body.timeFormat = readTimeFormat(fields.timeFormat);
	if (fields.weekStart !== undefined) body.weekStart = readWeekStart(fields.weekStart);
	if (fields.locale !== undefined) body.locale = readLocale(fields.locale);
	return body;
}

function readName(value: unknown): string {
	const name = String(value).trim();
	if (!name)
		throw new ParameterError('Name', 'cannot be empty; remove the field to keep the current name.');
	return name;
}

function readTimeFormat(value: unknown): number {
	const format = Number(value);
	if (format !== 12 && format !== 24)
		throw new ParameterError('Time Format', `must be 12 or 24, not "${String(value)}".`);
	return format;
}

function readWeekStart(value: unknown): IDataObject[string] {
	if (!WEEK_DAYS.includes(String(value))) {
		throw new ParameterError(
			'Week Start',
			`must be a day name such as Monday, not "${String(value)}".`,
		);
	}
	return value as IDataObject[string];
}

function readLocale(value: unknown): IDataObject[string] {
	if (!LOCALES.includes(String(value))) {
		throw new ParameterError(
			'Locale',
			`"${String(value)}" is not a locale Cal.com offers, e.g. en, de or pt-BR.`,
		);
	}
	return value as IDataObject[string];
}
