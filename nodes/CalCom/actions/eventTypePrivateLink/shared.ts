import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { asRecord } from '../../helpers/json';
import { readUid } from '../../helpers/parameters';
import { parseDateTime, validateTimeZone } from '../../helpers/time';
import { apiPath, calComRequest } from '../../transport';
import { timeParameter } from '../common.descriptions';
import { eventTypeNotFound } from '../eventType/shared';

export { readEventTypeId } from '../eventType/shared';

/** What a private link is limited by: Cal.com takes exactly one of the two. */
export type PrivateLinkLimit = { maxUsageCount: number } | { expiresAt: Date };

/** Limit By, Max Uses and Expires At, shown for the given operation. */
export function limitFields(operation: string): INodeProperties[] {
	const show = { operation: [operation] };
	return [
		{
			displayName: 'Limit By',
			name: 'limitBy',
			type: 'options',
			default: 'uses',
			displayOptions: { show },
			description: 'Whether the link stops working after a number of bookings or at a time',
			options: [
				{
					name: 'Number of Uses',
					value: 'uses',
					description: 'The link stops working after this many bookings (1: single-use)',
				},
				{ name: 'Expiry Time', value: 'time', description: 'The link stops working at a time' },
			],
		},
		{
			displayName: 'Max Uses',
			name: 'maxUsageCount',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			displayOptions: { show: { ...show, limitBy: ['uses'] } },
			description: 'How many bookings the link allows before it stops working (at least 1)',
		},
		{
			...timeParameter({
				displayName: 'Expires At',
				name: 'expiresAt',
				purpose: 'When the link stops working; it must be in the future',
				readIn: 'workflow',
				required: true,
			}),
			displayOptions: { show: { ...show, limitBy: ['time'] } },
		},
	];
}

/** Limit By and its value, checked before any request: uses ≥ 1, an expiry in the future. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): PrivateLinkLimit {
	const by = ctx.getNodeParameter('limitBy', itemIndex, 'uses') as unknown;
	if (by === 'time') {
		const zone = validateTimeZone(ctx.getTimezone(), 'Workflow Time Zone');
		const expiresAt = parseDateTime(
			ctx.getNodeParameter('expiresAt', itemIndex, ''),
			'Expires At',
			zone,
		);
		if (expiresAt.getTime() <= Date.now())
			throw new ParameterError(
				'Expires At',
				`${expiresAt.toISOString()} is in the past; a private link must expire in the future.`,
			);
		return { expiresAt };
	}
	if (by !== 'uses') throw new ParameterError('Limit By', `"${String(by)}" is not uses or time.`);
	const max = ctx.getNodeParameter('maxUsageCount', itemIndex, 1) as unknown;
	if (typeof max !== 'number' || !Number.isInteger(max) || max < 1)
		throw new ParameterError(
			'Max Uses',
			`${JSON.stringify(max)} is not a whole number of at least 1 (1 makes a single-use link).`,
		);
	return { maxUsageCount: max };
}

export function limitBody(limit: PrivateLinkLimit): IDataObject {
	return 'expiresAt' in limit
		? { expiresAt: limit.expiresAt.toISOString() }
		: { maxUsageCount: limit.maxUsageCount };
}

export const linkIdField: INodeProperties = {
	displayName: 'Link ID',
	name: 'linkId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 9f1c0a6b3d2e4f58a7b6c5d4e3f2a1b0',
	description:
		'The private link’s ID ("linkId"; Get Many lists them), also the hash in its /d/… URL',
};

export function readLinkId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readUid(
		ctx.getNodeParameter('linkId', itemIndex, ''),
		'Link ID',
		'a private link ID',
		'9f1c0a6b3d2e4f58a7b6c5d4e3f2a1b0',
	);
}

export function linkNotFound(linkId: string, eventTypeId: number): string {
	return `Private link ${linkId} was not found on event type ${eventTypeId}, or that event type is not the API key user's own. Event Type Private Link → Get Many lists its links.`;
}

/**
 * A private link as a person or an agent uses it: where to book, whether it still works, and
 * what limits it (an expiry time, or uses so far of the maximum).
 */
export function simplifyPrivateLink(link: IDataObject): IDataObject {
	const max = typeof link.maxUsageCount === 'number' ? link.maxUsageCount : null;
	const used = typeof link.usageCount === 'number' ? link.usageCount : null;
	return {
		linkId: link.linkId ?? null,
		eventTypeId: link.eventTypeId ?? null,
		bookingUrl: link.bookingUrl ?? null,
		isExpired: link.isExpired ?? false,
		expiresAt: link.expiresAt ?? null,
		maxUsageCount: max,
		usageCount: used,
		usesLeft: max !== null && used !== null ? Math.max(0, max - used) : null,
	};
}

/**
 * Creates a private link of an event type: Cal.com's answer (linkId, bookingUrl, isExpired and
 * the limit). Exported for other operations that hand a person a single-use link.
 */
export async function createPrivateLink(
	ctx: IExecuteFunctions,
	eventTypeId: number,
	limit: PrivateLinkLimit,
	timeoutMs?: number,
): Promise<IDataObject> {
	const data = await calComRequest.call(ctx, {
		method: 'POST',
		path: apiPath`/v2/event-types/${eventTypeId}/private-links`,
		body: limitBody(limit),
		...(timeoutMs ? { timeoutMs } : {}),
		notFoundMessage: eventTypeNotFound(eventTypeId),
	});
	return asRecord(data);
}
