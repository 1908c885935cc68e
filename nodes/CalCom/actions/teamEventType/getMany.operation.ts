import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, readTimeoutMs } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { readLinkSlug } from '../eventTypeLookup';
import { optionsCollection, outputField, returnAllFields } from '../common.descriptions';
import { teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import { asTeamAdmin, organizationIdOption, readPlace, shapeTeamEventTypes } from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	...returnAllFields,
	outputField,
	optionsCollection(organizationIdOption, {
		displayName: 'Event Type Slug',
		name: 'eventSlug',
		type: 'string',
		default: '',
		placeholder: 'e.g. onboarding',
		description: 'Only the event type with this slug (the last part of its booking link)',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const place = readPlace(this, itemIndex);
	const limit = readLimit(this, itemIndex, 'event types');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof options.eventSlug === 'string' && options.eventSlug.trim())
		qs.eventSlug = readLinkSlug(options.eventSlug, 'Event Type Slug', 'onboarding');
	// The team route's list is public; the organization's needs an admin of the team or the org.
	const data = await asTeamAdmin(place, async () =>
		calComRequest.call(this, {
			method: 'GET',
			path: place.path,
			qs,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: `Team ${place.teamId} was not found. Check the team ID (Team → Get Many lists yours).`,
		}),
	);
	// Cal.com answers the list whole (no paging on this route).
	const list = Array.isArray(data) ? data : [];
	return shapeTeamEventTypes(limit === undefined ? list : list.slice(0, limit), false);
}
