/**
 * Random slot questions for the property specs: a host's weekly hours and date overrides in a
 * random zone, an event length and interval, and a query window in a display zone, all around the
 * 2027 DST changes of the zones (and the zones without DST).
 */
import fc from 'fast-check';

import type { SandboxFixture, SandboxSchedule, SandboxState } from '../sandbox';
import { addDays, documentedInstantOf, isoInZone, readInZone } from './zone-oracle';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** With DST (north and south, a 30-minute one, a :45 one, two east of +12:00 in summer) and without. */
export const ZONES = [
	'America/New_York',
	'Europe/Berlin',
	'Europe/London',
	'Australia/Sydney',
	'Australia/Lord_Howe',
	'Pacific/Chatham',
	'Pacific/Auckland',
	'America/St_Johns',
	'Asia/Kolkata',
	'Asia/Kathmandu',
	'America/Sao_Paulo',
	'UTC',
] as const;

/**
 * The 2027 changes of those zones: New York and St John's 03-14 and 11-07; Europe 03-28 and
 * 10-31; Sydney and Lord Howe 04-04 and 10-03; Chatham and Auckland 04-04 and 09-26. Windows
 * start a few days either side.
 */
export const ANCHORS = [
	'2027-03-14',
	'2027-03-28',
	'2027-04-04',
	'2027-09-26',
	'2027-10-03',
	'2027-10-31',
	'2027-11-07',
] as const;

const DAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
] as const;

/** How a time parameter is written: UTC, with an offset, a wall time read in the zone, a bare date. */
export type TimeForm = 'utc' | 'offset' | 'wall' | 'date';

export interface ScheduleCase {
	scheduleZone: string;
	/** Minutes after midnight; an end at or before the start runs into the next day. */
	weekly: Array<{ days: Array<(typeof DAY_NAMES)[number]>; start: number; end: number }>;
	/** Days from the anchor; start = end = 0 is a day off. */
	overrides: Array<{ day: number; start: number; end: number }>;
	length: number;
	interval: number | null;
	notice: number;
	anchor: string;
}

export interface WindowCase {
	displayZone: string;
	/** Days from the anchor and minutes after midnight, on the display zone's clock. */
	startDay: number;
	startMinute: number;
	/** Minutes after "now" at which the window starts (negative: now lies inside it). */
	nowLead: number;
}

/** Quarter hours, so :15/:45 zones, gaps (02:00–03:00) and overlaps (01:00–02:00) come up often. */
const quarterHour = (max: number) => fc.integer({ min: 0, max: max / 15 }).map((q) => q * 15);

/**
 * A quarter hour of the day, one time in three between 00:00 and 04:00, where the DST changes
 * (and their gaps and repeated hours) are.
 */
export const timeOfDay = fc.oneof(
	{ arbitrary: quarterHour(23 * 60 + 45), weight: 2 },
	{ arbitrary: quarterHour(4 * 60), weight: 1 },
);

const weeklyRow = fc.oneof(
	{
		arbitrary: fc.record({
			days: fc.subarray([...DAY_NAMES], { minLength: 1 }),
			start: timeOfDay,
			end: quarterHour(24 * 60),
		}),
		weight: 3,
	},
	// Whole days, so slots run through the night of the change.
	{
		arbitrary: fc.record({
			days: fc.subarray([...DAY_NAMES], { minLength: 1 }),
			start: fc.constant(0),
			end: fc.constant(24 * 60),
		}),
		weight: 1,
	},
);

const overrideRow = fc.oneof(
	fc.record({ day: fc.integer({ min: -3, max: 5 }), start: fc.constant(0), end: fc.constant(0) }),
	fc.record({ day: fc.integer({ min: -3, max: 5 }), start: timeOfDay, end: quarterHour(24 * 60) }),
);

const scheduleWithoutAnchor = fc.record({
	scheduleZone: fc.constantFrom(...ZONES),
	weekly: fc.array(weeklyRow, { minLength: 1, maxLength: 3 }),
	overrides: fc.array(overrideRow, { maxLength: 3 }),
	length: fc.constantFrom(15, 20, 25, 30, 45, 60, 90),
	interval: fc.constantFrom(null, null, 15, 20, 30, 45, 60),
	notice: fc.constantFrom(0, 0, 60, 240),
});

export const windowCase: fc.Arbitrary<WindowCase> = fc.record({
	displayZone: fc.constantFrom(...ZONES),
	// Half the windows start on the night of the anchor (the change itself), the others up to three days before.
	startDay: fc.oneof(fc.constant(0), fc.integer({ min: -3, max: 1 })),
	startMinute: timeOfDay,
	nowLead: fc.integer({ min: -12 * 60, max: 3 * 24 * 60 }),
});

/** The anchors at which `zone`'s offset changes (read from Intl, not from the list's comment). */
function changesOf(zone: string): string[] {
	return ANCHORS.filter((anchor) => {
		const midnight = Date.parse(`${anchor}T00:00:00Z`);
		return readInZone(midnight - DAY, zone).offset !== readInZone(midnight + 2 * DAY, zone).offset;
	});
}

/**
 * A schedule and a window, anchored three times in four at a DST change of the schedule's or the
 * display zone (when either has one), so most windows straddle a change. The anchor is picked by
 * index (a map, not a chain), so a failing case still shrinks in every part.
 */
export const slotQuestion: fc.Arbitrary<{ schedule: ScheduleCase; window: WindowCase }> = fc
	.record({
		schedule: scheduleWithoutAnchor,
		window: windowCase,
		pick: fc.nat({ max: 13 }),
		anyAnchor: fc.nat({ max: 3 }),
	})
	.map(({ schedule, window, pick, anyAnchor }) => {
		const changes = [
			...new Set([...changesOf(schedule.scheduleZone), ...changesOf(window.displayZone)]),
		];
		const anchors = changes.length > 0 && anyAnchor > 0 ? changes : [...ANCHORS];
		return { schedule: { ...schedule, anchor: anchors[pick % anchors.length] }, window };
	});

export const timeForm: fc.Arbitrary<TimeForm> = fc.constantFrom('utc', 'offset', 'wall', 'date');

const hhmm = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The one user, schedule and event type the specs run against; each case rewrites them. */
export const PROPERTY_FIXTURE: SandboxFixture = {
	users: [
		{
			id: 1,
			username: 'prop',
			email: 'prop@example.com',
			name: 'Property Host',
			timeZone: 'UTC',
			apiKey: 'cal_live_0123456789abcdef0123456789abcdef',
			defaultScheduleId: 1,
			weekStart: 'Monday',
			timeFormat: 24,
			organizationId: null,
		},
	],
	schedules: [
		{
			id: 1,
			ownerId: 1,
			name: 'Random hours',
			timeZone: 'UTC',
			isDefault: true,
			availability: [],
			overrides: [],
		},
	],
	eventTypes: [
		{
			id: 1,
			ownerId: 1,
			teamId: null,
			slug: 'prop',
			title: 'Property Meeting',
			description: null,
			lengthInMinutes: 30,
			slotInterval: null,
			minimumBookingNotice: 0,
			beforeEventBuffer: 0,
			afterEventBuffer: 0,
			scheduleId: null,
			requiresConfirmation: false,
			hidden: false,
			locations: [],
			bookingFields: [],
		},
	],
	teams: [],
	bookings: [],
};

export function scheduleOf(c: ScheduleCase): SandboxSchedule {
	return {
		...PROPERTY_FIXTURE.schedules[0],
		timeZone: c.scheduleZone,
		availability: c.weekly.map((row) => ({
			days: row.days,
			startTime: hhmm(row.start),
			endTime: hhmm(row.end),
		})),
		overrides: c.overrides.map((row) => ({
			date: addDays(c.anchor, row.day),
			startTime: hhmm(row.start),
			endTime: hhmm(row.end),
		})),
	};
}

/** Puts a case's schedule and event type into the (freshly reset) sandbox state. */
export function applyCase(state: SandboxState, c: ScheduleCase): void {
	state.schedules[0] = scheduleOf(c);
	Object.assign(state.eventTypes[0], {
		lengthInMinutes: c.length,
		slotInterval: c.interval,
		minimumBookingNotice: c.notice,
	});
}

/**
 * The window's start as written in `form`, and the instant the node documents for it. Written as
 * a wall time it is the generated one, so times inside a spring-forward gap and inside a
 * fall-back overlap are sent as they are.
 */
export function writeWindowStart(
	s: ScheduleCase,
	w: WindowCase,
	form: TimeForm,
): { text: string; instant: number } {
	const date = addDays(s.anchor, w.startDay);
	const instant = documentedInstantOf(date, w.startMinute, w.displayZone);
	return form === 'wall'
		? { text: `${date}T${hhmm(w.startMinute)}`, instant }
		: writeTime(instant, form, w.displayZone);
}

/**
 * A time parameter as a user writes it, and the instant it stands for. A bare date is the start
 * of that day on the zone's clock, or with `endOfDay` the last millisecond before the next one.
 */
export function writeTime(
	instant: number,
	form: TimeForm,
	zone: string,
	endOfDay = false,
): { text: string; instant: number } {
	const local = readInZone(instant, zone);
	switch (form) {
		case 'utc':
			return { text: new Date(instant).toISOString(), instant };
		case 'offset':
			return { text: isoInZone(instant, zone), instant };
		case 'wall': {
			const [hours, minutes] = local.time.split(':').map(Number);
			return {
				text: `${local.date}T${local.time}`,
				instant: documentedInstantOf(local.date, hours * 60 + minutes, zone),
			};
		}
		default:
			return endOfDay
				? { text: local.date, instant: documentedInstantOf(addDays(local.date, 1), 0, zone) - 1 }
				: { text: local.date, instant: documentedInstantOf(local.date, 0, zone) };
	}
}

export { DAY, MINUTE };
