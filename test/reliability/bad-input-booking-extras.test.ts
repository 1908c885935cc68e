import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr, UID } from './bad-input';

const sandbox = useSandbox();

/** Valid parameters of the booking-record operations; a case replaces one with a bad value. */
const VALID: Record<string, INodeParameters> = {
	getAttendees: { resource: 'booking', operation: 'getAttendees', bookingUid: UID },
	getAttendee: { resource: 'booking', operation: 'getAttendee', bookingUid: UID, attendeeId: 1 },
	addAttendee: {
		resource: 'booking',
		operation: 'addAttendee',
		bookingUid: UID,
		attendeeName: 'Eve Ng',
		attendeeEmail: 'eve@example.com',
		attendeeTimeZone: 'Europe/Berlin',
	},
	getRecordings: { resource: 'booking', operation: 'getRecordings', bookingUid: UID },
	getTranscripts: { resource: 'booking', operation: 'getTranscripts', bookingUid: UID },
	getConferencingSessions: {
		resource: 'booking',
		operation: 'getConferencingSessions',
		bookingUid: UID,
	},
	getReferences: { resource: 'booking', operation: 'getReferences', bookingUid: UID },
	getCalendarLinks: { resource: 'booking', operation: 'getCalendarLinks', bookingUid: UID },
	getBySeatUid: { resource: 'booking', operation: 'getBySeatUid', seatUid: 'seat-1' },
	linkCreate: {
		resource: 'eventTypePrivateLink',
		operation: 'create',
		eventTypeId: byId('12'),
		limitBy: 'uses',
		maxUsageCount: 1,
	},
	linkUpdate: {
		resource: 'eventTypePrivateLink',
		operation: 'update',
		eventTypeId: byId('12'),
		linkId: 'b1a2c3d4e5f60718293a4b5c6d7e8f90',
		limitBy: 'uses',
		maxUsageCount: 2,
	},
	linkDelete: {
		resource: 'eventTypePrivateLink',
		operation: 'delete',
		eventTypeId: byId('12'),
		linkId: 'b1a2c3d4e5f60718293a4b5c6d7e8f90',
	},
	linkGetMany: {
		resource: 'eventTypePrivateLink',
		operation: 'getMany',
		eventTypeId: byId('12'),
		returnAll: true,
	},
};

const run = async (operation: string, changes: INodeParameters) =>
	await runCalCom(sandbox(), { ...VALID[operation], ...changes });

/** Values that would change the route, or the query, were they put into a URL as they are. */
const PATH_BREAKERS = ['abc/def', '../12', '..', 'a b', 'x?admin=1', 'x#frag', '%2e%2e', '   '];

describe('R2 bad input: booking and seat UIDs that would break the path', () => {
	const withUid = Object.keys(VALID).filter(
		(op) => VALID[op].resource === 'booking' && op !== 'getBySeatUid',
	);
	describe.each(withUid)('%s → Booking UID', (operation) => {
		it.each(PATH_BREAKERS)('refuses %j by name before any request', async (bad) => {
			const result = await run(operation, { bookingUid: bad });
			expectRefusedByName(sandbox(), result, 'Booking UID');
		});
	});
	it.each(PATH_BREAKERS)('getBySeatUid refuses the seat UID %j by name', async (bad) => {
		const result = await run('getBySeatUid', { seatUid: bad });
		expectRefusedByName(sandbox(), result, 'Seat UID');
	});
	it.each([0, -3, 1.5, '1/2', 'abc', null])(
		'getAttendee refuses the attendee ID %j by name',
		async (bad) => {
			const result = await run('getAttendee', { attendeeId: expr(JSON.stringify(bad)) });
			expectRefusedByName(sandbox(), result, 'Attendee ID');
		},
	);
});

describe('R2 bad input: an attendee to add with an invalid email, time zone, name or phone', () => {
	it.each(['eve', 'eve@', '@example.com', 'eve@example', 'a b@example.com', '   '])(
		'refuses the email %j by name before any request',
		async (bad) => {
			const result = await run('addAttendee', { attendeeEmail: bad });
			expectRefusedByName(sandbox(), result, 'Attendee Email');
		},
	);
	it.each(['Mars/Olympus', 'CET+1', 'berlin', '   '])(
		'refuses the time zone %j by name before any request',
		async (bad) => {
			const result = await run('addAttendee', { attendeeTimeZone: bad });
			expectRefusedByName(sandbox(), result, 'Attendee Time Zone');
		},
	);
	it.each(['   ', '\t'])('refuses the name %j by name before any request', async (bad) => {
		const result = await run('addAttendee', { attendeeName: bad });
		expectRefusedByName(sandbox(), result, 'Attendee Name');
	});
	it.each(['12345', '+0123456', 'call me'])(
		'refuses the phone number %j by name before any request',
		async (bad) => {
			const result = await run('addAttendee', { options: { phoneNumber: bad } });
			expectRefusedByName(sandbox(), result, 'Phone Number');
		},
	);
	it.each(['english', 'EN', 'de-DE', 'xx'])(
		'refuses the language %j by name before any request',
		async (bad) => {
			const result = await run('addAttendee', { options: { language: bad } });
			expectRefusedByName(sandbox(), result, 'Language', /pt-BR/);
		},
	);
	it('refuses a reference type Cal.com does not filter by', async () => {
		const result = await run('getReferences', { options: { type: 'teams_calendar' } });
		expectRefusedByName(sandbox(), result, 'Type', /google_calendar/);
	});
});

describe('R2 bad input: private links expiring in the past, with fewer than one use, or bad IDs', () => {
	it.each(['2020-01-01T00:00:00Z', '2001-09-09', '1970-01-01T00:00'])(
		'%s → Expires At in the past is refused by name before any request',
		async (bad) => {
			for (const operation of ['linkCreate', 'linkUpdate']) {
				sandbox().reset();
				const result = await run(operation, { limitBy: 'time', expiresAt: bad });
				expectRefusedByName(sandbox(), result, 'Expires At', /in the past/);
			}
		},
	);
	it.each(['tomorrow', '2027-13-01', '   '])('refuses the expiry %j as no time', async (bad) => {
		const result = await run('linkCreate', { limitBy: 'time', expiresAt: bad });
		expectRefusedByName(sandbox(), result, 'Expires At');
	});
	it.each([0, -1, 1.5, '3', null])('refuses %j uses by name before any request', async (bad) => {
		for (const operation of ['linkCreate', 'linkUpdate']) {
			sandbox().reset();
			const result = await run(operation, { maxUsageCount: expr(JSON.stringify(bad)) });
			expectRefusedByName(sandbox(), result, 'Max Uses', /at least 1/);
		}
	});
	describe.each(['linkUpdate', 'linkDelete'])('%s → Link ID', (operation) => {
		it.each(PATH_BREAKERS)('refuses %j by name before any request', async (bad) => {
			const result = await run(operation, { linkId: bad });
			expectRefusedByName(sandbox(), result, 'Link ID');
		});
	});
	describe.each(['linkCreate', 'linkGetMany', 'linkUpdate', 'linkDelete'])(
		'%s → Event Type',
		(operation) => {
			it.each(['0', '-4', '12/../13', 'abc', '1.5'])('refuses %j by name', async (bad) => {
				const result = await run(operation, { eventTypeId: byId(expr(JSON.stringify(bad))) });
				expectRefusedByName(sandbox(), result, 'Event Type');
			});
		},
	);
});
