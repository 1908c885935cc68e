/**
 * Many bookings at once, for paging tests and benchmarks (sandbox.seedBookings): written
 * straight into the state, without HTTP or availability checks, so 20,000 take milliseconds.
 */
import { newBookingUid, nextBookingId } from './ids';
import type { SandboxBooking, SandboxState } from './types';

const HOUR = 3_600_000;

export function seedBookings(
	state: SandboxState,
	now: Date,
	username: string,
	count: number,
	options: { start?: string; eventTypeId?: number } = {},
): SandboxBooking[] {
	const user = state.users.find((u) => u.username === username);
	if (!user) throw new Error(`seedBookings: no sandbox user "${username}"`);
	const et =
		options.eventTypeId !== undefined
			? state.eventTypes.find((e) => e.id === options.eventTypeId)
			: state.eventTypes.find((e) => e.ownerId === user.id && e.teamId === null);
	if (!et)
		throw new Error(`seedBookings: no event type ${options.eventTypeId ?? `of ${username}`}`);
	const first =
		options.start !== undefined
			? Date.parse(options.start)
			: Math.ceil(now.getTime() / HOUR) * HOUR;
	if (Number.isNaN(first)) throw new Error(`seedBookings: start is not a date: "${options.start}"`);
	const created = now.toISOString();
	let id = nextBookingId(state);
	const added: SandboxBooking[] = [];
	for (let i = 0; i < count; i++) {
		const start = first + i * HOUR;
		const n = String(i + 1).padStart(5, '0');
		added.push({
			id: id++,
			uid: newBookingUid(),
			title: `${et.title} between ${user.name ?? user.username} and Seeded Guest ${n}`,
			description: null,
			eventTypeId: et.id,
			userId: user.id,
			start: new Date(start).toISOString(),
			end: new Date(start + et.lengthInMinutes * 60_000).toISOString(),
			status: 'accepted',
			attendees: [
				{
					name: `Seeded Guest ${n}`,
					email: `guest${n}@seed.example`,
					timeZone: 'UTC',
					language: 'en',
					absent: false,
				},
			],
			guests: [],
			location: 'integrations:daily',
			bookingFieldsResponses: {},
			metadata: {},
			absentHost: false,
			createdAt: created,
			updatedAt: created,
		});
	}
	state.bookings.push(...added);
	return added;
}
