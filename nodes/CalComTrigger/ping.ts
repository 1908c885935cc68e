import { isRecord } from '../CalCom/helpers/json';
import { PING_EVENT } from '../CalCom/webhooks/events';

/**
 * The fields of the test event Cal.com's "Ping test" sends (its testTrigger handler): no booking
 * field (uid, bookingId, responses …) is among them.
 */
const PING_PAYLOAD_KEYS = new Set([
	'type',
	'title',
	'description',
	'startTime',
	'endTime',
	'attendees',
	'organizer',
]);

/**
 * Whether the bytes are Cal.com's Ping test exactly: the body `{triggerEvent: "PING", createdAt,
 * payload}` and nothing else, the payload the fixed test event (type "Test", title "Test trigger
 * event") and nothing else. An unsigned delivery that is not this, a booking body relabelled PING
 * included, is treated as a forgery.
 */
export function isCalComPing(rawBody: Buffer | undefined): boolean {
	if (!Buffer.isBuffer(rawBody)) return false;
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8')) as unknown;
	} catch {
		return false;
	}
	if (!isRecord(body)) return false;
	const keys = Object.keys(body);
	if (keys.length !== 3 || body.triggerEvent !== PING_EVENT || typeof body.createdAt !== 'string')
		return false;
	const { payload } = body;
	if (!isRecord(payload) || payload.type !== 'Test' || payload.title !== 'Test trigger event')
		return false;
	return Object.keys(payload).every((key) => PING_PAYLOAD_KEYS.has(key));
}
