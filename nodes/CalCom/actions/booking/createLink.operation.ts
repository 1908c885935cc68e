import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { credentialTypeOf } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { eventTypeLookupFields, readEventTypeRef } from '../eventTypeLookup';
import type { CalComAnswer } from '../types';
import { bookingQuestionsField } from './create.fields';
import { answersForPage, checkDuration, readAnswers, readPrefill } from './bookingLink';
import { bookingPageBase, bookingPagePath, prefillQuery, withQuery } from './bookingPage';
import type { LinkTarget } from './linkTarget';
import { readLinkTarget } from './linkTarget';
import { singleUseLinkPage } from './singleUseLink';

// Booking → Create Booking Link: the address of the event type's booking page with the attendee's
// answers filled in, for a person to pick the time and confirm. Nothing is booked.

const text = (name: string, displayName: string, placeholder: string, description: string) =>
	({ displayName, name, type: 'string', default: '', placeholder, description }) as INodeProperties;

export const description: INodeProperties[] = [
	...eventTypeLookupFields(['eventTypeId', 'userSlug', 'teamSlug']),
	text('attendeeName', 'Attendee Name', 'e.g. Ana Silva', 'The name filled in on the booking form'),
	text('attendeeEmail', 'Attendee Email', 'e.g. ana@example.com', 'The email filled in'),
	text(
		'guests',
		'Guests',
		'e.g. bo@example.com, cy@example.com',
		'More people to invite, comma-separated emails',
	),
	{
		...text('notes', 'Notes', 'e.g. About the renewal', 'The "Additional notes" filled in'),
		typeOptions: { rows: 2 },
	},
	bookingQuestionsField(
		"Answers to the event type's own questions, filled in; checked against the event type when its questions can be read",
		'The answer; several options of a multi-select separated by commas',
	),
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		placeholder: 'Add Metadata',
		default: {},
		typeOptions: { multipleValues: true },
		description:
			'Keys and values stored with the booking the person makes (at most 50; keys up to 40 characters)',
		options: [
			{
				displayName: 'Entries',
				name: 'entries',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						description: 'The key, e.g. crmId',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value, e.g. 0042',
					},
				],
			},
		],
	},
	{
		displayName: 'Chosen Time',
		name: 'chosenTime',
		type: 'collection',
		placeholder: 'Add Choice',
		default: {},
		description: 'Optionally open the page on a day, a month, a slot or a length',
		options: [
			text('date', 'Date', 'e.g. 2027-03-15', 'The day the page opens on (YYYY-MM-DD)'),
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'One of the lengths the event type offers, e.g. 60',
			},
			text('month', 'Month', 'e.g. 2027-03', 'The month the calendar shows (YYYY-MM)'),
			text(
				'slot',
				'Slot',
				'e.g. 2027-03-15T13:00:00Z',
				'A start time to preselect, ISO 8601 with Z or an offset (a free slot from Slot → Get Available)',
			),
		],
	},
	{
		displayName: 'Single-Use Link',
		name: 'singleUseLink',
		type: 'boolean',
		default: false,
		description:
			"Whether to send a private link that works for one booking only (made with Cal.com's private links; needs the event type's owner or a team admin), instead of the public booking page",
	},
	outputField,
	optionsCollection(),
];

/** Who the simplified link is for: the event type in a few fields, and what is filled in. */
function simplifyLink(item: IDataObject): IDataObject {
	const eventType = (item.eventType ?? {}) as IDataObject;
	const place = (item.place ?? {}) as IDataObject;
	return {
		url: item.url,
		eventType: {
			id: eventType.id ?? null,
			title: eventType.title ?? null,
			slug: place.eventTypeSlug ?? null,
			lengthInMinutes: eventType.lengthInMinutes ?? null,
			username: place.username ?? null,
			teamSlug: place.teamSlug ?? null,
			organizationSlug: place.organizationSlug ?? null,
		},
		prefilled: item.prefilled,
	};
}

function wantsSingleUse(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('singleUseLink', itemIndex, false) === true;
}

async function pageOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	target: LinkTarget,
	base: string,
): Promise<string> {
	if (wantsSingleUse(ctx, itemIndex))
		return await singleUseLinkPage.call(ctx, target, base, readTimeoutMs(ctx, itemIndex));
	return target.bookingUrl ?? bookingPagePath(base, target.place);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const ref = readEventTypeRef(this, itemIndex);
	const prefill = readPrefill(this, itemIndex);
	const rawAnswers = readAnswers(
		(this.getNodeParameter('bookingQuestions', itemIndex, {}) as IDataObject).answers,
	);
	if (ref.teamSlug !== undefined && wantsSingleUse(this, itemIndex))
		throw new ParameterError(
			'Single-Use Link',
			"a private link needs the event type's ID: find a team's event type by ID (Event Type list or ID), not by team slug.",
		);
	const base = bookingPageBase(await this.getCredentials(credentialTypeOf(this.getNode())));
	const target = await readLinkTarget.call(this, ref, readTimeoutMs(this, itemIndex));
	prefill.answers = answersForPage(rawAnswers, target.fields);
	if (target.fields) checkDuration(prefill.duration, target.eventType);
	const prefilled = Object.fromEntries(
		Object.entries(prefill).filter(
			([, value]) =>
				value !== undefined && !(typeof value === 'object' && Object.keys(value).length === 0),
		),
	);
	const item: IDataObject = {
		url: withQuery(await pageOf(this, itemIndex, target, base), prefillQuery(prefill)),
		eventType: target.eventType,
		place: target.place as unknown as IDataObject,
		prefilled: prefilled as IDataObject,
	};
	return { data: [item], simplify: simplifyLink };
}
