import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../CalCom/helpers/json';

/** Events whose body is the booking row itself, beside `triggerEvent`, with no `payload`. */
const FLAT_EVENTS = new Set(['MEETING_STARTED', 'MEETING_ENDED']);

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * One shape for every Cal.com delivery: `triggerEvent` and `createdAt` first (null when the body
 * has none, e.g. a payload template without them), then the payload's fields at the top level.
 *
 * Cal.com's bodies differ by event:
 *   - most: `{triggerEvent, createdAt, payload: {...}}`;
 *   - MEETING_STARTED / MEETING_ENDED: flat, the booking row's fields beside `triggerEvent` (its
 *     `createdAt` is the booking's). `bookingId` and `organizer` are added from `id` and `user` so
 *     these items read like the other booking events;
 *   - FORM_SUBMITTED: every answer also copied to the top level under its label; the copies are
 *     dropped, the answers stay in `responses`;
 *   - INSTANT_MEETING: `triggerEvent` repeated inside `payload`; kept once;
 *   - with a payload template: whatever the template renders; its fields are passed on as they are
 *     (readDelivery turns the template's failures into items that say so).
 */
function normalizeDelivery(body: unknown): IDataObject {
	if (!isRecord(body)) {
		return { triggerEvent: null, createdAt: null, body: body as IDataObject[keyof IDataObject] };
	}
	const { triggerEvent, createdAt, payload, ...rest } = body;
	const out: IDataObject = {
		triggerEvent: textOrNull(triggerEvent),
		createdAt: textOrNull(createdAt),
	};

	if (isRecord(payload)) {
		for (const [key, value] of Object.entries(payload)) {
			if (key !== 'triggerEvent') out[key] = value;
		}
		const answerLabels =
			triggerEvent === 'FORM_SUBMITTED' && isRecord(payload.responses)
				? new Set(Object.keys(payload.responses))
				: new Set<string>();
		for (const [key, value] of Object.entries(rest)) {
			if (!answerLabels.has(key) && !(key in out)) out[key] = value;
		}
	} else {
		if (payload !== undefined) rest.payload = payload;
		Object.assign(out, rest);
		if (typeof triggerEvent === 'string' && FLAT_EVENTS.has(triggerEvent)) {
			if (out.bookingId === undefined && typeof rest.id === 'number') out.bookingId = rest.id;
			if (out.organizer === undefined && isRecord(rest.user)) out.organizer = rest.user;
		}
	}
	return redactWebhookSecret(out);
}

/** The no-show payloads describe the webhook; should a secret ever be part of that, drop it. */
function redactWebhookSecret(item: IDataObject): IDataObject {
	if (isRecord(item.webhook) && 'secret' in item.webhook) {
		const webhook: IDataObject = { ...item.webhook };
		delete webhook.secret;
		item.webhook = webhook;
	}
	return item;
}

/**
 * Cal.com sends `false` when the payload template is JSON but its render is not (sendPayload.ts
 * applyTemplate: a value with a double quote, a backslash or a line break breaks it).
 */
const TEMPLATE_NOT_JSON =
	'Cal.com sent the body false instead of this event: the Payload Template is JSON, but filled in with this event’s values it was not valid JSON, so Cal.com dropped it. A value holding a double quote, a backslash or a line break (often a title, notes or an answer) causes this. Change the template in the trigger’s Payload Template option (it is registered with Cal.com on activation): leave out such free-text fields, or clear it to receive Cal.com’s full event.';

function parseJson(text: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch {
		return undefined;
	}
}

/**
 * The item for a delivery's raw bytes (already verified). A template that is not JSON makes Cal.com
 * send its render as `application/x-www-form-urlencoded` text, which is not form fields (values are
 * HTML-escaped, so `&` appears as `&amp;`): that text is passed on as `templateText`, unless it
 * happens to be a JSON object. A JSON template whose render broke arrives as `false`.
 */
export function readDelivery(rawBody: Buffer, contentType: unknown): IDataObject {
	const text = rawBody.toString('utf8');
	const parsed = parseJson(text);
	const form =
		typeof contentType === 'string' &&
		contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
	if (parsed?.value === false && !form)
		return { triggerEvent: null, createdAt: null, templateError: TEMPLATE_NOT_JSON };
	if (parsed === undefined || (form && !isRecord(parsed.value)))
		return { triggerEvent: null, createdAt: null, templateText: text };
	return normalizeDelivery(parsed.value);
}
