import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { checkMetadata, readObject, UNSAFE_KEYS } from '../../helpers/json';
import { readTimeoutMs, requiredString, toPositiveInt } from '../../helpers/parameters';
import { parseDateTime, validateTimeZone } from '../../helpers/time';
import { calComRequest, isAmbiguousFailure } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { checkBookingAnswers } from './answers';
import type { EventTypeRef } from '../eventTypeLookup';
import { readEventTypeRef, refQuery } from '../eventTypeLookup';
import type { CalComAnswer } from '../types';
import type { SlotNeed } from './createBatch';
import { batchBookingFields, batchFreeSlots, createBatch, markNotFree } from './createBatch';
import type { StartReading } from './freeSlots';
import {
	freeSlotsAround,
	isSlotTakenError,
	nearestSlots,
	ownerTimeZone,
	slotNotFreeError,
} from './freeSlots';
import { createFields, createOptions } from './create.fields';
import { findBookingAfterFailure } from './create.lookup';
import { emailProblem, parseEmailList } from './emails';
import { buildLocation, readPhone } from './location';
import { shapeBookings } from './shared';

export const description: INodeProperties[] = [
	...createFields,
	outputField,
	optionsCollection(...createOptions),
];

/** Answers from the editor's question list and from the JSON field; JSON wins on a clash. */
function readAnswers(ctx: IExecuteFunctions, itemIndex: number, extra: IDataObject): IDataObject {
	const listed = ctx.getNodeParameter('bookingQuestions.answers', itemIndex, []) as IDataObject[];
	const answers: IDataObject = {};
	for (const entry of listed) {
		const question = typeof entry.question === 'string' ? entry.question.trim() : '';
		// Assigned as it is, "__proto__" would vanish (or swap the object's prototype) unseen.
		if (UNSAFE_KEYS.has(question))
			throw new ParameterError('Booking Questions', `"${question}" is not a booking question.`);
		if (question) answers[question] = entry.value;
	}
	return { ...answers, ...readObject(extra.answersJson, 'Answers (JSON)') };
}

/** Everything the steps after the parameters need to know about the booking being made. */
interface NewBooking {
	itemIndex: number;
	ref: EventTypeRef;
	start: Date;
	email: string;
	timeZone: string;
	/** Start as typed when it had no offset (read in the Attendee Time Zone), for the slot error. */
	naiveStart?: string;
	body: IDataObject;
	/** Every request of the create, the reads before it and the look-up after it, keeps to it. */
	timeoutMs: number;
}

function readEmail(raw: unknown): string {
	if (typeof raw !== 'string') {
		throw new ParameterError(
			'Attendee Email',
			`${describeValue(raw)} is not an email address; give one, e.g. ana@example.com.`,
		);
	}
	const email = raw.trim();
	if (!email)
		throw new ParameterError(
			'Attendee Email',
			'an email address is required, e.g. ana@example.com.',
		);
	const problem = emailProblem(email);
	if (problem) throw new ParameterError('Attendee Email', `${problem}.`);
	return email;
}

function readAttendee(
	ctx: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject,
	timeZone: string,
): IDataObject {
	const attendee: IDataObject = {
		name: requiredString(
			ctx.getNodeParameter('attendeeName', itemIndex, ''),
			'Attendee Name',
			'Ana Silva',
		),
		timeZone,
	};
	attendee.email = readEmail(ctx.getNodeParameter('attendeeEmail', itemIndex, ''));
	if (typeof extra.attendeePhone === 'string' && extra.attendeePhone.trim()) {
		attendee.phoneNumber = readPhone(extra.attendeePhone, 'Attendee Phone');
	}
	if (typeof extra.language === 'string' && extra.language.trim())
		attendee.language = extra.language.trim();
	return attendee;
}

function buildBody(
	extra: IDataObject,
	ref: EventTypeRef,
	start: Date,
	attendee: IDataObject,
): IDataObject {
	const body: IDataObject = { start: start.toISOString(), attendee, ...refQuery(ref) };
	const guests = parseEmailList(extra.guests, 'Guests');
	if (guests.length) body.guests = guests;
	if (typeof extra.locationType === 'string' && extra.locationType) {
		body.location = buildLocation(extra.locationType, extra.locationValue, 'create');
	}
	const metadata = checkMetadata(readObject(extra.metadata, 'Metadata'));
	if (Object.keys(metadata).length) body.metadata = metadata;
	if (extra.lengthInMinutes !== undefined)
		body.lengthInMinutes = toPositiveInt(
			extra.lengthInMinutes,
			'Length (Minutes)',
			'a number of minutes',
		);
	if (extra.recurrenceCount !== undefined)
		body.recurrenceCount = toPositiveInt(
			extra.recurrenceCount,
			'Recurrence Count',
			'a number of occurrences',
		);
	if (extra.instant === true) {
		if (!ref.teamSlug && ref.eventTypeId === undefined) {
			throw new ParameterError(
				'Instant',
				'instant meetings exist only for team event types: pick the event type by ID or by team slug.',
			);
		}
		body.instant = true;
	}
	return body;
}

/** Checks the answers against the event type's questions when asked to and when they can be read. */
async function resolveAnswers(
	this: IExecuteFunctions,
	booking: NewBooking,
	answers: IDataObject,
	validate: boolean,
): Promise<void> {
	const fields = validate
		? await batchBookingFields.call(this, booking.ref, booking.timeoutMs)
		: undefined;
	const responses = fields ? checkBookingAnswers(fields, answers) : answers;
	if (Object.keys(responses).length) booking.body.bookingFieldsResponses = responses;
}

function slotQuery(length: unknown): IDataObject {
	return length === undefined ? {} : { duration: length };
}

function slotNeed(booking: NewBooking): SlotNeed {
	return { ref: booking.ref, query: slotQuery(booking.body.lengthInMinutes), start: booking.start };
}

/** What an item's availability check reads, or undefined when it checks none (read at item 0). */
function readSlotNeed(ctx: IExecuteFunctions, itemIndex: number): SlotNeed | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.checkAvailability === false) return undefined;
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const timeZone = validateTimeZone(
		ctx.getNodeParameter('attendeeTimeZone', itemIndex, ''),
		'Attendee Time Zone',
	);
	const start = parseDateTime(ctx.getNodeParameter('start', itemIndex, ''), 'Start', timeZone, {
		exact: true,
	});
	const length =
		extra.lengthInMinutes === undefined
			? undefined
			: toPositiveInt(extra.lengthInMinutes, 'Length (Minutes)', 'a number of minutes');
	return { ref: readEventTypeRef(ctx, itemIndex), query: slotQuery(length), start };
}

/**
 * The start is not free. Taken by this very booking? A re-run after a create whose answer was
 * lost gets it back; otherwise the error lists the nearest free slots (`free` when known).
 */
async function ownBookingOrTaken(
	this: IExecuteFunctions,
	booking: NewBooking,
	free?: Date[],
): Promise<CalComAnswer> {
	const { ref, start, email, timeoutMs, itemIndex } = booking;
	const existing = await findBookingAfterFailure.call(this, ref, start, email, timeoutMs);
	if (existing.length) return shapeBookings(existing);
	const slots =
		free ??
		(await freeSlotsAround.call(
			this,
			ref,
			start,
			slotQuery(booking.body.lengthInMinutes),
			timeoutMs,
		));
	const reading: StartReading = { ownerTimeZone: await ownerTimeZone.call(this, timeoutMs) };
	if (booking.naiveStart !== undefined)
		reading.naive = { field: 'Start', text: booking.naiveStart, zoneField: 'Attendee Time Zone' };
	const nearest = nearestSlots(slots, start);
	throw slotNotFreeError(this, start, nearest, booking.timeZone, itemIndex, reading);
}

/** The start as typed when it carries no offset (so the Attendee Time Zone decided it). */
function naiveText(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? undefined : text;
}

/** Undefined when the start is a free slot; this booking when an earlier run already made it. */
async function ensureStartFree(
	this: IExecuteFunctions,
	booking: NewBooking,
): Promise<CalComAnswer | undefined> {
	const free = await batchFreeSlots.call(this, slotNeed(booking), booking.timeoutMs);
	if (free.some((slot) => slot.getTime() === booking.start.getTime())) return undefined;
	return await ownBookingOrTaken.call(this, booking, free);
}

async function createOrRecover(
	this: IExecuteFunctions,
	booking: NewBooking,
): Promise<CalComAnswer> {
	const { ref, start, email, timeoutMs } = booking;
	try {
		const data = await calComRequest.call(this, {
			method: 'POST',
			path: '/v2/bookings',
			body: booking.body,
			// No idempotency key exists for bookings: never blindly repeat a create.
			retry: 'never',
			timeoutMs,
			notFoundMessage:
				'The event type was not found. Check the event type ID, or the username/team and slug.',
		});
		// The start is now taken for the items after this one.
		markNotFree(this, slotNeed(booking));
		return shapeBookings(data);
	} catch (error) {
		if (isSlotTakenError(error)) {
			// Taken by someone else since the slots were read: not free for later items either.
			markNotFree(this, slotNeed(booking));
			return await ownBookingOrTaken.call(this, booking);
		}
		if (isAmbiguousFailure(error)) {
			// The create may have gone through although no answer came back: look before anyone books twice.
			const existing = await findBookingAfterFailure.call(this, ref, start, email, timeoutMs);
			if (existing.length) markNotFree(this, slotNeed(booking));
			if (existing.length) return shapeBookings(existing);
		}
		// Already a NodeApiError from the transport: n8n hands the same error back.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	createBatch(this, (index) => readSlotNeed(this, index));
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeZone = validateTimeZone(
		this.getNodeParameter('attendeeTimeZone', itemIndex, ''),
		'Attendee Time Zone',
	);
	const rawStart = this.getNodeParameter('start', itemIndex, '');
	const start = parseDateTime(rawStart, 'Start', timeZone, { exact: true });
	const ref = readEventTypeRef(this, itemIndex);
	const attendee = readAttendee(this, itemIndex, extra, timeZone);
	const body = buildBody(extra, ref, start, attendee);
	const answers = readAnswers(this, itemIndex, extra);
	const timeoutMs = readTimeoutMs(this, itemIndex);
	const booking: NewBooking = {
		itemIndex,
		ref,
		start,
		email: String(attendee.email),
		timeZone,
		naiveStart: naiveText(rawStart),
		body,
		timeoutMs,
	};

	await resolveAnswers.call(this, booking, answers, options.validateAnswers !== false);
	if (options.checkAvailability !== false) {
		const own = await ensureStartFree.call(this, booking);
		if (own) return own;
	}
	return await createOrRecover.call(this, booking);
}
