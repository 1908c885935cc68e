import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { readTimeoutMs, requiredString } from '../../helpers/parameters';
import { validateTimeZone } from '../../helpers/time';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { emailProblem } from './emails';
import { simplifyAttendee } from './records';
import { bookingNotFound, bookingUidField, readBookingUid } from './shared';

/** AddAttendeeInput_2024_08_13.language: the languages Cal.com's emails come in. */
const LANGUAGES = new Set(
	'ar ca de es eu he id ja lv pl ro sr th vi az cs el es-419 fi hr it km nl pt ru sv tr zh-CN bg da en et fr hu iw ko no pt-BR sk ta uk zh-TW bn'.split(
		' ',
	),
);

export const description: INodeProperties[] = [
	bookingUidField,
	{
		displayName: 'Attendee Name',
		name: 'attendeeName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Eve Ng',
		description: 'Full name of the person to add',
	},
	{
		displayName: 'Attendee Email',
		name: 'attendeeEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. eve@example.com',
		description:
			'Email of the person to add; Cal.com emails them the booking and refuses an address already on it',
	},
	{
		displayName: 'Attendee Time Zone',
		name: 'attendeeTimeZone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Europe/Berlin',
		description: 'IANA time zone of the person, used in their emails, e.g. Europe/Berlin',
	},
	outputField,
	optionsCollection(
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +4915112345678',
			description: 'Phone number in international format, starting with +',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. de',
			description: 'Language of the emails Cal.com sends the attendee, e.g. en, de, pt-BR',
		},
	),
];

function readAttendee(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = requiredString(
		ctx.getNodeParameter('attendeeName', itemIndex, ''),
		'Attendee Name',
		'Eve Ng',
	);
	const email = requiredString(
		ctx.getNodeParameter('attendeeEmail', itemIndex, ''),
		'Attendee Email',
		'eve@example.com',
	);
	const problem = emailProblem(email);
	if (problem) throw new ParameterError('Attendee Email', `${problem}.`);
	const timeZone = validateTimeZone(
		ctx.getNodeParameter('attendeeTimeZone', itemIndex, ''),
		'Attendee Time Zone',
	);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const phone = typeof options.phoneNumber === 'string' ? options.phoneNumber.trim() : '';
	if (phone && !/^\+[1-9][0-9]{6,14}$/.test(phone))
		throw new ParameterError(
			'Phone Number',
			`"${phone}" is not a phone number in international format, e.g. +4915112345678.`,
		);
	const language = typeof options.language === 'string' ? options.language.trim() : '';
	if (language && !LANGUAGES.has(language))
		throw new ParameterError(
			'Language',
			`"${language}" is not a language Cal.com sends emails in; use a code such as en, de, fr, pt-BR or zh-CN.`,
		);
	return {
		name,
		email,
		timeZone,
		...(phone ? { phoneNumber: phone } : {}),
		...(language ? { language } : {}),
	};
}

/** Adds one attendee; Cal.com updates the calendar event and emails the new attendee. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readBookingUid(this, itemIndex);
	const body = readAttendee(this, itemIndex);
	const data = await calComRequest.call(this, {
		method: 'POST',
		path: apiPath`/v2/bookings/${uid}/attendees`,
		body,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: bookingNotFound(uid),
	});
	return { data: [asRecord(data)], simplify: simplifyAttendee };
}
