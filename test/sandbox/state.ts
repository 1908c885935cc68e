/**
 * Fixture loading and the live state built from it.
 *
 * The fixture is checked for dangling references when it is loaded: a typo in
 * fixture.json should fail loudly at startSandbox(), not show up later as "no slots".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { isValidTimeZone } from './tz';
import type {
	SandboxApiKey,
	SandboxBooking,
	SandboxEventType,
	SandboxFixture,
	SandboxSchedule,
	SandboxState,
	SandboxTeam,
	SandboxUser,
} from './types';

export const DEFAULT_FIXTURE_PATH = join(__dirname, 'fixture.json');

export function loadFixture(source: string | SandboxFixture | undefined): SandboxFixture {
	const fixture: SandboxFixture =
		source === undefined || typeof source === 'string'
			? (JSON.parse(readFileSync(source ?? DEFAULT_FIXTURE_PATH, 'utf8')) as SandboxFixture)
			: source;
	checkFixture(fixture);
	return fixture;
}

/** A fresh, deep copy: tests that change the state never touch the fixture object. */
export function seedState(fixture: SandboxFixture): SandboxState {
	const copy = structuredClone(fixture);
	return {
		users: copy.users,
		schedules: copy.schedules,
		eventTypes: copy.eventTypes,
		teams: copy.teams,
		bookings: copy.bookings,
		organizations: copy.organizations ?? [],
		reservations: [],
		webhooks: copy.webhooks ?? [],
		credentials: copy.credentials ?? [],
		credits: copy.credits ?? [],
		creditCharges: [],
		apiKeys: copy.apiKeys ?? [],
		outOfOffice: copy.outOfOffice ?? [],
		routingForms: copy.routingForms ?? [],
		routingFormResponses: copy.routingFormResponses ?? [],
		bookingRecords: copy.bookingRecords ?? [],
		privateLinks: copy.privateLinks ?? [],
	};
}

function checkFixture(f: SandboxFixture): void {
	const problems: string[] = [];
	for (const key of ['users', 'schedules', 'eventTypes', 'teams', 'bookings'] as const) {
		if (!Array.isArray(f[key])) problems.push(`"${key}" must be an array`);
	}
	if (problems.length) throw new Error(`Sandbox fixture: ${problems.join('; ')}`);

	const userIds = new Set(f.users.map((u) => u.id));
	const scheduleIds = new Set(f.schedules.map((s) => s.id));
	const teamIds = new Set(f.teams.map((t) => t.id));
	const eventTypeIds = new Set(f.eventTypes.map((e) => e.id));
	const unique = (what: string, values: unknown[]) => {
		if (new Set(values).size !== values.length) problems.push(`${what} must be unique`);
	};
	unique(
		'user ids',
		f.users.map((u) => u.id),
	);
	unique(
		'usernames',
		f.users.map((u) => u.username),
	);
	unique('API keys', [...f.users.map((u) => u.apiKey), ...(f.apiKeys ?? []).map((k) => k.key)]);
	unique(
		'schedule ids',
		f.schedules.map((s) => s.id),
	);
	unique(
		'event type ids',
		f.eventTypes.map((e) => e.id),
	);
	unique(
		'booking uids',
		f.bookings.map((b) => b.uid),
	);

	for (const u of f.users) {
		if (!/^cal_live_[0-9a-f]{32}$/.test(u.apiKey))
			problems.push(`user ${u.username}: apiKey must be cal_live_<32 hex>`);
		if (!isValidTimeZone(u.timeZone))
			problems.push(`user ${u.username}: unknown time zone ${u.timeZone}`);
		if (u.defaultScheduleId !== null && !scheduleIds.has(u.defaultScheduleId)) {
			problems.push(`user ${u.username}: defaultScheduleId ${u.defaultScheduleId} does not exist`);
		}
	}
	for (const k of f.apiKeys ?? []) problems.push(...apiKeyProblems(k, userIds));
	for (const s of f.schedules) {
		if (!userIds.has(s.ownerId))
			problems.push(`schedule ${s.id}: owner ${s.ownerId} does not exist`);
		if (!isValidTimeZone(s.timeZone))
			problems.push(`schedule ${s.id}: unknown time zone ${s.timeZone}`);
	}
	for (const e of f.eventTypes) {
		if (e.ownerId === null && e.teamId === null)
			problems.push(`event type ${e.id}: needs ownerId or teamId`);
		if (e.ownerId !== null && !userIds.has(e.ownerId))
			problems.push(`event type ${e.id}: owner ${e.ownerId} does not exist`);
		if (e.teamId !== null && !teamIds.has(e.teamId))
			problems.push(`event type ${e.id}: team ${e.teamId} does not exist`);
		if (e.scheduleId !== null && !scheduleIds.has(e.scheduleId))
			problems.push(`event type ${e.id}: schedule ${e.scheduleId} does not exist`);
		for (const h of e.hosts ?? []) {
			if (!userIds.has(h.userId))
				problems.push(`event type ${e.id}: host ${h.userId} does not exist`);
		}
	}
	const organizationIds = new Set((f.organizations ?? []).map((o) => o.id));
	for (const c of f.credits ?? []) {
		const owner = c.userId !== undefined ? `user ${c.userId}` : `team ${c.teamId}`;
		if ((c.userId === undefined) === (c.teamId === undefined))
			problems.push('credits: each balance needs exactly one of userId and teamId');
		else if (c.userId !== undefined && !userIds.has(c.userId))
			problems.push(`credits: user ${c.userId} does not exist`);
		else if (c.teamId !== undefined && !teamIds.has(c.teamId) && !organizationIds.has(c.teamId))
			problems.push(`credits: team ${c.teamId} does not exist`);
		if (c.userId !== undefined && c.monthlyCredits !== undefined)
			problems.push(`credits of ${owner}: only teams and organizations have monthly credits`);
		if (!(c.additional >= 0 && (c.monthlyCredits ?? 0) >= 0))
			problems.push(`credits of ${owner}: balances must not be negative`);
	}
	unique(
		'credit balances per user',
		(f.credits ?? []).flatMap((c) => (c.userId === undefined ? [] : [c.userId])),
	);
	unique(
		'credit balances per team',
		(f.credits ?? []).flatMap((c) => (c.teamId === undefined ? [] : [c.teamId])),
	);
	for (const o of f.organizations ?? []) {
		for (const m of o.members ?? [])
			if (!userIds.has(m.userId))
				problems.push(`organization ${o.slug}: member ${m.userId} does not exist`);
	}
	for (const e of f.outOfOffice ?? []) {
		if (!userIds.has(e.userId))
			problems.push(`out of office ${e.id}: user ${e.userId} does not exist`);
		if (!(e.start <= e.end)) problems.push(`out of office ${e.id}: start must not be after end`);
	}
	for (const c of f.credentials ?? []) {
		if (!userIds.has(c.userId))
			problems.push(`credential ${c.id}: user ${c.userId} does not exist`);
		for (const cal of c.calendars ?? [])
			for (const span of cal.busy)
				if (!(Date.parse(span.start) < Date.parse(span.end)))
					problems.push(
						`credential ${c.id}: a busy span of ${cal.externalId} must start before it ends`,
					);
	}
	for (const t of f.teams) {
		for (const m of t.members)
			if (!userIds.has(m.userId))
				problems.push(`team ${t.slug}: member ${m.userId} does not exist`);
	}
	for (const b of f.bookings) {
		if (!/^[A-Za-z0-9]{22}$/.test(b.uid))
			problems.push(`booking ${b.id}: uid must be 22 letters/digits`);
		if (!eventTypeIds.has(b.eventTypeId))
			problems.push(`booking ${b.uid}: event type ${b.eventTypeId} does not exist`);
		if (!userIds.has(b.userId)) problems.push(`booking ${b.uid}: user ${b.userId} does not exist`);
		if (!(Date.parse(b.start) < Date.parse(b.end)))
			problems.push(`booking ${b.uid}: start must be before end`);
	}
	if (problems.length) throw new Error(`Sandbox fixture: ${problems.join('; ')}`);
}

function apiKeyProblems(k: SandboxApiKey, userIds: Set<number>): string[] {
	const problems: string[] = [];
	if (!/^cal_live_[0-9a-f]{32}$/.test(k.key))
		problems.push(`apiKeys: ${k.key} must be cal_live_<32 hex>`);
	if (!userIds.has(k.userId)) problems.push(`apiKeys: user ${k.userId} does not exist`);
	if (k.expiresAt && Number.isNaN(Date.parse(k.expiresAt)))
		problems.push(`apiKeys: expiresAt ${k.expiresAt} is not a date`);
	for (const r of k.rateLimits ?? []) {
		if (!r.name || !(r.limit >= 1) || !(r.ttl > 0) || !(r.blockDuration > 0)) {
			problems.push(
				`apiKeys: rate limit ${JSON.stringify(r)} needs a name, limit ≥ 1, ttl and blockDuration > 0`,
			);
		}
	}
	return problems;
}

// Lookups shared by route handlers. They read the live state each time, so changes made by
// tests or by other handlers are seen at once.

export function userByUsername(state: SandboxState, username: string): SandboxUser | undefined {
	return state.users.find((u) => u.username === username);
}

export function userById(state: SandboxState, id: number): SandboxUser | undefined {
	return state.users.find((u) => u.id === id);
}

/** The key as Cal.com stores it: a user's own key, or one of the fixture's other keys. */
export function apiKeyRecord(state: SandboxState, apiKey: string): SandboxApiKey | undefined {
	const owner = state.users.find((u) => u.apiKey === apiKey);
	if (owner) return { key: apiKey, userId: owner.id };
	return state.apiKeys.find((k) => k.key === apiKey);
}

export function userByApiKey(state: SandboxState, apiKey: string): SandboxUser | undefined {
	const key = apiKeyRecord(state, apiKey);
	return key ? userById(state, key.userId) : undefined;
}

export function scheduleById(state: SandboxState, id: number): SandboxSchedule | undefined {
	return state.schedules.find((s) => s.id === id);
}

export function eventTypeById(state: SandboxState, id: number): SandboxEventType | undefined {
	return state.eventTypes.find((e) => e.id === id);
}

export function teamBySlug(state: SandboxState, slug: string): SandboxTeam | undefined {
	return state.teams.find((t) => t.slug === slug);
}

/** The schedule a user's availability comes from for an event type (event type's own, else the user's default). */
export function scheduleFor(
	state: SandboxState,
	user: SandboxUser,
	eventType?: SandboxEventType,
): SandboxSchedule | undefined {
	const id = eventType?.scheduleId ?? user.defaultScheduleId;
	return id === null || id === undefined ? undefined : scheduleById(state, id);
}

export function bookingByUid(state: SandboxState, uid: string): SandboxBooking | undefined {
	return state.bookings.find((b) => b.uid === uid);
}

/** Occurrences of a recurring booking, oldest first ([] when `uid` is no recurringBookingUid). */
export function recurringOccurrences(state: SandboxState, recurringUid: string): SandboxBooking[] {
	return state.bookings
		.filter((b) => b.recurringBookingUid === recurringUid)
		.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
