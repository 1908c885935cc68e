import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DAY_MS } from '../../helpers/time';
import type { BookingField } from '../eventType/bookingQuestions';
import { loadBookingFields } from '../eventType/shared';
import type { EventTypeRef } from '../eventTypeLookup';
import { refQuery } from '../eventTypeLookup';
import { executionStore, findExecutionStore, readOnce } from '../../helpers/executionCache';
import { MAX_RANGE_DAYS } from '../slot/shared';
import type { FreeSlot } from './freeSlots';
import { readFreeSlots, windowAround } from './freeSlots';

// What Booking → Create learns during one execution, so that many items cost few reads: each
// event type's booking questions, and its free slots over the span of the items' starts, kept
// current as items are booked. Kept in the execution's store (executionCache.ts), so nothing
// outlives the execution; Cal.com's own "slot taken" answer still decides.

/** What an item needs to know about availability: which slots list, and its start. */
export interface SlotNeed {
	ref: EventTypeRef;
	/** The slots query besides the event type and range (e.g. the duration). */
	query: IDataObject;
	start: Date;
}

interface Window {
	from: number;
	to: number;
	slots: FreeSlot[];
}

interface CreateBatch {
	/** Per slots list: the earliest and latest start the execution's items ask for. */
	spans: Map<string, { min: number; max: number }>;
	windows: Map<string, Window[]>;
}

const STORE = 'bookingCreate';

export function slotKey(need: Pick<SlotNeed, 'ref' | 'query'>): string {
	return JSON.stringify([refQuery(need.ref), need.query]);
}

/** Every item's slot need, read once at the first item; an item that cannot be read is skipped. */
function planSpans(
	ctx: IExecuteFunctions,
	readNeed: (itemIndex: number) => SlotNeed | undefined,
): CreateBatch['spans'] {
	const spans: CreateBatch['spans'] = new Map();
	for (let itemIndex = 0; itemIndex < ctx.getInputData().length; itemIndex++) {
		let need: SlotNeed | undefined;
		try {
			need = readNeed(itemIndex);
		} catch {
			continue; // The item's own run reports its parameter error.
		}
		if (!need) continue;
		const key = slotKey(need);
		const at = need.start.getTime();
		const span = spans.get(key) ?? { min: at, max: at };
		spans.set(key, { min: Math.min(span.min, at), max: Math.max(span.max, at) });
	}
	return spans;
}

export function createBatch(
	ctx: IExecuteFunctions,
	readNeed: (itemIndex: number) => SlotNeed | undefined,
): CreateBatch {
	return executionStore(ctx, STORE, () => ({
		spans: planSpans(ctx, readNeed),
		windows: new Map<string, Window[]>(),
	}));
}

function batchOf(ctx: IExecuteFunctions): CreateBatch {
	const batch = findExecutionStore<CreateBatch>(ctx, STORE);
	if (!batch) throw new Error('createBatch runs before the batch is used');
	return batch;
}

/** The event type's booking questions, read once per event type in this execution. */
export async function batchBookingFields(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	timeoutMs?: number,
): Promise<BookingField[] | undefined> {
	return await readOnce(
		this,
		'bookingFields',
		JSON.stringify(refQuery(ref)),
		async () => await loadBookingFields.call(this, ref, timeoutMs),
	);
}

/**
 * Reads the free slots from a day before the earliest start to a week after the latest, in
 * ranges Slot → Get Available accepts (at most MAX_RANGE_DAYS each).
 */
async function loadWindow(
	ctx: IExecuteFunctions,
	need: SlotNeed,
	span: { min: number; max: number },
	timeoutMs?: number,
): Promise<Window> {
	const from = windowAround(new Date(span.min)).from.getTime();
	const to = windowAround(new Date(span.max)).to.getTime();
	const byStart = new Map<number, FreeSlot>();
	for (let chunk = from; chunk < to; chunk += MAX_RANGE_DAYS * DAY_MS) {
		const range = {
			from: new Date(chunk),
			to: new Date(Math.min(chunk + MAX_RANGE_DAYS * DAY_MS, to)),
		};
		const slots = await readFreeSlots.call(ctx, need.ref, range, need.query, timeoutMs);
		for (const slot of slots) byStart.set(slot.start.getTime(), slot);
	}
	return { from, to, slots: [...byStart.values()] };
}

/**
 * The item's window of free slots: first the span of all the execution's items on this slots
 * list. Cal.com refuses a range reaching more than a year ahead; then each item reads its own
 * window, as it would alone.
 */
async function loadFor(
	ctx: IExecuteFunctions,
	need: SlotNeed,
	timeoutMs?: number,
): Promise<Window> {
	const { spans } = batchOf(ctx);
	const key = slotKey(need);
	const at = need.start.getTime();
	const planned = spans.get(key);
	const alone = { min: at, max: at };
	if (
		!planned ||
		planned.min > at ||
		planned.max < at ||
		(planned.min === at && planned.max === at)
	)
		return await loadWindow(ctx, need, alone, timeoutMs);
	try {
		const window = await loadWindow(ctx, need, planned, timeoutMs);
		spans.delete(key); // Read: the window now serves every item in the span.
		return window;
	} catch (error) {
		// Only Cal.com's 400 on the range; any other failure is the item's, as it would be alone
		// (the next item tries the span again).
		if (error instanceof NodeApiError && String(error.httpCode) === '400') {
			spans.delete(key);
			return await loadWindow(ctx, need, alone, timeoutMs);
		}
		// Already a NodeApiError from the transport: n8n hands the same error back.
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
}

/**
 * Free slot starts around the item's start (a day before to a week after), from what this
 * execution already read when it covers that window, else read now.
 */
export async function batchFreeSlots(
	this: IExecuteFunctions,
	need: SlotNeed,
	timeoutMs?: number,
): Promise<Date[]> {
	const { windows } = batchOf(this);
	const key = slotKey(need);
	const { from, to } = windowAround(need.start);
	const known = windows.get(key) ?? [];
	let window = known.find((w) => w.from <= from.getTime() && w.to >= to.getTime());
	if (!window) {
		window = await loadFor(this, need, timeoutMs);
		windows.set(key, [...known, window]);
	}
	const inWindow = (slot: FreeSlot) => slot.start >= from && slot.start <= to;
	return window.slots.filter(inWindow).map((slot) => slot.start);
}

function overlaps(slot: FreeSlot, start: number, end: number): boolean {
	const slotStart = slot.start.getTime();
	const slotEnd = slot.end?.getTime() ?? slotStart + 1;
	return slotStart < end && slotEnd > start;
}

/**
 * A start that is no longer free: booked by an item of this execution, or refused by Cal.com as
 * taken. Drops it, and the slots its time overlaps; a seat in a seated slot may still be free.
 */
export function markNotFree(ctx: IExecuteFunctions, need: SlotNeed): void {
	const windows = findExecutionStore<CreateBatch>(ctx, STORE)?.windows.get(slotKey(need)) ?? [];
	const at = need.start.getTime();
	for (const window of windows) {
		const booked = window.slots.find((slot) => slot.start.getTime() === at);
		if (booked?.seated) continue;
		const end = booked?.end?.getTime() ?? at + 1;
		window.slots = window.slots.filter((slot) => !overlaps(slot, at, end));
	}
}
