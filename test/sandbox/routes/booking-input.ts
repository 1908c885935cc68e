/**
 * The input side of POST /v2/bookings (2024-08-13 / 2026-02-25), in the order Cal.com's
 * bookings service runs its checks (read for behaviour):
 *
 *   DTO rules (metadata limits, a way to name the event type)      400
 *   event type lookup (user / team first)                          404
 *   team event type without hosts                                  422
 *   instant booking of a personal event type                       400
 *   required / typed custom booking fields                         400
 *   lengthInMinutes only where several lengths are offered         400
 *
 * then the scheduling checks in bookings.ts (past, notice, free time). Texts are Cal.com's.
 */
import type { SandboxEventType, SandboxLocation, SandboxState } from '../types';
import { pipeMessage } from '../validation-errors';

export interface CreateBody {
	start: string;
	attendee: {
		name: string;
		email?: string;
		timeZone: string;
		phoneNumber?: string;
		language?: string;
	};
	eventTypeId?: number;
	eventTypeSlug?: string;
	username?: string;
	teamSlug?: string;
	organizationSlug?: string;
	bookingFieldsResponses?: Record<string, unknown>;
	guests?: string[];
	location?: SandboxLocation;
	meetingUrl?: string;
	metadata?: Record<string, unknown>;
	lengthInMinutes?: number;
	instant?: boolean;
	recurrenceCount?: number;
	allowConflicts?: boolean;
	allowBookingOutOfBounds?: boolean;
}

export type Checked<T> = { ok: T } | { status: number; message: string };

const METADATA_TEXT =
	'Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.';

/**
 * Cal.com's ValidateMetadata rule, a decorator of the booking DTO, so reported in
 * CreateBookingInputPipe's format (validation-errors.ts).
 */
export function metadataProblem(metadata: unknown): string | undefined {
	if (metadata === undefined) return undefined;
	const entries = Object.entries(metadata as Record<string, unknown>);
	const ok =
		entries.length <= 50 &&
		entries.every(([k, v]) => k.length <= 40 && (typeof v !== 'string' || v.length <= 500));
	return ok
		? undefined
		: pipeMessage([
				{ property: 'metadata', children: [], constraints: { validateMetadata: METADATA_TEXT } },
			]);
}

export function findEventType(state: SandboxState, body: CreateBody): Checked<SandboxEventType> {
	const notFound = (message: string): Checked<SandboxEventType> => ({ status: 404, message });
	const org = body.organizationSlug
		? state.organizations.find((o) => o.slug === body.organizationSlug)
		: undefined;
	let et: SandboxEventType | undefined;
	if (body.eventTypeId) {
		et = state.eventTypes.find((e) => e.id === body.eventTypeId);
	} else if (body.username && body.eventTypeSlug) {
		const user = state.users.find(
			(u) =>
				u.username === body.username && (!body.organizationSlug || u.organizationId === org?.id),
		);
		if (!user) return notFound(`User with username ${body.username} not found`);
		et = state.eventTypes.find(
			(e) => e.ownerId === user.id && e.teamId === null && e.slug === body.eventTypeSlug,
		);
	} else if (body.teamSlug && body.eventTypeSlug) {
		if (body.organizationSlug && !org)
			return notFound(
				`slots-input.service.ts: Organization with slug ${body.organizationSlug} not found`,
			);
		const team = state.teams.find(
			(t) => t.slug === body.teamSlug && (!org || t.organizationId === org.id),
		);
		if (!team) return notFound(`Team with slug ${body.teamSlug} not found`);
		et = state.eventTypes.find((e) => e.teamId === team.id && e.slug === body.eventTypeSlug);
	} else {
		return {
			status: 400,
			message:
				'Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided',
		};
	}
	if (et) return { ok: et };
	const within = body.organizationSlug ? ` within organization ${body.organizationSlug}` : '';
	if (body.username && body.eventTypeSlug)
		return notFound(
			`Event type with slug ${body.eventTypeSlug} belonging to user ${body.username}${within} not found.`,
		);
	if (body.teamSlug && body.eventTypeSlug)
		return notFound(
			`Event type with slug ${body.eventTypeSlug} belonging to team ${body.teamSlug}${within} not found.`,
		);
	return notFound(`Event type with id ${body.eventTypeId} not found.`);
}

const TYPE_RULES: Record<string, [expected: string, test: (v: unknown) => boolean]> = {
	phone: ['string', (v) => typeof v === 'string'],
	address: ['string', (v) => typeof v === 'string'],
	text: ['string', (v) => typeof v === 'string'],
	textarea: ['string', (v) => typeof v === 'string'],
	url: ['string', (v) => typeof v === 'string'],
	number: ['number', (v) => typeof v === 'number'],
	boolean: ['boolean', (v) => typeof v === 'boolean'],
	multiemail: ['array', Array.isArray],
	multiselect: ['array', Array.isArray],
	checkbox: ['array', Array.isArray],
	select: ['string or number', (v) => typeof v === 'string' || typeof v === 'number'],
	radio: ['string or number', (v) => typeof v === 'string' || typeof v === 'number'],
};

/**
 * Custom booking fields (system fields come from attendee/guests/location instead; the
 * attendee's phone number stands in for attendeePhoneNumber and smsReminderNumber).
 */
export function bookingFieldsProblem(et: SandboxEventType, body: CreateBody): string | undefined {
	const responses: Record<string, unknown> = {
		...body.bookingFieldsResponses,
		attendeePhoneNumber: body.attendee.phoneNumber,
		smsReminderNumber: body.attendee.phoneNumber,
	};
	for (const field of et.bookingFields.filter(
		(f) => !f.isDefault || f.slug === 'smsReminderNumber',
	)) {
		const value = responses[field.slug];
		if (field.required && (value === null || value === undefined)) {
			if (field.slug === 'attendeePhoneNumber' || field.slug === 'smsReminderNumber') {
				return 'Missing attendee phone number - it is required by the event type. Pass it as "attendee.phoneNumber" string in the request.';
			}
			return `Missing required booking field response: ${field.slug} - it is required by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch the event type with ID ${et.id} to see the required fields.`;
		}
		if (value === undefined) continue;
		const rule = TYPE_RULES[field.type];
		if (!rule) continue; // Cal.com lets field types it has no rule for through.
		if (!rule[1](value)) {
			const received = typeof value;
			return `Invalid type for booking field '${field.slug}'. Expected type ${rule[0]} (compatible with field type '${field.type}'), but received ${received}.`;
		}
		const options = field.options ?? [];
		if (options.length === 0) continue;
		if ((field.type === 'select' || field.type === 'radio') && !options.includes(String(value))) {
			return `Invalid option '${String(value)}' for booking field '${field.slug}'. Allowed options are: ${options.join(', ')}.`;
		}
		if (
			(field.type === 'multiselect' || field.type === 'checkbox') &&
			!(value as unknown[]).every((v) => options.includes(String(v)))
		) {
			return `One or more invalid options for booking field '${field.slug}'. Allowed options are: ${options.join(', ')}.`;
		}
	}
	return undefined;
}

export function lengthProblem(
	et: SandboxEventType,
	length: number | undefined,
): string | undefined {
	if (!length) return undefined;
	if (!et.lengthInMinutesOptions) {
		return "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.";
	}
	if (!et.lengthInMinutesOptions.includes(length)) {
		return `Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: ${et.lengthInMinutesOptions.join(', ')}`;
	}
	return undefined;
}

const INTEGRATIONS: Record<string, string> = {
	'cal-video': 'integrations:daily',
	'google-meet': 'integrations:google:meet',
	zoom: 'integrations:zoom',
	'office365-video': 'integrations:office365_video',
};

/**
 * The location string Cal.com stores: video apps as their "integrations:…" ids, the
 * organizer's own address/link/phone for those types, the attendee's value for attendee* types.
 */
export function locationString(
	et: SandboxEventType,
	location: SandboxLocation | undefined,
	meetingUrl?: string,
): string | null {
	if (!location) {
		if (meetingUrl) return meetingUrl;
		const first = et.locations[0];
		return first ? locationString(et, first) : null;
	}
	const own = (type: string, key: string) => {
		const configured = et.locations.find((l) => l.type === type);
		return typeof configured?.[key] === 'string' ? (configured[key] as string) : null;
	};
	switch (location.type) {
		case 'integration':
			return (
				INTEGRATIONS[String(location.integration)] ?? `integrations:${String(location.integration)}`
			);
		case 'organizersDefaultApp':
			return 'integrations:daily';
		case 'address':
			return typeof location.address === 'string' ? location.address : own('address', 'address');
		case 'link':
			return typeof location.link === 'string' ? location.link : own('link', 'link');
		case 'phone':
			return typeof location.phone === 'string' ? location.phone : own('phone', 'phone');
		case 'attendeeAddress':
			return String(location.address ?? '');
		case 'attendeePhone':
			return String(location.phone ?? '');
		case 'attendeeDefined':
			return String(location.location ?? '');
		default:
			return null;
	}
}
