import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DAY_MS, formatInZone } from '../../helpers/time';
import { apiPath, calComRequest, isCalComRefusal } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';
import { eventTypeNotFoundMessage, refQuery } from '../eventTypeLookup';

/** A free slot as Cal.com lists it; `seated` when others can still book a seat in it. */
export interface FreeSlot {
	start: Date;
	end?: Date;
	seated: boolean;
}

function toFreeSlot(entry: unknown): FreeSlot | undefined {
	const object = typeof entry === 'object' && entry !== null ? (entry as IDataObject) : {};
	const start = new Date(typeof entry === 'string' ? entry : String(object.start));
	if (Number.isNaN(start.getTime())) return undefined;
	const end = object.end === undefined ? undefined : new Date(String(object.end));
	// Seated event types list seatsRemaining (Cal.com's slots output, range format).
	return { start, end, seated: object.seatsRemaining !== undefined };
}

/** Free slots from `from` to `to` (GET /v2/slots, range format), in time order. */
export async function readFreeSlots(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	range: { from: Date; to: Date },
	extra: IDataObject = {},
	timeoutMs?: number,
): Promise<FreeSlot[]> {
	const qs: IDataObject = {
		...refQuery(ref),
		...extra,
		start: range.from.toISOString(),
		end: range.to.toISOString(),
		format: 'range',
	};
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/slots',
		qs,
		timeoutMs,
		notFoundMessage: eventTypeNotFoundMessage(ref),
	})) as IDataObject | null;
	const slots: FreeSlot[] = [];
	for (const entries of Object.values(data ?? {})) {
		if (!Array.isArray(entries)) continue;
		for (const slot of entries.map(toFreeSlot)) if (slot) slots.push(slot);
	}
	return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The window a slot error lists free slots in: from a day before to a week after `at`. */
export function windowAround(at: Date): { from: Date; to: Date } {
	return { from: new Date(at.getTime() - DAY_MS), to: new Date(at.getTime() + 7 * DAY_MS) };
}

/** Free slot starts from shortly before to a week after `at`, as instants. */
export async function freeSlotsAround(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	at: Date,
	extra: IDataObject = {},
	timeoutMs?: number,
): Promise<Date[]> {
	const slots = await readFreeSlots.call(this, ref, windowAround(at), extra, timeoutMs);
	return slots.map((slot) => slot.start);
}

/** The `count` free starts closest to `at`, in time order. */
export function nearestSlots(slots: Date[], at: Date, count = 5): Date[] {
	return [...slots]
		.sort((a, b) => Math.abs(a.getTime() - at.getTime()) - Math.abs(b.getTime() - at.getTime()))
		.slice(0, count)
		.sort((a, b) => a.getTime() - b.getTime());
}

const TAKEN = /already has booking at this time or is not available/i;

/** Cal.com's "slot taken": 400 in the source, 409 on hosted Cal.com, same text. */
export function isSlotTakenError(error: unknown): boolean {
	return isCalComRefusal(error, [400, 409], TAKEN);
}

/** What a slot error can add about the start: how it was read, and a second zone to list in. */
export interface StartReading {
	/** The start as given without an offset, its field, and the zone field it was read in. */
	naive?: { field: string; text: string; zoneField: string };
	/** The API key owner's time zone (the host's, for one's own event types), when known. */
	ownerTimeZone?: string;
}

/** The nearest slots again in the owner's zone, when it is known and not the zone already shown. */
function inOwnerZone(alternatives: Date[], timeZone: string, reading: StartReading): string {
	const zone = reading.ownerTimeZone;
	if (!zone || zone === timeZone || alternatives.length === 0) return '';
	const list = alternatives.map((slot) => formatInZone(slot, zone));
	return `; in your Cal.com time zone (${zone}): ${list.join(', ')}`;
}

export function slotNotFreeError(
	ctx: IExecuteFunctions,
	at: Date,
	alternatives: Date[],
	timeZone: string,
	itemIndex: number,
	reading: StartReading = {},
): NodeOperationError {
	const { naive } = reading;
	const read = naive
		? `${naive.field} "${naive.text}" has no offset, so it was read in the ${naive.zoneField}: `
		: '';
	const when = `${read}${formatInZone(at, timeZone)} (${timeZone})`;
	const list = alternatives.map((slot) => formatInZone(slot, timeZone));
	const message = list.length
		? `${when} is not a free slot. Nearest free slots: ${list.join(', ')}${inOwnerZone(alternatives, timeZone, reading)}`
		: `${when} is not a free slot, and there is no free slot from a day before to a week after it`;
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description: list.length
			? 'Pick one of these start times (or run Slot → Get Available) and try again.'
			: 'Run Slot → Get Available over a wider range to find a free time.',
	});
}

/**
 * The API key owner's time zone (GET /v2/me), asked only once a start turned out not free, to
 * list the slots on the host's clock too; undefined when it cannot be had (the slot error stands).
 */
export async function ownerTimeZone(
	this: IExecuteFunctions,
	timeoutMs?: number,
): Promise<string | undefined> {
	try {
		const me = (await calComRequest.call(this, {
			method: 'GET',
			path: '/v2/me',
			timeoutMs,
		})) as IDataObject | null;
		return typeof me?.timeZone === 'string' && me.timeZone ? me.timeZone : undefined;
	} catch {
		return undefined;
	}
}

/**
 * After Cal.com answered "slot taken" to a reschedule, says which nearby slots are free instead
 * (counting the booking's own time as free). Any other error passes through unchanged.
 */
export async function rethrowSlotTaken(
	this: IExecuteFunctions,
	error: unknown,
	{
		bookingUid,
		start,
		timeZone,
		itemIndex,
		timeoutMs,
	}: { bookingUid: string; start: Date; timeZone: string; itemIndex: number; timeoutMs?: number },
): Promise<never> {
	if (!isSlotTakenError(error)) throw error;
	const booking = (await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/bookings/${bookingUid}`,
		timeoutMs,
	})) as IDataObject;
	const eventType = (booking?.eventType ?? {}) as IDataObject;
	const eventTypeId = Number(eventType.id ?? booking?.eventTypeId);
	if (!Number.isInteger(eventTypeId) || eventTypeId <= 0) throw error;
	const slots = await freeSlotsAround.call(
		this,
		{ eventTypeId },
		start,
		{ bookingUidToReschedule: bookingUid },
		timeoutMs,
	);
	throw slotNotFreeError(this, start, nearestSlots(slots, start), timeZone, itemIndex);
}
