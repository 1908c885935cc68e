import type { IExecuteFunctions } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { createPrivateLink } from '../eventTypePrivateLink/shared';
import type { LinkTarget } from './linkTarget';

// A private link that works for one booking: the Event Type Private Link resource's create, with
// maxUsageCount 1 (CreatePrivateLinkInput in Cal.com's document).

/**
 * The booking page of a new single-use private link. With cal-api-version 2024-09-04 (transport/
 * versions.ts) Cal.com answers bookingUrl as the page itself, /d/<link>/<slug>, on the
 * organization's domain for an organization's event type (event-types-private-links/2024-09-04,
 * buildBookingUrl). A server whose private-links controller is older (unversioned in the saved
 * document, or the 2024-06-14 one) answers the web app's /d/<link> without the slug, while the
 * page lives at /d/<link>/<slug> (apps/web's d/[link]/[slug] route): the slug is added then.
 */
export async function singleUseLinkPage(
	this: IExecuteFunctions,
	target: LinkTarget,
	base: string,
	timeoutMs: number,
): Promise<string> {
	const id = target.eventType.id;
	if (typeof id !== 'number')
		throw new ParameterError(
			'Single-Use Link',
			"a private link needs the event type's ID: find the event type by ID or by username and slug, not by team slug.",
		);
	const data = await createPrivateLink(this, id, { maxUsageCount: 1 }, timeoutMs);
	const slug = encodeURIComponent(target.place.eventTypeSlug);
	const given = typeof data.bookingUrl === 'string' ? data.bookingUrl.replace(/\/+$/, '') : '';
	if (/\/d\/[^/]+\/[^/]+$/.test(given)) return given;
	if (/\/d\/[^/]+$/.test(given)) return `${given}/${slug}`;
	return `${base}/d/${encodeURIComponent(String(data.link ?? data.linkId))}/${slug}`;
}
