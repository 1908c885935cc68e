import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';

// Cal.com's booking page: where it lives, and what it reads from its query string. Followed from
// Cal.com's web app source (calcom/cal.com):
// - packages/lib/getCalcomUrl.ts: the hosted web app is https://cal.com, or https://cal.eu when
//   the instance's host ends with cal.eu (the EU instance).
// - packages/features/ee/organizations/lib/orgDomains.ts (getOrgFullOrigin, subdomainSuffix) and
//   packages/lib/getBookerUrl/getBookerBaseUrlSync.ts: an organization's pages live on
//   <org-slug>.<web app domain without its first label when it has three>, e.g. acme.cal.com.
// - packages/platform/atoms/booker/BookerWebWrapper.tsx: `name` (or firstName + lastName), every
//   `guests` (repeated), `metadata[key]` and, through useRouterQuery (packages/lib/hooks/
//   useRouterQuery.ts: a repeated name becomes a list), every other parameter by its name.
// - packages/features/bookings/Booker/components/hooks/useInitialFormValues.ts with
//   packages/features/bookings/lib/getBookingResponsesSchema.ts: each booking question takes the
//   parameter named by its slug; multi-select, checkbox and multi-email questions a list (a single
//   value becomes a list of one), so several values are repeated parameters.
// - packages/features/bookings/Booker/store.ts: `date` (YYYY-MM-DD) picks the day, `month`
//   (YYYY-MM, else the month of `date`) the month shown, `slot` (an ISO instant) the time, and
//   `duration` the length, kept only when the event type offers it (durationConfig).

export const CLOUD_BOOKING_PAGE = 'https://cal.com';
export const EU_BOOKING_PAGE = 'https://cal.eu';

const WEB_ADDRESS = /^https?:\/\/[^/\s?#]+/i;

/** The web app's root for the credential's instance: derived for Cloud and EU, given when self-hosted. */
export function bookingPageBase(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'eu') return EU_BOOKING_PAGE;
	if (credentials.environment !== 'selfHosted') return CLOUD_BOOKING_PAGE;
	const raw = typeof credentials.bookingPageUrl === 'string' ? credentials.bookingPageUrl : '';
	const base = raw.trim().replace(/\/+$/, '');
	if (WEB_ADDRESS.test(base) && !/[?#]/.test(base)) return base;
	const what = base ? `"${base}" is not a web address` : 'it is empty';
	throw new ParameterError(
		'Booking Page URL',
		`${what}. A self-hosted Cal.com needs the address of its web app, where its booking pages are (e.g. https://cal.example.com), in the Cal.com API credential's Booking Page URL field.`,
	);
}

/** The origin of an organization's booking pages on this web app (orgDomains.ts). */
export function organizationOrigin(base: string, organizationSlug: string): string {
	const url = new URL(base);
	const labels = url.hostname.split('.');
	const suffix = labels.length === 3 ? labels.slice(1) : labels;
	const port = url.port ? `:${url.port}` : '';
	return `${url.protocol}//${organizationSlug}.${suffix.join('.')}${port}`;
}

export interface PagePlace {
	eventTypeSlug: string;
	username?: string;
	teamSlug?: string;
	organizationSlug?: string;
}

/**
 * The booking page of an event type: /<user>/<slug>, /team/<team>/<slug>, or on an
 * organization's domain /<user or team>/<slug> (packages/lib/getBookerUrl/client.ts,
 * getTeamUrlSync: an organization's teams have no /team/ prefix).
 */
export function bookingPagePath(base: string, place: PagePlace): string {
	const root = place.organizationSlug ? organizationOrigin(base, place.organizationSlug) : base;
	const owner = place.teamSlug
		? `${place.organizationSlug ? '' : 'team/'}${encodeURIComponent(place.teamSlug)}`
		: encodeURIComponent(place.username ?? '');
	return `${root}/${owner}/${encodeURIComponent(place.eventTypeSlug)}`;
}

/** What the link fills in; every part optional. */
export interface Prefill {
	name?: string;
	email?: string;
	guests?: string[];
	notes?: string;
	/** Booking question slug → answer; a list for questions with several answers. */
	answers?: Record<string, string | string[]>;
	metadata?: Record<string, string>;
	month?: string;
	date?: string;
	slot?: string;
	duration?: number;
}

/** The query string the booking page reads, in the names it reads (see the header). */
export function prefillQuery(prefill: Prefill): URLSearchParams {
	const query = new URLSearchParams();
	const add = (name: string, value: string | number | undefined) => {
		if (value !== undefined && value !== '') query.append(name, String(value));
	};
	add('name', prefill.name);
	add('email', prefill.email);
	for (const guest of prefill.guests ?? []) add('guests', guest);
	add('notes', prefill.notes);
	for (const [slug, answer] of Object.entries(prefill.answers ?? {})) {
		for (const value of Array.isArray(answer) ? answer : [answer]) add(slug, value);
	}
	for (const [key, value] of Object.entries(prefill.metadata ?? {})) add(`metadata[${key}]`, value);
	add('duration', prefill.duration);
	add('month', prefill.month);
	add('date', prefill.date);
	add('slot', prefill.slot);
	return query;
}

/** The page address with the query; a page address that has a query of its own keeps it. */
export function withQuery(page: string, query: URLSearchParams): string {
	const text = query.toString();
	if (!text) return page;
	return `${page}${page.includes('?') ? '&' : '?'}${text}`;
}
