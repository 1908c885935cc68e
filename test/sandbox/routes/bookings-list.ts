/**
 * GET /v2/bookings (auth required): the caller's bookings — as organizer, co-host or attendee.
 *
 * - 2024-08-13 / 2026-02-25: `status` takes several values (comma list); take 1–250 (default
 *   100) and skip ≥ 0 (GetBookingsInput_2024_08_13: @Min(1) @Max(250), @Min(0)); the answer
 *   carries Cal.com's offset `pagination` object (offsetPagination below).
 * - 2026-05-01: one `status`; limit 1–100 (default 50) and an opaque `cursor`; the answer
 *   carries {nextCursor, hasMore}. The order is fixed by status as the live docs describe:
 *   upcoming / recurring / unconfirmed ascending, past / cancelled / none descending; sort
 *   parameters apply to the offset versions only.
 * Statuses: upcoming = not yet ended and not cancelled/rejected; unconfirmed = upcoming and
 * pending; recurring = upcoming and part of a recurring booking; past = ended and not
 * cancelled/rejected; cancelled = cancelled or rejected.
 * attendeeName matches a part of a name, case-insensitively (an inference); attendeeEmail the
 * whole address.
 */
import { success } from '../envelope';
import { legacyBookingsAnswer } from '../older-server';
import type { SandboxBuild } from '../build';
import type { SandboxBooking, SandboxState, SandboxUser } from '../types';
import { fail } from './booking-common';
import { bookingOutput, readOutput } from './booking-output';
import type { RouteContext, RouteHandler, RouteRequest, RouteResult } from './route';
import { globalPipeAnswer } from '../validation-errors';
import type { Failure } from '../validation-errors';

export type Status = 'upcoming' | 'recurring' | 'past' | 'cancelled' | 'unconfirmed';

function matchesStatus(b: SandboxBooking, status: Status, now: number): boolean {
	const live = b.status === 'accepted' || b.status === 'pending';
	const ended = Date.parse(b.end) <= now;
	switch (status) {
		case 'upcoming':
			return live && !ended;
		case 'unconfirmed':
			return b.status === 'pending' && !ended;
		case 'recurring':
			return live && !ended && Boolean(b.recurringBookingUid);
		case 'past':
			return live && ended;
		default:
			return !live;
	}
}

export function involves(b: SandboxBooking, user: SandboxUser): boolean {
	const email = user.email.toLowerCase();
	return (
		b.userId === user.id ||
		b.hostIds?.includes(user.id) === true ||
		b.attendees.some((a) => a.email.toLowerCase() === email)
	);
}

function numbers(value: unknown): number[] | undefined {
	if (value === undefined) return undefined;
	return String(value)
		.split(',')
		.map((v) => Number(v.trim()))
		.filter((n) => Number.isFinite(n));
}

/** The bookings `visible` lets through that match the query's filters (shared with team bookings). */
export function filtered(
	state: SandboxState,
	visible: (b: SandboxBooking) => boolean,
	q: Record<string, unknown>,
	statuses: Status[],
	now: number,
): SandboxBooking[] {
	const eventTypeIds = numbers(q.eventTypeIds) ?? numbers(q.eventTypeId);
	const teamIds = numbers(q.teamsIds) ?? numbers(q.teamId);
	const teamEventTypes =
		teamIds &&
		new Set(
			state.eventTypes
				.filter((e) => e.teamId !== null && teamIds.includes(e.teamId))
				.map((e) => e.id),
		);
	const time = (key: string) =>
		typeof q[key] === 'string' ? Date.parse(q[key] as string) : undefined;
	const [afterStart, beforeEnd] = [time('afterStart'), time('beforeEnd')];
	const [afterCreated, beforeCreated, afterUpdated, beforeUpdated] = [
		time('afterCreatedAt'),
		time('beforeCreatedAt'),
		time('afterUpdatedAt'),
		time('beforeUpdatedAt'),
	];
	const email = typeof q.attendeeEmail === 'string' ? q.attendeeEmail.toLowerCase() : undefined;
	const name = typeof q.attendeeName === 'string' ? q.attendeeName.toLowerCase() : undefined;
	return state.bookings.filter((b) => {
		if (!visible(b)) return false;
		if (statuses.length > 0 && !statuses.some((s) => matchesStatus(b, s, now))) return false;
		if (typeof q.bookingUid === 'string' && b.uid !== q.bookingUid) return false;
		if (eventTypeIds && !eventTypeIds.includes(b.eventTypeId)) return false;
		if (teamEventTypes && !teamEventTypes.has(b.eventTypeId)) return false;
		if (email && !b.attendees.some((a) => a.email.toLowerCase() === email)) return false;
		if (name && !b.attendees.some((a) => a.name.toLowerCase().includes(name))) return false;
		if (afterStart !== undefined && Date.parse(b.start) < afterStart) return false;
		if (beforeEnd !== undefined && Date.parse(b.end) > beforeEnd) return false;
		if (afterCreated !== undefined && Date.parse(b.createdAt) < afterCreated) return false;
		if (beforeCreated !== undefined && Date.parse(b.createdAt) > beforeCreated) return false;
		if (afterUpdated !== undefined && Date.parse(b.updatedAt) < afterUpdated) return false;
		if (beforeUpdated !== undefined && Date.parse(b.updatedAt) > beforeUpdated) return false;
		return true;
	});
}

function sortBy(
	list: SandboxBooking[],
	key: 'start' | 'end' | 'createdAt' | 'updatedAt',
	desc: boolean,
): SandboxBooking[] {
	const sign = desc ? -1 : 1;
	return list.sort(
		(a, b) => sign * (Date.parse(a[key]) - Date.parse(b[key])) || sign * (a.id - b.id),
	);
}

export function offsetSort(
	list: SandboxBooking[],
	q: Record<string, unknown>,
	statuses: Status[],
): SandboxBooking[] {
	const explicit: Array<[string, 'start' | 'end' | 'createdAt' | 'updatedAt']> = [
		['sortStart', 'start'],
		['sortEnd', 'end'],
		['sortCreated', 'createdAt'],
		['sortUpdatedAt', 'updatedAt'],
	];
	const chosen = explicit.find(([param]) => q[param] !== undefined);
	if (chosen) return sortBy(list, chosen[1], q[chosen[0]] === 'desc');
	const newestFirst =
		statuses.length > 0 && statuses.every((s) => s === 'past' || s === 'cancelled');
	return sortBy(list, 'start', newestFirst);
}

/** GetBookingsInput's @Min/@Max on take, skip and limit: the global validation pipe's 400 (validation-errors.ts). */
export function rangeProblem(
	name: string,
	value: unknown,
	min: number,
	max = Infinity,
): Failure | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value))
		return {
			path: name,
			rule: 'isNumber',
			phrase: 'must be a number conforming to the specified constraints',
		};
	if (value < min) return { path: name, rule: 'min', phrase: `must not be less than ${min}` };
	if (value > max) return { path: name, rule: 'max', phrase: `must not be greater than ${max}` };
	return undefined;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Follows apps/api/v2/src/lib/pagination/pagination.ts (getPagination): the skip is clamped to
 * [0, total] for every figure, so a skip past the end reads as the last page (currentPage =
 * totalPages, hasNextPage false, hasPreviousPage true, 0 items) while the list itself, fetched
 * with the unclamped skip, is empty; an empty collection is page 0 of 0. The count field is
 * `returnedItems` today and was `itemsReturned` in the earlier version (SandboxBuild).
 */
export function offsetPagination(
	skip: number,
	take: number,
	total: number,
	countField: SandboxBuild['paginationCountField'],
): Record<string, unknown> {
	const safeSkip = clamp(skip, 0, total);
	const totalPages = take !== 0 ? Math.ceil(total / take) : 0;
	return {
		[countField]: clamp(total - safeSkip, 0, take),
		totalItems: total,
		itemsPerPage: take,
		remainingItems: clamp(total - (safeSkip + take), 0, total),
		currentPage: totalPages === 0 ? 0 : clamp(Math.floor(safeSkip / take) + 1, 1, totalPages),
		totalPages,
		hasNextPage: safeSkip + take < total,
		hasPreviousPage: safeSkip > 0,
	};
}

const list: RouteHandler['handle'] = (req, ctx) => {
	const { state, now } = ctx;
	const user = req.user as SandboxUser;
	const q = req.typedQuery;
	const at = now().getTime();
	if (req.apiVersion === '2024-04-15' && ctx.build.olderServer) {
		const mine = filtered(state, (b) => involves(b, user), q, [], at);
		return legacyBookingsAnswer(
			mine.map((b) => bookingOutput(b, state)),
			req.query,
		);
	}
	if (req.apiVersion === '2026-05-01') {
		const problem = rangeProblem('limit', q.limit, 1, 100);
		if (problem) return globalPipeAnswer(req.url, q, [problem]);
		const statuses = typeof q.status === 'string' ? [q.status as Status] : [];
		const ascending =
			statuses.length === 1 && statuses[0] !== 'past' && statuses[0] !== 'cancelled';
		const all = sortBy(
			filtered(state, (b) => involves(b, user), q, statuses, at),
			'start',
			!ascending,
		);
		let offset = 0;
		if (typeof q.cursor === 'string') {
			const decoded = /^o(\d+)$/.exec(Buffer.from(q.cursor, 'base64url').toString('utf8'));
			if (!decoded) return fail(400, `Invalid cursor: ${q.cursor}`, req);
			offset = Number(decoded[1]);
		}
		const limit = (q.limit as number | undefined) ?? 50;
		const page = all.slice(offset, offset + limit);
		const hasMore = offset + limit < all.length;
		const nextCursor = hasMore ? Buffer.from(`o${offset + limit}`).toString('base64url') : null;
		return {
			status: 200,
			body: {
				...success(page.map((b) => bookingOutput(b, state))),
				pagination: { nextCursor, hasMore },
			},
		};
	}
	return offsetBookingsAnswer(req, ctx, (b) => involves(b, user));
};

/**
 * A take/skip list of the bookings `visible` lets through, with the query's filters and sort and
 * Cal.com's pagination object: the personal list and the team and organization lists
 * (teams.ts, organization-bookings.ts), which all call bookings.service.ts (getBookings).
 */
export function offsetBookingsAnswer(
	req: RouteRequest,
	{ state, now, build }: RouteContext,
	visible: (b: SandboxBooking) => boolean,
): RouteResult {
	const q = req.typedQuery;
	const problem = rangeProblem('take', q.take, 1, 250) ?? rangeProblem('skip', q.skip, 0);
	if (problem) return globalPipeAnswer(req.url, q, [problem]);
	const statuses = (Array.isArray(q.status) ? q.status : []) as Status[];
	const all = offsetSort(filtered(state, visible, q, statuses, now().getTime()), q, statuses);
	// As bookings.service.ts (getBookings): take and skip as given (Math.abs), defaults 100 and 0.
	const take = Math.abs((q.take as number | undefined) ?? 100);
	const skip = Math.abs((q.skip as number | undefined) ?? 0);
	const page = all.slice(skip, skip + take);
	const pagination = offsetPagination(skip, take, all.length, build.paginationCountField);
	const user = req.user as SandboxUser;
	return {
		status: 200,
		body: { ...success(page.map((b) => readOutput(b, state, user))), pagination },
	};
}

export const bookingsListRoutes: RouteHandler[] = [
	{ method: 'GET', template: '/v2/bookings', validation: 'generic', handle: list },
];
