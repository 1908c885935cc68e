/**
 * Specs' setup for organization 900 beyond the fixture: a team of the organization with an event
 * type, and bookings of its users and of that team, added to a running sandbox's live state.
 * New IDs are the next free ones, so the fixture can grow without clashing.
 */
import { seedBookings } from './seed-bookings';
import type { SandboxBooking, SandboxState } from './types';

export interface OrganizationSeed {
	teamId: number;
	teamEventTypeId: number;
	/** priya's own booking (event type 49), the team's booking (omar hosts), lena's (outside). */
	uids: { priya: string; team: string; outside: string };
}

const nextId = (ids: number[]) => Math.max(0, ...ids) + 1;

/** One booking of `username` on the event type at `start`, with a known UID and attendee. */
function booking(
	state: SandboxState,
	[username, eventTypeId, start, uid]: [string, number, string, string],
	attendee: { name: string; email: string },
): SandboxBooking {
	const created = new Date('2027-02-20T10:00:00Z');
	const [made] = seedBookings(state, created, username, 1, { start, eventTypeId });
	made.uid = uid;
	Object.assign(made.attendees[0], attendee);
	return made;
}

export function seedOrganization(state: SandboxState): OrganizationSeed {
	const teamId = nextId(state.teams.map((t) => t.id));
	const membershipId = nextId(state.teams.flatMap((t) => t.members.map((m) => m.id ?? 0)));
	state.teams.push({
		id: teamId,
		name: 'Field Sales',
		slug: 'field-sales',
		organizationId: 900,
		members: [{ id: membershipId, userId: 82, role: 'OWNER', accepted: true }],
	});
	const template = state.eventTypes.find((e) => e.id === 51);
	if (!template) throw new Error('the fixture lost team event type 51');
	const teamEventTypeId = nextId(state.eventTypes.map((e) => e.id));
	state.eventTypes.push({
		...structuredClone(template),
		id: teamEventTypeId,
		teamId,
		slug: 'field-demo',
		title: 'Field Demo',
		hosts: [{ userId: 82, isFixed: false }],
	});
	const priya = booking(state, ['priya', 49, '2027-03-04T10:00:00Z', 'PriyaDiscoveryCall0001'], {
		name: 'Ana Client',
		email: 'ana@client.example',
	});
	const team = booking(
		state,
		['omar', teamEventTypeId, '2027-03-05T14:00:00Z', 'FieldSalesDemo00000001'],
		{ name: 'Bo Buyer', email: 'bo@buyer.example' },
	);
	const outside = 'MA410LR1J0MAzS7A890ZlJ';
	return { teamId, teamEventTypeId, uids: { priya: priya.uid, team: team.uid, outside } };
}
