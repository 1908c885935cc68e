import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { deepCopy, NodeOperationError } from 'n8n-workflow';

import { dateInZone } from '../../helpers/time';
import { apiPath, calComRequest } from '../../transport';
import type { EventTypeRef } from '../eventTypeLookup';
import { eventTypeNotFoundMessage, refQuery } from '../eventTypeLookup';
import { readOnce } from '../../helpers/executionCache';
import type { BookingField } from '../eventType/bookingQuestions';
import type { PagePlace } from './bookingPage';

/** The event type a booking link leads to, as far as Cal.com told it. */
export interface LinkTarget {
	/** Cal.com's event type (Raw output), or the slugs asked for when it cannot be read. */
	eventType: IDataObject;
	place: PagePlace;
	/** Cal.com's own bookingUrl of a personal event type. */
	bookingUrl?: string;
	/** The booking questions, when they were read. */
	fields?: BookingField[];
}

function ownBookingUrl(eventType: IDataObject): string | undefined {
	// Cal.com builds bookingUrl from the event type's first user (output-event-types.service.ts,
	// buildBookingUrl, on the org domain for organization users). Team event types print the same
	// field through organizations/event-types/services/output.service.ts, built from a user too,
	// so it is not the team's page: it is used for personal event types only.
	const url = eventType.bookingUrl;
	if (eventType.teamId !== null && eventType.teamId !== undefined) return undefined;
	return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}

function fieldsOf(eventType: IDataObject): BookingField[] | undefined {
	const fields = eventType.bookingFields;
	return Array.isArray(fields) ? (fields as unknown as BookingField[]) : undefined;
}

function targetOf(eventType: IDataObject, organizationSlug?: string): LinkTarget {
	const team = (eventType.team ?? {}) as IDataObject;
	const users = Array.isArray(eventType.users) ? (eventType.users as IDataObject[]) : [];
	const isTeam = eventType.teamId !== null && eventType.teamId !== undefined;
	const place: PagePlace = {
		eventTypeSlug: String(eventType.slug ?? ''),
		...(isTeam
			? { teamSlug: String(team.slug ?? '') }
			: { username: String(users[0]?.username ?? '') }),
		...(organizationSlug ? { organizationSlug } : {}),
	};
	return { eventType, place, bookingUrl: ownBookingUrl(eventType), fields: fieldsOf(eventType) };
}

/**
 * The event type the link is for, looked up once per execution per event type (ID, username and
 * slug, or team and slug); each item gets its own copy.
 */
export async function readLinkTarget(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	timeoutMs: number,
): Promise<LinkTarget> {
	const target = await readOnce(
		this,
		'linkTarget',
		JSON.stringify(refQuery(ref)),
		async () => await lookUpLinkTarget.call(this, ref, timeoutMs),
	);
	return deepCopy(target);
}

/**
 * Reads the event type the link is for: by ID (GET /v2/event-types/{id}), by username and slug
 * (GET /v2/event-types?username&eventSlug), or, for a team's by slugs, checks it exists with a
 * one-day GET /v2/slots (Cal.com answers 404 "Event Type not found"). One that does not exist is
 * refused by name.
 */
async function lookUpLinkTarget(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	timeoutMs: number,
): Promise<LinkTarget> {
	const notFoundMessage = eventTypeNotFoundMessage(ref);
	if (ref.eventTypeId !== undefined) {
		const data = (await calComRequest.call(this, {
			method: 'GET',
			path: apiPath`/v2/event-types/${ref.eventTypeId}`,
			timeoutMs,
			notFoundMessage,
		})) as IDataObject;
		return targetOf(data);
	}
	if (ref.username !== undefined) {
		const qs: IDataObject = { username: ref.username, eventSlug: ref.eventTypeSlug };
		if (ref.organizationSlug) qs.orgSlug = ref.organizationSlug;
		const list = await calComRequest.call(this, {
			method: 'GET',
			path: '/v2/event-types',
			qs,
			timeoutMs,
			notFoundMessage,
		});
		const found = Array.isArray(list)
			? (list as IDataObject[]).find((eventType) => eventType.slug === ref.eventTypeSlug)
			: undefined;
		if (!found) throw new NodeOperationError(this.getNode(), notFoundMessage);
		return targetOf(found, ref.organizationSlug);
	}
	return await checkTeamEventType.call(this, ref, timeoutMs, notFoundMessage);
}

async function checkTeamEventType(
	this: IExecuteFunctions,
	ref: EventTypeRef,
	timeoutMs: number,
	notFoundMessage: string,
): Promise<LinkTarget> {
	const today = dateInZone(new Date(), 'UTC');
	const qs: IDataObject = {
		teamSlug: ref.teamSlug,
		eventTypeSlug: ref.eventTypeSlug,
		start: today,
		end: today,
	};
	if (ref.organizationSlug) qs.organizationSlug = ref.organizationSlug;
	await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/slots',
		qs,
		timeoutMs,
		notFoundMessage,
	});
	const place: PagePlace = {
		eventTypeSlug: ref.eventTypeSlug ?? '',
		teamSlug: ref.teamSlug,
		...(ref.organizationSlug ? { organizationSlug: ref.organizationSlug } : {}),
	};
	return { eventType: { ...place }, place };
}
