/**
 * Rules of Cal.com's DTOs that the OpenAPI document does not carry (its email fields are plain
 * strings), checked with the document's own rules in validation-errors.ts:
 *
 * - POST /v2/bookings (packages/platform/types/bookings/2024-08-13/inputs/create-booking.input.ts):
 *   attendee.email is checked with class-validator's isEmail under a custom message
 *   "Invalid email format".
 * - POST /v2/bookings/{bookingUid}/guests (…/inputs/add-guests.input.ts): each guest's email is
 *   @IsEmail ("email must be an email"); more than 10 guests → "Cannot add more than 10 guests at
 *   a time" (@ArrayMaxSize's own message).
 * - POST /v2/bookings/{bookingUid}/mark-absent (…/inputs/mark-absent.input.ts): each attendee's
 *   email is @IsEmail.
 *
 * isEmail is validator.js's; `isEmail` below follows its default options as far as they matter
 * for addresses people type [inferred: validator.js itself was not read here]: a dot-atom local
 * part of at most 64 characters, a domain of letter/digit/hyphen labels (no underscore, no label
 * starting or ending with a hyphen, at most 63 characters each) ending in an alphabetic top-level
 * label of at least two letters, at most 254 characters in all.
 */
import type { Failure } from './validation-errors';

const LOCAL = /^[a-z\d!#$%&'*+\-/=?^_`{|}~]+(\.[a-z\d!#$%&'*+\-/=?^_`{|}~]+)*$/i;
const LABEL = /^[a-z\u00a1-\uffff\d]([a-z\u00a1-\uffff\d-]*[a-z\u00a1-\uffff\d])?$/i;
const TLD = /^([a-z\u00a1-\uffff]{2,}|xn[a-z\d-]{2,})$/i;

export function isEmail(value: unknown): boolean {
	if (typeof value !== 'string' || value.length > 254) return false;
	const at = value.lastIndexOf('@');
	if (at <= 0) return false;
	const local = value.slice(0, at);
	const labels = value.slice(at + 1).split('.');
	if (local.length > 64 || !LOCAL.test(local) || labels.length < 2) return false;
	return (
		labels.every((l) => l.length <= 63 && LABEL.test(l)) && TLD.test(labels[labels.length - 1])
	);
}

function items(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

function emailOf(item: unknown): unknown {
	return typeof item === 'object' && item !== null
		? (item as Record<string, unknown>).email
		: undefined;
}

const IS_EMAIL = { rule: 'isEmail', phrase: 'must be an email' };

const RULES: Record<string, (body: Record<string, unknown>) => Failure[]> = {
	'POST /v2/bookings': (body) => {
		// `!value || isEmail(value)`; a non-string is the schema's "must be a string".
		const email = emailOf(body.attendee);
		return typeof email === 'string' && email !== '' && !isEmail(email)
			? [
					{
						path: 'attendee.email',
						rule: 'customValidation',
						phrase: '',
						message: 'Invalid email format',
					},
				]
			: [];
	},
	// AddAttendeeInput_2024_08_13 (packages/platform/types/bookings/2024-08-13/inputs/
	// add-attendee.input.ts): the email is @IsEmail, as add-guests' [inferred: same DTO family].
	'POST /v2/bookings/{bookingUid}/attendees': (body) =>
		typeof body.email === 'string' && !isEmail(body.email) ? [{ path: 'email', ...IS_EMAIL }] : [],
	'POST /v2/bookings/{bookingUid}/mark-absent': (body) =>
		items(body.attendees).flatMap((a, i) =>
			isEmail(emailOf(a)) ? [] : [{ path: `attendees[${i}].email`, ...IS_EMAIL }],
		),
};

/**
 * AddGuestsInput's rules. The add-guests handler checks them after its own rate limit, since
 * Cal.com's throttler guard counts a request before any pipe sees its body.
 */
export function addGuestsFailures(body: unknown): Failure[] {
	const guests = items(
		typeof body === 'object' && body !== null
			? (body as Record<string, unknown>).guests
			: undefined,
	);
	const out: Failure[] = guests.flatMap((g, i) =>
		isEmail(emailOf(g)) ? [] : [{ path: `guests[${i}].email`, ...IS_EMAIL }],
	);
	if (guests.length > 10)
		out.unshift({
			path: 'guests',
			rule: 'arrayMaxSize',
			phrase: '',
			message: 'Cannot add more than 10 guests at a time',
		});
	return out;
}

/** What the DTO of `method template` refuses in `body` beyond the document's schema. */
export function dtoFailures(method: string, template: string, body: unknown): Failure[] {
	const rule = RULES[`${method} ${template}`] as
		| ((body: Record<string, unknown>) => Failure[])
		| undefined;
	return rule && typeof body === 'object' && body !== null && !Array.isArray(body)
		? rule(body as Record<string, unknown>)
		: [];
}
