/**
 * Event type private links (API-NOTES §5). Cal.com serves them from two controllers:
 * 2024-09-04 (event-types-private-links/2024-09-04, what the node sends) and 2024-06-14 (the
 * deprecated one, undocumented, for 2024-04-15, 2024-06-11, 2024-06-14 and 2024-08-13); they differ
 * only in bookingUrl (linkOutput below). The sandbox's versions.ts lists those five values.
 *
 *   POST   /v2/event-types/{eventTypeId}/private-links            201 the link
 *   GET    /v2/event-types/{eventTypeId}/private-links            200 every link of the event type
 *   PATCH  /v2/event-types/{eventTypeId}/private-links/{linkId}   200 the link
 *   DELETE /v2/event-types/{eventTypeId}/private-links/{linkId}   200 {linkId, message}
 *
 * Follows apps/api/v2/src/ee/event-types-private-links/: controllers/event-types-private-links.
 * controller.ts (ApiAuthGuard + EventTypeOwnershipGuard), services/private-links.service.ts,
 * private-links-input.service.ts (exactly one of expiresAt and maxUsageCount on create),
 * private-links-output.service.ts (time-based or usage-based shape), private-links.repository.ts
 * (update writes expiresAt as given or null, maxUsageCount only when a number), and
 * packages/lib/hashedLinksUtils.ts isLinkExpired (a time, else uses ≥ max).
 *
 * API v2's booking input (CreateBookingInput_2024_08_13 in the saved document) has no field for a
 * private link's hash: only Cal.com's web booker (/d/{link}/{slug}) books through one. So no route
 * here counts a use; `useOfPrivateLink` below is what a booking through the web booker does
 * to the link, for specs that model that page.
 */
import { createHash } from 'node:crypto';

import { success } from '../envelope';
import type { SandboxEventType, SandboxPrivateLink, SandboxState } from '../types';
import { fail } from './booking-common';
import { bookerOrigin } from './event-type-output';
import type { RouteHandler, RouteRequest, RouteResult } from './route';

const BASE = '/v2/event-types/{eventTypeId}/private-links';
const WEB_APP = 'https://cal.com';

export function isLinkExpired(link: SandboxPrivateLink, now: Date): boolean {
	if (link.expiresAt) return Date.parse(link.expiresAt) < now.getTime();
	return Boolean(
		link.maxUsageCount && link.maxUsageCount > 0 && link.usageCount >= link.maxUsageCount,
	);
}

/**
 * A booking through the web booker's private link: HashedLinkService.validateAndIncrementUsage
 * (packages/features/hashedLink/lib/service/HashedLinkService.ts), called by handleNewBooking.
 * An unknown, expired or used-up link throws ErrorCode.PrivateLinkExpired ("private_link_expired",
 * packages/lib/errorCodes.ts); a time-limited link counts no use; a use-limited one counts one.
 * (The /d/{link}/{slug} page itself answers not found for such a link: apps/web/lib/d/[link]/
 * [slug]/getServerSideProps.tsx.)
 */
export function useOfPrivateLink(
	state: SandboxState,
	link: string,
	now: Date,
): { ok: true } | { ok: false; message: string } {
	const found = state.privateLinks.find((l) => l.link === link);
	if (!found || isLinkExpired(found, now)) return { ok: false, message: 'private_link_expired' };
	if (!found.expiresAt && found.maxUsageCount && found.maxUsageCount > 0) found.usageCount += 1;
	return { ok: true };
}

/**
 * PrivateLinksOutputService.transformToOutput. The booking URL as each version's service builds
 * it: 2024-06-14 (2024-06-14/services/private-links.service.ts) answers the web app's /d/{link},
 * not a page; 2024-09-04 (2024-09-04/services/private-links.service.ts, buildBookingUrl) answers
 * the booker page /d/{link}/{slug} on getBookerBaseUrlSync's origin for the organization
 * resolveOrgSlug finds. The sandbox's links are of personal event types (the ownership guard), so
 * that organization is the owner's (the first profile's), as bookerOrigin reads it.
 */
function linkOutput(
	link: SandboxPrivateLink,
	et: SandboxEventType,
	state: SandboxState,
	now: Date,
	apiVersion?: string,
): Record<string, unknown> {
	const owner = state.users.find((u) => u.id === et.ownerId);
	const bookingUrl =
		apiVersion === '2024-09-04'
			? `${bookerOrigin(owner, state)}/d/${link.link}/${et.slug}`
			: `${WEB_APP}/d/${link.link}`;
	const base = {
		linkId: link.link,
		eventTypeId: link.eventTypeId,
		isExpired: isLinkExpired(link, now),
		bookingUrl,
	};
	if (link.expiresAt) return { ...base, expiresAt: new Date(link.expiresAt).toISOString() };
	return { ...base, maxUsageCount: link.maxUsageCount || 0, usageCount: link.usageCount };
}

/** EventTypeOwnershipGuard: the caller's own event type, else 404 (also when it does not exist). */
function ownEventType(req: RouteRequest, state: SandboxState): SandboxEventType | RouteResult {
	const id = Number(req.params.eventTypeId);
	const et = state.eventTypes.find((e) => e.id === id);
	if (!et || !req.user || et.ownerId !== req.user.id)
		return fail(404, `Event type with id ${req.params.eventTypeId} not found`, req);
	return et;
}

interface LinkBody {
	expiresAt?: string;
	maxUsageCount?: number;
}

const create: RouteHandler['handle'] = (req, ctx) => {
	const et = ownEventType(req, ctx.state);
	if (!('slug' in et)) return et;
	const body = (req.body ?? {}) as LinkBody;
	const hasExpires = body.expiresAt !== undefined && body.expiresAt !== null;
	const hasMax = typeof body.maxUsageCount === 'number';
	// The service turns the input service's Error into BadRequestException(message).
	if (!hasExpires && !hasMax)
		return fail(400, 'Either expiresAt or maxUsageCount must be provided', req);
	if (hasExpires && hasMax) return fail(400, 'Provide only one of expiresAt or maxUsageCount', req);
	const count = ctx.state.privateLinks.length;
	// generateHashedLink(userId) (packages/lib/generateHashedLink.ts) hashes the user and a random
	// value; here the user and a counter, so runs are repeatable.
	const link: SandboxPrivateLink = {
		link: createHash('md5').update(`${req.user?.id}:${count}:${et.id}`).digest('hex'),
		eventTypeId: et.id,
		expiresAt: hasExpires ? new Date(body.expiresAt as string).toISOString() : null,
		// The HashedLink column defaults to 1 when the repository leaves it out.
		maxUsageCount: hasMax ? (body.maxUsageCount as number) : 1,
		usageCount: 0,
	};
	ctx.state.privateLinks.push(link);
	return { status: 201, body: success(linkOutput(link, et, ctx.state, ctx.now(), req.apiVersion)) };
};

const list: RouteHandler['handle'] = (req, ctx) => {
	const et = ownEventType(req, ctx.state);
	if (!('slug' in et)) return et;
	const links = ctx.state.privateLinks.filter((l) => l.eventTypeId === et.id);
	return {
		status: 200,
		body: success(links.map((l) => linkOutput(l, et, ctx.state, ctx.now(), req.apiVersion))),
	};
};

function linkOf(state: SandboxState, et: SandboxEventType, linkId: string) {
	return state.privateLinks.find((l) => l.eventTypeId === et.id && l.link === linkId);
}

const update: RouteHandler['handle'] = (req, ctx) => {
	const et = ownEventType(req, ctx.state);
	if (!('slug' in et)) return et;
	const link = linkOf(ctx.state, et, req.params.linkId);
	if (!link) return fail(404, 'Updated link not found', req);
	const body = (req.body ?? {}) as LinkBody;
	link.expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : null;
	if (typeof body.maxUsageCount === 'number') link.maxUsageCount = body.maxUsageCount;
	return { status: 200, body: success(linkOutput(link, et, ctx.state, ctx.now(), req.apiVersion)) };
};

const remove: RouteHandler['handle'] = (req, ctx) => {
	const et = ownEventType(req, ctx.state);
	if (!('slug' in et)) return et;
	const link = linkOf(ctx.state, et, req.params.linkId);
	if (!link) return fail(404, 'Deleted link not found', req);
	ctx.state.privateLinks.splice(ctx.state.privateLinks.indexOf(link), 1);
	return {
		status: 200,
		body: success({ linkId: link.link, message: 'Private link deleted successfully' }),
	};
};

export const privateLinkRoutes: RouteHandler[] = [
	{ method: 'POST', template: BASE, validation: 'generic', handle: create },
	{ method: 'GET', template: BASE, validation: 'generic', handle: list },
	{ method: 'PATCH', template: `${BASE}/{linkId}`, validation: 'generic', handle: update },
	{ method: 'DELETE', template: `${BASE}/{linkId}`, validation: 'generic', handle: remove },
];
