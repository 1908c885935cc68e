/**
 * POST /v2/event-types/{eventTypeId}/private-links (cal-api-version 2024-06-14), only as far as
 * Booking → Create Booking Link's single-use link needs it: the create, answered as Cal.com's
 * event-types_2024_06_14/services/private-links.service.ts and private-links-output.service.ts
 * do with packages/platform/libraries/private-links.ts:
 *   - `maxUsageCount` defaults to none; the output is the usage-based shape
 *     {linkId, link, eventTypeId, isExpired: false, bookingUrl, maxUsageCount, usageCount: 0};
 *   - bookingUrl is the web app's address + /d/<link> (formatPrivateLinkOutput is given no event
 *     type slug on create, so none follows).
 * Inferred: an event type the caller may not manage answers 404 as GET /v2/event-types/{id} does
 * (the library's own permission check runs only when links exist). The links are not kept: their
 * use and expiry belong to the Private Link resource's sandbox routes (another branch), which
 * should replace this file at merge.
 */
import { errorEnvelope, success } from '../envelope';
import { eventTypeById } from '../state';
import type { SandboxState } from '../types';
import { canManage } from './event-type-output';
import type { RouteHandler } from './route';

const created = new WeakMap<SandboxState, number>();

const createPrivateLink: RouteHandler['handle'] = (req, { state }) => {
	const id = Number(req.params.eventTypeId);
	const et = Number.isInteger(id) ? eventTypeById(state, id) : undefined;
	if (!et || !canManage(et, req.user, state))
		return {
			status: 404,
			body: errorEnvelope(404, `Event type with id ${req.params.eventTypeId} not found`, req.url),
		};
	const count = (created.get(state) ?? 0) + 1;
	created.set(state, count);
	const link = `sbx${String(id)}${String(count).padStart(9, '0')}`;
	const body = (req.body ?? {}) as { maxUsageCount?: number };
	return {
		status: 201,
		body: success({
			linkId: link,
			link,
			eventTypeId: id,
			isExpired: false,
			bookingUrl: `https://cal.com/d/${link}`,
			maxUsageCount: body.maxUsageCount ?? 0,
			usageCount: 0,
		}),
	};
};

export const privateLinkCreateRoutes: RouteHandler[] = [
	{
		method: 'POST',
		template: '/v2/event-types/{eventTypeId}/private-links',
		validation: 'generic',
		handle: createPrivateLink,
	},
];
