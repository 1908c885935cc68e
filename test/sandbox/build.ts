/**
 * Where Cal.com servers in the field answer differently for the same API version, which one the
 * sandbox plays. The default is what the newest source we read does; each alternative is a
 * build a user may meet (hosted today, or an older self-hosted one). `sandbox.build` is live:
 * a spec may switch it, and reset() puts back what startSandbox was given.
 */
export interface SandboxBuild {
	/**
	 * Status of "slot taken" (`no_available_users_found_error`) on create and reschedule. 400
	 * BadRequestException: apps/api/v2/src/ee/bookings/2024-08-13/services/errors.service.ts
	 * (handleBookingError). 409 ConflictException with the same text: what hosted Cal.com answers
	 * (API-NOTES §4.2, reported, not in the source we could read).
	 */
	slotTakenStatus: 400 | 409;
	/**
	 * The count field of the bookings list's offset `pagination`: 'returnedItems' in
	 * apps/api/v2/src/lib/pagination/pagination.ts today, 'itemsReturned' in its earlier version.
	 */
	paginationCountField: 'returnedItems' | 'itemsReturned';
	/**
	 * The seated cancel body (CancelSeatedBookingInput_2024_08_13 in packages/platform/types,
	 * bookings/2024-08-13/inputs/cancel-booking.input.ts): 'seatAndReason' (newest: seatUid and an
	 * optional cancellationReason) or 'seatOnly' (earlier: seatUid alone, and the pipe's
	 * forbidNonWhitelisted turns a cancellationReason into a 400).
	 */
	seatedCancelInput: 'seatAndReason' | 'seatOnly';
	/**
	 * An older self-hosted Cal.com, from before the 2026 API versions (older-server.ts): a 2026
	 * `cal-api-version` is taken as 2024-04-15 (apps/api/v2/src/app.ts), so GET /v2/bookings with
	 * 2026-05-01 answers 404 "Cannot GET …"; webhooks refuse payload version 2026-07-27 and the
	 * triggers added after the saved document with the global pipe's 400.
	 */
	olderServer: boolean;
	/**
	 * With olderServer: GET /v2/bookings taken as 2024-04-15 answers as Cal.com's own legacy
	 * controller does (ee/bookings/2024-04-15/controllers/bookings.controller.ts: 200,
	 * `data: {bookings, totalCount, nextCursor}`) instead of the sandbox's louder 404.
	 */
	olderLegacyBookings: boolean;
}

export const DEFAULT_BUILD: Readonly<SandboxBuild> = {
	slotTakenStatus: 400,
	paginationCountField: 'returnedItems',
	seatedCancelInput: 'seatAndReason',
	olderServer: false,
	olderLegacyBookings: false,
};

export function makeBuild(given: Partial<SandboxBuild> = {}): SandboxBuild {
	const build = { ...DEFAULT_BUILD, ...given };
	if (build.slotTakenStatus !== 400 && build.slotTakenStatus !== 409)
		throw new Error('SandboxBuild.slotTakenStatus must be 400 or 409');
	return build;
}
