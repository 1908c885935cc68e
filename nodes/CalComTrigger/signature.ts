import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'x-cal-signature-256';

/** What Cal.com writes in X-Cal-Signature-256 when the sender has no secret. */
export const UNSIGNED = 'no-secret-provided';

/** 32 random bytes as hex: the secret Cal.com signs our deliveries with. */
export function generateSecret(): string {
	return randomBytes(32).toString('hex');
}

/** Cal.com's signature is exactly 64 lower-case hex digits, without a `sha256=` prefix. */
const HEX_SHA256 = /^[0-9a-f]{64}$/;

export type SignatureVerdict =
	| { valid: true }
	| {
			valid: false;
			reason: 'no-secret' | 'missing' | 'unsigned' | 'malformed' | 'no-body' | 'mismatch';
	  };

/**
 * Checks `X-Cal-Signature-256` against the HMAC-SHA256 of the raw body bytes, in constant time.
 * Only Cal.com's exact format passes: upper-case hex, base64, a prefix or the literal
 * `no-secret-provided` are refused, and without a stored secret nothing passes.
 */
export function verifySignature(
	secret: unknown,
	header: string | string[] | undefined,
	rawBody: Buffer | undefined,
): SignatureVerdict {
	if (typeof secret !== 'string' || secret === '') return { valid: false, reason: 'no-secret' };
	if (header === undefined || header === '') return { valid: false, reason: 'missing' };
	// A repeated header is ambiguous: refuse rather than pick one.
	if (Array.isArray(header)) return { valid: false, reason: 'malformed' };
	if (header === UNSIGNED) return { valid: false, reason: 'unsigned' };
	if (!HEX_SHA256.test(header)) return { valid: false, reason: 'malformed' };
	if (!Buffer.isBuffer(rawBody)) return { valid: false, reason: 'no-body' };
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	const given = Buffer.from(header, 'hex');
	return expected.length === given.length && timingSafeEqual(expected, given)
		? { valid: true }
		: { valid: false, reason: 'mismatch' };
}
