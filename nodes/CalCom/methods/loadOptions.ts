import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { askableQuestions, describeField, optionValues } from '../actions/booking/answers';
import { flattenCalendars, loadConnectedCalendars } from '../actions/calendar/shared';
import { loadBookingFields } from '../actions/eventType/shared';
import type { EventTypeRef } from '../actions/eventTypeLookup';
import { asRecord } from '../helpers/json';
import { chosenTeamMemberships } from './listSearch';

/** The chosen event type's own booking questions, for the Booking Questions list. */
export async function getBookingQuestions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const lookup = this.getCurrentNodeParameter('lookup') as string | undefined;
	let ref: EventTypeRef | undefined;
	if (lookup === 'userSlug') {
		const username = String(this.getCurrentNodeParameter('username') ?? '').trim();
		const eventTypeSlug = String(this.getCurrentNodeParameter('eventTypeSlug') ?? '').trim();
		if (username && eventTypeSlug) ref = { username, eventTypeSlug };
	} else {
		const id = Number(
			String(this.getCurrentNodeParameter('eventTypeId', { extractValue: true }) ?? '').trim(),
		);
		if (Number.isInteger(id) && id > 0) ref = { eventTypeId: id };
	}
	if (!ref) return [];
	const fields = (await loadBookingFields.call(this, ref)) ?? [];
	return askableQuestions(fields).map((field) => {
		const options = optionValues(field);
		const details: IDataObject = { type: field.type, required: !!field.required };
		return {
			name: `${field.label || field.slug}${field.required ? ' *' : ''}`,
			value: field.slug,
			description: `${describeField(field)}: ${String(details.type)}${details.required ? ', required' : ''}${options.length ? `; options: ${options.join(', ')}` : ''}`,
		};
	});
}

/** Intl.supportedValuesOf is ES2022; the project's TypeScript lib stops at ES2021. */
const intl = Intl as typeof Intl & { supportedValuesOf?(key: 'timeZone'): string[] };

/** IANA time zones this n8n instance knows, for schedule time zones. */
export async function getTimeZones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const zones = new Set(intl.supportedValuesOf?.('timeZone') ?? []);
	// ICU lists UTC under Etc/UTC only on some builds; Cal.com takes "UTC".
	zones.add('UTC');
	return [...zones].sort().map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }));
}

/**
 * The members of the team chosen above, by user ID, for a team event type's hosts. Cal.com lists
 * memberships to an admin or the owner of the team only; invitations not yet accepted are marked.
 */
export async function getTeamHosts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const memberships = await chosenTeamMemberships(this);
	return memberships.map((membership) => {
		const user = asRecord(membership.user);
		return {
			name: `${String(user.name ?? user.username ?? user.email)}${membership.accepted === false ? ' (invited)' : ''}`,
			value: Number(membership.userId ?? user.id),
			description: `${String(user.email ?? '')}, ${String(membership.role)}`,
		};
	});
}

/** The user's connected calendars, valued "<credential ID>:<external ID>" as Get Busy Times reads them. */
export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { calendars } = flattenCalendars(await loadConnectedCalendars.call(this));
	return calendars.map((c) => ({
		name: `${c.name} (${c.provider})`,
		value: c.calendar,
		description: `${c.checkedForConflicts ? 'Checked for conflicts' : 'Not checked for conflicts'}${c.primary ? ', primary' : ''}`,
	}));
}
