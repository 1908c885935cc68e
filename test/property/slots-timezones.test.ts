/**
 * Property specs: for random weekly hours and date overrides in random zones, random event
 * lengths and random windows around the 2027 DST changes, the node's Slot → Get Available and
 * Slot → Find Next Free (run through n8n-core) give exactly the slots the sandbox itself computes
 * for the same question, each read in the display zone as Intl reads it.
 *
 * PROPERTY_RUNS=<n> changes the number of cases per property; PROPERTY_SEED=<seed> (and
 * PROPERTY_PATH=<path>, both printed on failure) replays a failing run.
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { expectOnlyValidRequests, runCalCom } from '../integration/helpers';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { planForEventType, slotStarts } from '../sandbox/availability';
import type { ScheduleCase, TimeForm, WindowCase } from './slot-cases';
import {
	DAY,
	MINUTE,
	PROPERTY_FIXTURE,
	applyCase,
	slotQuestion,
	timeForm,
	timeOfDay,
	writeTime,
	writeWindowStart,
} from './slot-cases';
import {
	instantsOfWallTime,
	isoInZone,
	minuteOfDay,
	offsetMinutesOf,
	readInZone,
	slotStep,
} from './zone-oracle';

const HOUR = 60 * MINUTE;

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
/** Jest's limit for one property (2 s a case, at least 2 min); fast-check stops shrinking (and fails) a little before it. */
const PROPERTY_TIMEOUT = Math.max(120_000, RUNS * 2_000);

function runParameters(): fc.Parameters<unknown> {
	const seed = process.env.PROPERTY_SEED;
	return {
		numRuns: RUNS,
		...(seed === undefined ? {} : { seed: Number(seed), path: process.env.PROPERTY_PATH }),
		// Each case and each shrink step runs the node; a failure still reports its seed, path and
		// the smallest counterexample found by then, instead of a bare jest timeout.
		interruptAfterTimeLimit: PROPERTY_TIMEOUT - 20_000,
		markInterruptAsFailure: true,
	};
}

/** One slot as the node should give it: UTC, then the display zone as Intl reads it. */
function expectedItem(start: number, lengthMinutes: number, zone: string): IDataObject {
	const end = start + lengthMinutes * MINUTE;
	const from = readInZone(start, zone);
	const to = readInZone(end, zone);
	return {
		start: new Date(start).toISOString(),
		end: new Date(end).toISOString(),
		startLocal: isoInZone(start, zone),
		endLocal: isoInZone(end, zone),
		date: from.date,
		timeZone: zone,
		// A start in a fall-back's repeated hour carries its offset, so two slots never read the same.
		label: `${from.weekday} ${from.day} ${from.month}, ${from.time}–${to.time}${instantsOfWallTime(from.date, minuteOfDay(start, zone), zone).length > 1 ? ` (UTC${from.offset})` : ''}`,
	};
}

// By username and slug: an event-type ID goes through a resource locator, whose ID check runs in
// n8n-workflow's regex sandbox with a 250 ms limit that a loaded machine can overrun.
const byUserAndSlug = { lookup: 'userSlug', username: 'prop', eventTypeSlug: 'prop' };

describe('Property: slots and time zones against the sandbox’s own slot computation', () => {
	let sandbox: Sandbox;
	let now = 0;

	beforeAll(async () => {
		sandbox = await startSandbox({
			fixture: PROPERTY_FIXTURE,
			now: () => new Date(now),
			timeScale: 0.01,
			rateLimit: 1_000_000,
		});
	});
	afterAll(async () => await sandbox?.close());

	/** The sandbox's free slot starts for [start, end] asked in `zone`, straight from its engine. */
	function sandboxSlots(start: number, end: number, zone: string): number[] {
		const plan = planForEventType(sandbox.state, sandbox.state.eventTypes[0]);
		if (!plan) throw new Error('the property fixture has its event type owner');
		return slotStarts(sandbox.state, plan, { start, end, now, timeZone: zone });
	}

	/**
	 * No slot twice, and local times that name their own instant. Near a change of offset, the
	 * wall clock shown is one the zone really shows (none inside a spring-forward gap), and where
	 * it shows it twice (a fall-back) the offset picks this slot's occurrence.
	 */
	function expectDistinctReadableSlots(items: IDataObject[], zone: string): void {
		const starts = items.map((item) => Date.parse(String(item.start)));
		for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
		for (const item of items) {
			for (const [utc, local] of [
				[item.start, item.startLocal],
				[item.end, item.endLocal],
			]) {
				const instant = Date.parse(String(utc));
				expect(Date.parse(String(local))).toBe(instant);
				if (
					readInZone(instant - 3 * HOUR, zone).offset ===
					readInZone(instant + 3 * HOUR, zone).offset
				)
					continue;
				const wall = readInZone(instant, zone);
				const occurrences = instantsOfWallTime(wall.date, minuteOfDay(instant, zone), zone);
				expect(occurrences).toContain(instant - (instant % MINUTE));
			}
		}
	}

	/**
	 * Cal.com lays slot starts on the booker's clock (slots.ts rounds in the requested zone, not in
	 * UTC): each start reads as a whole multiple of the slot step in the display zone, e.g. on the
	 * local hour in Asia/Kolkata (+05:30) and Asia/Kathmandu (+05:45). Only after a change of offset
	 * by less than the step (Lord Howe's 30 minutes) may a stretch begun before it keep its grid.
	 */
	function expectOnDisplayClock(
		items: IDataObject[],
		s: ScheduleCase,
		zone: string,
		from: number,
	): void {
		const step = slotStep(s.interval ?? s.length);
		for (const item of items) {
			const start = Date.parse(String(item.start));
			if ((offsetMinutesOf(start, zone) - offsetMinutesOf(from, zone)) % step !== 0) continue;
			expect([String(item.startLocal), minuteOfDay(start, zone) % step]).toEqual([
				String(item.startLocal),
				0,
			]);
		}
	}

	function setUp(s: ScheduleCase, w: WindowCase, startInstant: number): void {
		sandbox.reset();
		applyCase(sandbox.state, s);
		now = startInstant - w.nowLead * MINUTE;
	}

	it(
		'Get Available lists exactly the sandbox’s slots between Start and End, each read in the display zone',
		async () => {
			const endChoice = fc.record({
				minutes: fc.integer({ min: 4 * 4, max: 5 * 24 * 4 }).map((q) => q * 15),
				// A window's end on a UTC midnight: Cal.com reads such an `end` as the end of that day.
				atUtcMidnight: fc.boolean(),
			});
			await fc.assert(
				fc.asyncProperty(
					slotQuestion,
					timeForm,
					timeForm,
					endChoice,
					async ({ schedule: s, window: w }, startForm: TimeForm, endForm: TimeForm, endAt) => {
						const start = writeWindowStart(s, w, startForm);
						const endInstant = start.instant + endAt.minutes * MINUTE;
						const end = writeTime(
							endAt.atUtcMidnight ? Math.ceil(endInstant / DAY) * DAY : endInstant,
							endForm,
							w.displayZone,
							true,
						);
						fc.pre(end.instant > start.instant);
						setUp(s, w, start.instant);

						const result = await runCalCom(
							sandbox,
							{
								resource: 'slot',
								operation: 'getAvailable',
								...byUserAndSlug,
								start: start.text,
								end: end.text,
								timeZone: w.displayZone,
							} as INodeParameters,
							{ username: 'prop' },
						);
						expect(result.error).toBeUndefined();
						const items = result.items.map((item) => item.json);
						const expected = sandboxSlots(start.instant, end.instant, w.displayZone).map((t) =>
							expectedItem(t, s.length, w.displayZone),
						);
						expect(items).toEqual(expected);
						expectDistinctReadableSlots(items, w.displayZone);
						expectOnDisplayClock(items, s, w.displayZone, start.instant);
						expectOnlyValidRequests(sandbox);
					},
				),
				runParameters(),
			);
		},
		PROPERTY_TIMEOUT,
	);

	it(
		'Find Next Free gives exactly the first N sandbox slots at or after the time, within the daily window, in order',
		async () => {
			const dailyWindow = fc
				.record({
					from: fc.option(timeOfDay, { nil: undefined }),
					to: fc.option(fc.oneof(timeOfDay, fc.constant(23 * 60 + 59)), { nil: undefined }),
				})
				.filter((d) => d.from === undefined || d.to === undefined || d.to > d.from);
			const hhmm = (minutes: number) =>
				`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
			await fc.assert(
				fc.asyncProperty(
					slotQuestion,
					timeForm,
					fc.integer({ min: 1, max: 8 }),
					dailyWindow,
					fc.integer({ min: 1, max: 30 }),
					async ({ schedule: s, window: w }, afterForm: TimeForm, count, daily, horizonDays) => {
						const after = writeWindowStart(s, w, afterForm);
						setUp(s, w, after.instant);
						const options: IDataObject = { horizonDays };
						if (daily.from !== undefined) options.windowStart = hhmm(daily.from);
						if (daily.to !== undefined) options.windowEnd = hhmm(daily.to);

						const result = await runCalCom(
							sandbox,
							{
								resource: 'slot',
								operation: 'findNextFree',
								...byUserAndSlug,
								after: after.text,
								count,
								timeZone: w.displayZone,
								options,
							} as INodeParameters,
							{ username: 'prop' },
						);
						expect(result.error).toBeUndefined();
						const inWindow = (t: number) => {
							const end = t + s.length * MINUTE;
							if (daily.from !== undefined && minuteOfDay(t, w.displayZone) < daily.from)
								return false;
							if (daily.to === undefined) return true;
							// Ends at or before the window's end on the same local day.
							return (
								readInZone(end, w.displayZone).date === readInZone(t, w.displayZone).date &&
								minuteOfDay(end, w.displayZone) <= daily.to
							);
						};
						const expected = sandboxSlots(
							after.instant,
							after.instant + horizonDays * DAY,
							w.displayZone,
						)
							.filter(inWindow)
							.slice(0, count)
							.map((t) => expectedItem(t, s.length, w.displayZone));
						const items = result.items.map((item) => item.json);
						expect(items).toEqual(expected);
						expectDistinctReadableSlots(items, w.displayZone);
						expectOnDisplayClock(items, s, w.displayZone, after.instant);
						expectOnlyValidRequests(sandbox);
					},
				),
				runParameters(),
			);
		},
		PROPERTY_TIMEOUT,
	);
});
