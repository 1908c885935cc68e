/**
 * Event types as Cal.com's 2024-06-14 controllers print them (EventTypeOutput_2024_06_14 and
 * TeamEventTypeOutput_2024_06_14). Fields the fixture does not model get Cal.com's defaults
 * for a new event type (no price, no redirect, no seats, guests allowed).
 *
 * Inferred, not read in Cal.com's output: `description` null prints as "" (the document
 * requires a string), and the team's branding fields print as empty strings / Cal.com's
 * default colours.
 */
import type { SandboxEventType, SandboxState, SandboxUser } from '../types';

const BOOKING_HOST = 'https://cal.com';

/** Cal.com's HostPriority labels by Host.priority (output.service.ts getPriorityLabel). */
export const PRIORITY_LABELS = ['lowest', 'low', 'medium', 'high', 'highest'] as const;

function common(et: SandboxEventType): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: et.id,
		lengthInMinutes: et.lengthInMinutes,
		title: et.title,
		slug: et.slug,
		description: et.description ?? '',
		locations: et.locations,
		bookingFields: et.bookingFields,
		disableGuests: et.disableGuests ?? false,
		slotInterval: et.slotInterval,
		minimumBookingNotice: et.minimumBookingNotice,
		beforeEventBuffer: et.beforeEventBuffer,
		afterEventBuffer: et.afterEventBuffer,
		recurrence: et.recurrence ?? null,
		metadata: et.metadata ?? {},
		price: 0,
		currency: 'usd',
		lockTimeZoneToggleOnBookingPage: false,
		seatsPerTimeSlot: et.seatsPerTimeSlot ?? null,
		// Only meaningful with a success redirect, which the fixture never has.
		forwardParamsSuccessRedirect: null,
		successRedirectUrl: null,
		isInstantEvent: false,
		scheduleId: et.scheduleId,
		hidden: et.hidden,
		bookingRequiresAuthentication: false,
	};
	if (et.lengthInMinutesOptions) out.lengthInMinutesOptions = et.lengthInMinutesOptions;
	// 2024-06-14 has no requiresConfirmation flag: it is a confirmation policy.
	if (et.requiresConfirmation)
		out.confirmationPolicy = { type: 'always', blockUnconfirmedBookingsInBooker: false };
	return out;
}

function person(user: SandboxUser): Record<string, unknown> {
	return {
		id: user.id,
		name: user.name,
		username: user.username,
		avatarUrl: user.avatarUrl ?? null,
		weekStart: user.weekStart,
		brandColor: '#292929',
		darkBrandColor: '#fafafa',
		metadata: {},
	};
}

/**
 * The booker's origin for a personal event type's owner: getBookerBaseUrlSync
 * (orgDomains.ts getOrgFullOrigin): the website, or for a user of an organization (not a platform
 * one) https://<org-slug>.cal.com on Cal.com Cloud. Also the private links' 2024-09-04 bookingUrl
 * (routes/private-links.ts).
 */
export function bookerOrigin(owner: SandboxUser | undefined, state: SandboxState): string {
	const org = state.organizations.find((o) => o.id === owner?.organizationId);
	return org ? `https://${org.slug}.cal.com` : BOOKING_HOST;
}

/**
 * output-event-types.service.ts (buildBookingUrl): the booker's origin, then
 * /<username>/<event type slug>.
 */
function personalBookingUrl(
	owner: SandboxUser | undefined,
	et: SandboxEventType,
	state: SandboxState,
): string {
	return `${bookerOrigin(owner, state)}/${owner?.username ?? 'unknown'}/${et.slug}`;
}

export function eventTypeOutput(
	et: SandboxEventType,
	state: SandboxState,
): Record<string, unknown> {
	if (et.teamId !== null) return teamEventTypeOutput(et, state);
	const owner = state.users.find((u) => u.id === et.ownerId);
	return {
		...common(et),
		ownerId: et.ownerId,
		users: owner ? [person(owner)] : [],
		bookingUrl: personalBookingUrl(owner, et, state),
	};
}

export function teamEventTypeOutput(
	et: SandboxEventType,
	state: SandboxState,
	hostsLimit?: number,
): Record<string, unknown> {
	const team = state.teams.find((t) => t.id === et.teamId);
	const hosts = (et.hosts ?? []).flatMap((h) => {
		const user = state.users.find((u) => u.id === h.userId);
		if (!user) return [];
		const host: Record<string, unknown> = {
			userId: user.id,
			name: user.name,
			username: user.username,
			avatarUrl: user.avatarUrl ?? null,
		};
		// organizations/event-types/services/output.service.ts (getNonManagedEventTypeHosts): only
		// round robin prints mandatory (isFixed) and the priority's label (medium when unset).
		if (et.schedulingType === 'roundRobin') {
			host.mandatory = h.isFixed === true;
			host.priority = PRIORITY_LABELS[h.priority ?? 2];
		}
		return [host];
	});
	return {
		...common(et),
		teamId: et.teamId,
		ownerId: null,
		parentEventTypeId: null,
		hosts: hostsLimit === undefined ? hosts : hosts.slice(0, hostsLimit),
		assignAllTeamMembers: et.assignAllTeamMembers ?? false,
		schedulingType: et.schedulingType ?? 'collective',
		team: {
			id: team?.id ?? et.teamId,
			slug: team?.slug ?? '',
			name: team?.name ?? '',
			bannerUrl: '',
			logoUrl: '',
			weekStart: 'Sunday',
			brandColor: '#292929',
			darkBrandColor: '#fafafa',
			theme: 'light',
		},
		bookingUrl: `${BOOKING_HOST}/team/${team?.slug ?? 'unknown'}/${et.slug}`,
	};
}

/** Whether `user` may read the event type privately: its owner, or a host / admin of its team. */
export function canManage(
	et: SandboxEventType,
	user: SandboxUser | undefined,
	state: SandboxState,
): boolean {
	if (!user) return false;
	if (et.teamId === null) return et.ownerId === user.id;
	if ((et.hosts ?? []).some((h) => h.userId === user.id)) return true;
	const team = state.teams.find((t) => t.id === et.teamId);
	return Boolean(
		team?.members.some((m) => m.userId === user.id && m.accepted && m.role !== 'MEMBER'),
	);
}
