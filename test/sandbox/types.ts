/**
 * Shapes of the sandbox's fixture and live state.
 *
 * They follow Cal.com's API v2 outputs where one exists (schedules as in
 * ScheduleOutput_2024_06_11, booking fields as in the 2024-06-14 event-type output,
 * bookings close to BookingOutput_2024_08_13) so that route handlers can mostly hand
 * them out as they are, and a person reading fixture.json recognises the API.
 */
import type { DayName } from './tz';

export interface SandboxUser {
	id: number;
	username: string;
	email: string;
	name: string | null;
	timeZone: string;
	/** The user's API key, 'cal_live_<hex>'. */
	apiKey: string;
	defaultScheduleId: number | null;
	weekStart: string;
	timeFormat: number;
	organizationId: number | null;
	avatarUrl?: string | null;
	bio?: string | null;
	locale?: string;
	/** Role in `organizationId`; only OWNER and ADMIN may manage the organization's webhooks. */
	organizationRole?: 'OWNER' | 'ADMIN' | 'MEMBER';
	/** Profile fields the organization users API prints (GetOrgUsersWithProfileOutput). */
	createdDate?: string;
	brandColor?: string | null;
	darkBrandColor?: string | null;
	hideBranding?: boolean;
	theme?: string | null;
	appTheme?: string | null;
	metadata?: Record<string, unknown>;
}

export interface SandboxAvailability {
	days: DayName[];
	startTime: string; // 'HH:MM' in the schedule's time zone
	endTime: string;
}

export interface SandboxOverride {
	date: string; // 'YYYY-MM-DD'; replaces that date's weekly availability
	startTime: string; // '00:00'–'00:00' means unavailable all day
	endTime: string;
}

export interface SandboxSchedule {
	id: number;
	ownerId: number;
	name: string;
	timeZone: string;
	isDefault: boolean;
	availability: SandboxAvailability[];
	overrides: SandboxOverride[];
}

/** A booking field in the 2024-06-14 event-type shape (system fields have isDefault: true). */
export interface SandboxBookingField {
	type: string;
	slug: string;
	label?: string;
	required: boolean;
	hidden?: boolean;
	isDefault: boolean;
	placeholder?: string;
	options?: string[];
	disableOnPrefill?: boolean;
}

export interface SandboxLocation {
	type: string;
	[key: string]: unknown;
}

export interface SandboxHost {
	userId: number;
	isFixed?: boolean;
	/** Round robin: Cal.com's Host.priority, 0 (lowest) … 4 (highest); 2 (medium) when unset. */
	priority?: number;
}

export interface SandboxEventType {
	id: number;
	/** Owner for personal event types; null for team event types. */
	ownerId: number | null;
	teamId: number | null;
	slug: string;
	title: string;
	description: string | null;
	lengthInMinutes: number;
	lengthInMinutesOptions?: number[];
	/** Minutes between slot starts; null = the event length. */
	slotInterval: number | null;
	/** Minutes. */
	minimumBookingNotice: number;
	beforeEventBuffer: number;
	afterEventBuffer: number;
	/** null = the owner's (or each host's) default schedule. */
	scheduleId: number | null;
	requiresConfirmation: boolean;
	hidden: boolean;
	locations: SandboxLocation[];
	bookingFields: SandboxBookingField[];
	/** Team event types: 'roundRobin' (any host free), 'collective' (all hosts free) or 'managed' (a copy per member). */
	schedulingType?: 'roundRobin' | 'collective' | 'managed' | null;
	/** Team event types: whether every member of the team is a host (Cal.com's assignAllTeamMembers). */
	assignAllTeamMembers?: boolean;
	hosts?: SandboxHost[];
	/** Round robin: whether GET /v2/slots honours rrHostSubsetIds (Cal.com's EventType.rrHostSubsetEnabled, default false). */
	rrHostSubsetEnabled?: boolean;
	/** Seated event types: how many attendees share one booking at a time (each has a seat). */
	seatsPerTimeSlot?: number | null;
	/** Whether a seat's booker, not only the organizer, sees the other seats' attendees. */
	seatsShowAttendees?: boolean;
	/** Recurring event types: bookings repeat `interval` × frequency, at most `occurrences` times. */
	recurrence?: SandboxRecurrence | null;
	disableGuests?: boolean;
	metadata?: Record<string, unknown>;
}

export interface SandboxRecurrence {
	frequency: 'weekly' | 'monthly' | 'yearly';
	interval: number;
	occurrences: number;
}

export interface SandboxTeamMember {
	/** Cal.com's Membership.id, what /v2/teams/{teamId}/memberships/{membershipId} names. */
	id?: number;
	userId: number;
	role: 'OWNER' | 'ADMIN' | 'MEMBER';
	accepted: boolean;
}

export interface SandboxTeam {
	id: number;
	slug: string;
	name: string;
	organizationId: number | null;
	members: SandboxTeamMember[];
	/** The team's other columns as Create/Update set them (bio, timeZone, weekStart, isPrivate…). */
	profile?: Record<string, unknown>;
}

export interface SandboxOrganization {
	id: number;
	slug: string;
	name: string;
	/**
	 * Cal.com's organizationSettings.isAdminAPIEnabled: without it every /v2/organizations/{orgId}
	 * users, memberships and out-of-office route answers 403 (is-admin-api-enabled.guard.ts).
	 * Undefined counts as enabled, so organizations that tests add by hand keep working.
	 */
	adminApiEnabled?: boolean;
	/** Memberships of the organization team; users without one fall back to user.organizationRole. */
	members?: SandboxOrgMember[];
}

/** A membership of an organization (Cal.com's Membership row of the organization team). */
export interface SandboxOrgMember {
	/** The membership's own ID (/v2/organizations/{orgId}/memberships/{membershipId}). */
	id: number;
	userId: number;
	role: 'OWNER' | 'ADMIN' | 'MEMBER';
	accepted: boolean;
	disableImpersonation?: boolean;
}

/** Cal.com's out-of-office reasons (apps/api/v2/src/modules/ooo/inputs/ooo.input.ts). */
export type SandboxOooReason = 'unspecified' | 'vacation' | 'travel' | 'sick' | 'public_holiday';

/**
 * An out-of-office entry (Cal.com's OutOfOfficeEntry). Cal.com stores start at 00:00:00.000 UTC of
 * its date and end at 23:59:59.999 UTC of its date, so an entry covers whole calendar days.
 */
export interface SandboxOooEntry {
	id: number;
	uuid: string;
	userId: number;
	start: string; // ISO UTC
	end: string;
	notes: string | null;
	toUserId: number | null;
	reason: SandboxOooReason;
}

export interface SandboxAttendee {
	/** Cal.com's Attendee.id; given on first read when the fixture has none (routes/booking-extras.ts). */
	id?: number;
	name: string;
	email: string;
	timeZone: string;
	language?: string;
	absent?: boolean;
	phoneNumber?: string;
	/** Seated bookings: this attendee's seat (Cal.com's BookingSeat.referenceUid) and its answers. */
	seatUid?: string;
	seatResponses?: Record<string, unknown>;
}

export type SandboxBookingStatus = 'accepted' | 'pending' | 'cancelled' | 'rejected';

export interface SandboxBooking {
	id: number;
	/** 22-character short id, as Cal.com's booking uids. */
	uid: string;
	title: string;
	description: string | null;
	eventTypeId: number;
	/** The organizer: the owner, or for team event types the host it was assigned to. */
	userId: number;
	start: string; // ISO UTC
	end: string;
	status: SandboxBookingStatus;
	attendees: SandboxAttendee[];
	guests: string[];
	location: string | null;
	bookingFieldsResponses: Record<string, unknown>;
	metadata: Record<string, string>;
	absentHost: boolean;
	createdAt: string;
	updatedAt: string;
	cancellationReason?: string | null;
	cancelledByEmail?: string | null;
	reschedulingReason?: string | null;
	rescheduledFromUid?: string | null;
	rescheduledToUid?: string | null;
	rescheduledByEmail?: string | null;
	/** Every host (organizer first) when there are several (collective team event types). */
	hostIds?: number[];
	rejectionReason?: string | null;
	/** Occurrences of one recurring booking share this uid (Cal.com's recurringEventId). */
	recurringBookingUid?: string | null;
}

/** A slot reservation (POST /v2/slots/reservations); it blocks its time until reservationUntil. */
export interface SandboxReservation {
	uid: string;
	eventTypeId: number;
	slotStart: string; // ISO UTC
	slotEnd: string;
	slotDuration: number;
	reservationDuration: number;
	reservationUntil: string;
	/** The authenticated reserver, if any. */
	userId: number | null;
}

/** What happened to a booking, in the words of Cal.com's webhook triggers (API-NOTES §8.2). */
export type SandboxTrigger =
	| 'BOOKING_CREATED'
	| 'BOOKING_REQUESTED'
	| 'BOOKING_RESCHEDULED'
	| 'BOOKING_CANCELLED'
	| 'BOOKING_REJECTED'
	| 'BOOKING_NO_SHOW_UPDATED'
	| 'BOOKING_REASSIGNED'
	| 'BOOKING_LOCATION_UPDATED';

/** One entry of sandbox.events: the booking as it was right after the change. */
export interface SandboxBookingEvent {
	type: SandboxTrigger;
	bookingUid: string;
	/** The sandbox's calendar clock (SandboxOptions.now) when it happened. */
	at: string;
	booking: SandboxBooking;
	/** Trigger-specific extras: cancellationReason, rejectionReason, rescheduleUid, noShow attendees … */
	details?: Record<string, unknown>;
}

/**
 * A webhook subscription (API-NOTES §8.1). Exactly one owner is set: `userId` for the user's own
 * webhooks, `eventTypeId` for a personal or team event type's, `teamId` for an organization's.
 */
export interface SandboxWebhook {
	/** A UUID, as Cal.com's. */
	id: string;
	userId: number | null;
	eventTypeId: number | null;
	teamId: number | null;
	subscriberUrl: string;
	triggers: string[];
	active: boolean;
	payloadTemplate: string | null;
	secret: string | null;
	/** Payload version: '2021-10-20' (default) or '2026-07-27'. */
	version: string;
	/** Delay of the AFTER_*_CAL_VIDEO_NO_SHOW triggers. */
	time: number | null;
	timeUnit: string | null;
	createdAt: string;
}

/**
 * A credit balance (Cal.com's CreditBalance row): a user's or a team's/organization's, never both.
 * Only teams and organizations have a monthly allowance; a user has purchased credits only
 * (packages/features/ee/billing/credit-service.ts, getAllCredits / getMonthlyCredits).
 */
export interface SandboxCreditBalance {
	userId?: number;
	/** A team's or an organization's id. */
	teamId?: number;
	/** Purchased credits left. */
	additional: number;
	/**
	 * Teams and organizations: the month's allowance (in Cal.com seats × credits per seat on an
	 * active subscription). What is left of it is the allowance less this month's MONTHLY charges.
	 */
	monthlyCredits?: number;
	/** Cal.com's limitReachedAt (ISO): set when a charge left nothing, cleared when credits return. */
	limitReachedAt?: string | null;
}

/** One charge Cal.com logged (its CreditExpenseLog). */
export interface SandboxCreditCharge {
	/** The API key's user who asked. */
	userId: number;
	/** Who paid: a team or organization, else the user (teamId null). */
	teamId: number | null;
	/** The amount asked, logged whole even when the balance held less. */
	credits: number;
	creditFor: string;
	/** Unique across all users and teams, as Cal.com's column. */
	externalRef: string | null;
	/** MONTHLY: counted against the allowance; ADDITIONAL: taken from the purchased credits. */
	creditType: 'MONTHLY' | 'ADDITIONAL';
	/** ISO time on the calendar clock. */
	date: string;
}

/**
 * Another API key of a user (Cal.com's ApiKey rows), beside SandboxUser.apiKey: one that has
 * expired, or one with rate limits of its own.
 */
export interface SandboxApiKey {
	/** 'cal_live_<32 hex>'. */
	key: string;
	userId: number;
	/** 'YYYY-MM-DD' (or a full date-time): from the next day on, the key is expired. */
	expiresAt?: string | null;
	/** Cal.com's RateLimit rows for the key (ms); none: the default limit. */
	rateLimits?: Array<{ name: string; limit: number; ttl: number; blockDuration: number }>;
}

/** One calendar of a connected calendar account, as the provider lists it. */
export interface SandboxCalendar {
	externalId: string;
	name: string;
	email: string;
	primary?: boolean;
	readOnly?: boolean;
	/** Checked for conflicts (Cal.com's SelectedCalendar row): its busy spans remove slots. */
	isSelected: boolean;
	/** Where new bookings are written (the user's destination calendar). */
	destination?: boolean;
	/** Events on the calendar, ISO UTC: what the provider's free/busy answers. */
	busy: Array<{ start: string; end: string }>;
}

/**
 * An installed app's credential (Cal.com's Credential row): a calendar account
 * (`*_calendar`, with its calendars) or a conferencing app (`*_video`).
 */
export interface SandboxCredential {
	id: number;
	userId: number;
	type: string;
	appId: string;
	invalid: boolean;
	/** The provider fails to list calendars with this message (an expired token, …). */
	error?: string;
	calendars?: SandboxCalendar[];
}

export interface SandboxFixture {
	users: SandboxUser[];
	schedules: SandboxSchedule[];
	eventTypes: SandboxEventType[];
	teams: SandboxTeam[];
	bookings: SandboxBooking[];
	organizations?: SandboxOrganization[];
	webhooks?: SandboxWebhook[];
	/** Installed calendar and conferencing apps (routes/calendars.ts, routes/conferencing.ts). */
	credentials?: SandboxCredential[];
	/** Users and teams without an entry have no credits. */
	credits?: SandboxCreditBalance[];
	apiKeys?: SandboxApiKey[];
	outOfOffice?: SandboxOooEntry[];
	routingForms?: SandboxRoutingForm[];
	routingFormResponses?: SandboxRoutingFormResponse[];
	bookingRecords?: SandboxBookingRecords[];
	privateLinks?: SandboxPrivateLink[];
}

/** A BookingReference row: where a booking lives in a calendar or video app. */
export interface SandboxBookingReference {
	id: number;
	type: string;
	/** Cal.com's `uid` of the reference (the calendar event or room id); its `meetingId` for video. */
	eventUid: string;
	meetingId?: string;
	destinationCalendarId: string | null;
}

/** What Cal.com and Cal Video (Daily) hold about a booking's meeting, for the records endpoints. */
export interface SandboxBookingRecords {
	bookingUid: string;
	references: SandboxBookingReference[];
	/** Daily's recordings of the booking's room, already in Cal.com's RecordingItem shape. */
	recordings: Array<Record<string, unknown>>;
	/** Daily's transcript access links. */
	transcripts: string[];
	/** Daily's meeting sessions, in Cal.com's CalMeetingSession shape. */
	sessions: Array<Record<string, unknown>>;
}

/** A HashedLink row: a private link of an event type, limited by time or by uses. */
export interface SandboxPrivateLink {
	link: string;
	eventTypeId: number;
	expiresAt: string | null;
	maxUsageCount: number | null;
	usageCount: number;
}

/** The live, mutable state. Route handlers change it; tests may read and change it too. */
export interface SandboxState {
	users: SandboxUser[];
	schedules: SandboxSchedule[];
	eventTypes: SandboxEventType[];
	teams: SandboxTeam[];
	bookings: SandboxBooking[];
	organizations: SandboxOrganization[];
	/** Live and expired slot reservations (never seeded from the fixture). */
	reservations: SandboxReservation[];
	webhooks: SandboxWebhook[];
	/** Installed apps; busy spans of calendars checked for conflicts remove slots (availability.ts). */
	credentials: SandboxCredential[];
	credits: SandboxCreditBalance[];
	/** Charges made since the last reset, oldest first (never seeded from the fixture). */
	creditCharges: SandboxCreditCharge[];
	/** Keys beside each user's own `apiKey`. */
	apiKeys: SandboxApiKey[];
	/** Out-of-office entries: their days offer no slots for the user (availability.ts). */
	outOfOffice: SandboxOooEntry[];
	/** Booking references, recordings, transcripts and sessions (routes/booking-extras.ts). */
	bookingRecords: SandboxBookingRecords[];
	/** Event type private links (routes/private-links.ts). */
	privateLinks: SandboxPrivateLink[];
	/** Routing forms of teams (routes/routing-forms.ts). */
	routingForms: SandboxRoutingForm[];
	routingFormResponses: SandboxRoutingFormResponse[];
}

/** A field of a routing form, as Cal.com stores App_RoutingForms_Form.fields. */
export interface SandboxRoutingFormField {
	id: string;
	type: 'text' | 'textarea' | 'email' | 'phone' | 'number' | 'select' | 'multiselect' | 'radio';
	label: string;
	identifier?: string;
	required?: boolean;
	options?: Array<{ id: string; label: string }>;
}

/** A route: react-awesome-query-builder's saved tree (queryValue) and what to do on a match. */
export interface SandboxRoutingFormRoute {
	id: string;
	isFallback?: boolean;
	queryValue: Record<string, unknown>;
	action: {
		type: 'eventTypeRedirectUrl' | 'customPageMessage' | 'externalRedirectUrl';
		value: string;
		eventTypeId?: number;
	};
}

export interface SandboxRoutingForm {
	id: string;
	name: string;
	description: string | null;
	position: number;
	createdAt: string;
	updatedAt: string;
	userId: number;
	teamId: number | null;
	disabled: boolean;
	fields: SandboxRoutingFormField[];
	routes: SandboxRoutingFormRoute[];
	settings: Record<string, unknown> | null;
}

export interface SandboxRoutingFormResponse {
	id: number;
	formId: string;
	formFillerId: string;
	routedToBookingUid: string | null;
	/** Field id → { label, value }, as getResponseToStore keeps it. */
	response: Record<string, unknown>;
	chosenRouteId: string | null;
	createdAt: string;
	updatedAt: string;
}
