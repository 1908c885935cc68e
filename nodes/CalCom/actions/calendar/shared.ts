import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ParameterError, describeValue } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { dateInZone, formatInZone } from '../../helpers/time';
import { calComRequest } from '../../transport';
import { labelOf } from '../slot/shared';

/** One calendar of a connected account, flat: what a person or an AI agent needs. */
export interface ConnectedCalendar extends IDataObject {
	/** The value Get Busy Times takes: "<credential ID>:<external ID>". */
	calendar: string;
	credentialId: number;
	externalId: string;
	name: string;
	provider: string;
	integration: string;
	email: string | null;
	primary: boolean;
	checkedForConflicts: boolean;
	readOnly: boolean;
	destination: boolean;
}

/** A connected account whose provider fails: Cal.com lists it with only its error. */
export interface BrokenConnection extends IDataObject {
	credentialId: number;
	provider: string;
	integration: string;
	error: string;
}

export async function loadConnectedCalendars(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	timeoutMs?: number,
): Promise<IDataObject> {
	const data = await calComRequest.call(this, { method: 'GET', path: '/v2/calendars', timeoutMs });
	return asRecord(data);
}

function providerOf(integration: IDataObject): string {
	return String(integration.title ?? integration.name ?? integration.type ?? 'Calendar');
}

/** Every calendar of every working account, and the accounts that fail, from GET /v2/calendars. */
export function flattenCalendars(data: IDataObject): {
	calendars: ConnectedCalendar[];
	broken: BrokenConnection[];
} {
	const destination = asRecord(data.destinationCalendar);
	const calendars: ConnectedCalendar[] = [];
	const broken: BrokenConnection[] = [];
	const accounts = Array.isArray(data.connectedCalendars) ? data.connectedCalendars : [];
	for (const account of accounts.map(asRecord)) {
		const integration = asRecord(account.integration);
		const credentialId = Number(account.credentialId);
		const provider = providerOf(integration);
		const type = String(integration.type ?? '');
		const error = asRecord(account.error).message;
		if (typeof error === 'string' || !Array.isArray(account.calendars)) {
			broken.push({
				credentialId,
				provider,
				integration: type,
				error: String(error ?? 'no calendars'),
			});
			continue;
		}
		for (const cal of account.calendars.map(asRecord)) {
			const externalId = String(cal.externalId);
			calendars.push({
				calendar: `${credentialId}:${externalId}`,
				credentialId,
				externalId,
				name: String(cal.name ?? externalId),
				provider,
				integration: type,
				email: typeof cal.email === 'string' ? cal.email : null,
				primary: cal.primary === true,
				checkedForConflicts: cal.isSelected === true,
				readOnly: cal.readOnly === true,
				destination:
					destination.externalId === externalId &&
					Number(destination.credentialId) === credentialId,
			});
		}
	}
	return { calendars, broken };
}

export interface CalendarRef {
	credentialId: number;
	externalId: string;
}

const REF_FORM = /^\s*(\d+):(.+?)\s*$/;

function refForm(got: unknown): ParameterError {
	return new ParameterError(
		'Calendar Names or IDs',
		`each calendar is "<credential ID>:<external ID>" as the list gives it, e.g. "501:bailey@example.com"; got ${describeValue(got)}.`,
	);
}

/** "501:bailey@example.com" → its credential ID and external ID; anything else is refused. */
export function parseCalendarRefs(value: unknown): CalendarRef[] {
	if (value === undefined || value === null || value === '') return [];
	if (!Array.isArray(value) && typeof value !== 'string') throw refForm(value);
	const list = Array.isArray(value) ? value : value.split(',');
	return list.map((entry) => {
		const m = typeof entry === 'string' ? REF_FORM.exec(entry) : null;
		if (!m) throw refForm(entry);
		return { credentialId: Number(m[1]), externalId: m[2] };
	});
}

/**
 * The calendars to read: the chosen ones, each checked against the connected list (Cal.com answers
 * an unknown account with a 401 that reads like a bad API key, and an unknown calendar with no busy times,
 * as if the time were free, and a failing account with a 500 that says to try later); none chosen means every calendar checked
 * for conflicts, the ones Cal.com counts when it decides whether a time is free.
 */
export function resolveCalendars(
	chosen: CalendarRef[],
	connected: { calendars: ConnectedCalendar[]; broken: BrokenConnection[] },
): ConnectedCalendar[] {
	const { calendars, broken } = connected;
	const known = calendars.map((c) => `${c.calendar} (${c.name})`).join(', ') || 'none';
	if (chosen.length === 0) {
		const checked = calendars.filter((c) => c.checkedForConflicts);
		if (checked.length === 0) {
			throw new ParameterError(
				'Calendar Names or IDs',
				`none chosen, and no connected calendar is checked for conflicts in Cal.com, so there is nothing to read. Connected calendars: ${known}.`,
			);
		}
		return checked;
	}
	return chosen.map(({ credentialId, externalId }) => {
		const failing = broken.find((b) => b.credentialId === credentialId);
		if (failing) {
			throw new ParameterError(
				'Calendar Names or IDs',
				`the ${failing.provider} account (credential ${credentialId}) cannot be read: ${failing.error}. Reconnect it in Cal.com (Settings → Calendars); until then Cal.com cannot give its busy times.`,
			);
		}
		const found = calendars.find(
			(c) => c.credentialId === credentialId && c.externalId === externalId,
		);
		if (!found) {
			throw new ParameterError(
				'Calendar Names or IDs',
				`"${credentialId}:${externalId}" is not one of the connected calendars of this Cal.com user. Connected calendars: ${known}.`,
			);
		}
		return found;
	});
}

/** Cal.com's query for the calendars: calendarsToLoad[i][credentialId] / [externalId]. */
export function calendarsQuery(calendars: CalendarRef[]): IDataObject {
	const qs: IDataObject = {};
	calendars.forEach((c, i) => {
		qs[`calendarsToLoad[${i}][credentialId]`] = c.credentialId;
		qs[`calendarsToLoad[${i}][externalId]`] = c.externalId;
	});
	return qs;
}

/** One busy span in UTC and in the requested zone, as slots are shown. */
export function simplifyBusySpan(span: IDataObject, timeZone: string): IDataObject {
	const start = new Date(String(span.start));
	const end = new Date(String(span.end));
	const simple: IDataObject = {
		start: start.toISOString(),
		end: end.toISOString(),
		startLocal: formatInZone(start, timeZone),
		endLocal: formatInZone(end, timeZone),
		date: dateInZone(start, timeZone),
		timeZone,
		durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
		source: span.source ?? null,
	};
	return { ...simple, label: labelOf(simple, timeZone) };
}

const AUTH_REFUSAL = /ApiAuthStrategy|ThrottlerGuard|PermissionsGuard|api key/i;

/**
 * Cal.com's reason when a connection check says the calendar is not connected or not working
 * (400: no credential, an invalid one; 401: the provider's own error), or undefined for any other
 * failure, which stays an error (a wrong API key also answers 401).
 */
export function connectionRefusal(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const own = error.errorResponse?.calComMessage;
	if (typeof own !== 'string') return undefined;
	if (error.httpCode === '400') return own;
	if (error.httpCode === '401' && !AUTH_REFUSAL.test(own)) return own;
	return undefined;
}

/** The reason of a connection check's refusal; any other failure is thrown on. */
export function refusalOrRethrow(error: unknown): string {
	const reason = connectionRefusal(error);
	if (reason === undefined) throw error;
	return reason;
}
