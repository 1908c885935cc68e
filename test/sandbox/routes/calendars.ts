/**
 * Calendars (unversioned, API key required):
 *
 * GET /v2/calendars — the user's connected calendar accounts. Follows
 * apps/api/v2/src/ee/calendars/services/calendars.service.ts (getCalendars) and
 * packages/features/calendars/lib/CalendarManager.ts (getConnectedCalendars): each account with its
 * calendars (readOnly false when unset, primary null when not primary, isSelected = checked for
 * conflicts, credentialId on each), sorted with lodash sortBy(['primary']) so the primary comes
 * first, `primary` the primary calendar or else the first; an account whose provider fails has only
 * `error: {message}`; `destinationCalendar` with the account's primaryEmail and integrationTitle.
 * The integration's app-store fields (name, slug, logo, …) are modelled on
 * packages/app-store/<app>/config.json (inferred: only the fields the document requires).
 *
 * GET /v2/calendars/busy-times — busy spans of the named calendars. Follows
 * apps/api/v2/src/ee/calendars/controllers/calendars.controller.ts (timeZone or the deprecated
 * loggedInUsersTz, else 400 "Either timeZone or loggedInUsersTz must be provided"),
 * CalendarBusyTimesInput (@IsTimeZone on timeZone, @IsDateString on dateFrom and dateTo; no limit on
 * the range and no check that dateTo follows dateFrom), calendars.service.ts (getBusyTimes: every
 * credential ID must be one of the user's, else 401 "These credentials do not belong to you"; times
 * returned as instants, so they print in UTC whatever the zone; a provider failure → 500 "Unable to
 * fetch connected calendars events. Please try again later.") and CalendarManager.ts
 * (getBusyCalendarTimes reads from 11 hours before dateFrom to 14 hours after dateTo — older
 * versions went to the end of dateTo's month — and reports a provider failure as unsuccessful) and
 * getCalendarsEvents.ts (`source` is the credential's appId; invalid credentials are skipped).
 *
 * GET /v2/calendars/{calendar}/check — whether an account of that kind is connected and working.
 * Follows calendars.controller.ts (an unknown kind → 400 "Invalid calendar type, available calendars
 * are: ") and gcal.service.ts, outlook.service.ts, apple-calendar.service.ts (checkIfCalendarConnected:
 * no credential → 400, an invalid one → 400, a provider failure → 401 with its message).
 */
import { busySpans, calendarCredentials, destinationOf, readable } from '../calendars';
import { errorEnvelope, success } from '../envelope';
import { isValidTimeZone } from '../tz';
import type { SandboxCalendar, SandboxCredential, SandboxUser } from '../types';
import { globalPipeAnswer } from '../validation-errors';
import type { RouteHandler } from './route';

const HOUR = 3_600_000;

interface AppInfo {
	name: string;
	slug: string;
	dirName: string;
	description: string;
	logo: string;
}

const APPS: Record<string, AppInfo> = {
	google_calendar: {
		name: 'Google Calendar',
		slug: 'google-calendar',
		dirName: 'googlecalendar',
		description: 'Google Calendar is a time management and scheduling service developed by Google.',
		logo: '/app-store/googlecalendar/logo.webp',
	},
	office365_calendar: {
		name: 'Outlook Calendar',
		slug: 'office365-calendar',
		dirName: 'office365calendar',
		description: 'Microsoft Office 365 is a suite of apps that helps you stay connected.',
		logo: '/app-store/office365calendar/logo.svg',
	},
	apple_calendar: {
		name: 'Apple Calendar',
		slug: 'apple-calendar',
		dirName: 'applecalendar',
		description: 'Apple calendar runs both the macOS and iOS mobile operating systems.',
		logo: '/app-store/applecalendar/logo.svg',
	},
};

function integrationOf(type: string): Record<string, unknown> {
	const app = APPS[type] ?? {
		name: type,
		slug: type,
		dirName: type,
		description: type,
		logo: '',
	};
	return {
		appData: null,
		dirName: app.dirName,
		name: app.name,
		description: app.description,
		installed: true,
		type,
		title: app.name,
		variant: 'calendar',
		category: 'calendar',
		categories: ['calendar'],
		logo: app.logo,
		publisher: 'Cal.com',
		slug: app.slug,
		url: 'https://cal.com/',
		email: 'help@cal.com',
		locationOption: null,
	};
}

function calendarOutput(
	c: SandboxCalendar,
	credential: SandboxCredential,
): Record<string, unknown> {
	return {
		externalId: c.externalId,
		integration: credential.type,
		name: c.name,
		primary: c.primary === true ? true : null,
		readOnly: c.readOnly === true,
		email: c.email,
		isSelected: c.isSelected,
		credentialId: credential.id,
		delegationCredentialId: null,
	};
}

function connectedOutput(credential: SandboxCredential): Record<string, unknown> {
	const base = {
		integration: integrationOf(credential.type),
		credentialId: credential.id,
		delegationCredentialId: null,
	};
	if (credential.error !== undefined) return { ...base, error: { message: credential.error } };
	const calendars = (credential.calendars ?? []).map((c) => calendarOutput(c, credential));
	// lodash sortBy(['primary']) is stable and puts null after true: the primary comes first.
	calendars.sort((a, b) => Number(b.primary === true) - Number(a.primary === true));
	const primary = calendars.find((c) => c.primary === true) ?? calendars[0];
	if (!primary) return { ...base, error: { message: 'No primary calendar found' } };
	return { ...base, primary, calendars };
}

function destinationOutput(
	user: SandboxUser,
	credentials: SandboxCredential[],
): Record<string, unknown> | undefined {
	for (const credential of credentials) {
		const destination = destinationOf(credential);
		if (!destination || credential.error !== undefined) continue;
		const primary = credential.calendars?.find((c) => c.primary) ?? destination;
		return {
			id: credential.id * 10,
			integration: credential.type,
			externalId: destination.externalId,
			primaryEmail: primary.email,
			userId: user.id,
			eventTypeId: null,
			credentialId: credential.id,
			delegationCredentialId: null,
			name: destination.name,
			primary: destination.primary === true,
			readOnly: destination.readOnly === true,
			email: destination.email,
			integrationTitle: integrationOf(credential.type).title,
		};
	}
	// Cal.com leaves destinationCalendar undefined for a user without one (inferred from
	// getConnectedCalendars, which sets it only when a listed calendar matches).
	return undefined;
}

/** class-validator's isISO8601 (validator.js), approximated: a date, optionally a time and zone. */
function isDateString(value: unknown): boolean {
	return (
		typeof value === 'string' &&
		/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
		!Number.isNaN(Date.parse(value))
	);
}

interface CalendarToLoad {
	credentialId: number;
	externalId: string;
}

const CHECKS: Record<string, { type: string; missing: string; invalid: string; absent: string }> = {
	google: {
		type: 'google_calendar',
		missing: 'Credentials for google_calendar not found.',
		invalid: 'Invalid google OAuth credentials.',
		absent: 'Google Calendar not connected.',
	},
	office365: {
		type: 'office365_calendar',
		missing: 'Credentials for office_365_calendar not found.',
		invalid: 'Invalid office 365 calendar credentials.',
		absent: 'Office 365 calendar not connected.',
	},
	apple: {
		type: 'apple_calendar',
		missing: 'Credentials for apple calendar not found.',
		invalid: 'Invalid apple calendar credentials.',
		absent: 'Apple calendar not connected.',
	},
};

export const calendarsRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/calendars',
		validation: 'generic',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const credentials = calendarCredentials(ctx.state, user.id);
			const destinationCalendar = destinationOutput(user, credentials);
			return {
				status: 200,
				body: success({
					connectedCalendars: credentials.map(connectedOutput),
					...(destinationCalendar ? { destinationCalendar } : {}),
				}),
			};
		},
	},
	{
		method: 'GET',
		template: '/v2/calendars/busy-times',
		validation: 'generic',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const q = req.typedQuery;
			const failures = [];
			if (q.timeZone !== undefined && !isValidTimeZone(String(q.timeZone)))
				failures.push({
					path: 'timeZone',
					rule: 'isTimeZone',
					phrase: 'must be a valid IANA time-zone',
				});
			for (const name of ['dateFrom', 'dateTo'])
				if (!isDateString(q[name]))
					failures.push({
						path: name,
						rule: 'isDateString',
						phrase: 'must be a valid ISO 8601 date string',
					});
			if (failures.length > 0) return globalPipeAnswer(req.url, q, failures);
			if (!q.timeZone && !q.loggedInUsersTz) {
				const text = 'Either timeZone or loggedInUsersTz must be provided';
				return { status: 400, body: errorEnvelope(400, text, req.url) };
			}
			const toLoad = q.calendarsToLoad as CalendarToLoad[];
			const ids = [...new Set(toLoad.map((c) => c.credentialId))];
			const owned = ctx.state.credentials.filter((c) => c.userId === user.id && ids.includes(c.id));
			if (owned.length !== ids.length) {
				const text = 'These credentials do not belong to you';
				return { status: 401, body: errorEnvelope(401, text, req.url) };
			}
			const from = Date.parse(String(q.dateFrom)) - 11 * HOUR;
			const to = Date.parse(String(q.dateTo)) + 14 * HOUR;
			// A provider that fails makes getBusyCalendarTimes' Promise.all reject: unsuccessful.
			const readers = owned.filter((c) => c.type.endsWith('_calendar') && !c.invalid);
			if (readers.some((c) => !readable(c))) {
				const text = 'Unable to fetch connected calendars events. Please try again later.';
				return { status: 500, body: errorEnvelope(500, text, req.url) };
			}
			const spans = readers.flatMap((credential) =>
				busySpans(
					credential,
					toLoad.filter((c) => c.credentialId === credential.id).map((c) => c.externalId),
					from,
					to,
				).map((span) => ({
					start: new Date(span.start).toISOString(),
					end: new Date(span.end).toISOString(),
					source: credential.appId,
				})),
			);
			return { status: 200, body: success(spans) };
		},
	},
	{
		method: 'GET',
		template: '/v2/calendars/{calendar}/check',
		validation: 'own',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const check = CHECKS[req.params.calendar];
			const refuse = (status: number, text: string) => ({
				status,
				body: errorEnvelope(status, text, req.url),
			});
			if (!check) return refuse(400, 'Invalid calendar type, available calendars are: ');
			const credential = ctx.state.credentials.find(
				(c) => c.userId === user.id && c.type === check.type,
			);
			if (!credential) return refuse(400, check.missing);
			if (credential.invalid) return refuse(400, check.invalid);
			if (credential.error !== undefined) return refuse(401, credential.error);
			return { status: 200, body: { status: 'success' } };
		},
	},
];
