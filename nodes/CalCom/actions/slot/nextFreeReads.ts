import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DAY_MS } from '../../helpers/time';
import { calComRequest } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';
import { eventTypeNotFoundMessage } from '../eventTypeLookup';
import { executionStore } from '../../helpers/executionCache';
import { simplifySlots, slotsQueryEnd } from './shared';

// How Find Next Free reads Cal.com's slots: every read starts at After and only its end moves
// out. Cal.com lays the slot grid from the start of each free stretch it is asked about
// (slots-engine.ts in the sandbox follows Cal.com's getSlots), so a read starting later, inside
// a stretch, could miss a slot across its start and offer starts off the grid.

const FIRST_SPAN_DAYS = 7;
/** How much further the next read reaches: at least twice, at most eight times as far. */
const MIN_GROWTH = 2;
const MAX_GROWTH = 8;

/** One item's question, as far as the reads are concerned. */
export interface NextFreeAsk {
	ref: EventTypeRef;
	/** The slots query besides the range: the event type, zone, format and duration. */
	base: IDataObject;
	after: Date;
	horizon: Date;
	count: number;
	timeZone: string;
	timeoutMs: number;
	/** Whether a slot (simplified) is one the item wants: after After, inside the daily window. */
	fits(slot: IDataObject): boolean;
}

/** The longest read from one After in this execution: where it ends and Cal.com's answer. */
interface Read {
	end: number;
	data: IDataObject;
}

/**
 * How far the next read reaches, from what the last one found: as far as the slots found so far
 * say `count` need (and a quarter more), at least twice as far; eight times as far when none fit
 * (a sparse calendar is answered in few reads), and never past the horizon.
 */
export function nextSpanEnd(ask: NextFreeAsk, lastEnd: number, found: number): number {
	const span = lastEnd - ask.after.getTime();
	const wanted = found === 0 ? MAX_GROWTH : Math.ceil((1.25 * ask.count) / found);
	const growth = Math.min(MAX_GROWTH, Math.max(MIN_GROWTH, wanted));
	return Math.min(ask.after.getTime() + span * growth, ask.horizon.getTime());
}

/**
 * The slots of a read that the item wants, in time order. A read another item made reaching past
 * this item's horizon keeps only the slots that end by it, as a read to the horizon would.
 */
function wanted(read: Read, ask: NextFreeAsk): IDataObject[] {
	const limit = Date.parse(slotsQueryEnd(ask.horizon));
	const inReach = (slot: IDataObject) =>
		read.end <= ask.horizon.getTime() || Date.parse(String(slot.end ?? slot.start)) <= limit;
	return simplifySlots(read.data, ask.timeZone).filter((slot) => inReach(slot) && ask.fits(slot));
}

async function readTo(ctx: IExecuteFunctions, ask: NextFreeAsk, end: number): Promise<Read> {
	const data = (await calComRequest.call(ctx, {
		method: 'GET',
		path: '/v2/slots',
		qs: { ...ask.base, start: ask.after.toISOString(), end: slotsQueryEnd(new Date(end)) },
		timeoutMs: ask.timeoutMs,
		notFoundMessage: eventTypeNotFoundMessage(ask.ref),
	})) as IDataObject | null;
	return { end, data: data ?? {} };
}

/**
 * The first `count` free slots the item wants. Items of one execution asking from the same After
 * (same event type, zone and duration) share the reads: a later item starts from the longest one
 * and reads further only when it needs more. A read's slots are the first of any longer read from
 * the same After (the grid starts at After either way), so the answer is the one the item would
 * get alone.
 */
export async function findNextFree(
	ctx: IExecuteFunctions,
	ask: NextFreeAsk,
): Promise<IDataObject[]> {
	const reads = executionStore(ctx, 'nextFreeReads', () => new Map<string, Read>());
	const key = JSON.stringify([ask.base, ask.after.toISOString()]);
	let read = reads.get(key);
	let end = Math.min(ask.after.getTime() + FIRST_SPAN_DAYS * DAY_MS, ask.horizon.getTime());
	for (;;) {
		if (read) {
			const found = wanted(read, ask);
			if (found.length >= ask.count || read.end >= ask.horizon.getTime())
				return found.slice(0, ask.count);
			end = nextSpanEnd(ask, read.end, found.length);
		}
		read = await readTo(ctx, ask, end);
		reads.set(key, read);
	}
}
