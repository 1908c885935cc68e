/**
 * New identifiers for things handlers create. Booking uids are 22 letters/digits like
 * Cal.com's short ids (API-NOTES §11); reservation uids are UUIDs as Cal.com's are.
 * Random, not sequential: a test that hard-codes a generated uid should fail.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { SandboxState } from './types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newBookingUid(): string {
	const bytes = randomBytes(22);
	let uid = '';
	for (const byte of bytes) uid += ALPHABET[byte % ALPHABET.length];
	return uid;
}

export function newReservationUid(): string {
	return randomUUID();
}

/** Next numeric booking id: one more than the largest in the live state. */
export function nextBookingId(state: SandboxState): number {
	let max = 0;
	for (const b of state.bookings) if (b.id > max) max = b.id;
	return max + 1;
}
