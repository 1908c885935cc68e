/**
 * The query of GET /v2/slots as Cal.com's GetSlotsInputPipe reads it (2024-09-04):
 *
 * - The shape is picked from which parameters are present: eventTypeId → by id;
 *   username + eventTypeSlug → by user; teamSlug + eventTypeSlug → by team; anything else →
 *   by usernames (dynamic), which needs `usernames` (≥ 2) and `organizationSlug`.
 * - Each shape is validated with whitelist + forbidNonWhitelisted, so any parameter the shape
 *   does not have is a 400 ("username property is wrong,property username should not exist ").
 * - The message format is the pipe's own: "<prop> property is wrong,<constraints> " per error
 *   (note: no space after the comma, a trailing space), errors joined with ", ";
 *   unknown-property errors come first, then the properties in declaration order.
 * - eventTypeId and duration go through parseInt, so "30min" is 30 (the contract check still
 *   records it); format is lower-cased.
 * - rrHostSubsetIds (every shape; hidden from the document by @ApiHideProperty) is split on
 *   commas (or taken as repeated parameters) and each part parseInt'ed; a part that is not a
 *   number fails IsNumber({each: true}) (packages/platform/types/slots/slots-2024-09-04/inputs/get-slots.input.ts).
 */
import { isValidTimeZone } from '../tz';

export type SlotsShape =
	| { kind: 'byEventTypeId'; eventTypeId: number }
	| {
			kind: 'byUsernameAndEventTypeSlug';
			eventTypeSlug: string;
			username: string;
			organizationSlug?: string;
	  }
	| {
			kind: 'byTeamSlugAndEventTypeSlug';
			eventTypeSlug: string;
			teamSlug: string;
			organizationSlug?: string;
	  }
	| { kind: 'byUsernames'; usernames: string[]; organizationSlug: string };

export type SlotsInput = SlotsShape & {
	start: string;
	end: string;
	timeZone?: string;
	duration?: number;
	format?: 'time' | 'range';
	bookingUidToReschedule?: string;
	rrHostSubsetIds?: number[];
};

export type ParsedSlotsInput =
	| { ok: true; input: SlotsInput }
	| { ok: false; message: string; problems: string[] };

type Query = Record<string, string | string[]>;

const COMMON = [
	'start',
	'end',
	'timeZone',
	'duration',
	'format',
	'bookingUidToReschedule',
	'rrHostSubsetIds',
];
const SHAPE_PROPS: Record<SlotsShape['kind'], string[]> = {
	byEventTypeId: ['eventTypeId'],
	byUsernameAndEventTypeSlug: ['eventTypeSlug', 'username', 'organizationSlug'],
	byTeamSlugAndEventTypeSlug: ['eventTypeSlug', 'teamSlug', 'organizationSlug'],
	byUsernames: ['usernames', 'organizationSlug'],
};

/** ISO 8601 as class-validator's isISO8601({strict: true}) accepts it, for the forms people send. */
const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDateString(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = ISO.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	const validDay =
		date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
	const validTime =
		m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60);
	return validDay && validTime;
}

function shapeOf(q: Query): SlotsShape['kind'] {
	const has = (k: string) => Object.prototype.hasOwnProperty.call(q, k);
	if (has('eventTypeId')) return 'byEventTypeId';
	if (has('username') && has('eventTypeSlug')) return 'byUsernameAndEventTypeSlug';
	if (has('teamSlug') && has('eventTypeSlug')) return 'byTeamSlugAndEventTypeSlug';
	return 'byUsernames';
}

function parseIntLike(value: string | string[] | undefined): number | undefined {
	if (value === undefined || value === '') return undefined;
	return typeof value === 'string' ? parseInt(value, 10) : NaN;
}

function readIdList(value: string | string[] | undefined): number[] | undefined {
	if (value === undefined) return undefined;
	return (typeof value === 'string' ? value.split(',') : value).map((id) =>
		parseInt(id.trim(), 10),
	);
}

export function parseSlotsQuery(q: Query): ParsedSlotsInput {
	const kind = shapeOf(q);
	const allowed = new Set([...COMMON, ...SHAPE_PROPS[kind]]);
	const errors: Array<[property: string, constraints: string[]]> = [];

	for (const key of Object.keys(q)) {
		if (!allowed.has(key)) errors.push([key, [`property ${key} should not exist`]]);
	}
	const check = (property: string, constraints: string[]) => {
		if (constraints.length) errors.push([property, constraints]);
	};
	const isString = (k: string) => typeof q[k] === 'string';

	check('start', isIsoDateString(q.start) ? [] : ['start must be a valid ISO 8601 date string']);
	check('end', isIsoDateString(q.end) ? [] : ['end must be a valid ISO 8601 date string']);
	if (q.timeZone !== undefined) {
		check(
			'timeZone',
			isString('timeZone') && isValidTimeZone(q.timeZone as string)
				? []
				: ['timeZone must be a valid IANA time-zone'],
		);
	}
	const duration = parseIntLike(q.duration);
	if (duration !== undefined && Number.isNaN(duration)) {
		check('duration', ['duration must be a number conforming to the specified constraints']);
	}
	const format =
		typeof q.format === 'string' && q.format !== '' ? q.format.toLowerCase() : undefined;
	if (q.format !== undefined && q.format !== '') {
		const c: string[] = [];
		if (format !== 'time' && format !== 'range')
			c.push("slotFormat must be either 'range' or 'time'");
		if (!isString('format')) c.push('format must be a string');
		check('format', c);
	}
	if (q.bookingUidToReschedule !== undefined && !isString('bookingUidToReschedule')) {
		check('bookingUidToReschedule', ['bookingUidToReschedule must be a string']);
	}

	const rrHostSubsetIds = readIdList(q.rrHostSubsetIds);
	if (rrHostSubsetIds?.some((id) => Number.isNaN(id))) {
		check('rrHostSubsetIds', [
			'each value in rrHostSubsetIds must be a number conforming to the specified constraints',
		]);
	}

	let usernames: string[] = [];
	if (kind === 'byEventTypeId') {
		const id = parseIntLike(q.eventTypeId);
		if (id === undefined || Number.isNaN(id))
			check('eventTypeId', [
				'eventTypeId must be a number conforming to the specified constraints',
			]);
	} else if (kind === 'byUsernames') {
		const raw = q.usernames;
		usernames =
			typeof raw === 'string' ? raw.split(',').map((u) => u.trim()) : Array.isArray(raw) ? raw : [];
		const c: string[] = [];
		if (raw === undefined) c.push('each value in usernames must be a string');
		if (usernames.length < 2) c.push('The array must contain at least 2 elements.');
		if (raw === undefined) c.push('usernames must be an array');
		check('usernames', c);
		check(
			'organizationSlug',
			isString('organizationSlug') ? [] : ['organizationSlug must be a string'],
		);
	} else {
		check('eventTypeSlug', isString('eventTypeSlug') ? [] : ['eventTypeSlug must be a string']);
		const owner = kind === 'byUsernameAndEventTypeSlug' ? 'username' : 'teamSlug';
		check(owner, isString(owner) ? [] : [`${owner} must be a string`]);
		if (q.organizationSlug !== undefined)
			check(
				'organizationSlug',
				isString('organizationSlug') ? [] : ['organizationSlug must be a string'],
			);
	}

	if (errors.length > 0) {
		const message = errors
			.map(([property, constraints]) => `${property} property is wrong,${constraints.join(', ')} `)
			.join(', ');
		const problems = errors.map(
			([property, constraints]) =>
				`query.${property}: ${constraints.join(', ')} (slots input, shape ${kind})`,
		);
		return { ok: false, message, problems };
	}

	const common = {
		start: q.start as string,
		end: q.end as string,
		timeZone: q.timeZone as string | undefined,
		duration,
		format: format as 'time' | 'range' | undefined,
		bookingUidToReschedule: q.bookingUidToReschedule as string | undefined,
		rrHostSubsetIds,
	};
	const org = q.organizationSlug as string | undefined;
	switch (kind) {
		case 'byEventTypeId':
			return {
				ok: true,
				input: { ...common, kind, eventTypeId: parseIntLike(q.eventTypeId) as number },
			};
		case 'byUsernameAndEventTypeSlug':
			return {
				ok: true,
				input: {
					...common,
					kind,
					eventTypeSlug: q.eventTypeSlug as string,
					username: q.username as string,
					organizationSlug: org,
				},
			};
		case 'byTeamSlugAndEventTypeSlug':
			return {
				ok: true,
				input: {
					...common,
					kind,
					eventTypeSlug: q.eventTypeSlug as string,
					teamSlug: q.teamSlug as string,
					organizationSlug: org,
				},
			};
		default:
			return { ok: true, input: { ...common, kind, usernames, organizationSlug: org as string } };
	}
}
