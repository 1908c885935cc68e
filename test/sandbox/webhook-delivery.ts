/**
 * Webhook deliveries as Cal.com sends them (API-NOTES §8.3): a POST to each active subscriber
 * whose triggers include the event, with
 *   - `X-Cal-Signature-256`: lower-case hex HMAC-SHA256 of the exact body bytes, keyed with the
 *     webhook's secret, or the literal `no-secret-provided` when it has none (sendPayload.ts
 *     createWebhookSignature);
 *   - `X-Cal-Webhook-Version`: the webhook's payload version. Newest Cal.com sends it on every
 *     delivery: sendPayload.ts `_sendPayload` (calcom/cal.com sendPayload.test.ts
 *     "X-Cal-Webhook-Version header") and, for the scheduled MEETING_STARTED/MEETING_ENDED,
 *     handleWebhookScheduledTriggers.ts (`webhook?.version ?? DEFAULT_WEBHOOK_VERSION`, pinned by
 *     its test "should include X-Cal-Webhook-Version header"). Older Cal.com (e.g. calcom/cal.com
 *     at 00eb5dc8) sent neither; the trigger does not need it;
 *   - the body `{triggerEvent, createdAt, payload}`, except MEETING_STARTED/MEETING_ENDED (flat,
 *     no template), FORM_SUBMITTED (answers also at the top level) and INSTANT_MEETING
 *     (triggerEvent repeated inside payload); with a payloadTemplate, what webhook-template.ts
 *     renders (JSON, the body `false`, or the text as a form body).
 * Redirects are not followed. Deliveries go to loopback addresses only: the sandbox never calls out.
 *
 * `deliverWebhooks(state, log, triggerEvent, payload, ownerUserId, eventTypeId?)` is the one entry
 * point; booking-webhooks.ts calls it for what booking handlers record (sandbox.events), with a
 * payload built per webhook (its payload version) by webhook-payload.ts. `pingTest()` is the
 * webhook form's "Ping test".
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

import { WEBHOOK_EXAMPLES_DIR } from '../shared-path';
import { DEFAULT_WEBHOOK_VERSION } from './routes/webhooks';
import { eventTypeById, userById } from './state';
import { offsetMinutes } from './tz';
import type { SandboxState, SandboxWebhook } from './types';
import { applyTemplate } from './webhook-template';
import type { ContentType } from './webhook-template';

export interface DeliveryRecord {
	webhookId: string;
	subscriberUrl: string;
	triggerEvent: string;
	/** Request headers sent (lower-case names). */
	headers: Record<string, string>;
	/** The exact body sent. */
	body: string;
	/** The subscriber's HTTP status; 0 when no answer came. */
	status: number;
	responseBody?: string;
	error?: string;
}

export interface DeliveryTarget {
	/** The organizer: their own webhooks and their organization's. */
	ownerUserId?: number;
	/** The event type's webhooks (and, for team event types, the team's organization's). */
	eventTypeId?: number;
	/** Exactly this webhook, whatever its triggers and state (Cal.com's "ping test" does this). */
	webhookId?: string;
	/** The delivery's createdAt; default now. */
	createdAt?: string;
	/** Aborts deliveries in flight (the sandbox closing); they are recorded with error 'aborted'. */
	signal?: AbortSignal;
	/**
	 * How long to wait for the subscriber's answer before giving up (error 'timeout'); default 5 s,
	 * so a test never hangs on a subscriber. Cal.com's sender sets none (packages/features/webhooks/
	 * lib/sendPayload.ts posts with a plain fetch): a benchmark that must not drop a slow answer
	 * gives a longer one.
	 */
	timeoutMs?: number;
}

/** A payload, or one per webhook (e.g. by payload version); undefined from the function sends nothing to that webhook. */
export type DeliveryPayload =
	| Record<string, unknown>
	| ((webhook: SandboxWebhook) => Record<string, unknown> | undefined);

const FLAT_TRIGGERS = new Set(['MEETING_STARTED', 'MEETING_ENDED']);
const DELIVERY_TIMEOUT_MS = 5000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Triggers without an example of their own borrow the closest one (a stand-in, not Cal.com's). */
const STAND_INS: Record<string, string> = {
	BOOKING_PAYMENT_INITIATED: 'BOOKING_PAID',
	AFTER_GUESTS_CAL_VIDEO_NO_SHOW: 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
	INSTANT_MEETING_ACCEPTED: 'INSTANT_MEETING',
	RECORDING_TRANSCRIPTION_GENERATED: 'RECORDING_READY',
	FORM_SUBMITTED_NO_EVENT: 'FORM_SUBMITTED',
	ROUTING_FORM_FALLBACK_HIT: 'FORM_SUBMITTED',
};

/** The file of Cal.com's documented example for a trigger and payload version, if there is one. */
export function exampleFile(triggerEvent: string, version = '2021-10-20'): string | undefined {
	const names =
		triggerEvent === 'PING'
			? ['PING.derived-from-source']
			: [triggerEvent, `${triggerEvent}.truncated`];
	for (const dir of [version, '2021-10-20']) {
		for (const name of names) {
			const file = join(WEBHOOK_EXAMPLES_DIR, dir, `${name}.json`);
			if (existsSync(file)) return file;
		}
	}
	return undefined;
}

/** The payload fields of the documented example (the flat ones without their triggerEvent). */
export function examplePayload(triggerEvent: string, version?: string): Record<string, unknown> {
	const file =
		exampleFile(triggerEvent, version) ?? exampleFile(STAND_INS[triggerEvent] ?? '', version);
	if (!file) {
		throw new Error(
			`No webhook example for ${triggerEvent} in ${WEBHOOK_EXAMPLES_DIR}: pass a payload to deliver()`,
		);
	}
	const body = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	if (typeof body.payload === 'object' && body.payload !== null) {
		const payload = { ...(body.payload as Record<string, unknown>) };
		delete payload.triggerEvent;
		return payload;
	}
	const { triggerEvent: _trigger, ...flat } = body;
	return flat;
}

/**
 * Triggers Cal.com sends through sendGenericWebhookPayload (sendPayload.ts), seen at its call
 * sites: routing forms (FORM_SUBMITTED with the answers as rootData, FORM_SUBMITTED_NO_EVENT),
 * the no-show tasks (AFTER_*_CAL_VIDEO_NO_SHOW), wrong-assignment reports and instant meetings.
 */
const GENERIC_TRIGGERS = new Set([
	'FORM_SUBMITTED',
	'FORM_SUBMITTED_NO_EVENT',
	'WRONG_ASSIGNMENT_REPORT',
	'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
	'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
	'INSTANT_MEETING',
]);

/** FORM_SUBMITTED's rootData: each answer's value at the top level, under its field's key. */
function formAnswers(
	triggerEvent: string,
	payload: Record<string, unknown>,
): Record<string, unknown> {
	if (
		triggerEvent !== 'FORM_SUBMITTED' ||
		typeof payload.responses !== 'object' ||
		payload.responses === null
	)
		return {};
	return Object.fromEntries(
		Object.entries(payload.responses as Record<string, { value?: unknown }>).map(
			([label, answer]) => [label, answer?.value],
		),
	);
}

/**
 * The body Cal.com would send this webhook, and its content type (sendPayload.ts; templates in
 * webhook-template.ts). MEETING_STARTED/MEETING_ENDED are the scheduled job's flat JSON, never
 * templated (packages/features/webhooks/lib/scheduleTrigger.ts stores `{triggerEvent, ...booking}`
 * and handleWebhookScheduledTriggers.ts sends it as stored).
 */
export function deliveryBody(
	webhook: Pick<SandboxWebhook, 'payloadTemplate'>,
	triggerEvent: string,
	payload: Record<string, unknown>,
	createdAt: string,
): { body: string; contentType: ContentType } {
	if (FLAT_TRIGGERS.has(triggerEvent)) {
		return { body: JSON.stringify({ triggerEvent, ...payload }), contentType: 'application/json' };
	}
	const data = triggerEvent === 'INSTANT_MEETING' ? { triggerEvent, ...payload } : payload;
	if (GENERIC_TRIGGERS.has(triggerEvent)) {
		// rootData first, so it never overrides triggerEvent, createdAt or payload.
		const envelope = {
			...formAnswers(triggerEvent, payload),
			triggerEvent,
			createdAt,
			payload: data,
		};
		if (webhook.payloadTemplate) return applyTemplate(webhook.payloadTemplate, envelope);
		return { body: JSON.stringify(envelope), contentType: 'application/json' };
	}
	if (webhook.payloadTemplate)
		return applyTemplate(webhook.payloadTemplate, { ...payload, triggerEvent, createdAt });
	return {
		body: JSON.stringify({ triggerEvent, createdAt, payload: data }),
		contentType: 'application/json',
	};
}

export function signatureFor(secret: string | null, body: string): string {
	return secret
		? createHmac('sha256', secret).update(body, 'utf8').digest('hex')
		: 'no-secret-provided';
}

/** Active webhooks subscribed to the trigger for this organizer and event type (or the one asked for). */
export function matchingWebhooks(
	state: SandboxState,
	triggerEvent: string,
	target: DeliveryTarget,
): SandboxWebhook[] {
	if (target.webhookId !== undefined)
		return state.webhooks.filter((w) => w.id === target.webhookId);
	const organizations = new Set<number>();
	const owner = target.ownerUserId === undefined ? undefined : userById(state, target.ownerUserId);
	if (owner?.organizationId) organizations.add(owner.organizationId);
	const eventType =
		target.eventTypeId === undefined ? undefined : eventTypeById(state, target.eventTypeId);
	const teamOrg = state.teams.find((t) => t.id === eventType?.teamId)?.organizationId;
	if (teamOrg) organizations.add(teamOrg);
	return state.webhooks.filter(
		(w) =>
			w.active &&
			w.triggers.includes(triggerEvent) &&
			((w.userId !== null && w.userId === target.ownerUserId) ||
				(w.eventTypeId !== null && w.eventTypeId === target.eventTypeId) ||
				(w.teamId !== null && organizations.has(w.teamId))),
	);
}

function post(
	record: DeliveryRecord,
	signal?: AbortSignal,
	timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<void> {
	let url: URL;
	try {
		url = new URL(record.subscriberUrl);
	} catch {
		record.error = 'the subscriber URL is not a URL';
		return Promise.resolve();
	}
	if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
		record.error = 'the sandbox delivers only to http://127.0.0.1 (or localhost) subscribers';
		return Promise.resolve();
	}
	return new Promise((resolve) => {
		const req = request(
			url,
			{
				method: 'POST',
				headers: { ...record.headers, 'content-length': String(Buffer.byteLength(record.body)) },
				timeout: timeoutMs,
				...(signal ? { signal } : {}),
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					record.status = res.statusCode ?? 0;
					record.responseBody = Buffer.concat(chunks).toString('utf8');
					resolve();
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) => {
			record.error = signal?.aborted ? 'aborted' : error.message;
			resolve();
		});
		req.end(record.body);
	});
}

/**
 * Sends `triggerEvent` to every matching subscriber at once and resolves when all answered (or
 * failed). Each delivery is pushed to `log` before it is sent, so a test sees it while in flight.
 */
export async function deliverWebhooks(
	state: SandboxState,
	log: DeliveryRecord[],
	triggerEvent: string,
	payload: DeliveryPayload | undefined,
	ownerUserId?: number,
	eventTypeId?: number,
	options: Pick<DeliveryTarget, 'webhookId' | 'createdAt' | 'signal' | 'timeoutMs'> = {},
): Promise<DeliveryRecord[]> {
	const createdAt = options.createdAt ?? new Date().toISOString();
	const webhooks = matchingWebhooks(state, triggerEvent, {
		ownerUserId,
		eventTypeId,
		webhookId: options.webhookId,
	});
	const sends = webhooks.flatMap((webhook) => {
		const fields =
			typeof payload === 'function'
				? payload(webhook)
				: (payload ?? examplePayload(triggerEvent, webhook.version));
		if (fields === undefined) return [];
		const { body, contentType } = deliveryBody(webhook, triggerEvent, fields, createdAt);
		const record: DeliveryRecord = {
			webhookId: webhook.id,
			subscriberUrl: webhook.subscriberUrl,
			triggerEvent,
			headers: {
				'content-type': contentType,
				'x-cal-signature-256': signatureFor(webhook.secret, body),
				// Every trigger, the scheduled MEETING_* included (handleWebhookScheduledTriggers.ts).
				'x-cal-webhook-version': webhook.version,
			},
			body,
			status: 0,
		};
		log.push(record);
		return [post(record, options.signal, options.timeoutMs).then(() => record)];
	});
	return await Promise.all(sends);
}

/** What Cal.com's webhook form holds when someone presses "Ping test". */
export interface PingTestForm {
	/** The secret typed into the form; Cal.com never shows a saved one, so usually none. */
	secret?: string | null;
	payloadTemplate?: string | null;
	/** The ping's createdAt/startTime/endTime; default now. */
	at?: string;
	signal?: AbortSignal;
}

/**
 * The webhook form's "Ping test", as Cal.com sends it: packages/trpc/server/routers/viewer/webhook/
 * testTrigger.handler.ts builds a fixed test event (type "Test", title "Test trigger event",
 * attendee John Doe, organizer Cal <no-reply@cal.com>, both Europe/London, start = end = now) and
 * hands it to sendPayload with triggerEvent "PING", the form's template and the secret typed in
 * the form (`secret = null` when none: the signature header is then `no-secret-provided`), payload
 * version DEFAULT_WEBHOOK_VERSION. sendPayload drops the empty description (`description ||
 * additionalNotes` is undefined), adds `utcOffset` to the organizer and the attendee, and the
 * translate function of `language` does not survive JSON. Recorded in `log` like any delivery.
 */
export async function pingTest(
	log: DeliveryRecord[],
	url: string,
	form: PingTestForm = {},
): Promise<DeliveryRecord> {
	const at = form.at ?? new Date().toISOString();
	const utcOffset = offsetMinutes(Date.parse(at), 'Europe/London');
	const language = { locale: 'en' };
	const payload = {
		type: 'Test',
		title: 'Test trigger event',
		startTime: at,
		endTime: at,
		attendees: [
			{
				email: 'jdoe@example.com',
				name: 'John Doe',
				timeZone: 'Europe/London',
				language,
				utcOffset,
			},
		],
		organizer: {
			name: 'Cal',
			email: 'no-reply@cal.com',
			timeZone: 'Europe/London',
			language,
			utcOffset,
		},
	};
	const { body, contentType } = deliveryBody(
		{ payloadTemplate: form.payloadTemplate ?? null },
		'PING',
		payload,
		at,
	);
	const record: DeliveryRecord = {
		webhookId: '',
		subscriberUrl: url,
		triggerEvent: 'PING',
		headers: {
			'content-type': contentType,
			'x-cal-signature-256': signatureFor(form.secret ?? null, body),
			'x-cal-webhook-version': DEFAULT_WEBHOOK_VERSION,
		},
		body,
		status: 0,
	};
	log.push(record);
	await post(record, form.signal);
	return record;
}
