import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { requiredString, toPositiveInt } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';
import { scheduleIdLocator } from '../schedule/shared';
import type { CalComAnswer } from '../types';
import type { BookingField } from './bookingQuestions';
import { simplifyQuestion } from './bookingQuestions';
import { locationsField, readLocations } from './locations';

export function readEventTypeId(ctx: IExecuteFunctions, itemIndex: number): number {
	return toPositiveInt(
		ctx.getNodeParameter('eventTypeId', itemIndex, '', { extractValue: true }),
		'Event Type',
		'an event type ID',
	);
}

/** The slug of an event type being created or renamed, in the form Cal.com's booking links use. */
export function readEventTypeSlug(value: unknown): string {
	const slug = requiredString(value, 'Slug', 'intro-call');
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
		throw new ParameterError(
			'Slug',
			`"${slug}" is not a slug: lowercase letters and digits, words joined by single hyphens, e.g. intro-call.`,
		);
	}
	return slug;
}

export function eventTypeNotFound(id: number): string {
	return `Event type ${id} was not found among the event types the API key's user may manage. Check the event type ID (Event Type → Get Many lists them).`;
}

/** The fields a person or an agent needs; booking questions only where asked for (Get). */
export function simplifyEventType(eventType: IDataObject, withQuestions: boolean): IDataObject {
	const policy = eventType.confirmationPolicy as IDataObject | undefined;
	const out: IDataObject = {
		id: eventType.id ?? null,
		title: eventType.title ?? null,
		slug: eventType.slug ?? null,
		lengthInMinutes: eventType.lengthInMinutes ?? null,
		description: eventType.description || null,
		hidden: eventType.hidden ?? false,
		bookingUrl: eventType.bookingUrl ?? null,
		ownerId: eventType.ownerId ?? null,
		teamId: eventType.teamId ?? null,
		scheduleId: eventType.scheduleId ?? null,
		minimumBookingNotice: eventType.minimumBookingNotice ?? null,
		beforeEventBuffer: eventType.beforeEventBuffer ?? null,
		afterEventBuffer: eventType.afterEventBuffer ?? null,
		slotInterval: eventType.slotInterval ?? null,
		requiresConfirmation: Boolean(policy && policy.disabled !== true),
		locations: Array.isArray(eventType.locations) ? eventType.locations : [],
	};
	if (Array.isArray(eventType.lengthInMinutesOptions))
		out.lengthInMinutesOptions = eventType.lengthInMinutesOptions;
	if (eventType.schedulingType) out.schedulingType = eventType.schedulingType;
	if (withQuestions) {
		out.bookingQuestions = (
			Array.isArray(eventType.bookingFields) ? (eventType.bookingFields as IDataObject[]) : []
		).map(simplifyQuestion);
	}
	return out;
}

/** Cal.com's event types, one item each, with their simplifier. */
export function shapeEventTypes(data: unknown, withQuestions: boolean): CalComAnswer {
	const list = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	return { data: list, simplify: (eventType) => simplifyEventType(eventType, withQuestions) };
}

/**
 * The event type's booking questions, or undefined when they cannot be read with this key (a
 * team event type by slug, or another user's event type by ID): Cal.com then judges alone.
 */
export async function loadBookingFields(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	ref: EventTypeRef,
	timeoutMs?: number,
): Promise<BookingField[] | undefined> {
	let eventType: IDataObject | undefined;
	try {
		if (ref.eventTypeId !== undefined) {
			eventType = (await calComRequest.call(this, {
				method: 'GET',
				path: apiPath`/v2/event-types/${ref.eventTypeId}`,
				timeoutMs,
			})) as IDataObject;
		} else if (ref.username && ref.eventTypeSlug) {
			const qs: IDataObject = { username: ref.username, eventSlug: ref.eventTypeSlug };
			if (ref.organizationSlug) qs.orgSlug = ref.organizationSlug;
			const list = (await calComRequest.call(this, {
				method: 'GET',
				path: '/v2/event-types',
				qs,
				timeoutMs,
			})) as unknown;
			eventType = Array.isArray(list) ? (list[0] as IDataObject | undefined) : undefined;
		}
	} catch (error) {
		if (error instanceof NodeApiError && ['403', '404'].includes(String(error.httpCode)))
			return undefined;
		// Already a NodeApiError from the transport: n8n hands the same error back.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	const fields = eventType?.bookingFields;
	return Array.isArray(fields) ? (fields as unknown as BookingField[]) : undefined;
}

// The optional settings of an event type, shared by Create (Additional Fields) and Update
// (Update Fields), and turned into the body only for the fields the user added.

function minutesField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description,
	};
}

export const optionalEventTypeFields: INodeProperties[] = [
	{
		displayName: 'After Event Buffer (Minutes)',
		name: 'afterEventBuffer',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Time kept free after each meeting',
	},
	minutesField(
		'beforeEventBuffer',
		'Before Event Buffer (Minutes)',
		'Time kept free before each meeting',
	),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text shown on the booking page',
	},
	{
		displayName: 'Disable Guests',
		name: 'disableGuests',
		type: 'boolean',
		default: false,
		description:
			"Whether the person booking may not invite guests: hides Cal.com's Guests question; on Update the current booking questions are read and all of them are sent back, so none is lost",
	},
	{
		displayName: 'Hidden',
		name: 'hidden',
		type: 'boolean',
		default: false,
		description:
			'Whether the event type is hidden from the public profile page (it can still be booked by link)',
	},
	locationsField,
	minutesField(
		'minimumBookingNotice',
		'Minimum Notice (Minutes)',
		'How long before a meeting it can be booked at the latest, e.g. 120',
	),
	{
		displayName: 'Requires Confirmation',
		name: 'requiresConfirmation',
		type: 'boolean',
		default: false,
		description: 'Whether the host must confirm each booking before it is final',
	},
	{
		...scheduleIdLocator,
		required: false,
		description:
			"The schedule (working hours) for this event type, instead of the user's default schedule",
	},
	{
		displayName: 'Slot Interval (Minutes)',
		name: 'slotInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'Minutes between possible start times; without it, the meeting length',
	},
];

const MINUTES: Array<[string, string]> = [
	['afterEventBuffer', 'After Event Buffer (Minutes)'],
	['beforeEventBuffer', 'Before Event Buffer (Minutes)'],
	['minimumBookingNotice', 'Minimum Notice (Minutes)'],
];

function wholeMinutes(value: unknown, field: string, min: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min) {
		throw new ParameterError(
			field,
			`"${String(value)}" is not a whole number of minutes${min > 0 ? ` above ${min - 1}` : ''}.`,
		);
	}
	return number;
}

/** The body for the optional fields the user added (a key present in `fields` means "set it"). */
export function readOptionalFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, label] of MINUTES)
		if (key in fields) body[key] = wholeMinutes(fields[key], label, 0);
	if ('slotInterval' in fields)
		body.slotInterval = wholeMinutes(fields.slotInterval, 'Slot Interval (Minutes)', 1);
	if ('description' in fields) body.description = String(fields.description ?? '');
	for (const key of ['disableGuests', 'hidden'])
		if (key in fields) body[key] = fields[key] === true;
	if ('requiresConfirmation' in fields) {
		body.confirmationPolicy =
			fields.requiresConfirmation === true
				? { type: 'always', blockUnconfirmedBookingsInBooker: false }
				: { disabled: true };
	}
	if ('scheduleId' in fields) {
		const raw = fields.scheduleId;
		const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
		body.scheduleId = toPositiveInt(value, 'Schedule', 'a schedule ID');
	}
	if ('locations' in fields) {
		const locations = readLocations(fields.locations);
		if (!locations.length)
			throw new ParameterError(
				'Locations',
				'add at least one location, or remove the field to keep the current ones.',
			);
		body.locations = locations;
	}
	return body;
}
