import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { expectRefusedByName, expr } from './bad-input';

const sandbox = useSandbox();

const busyTimes = (changes: INodeParameters): INodeParameters => ({
	resource: 'calendar',
	operation: 'getBusyTimes',
	start: '2027-03-25T09:00',
	end: '2027-03-25T17:00',
	timeZone: 'America/New_York',
	calendars: ['501:bailey@example.com'],
	...changes,
});

describe('R2 bad input: busy-time ranges whose End is not after Start', () => {
	const ranges: Array<[string, string]> = [
		['2027-03-25T17:00', '2027-03-25T09:00'],
		['2027-03-25T09:00', '2027-03-25T09:00'],
		['2027-03-26', '2027-03-25'],
		['2027-03-25T12:00:00Z', '2027-03-25T07:59:59-04:00'],
	];
	it.each(ranges)('Start %s, End %s: refused by name before any request', async (start, end) => {
		const result = await runCalCom(sandbox(), busyTimes({ start, end }));
		expectRefusedByName(sandbox(), result, 'End', /must be after Start/);
	});
});

describe('R2 bad input: calendars not in the "<credential ID>:<external ID>" form', () => {
	const forms: unknown[] = [
		'family',
		'501',
		':bailey@example.com',
		'501:',
		'abc:bailey@example.com',
		'-1:bailey@example.com',
		42,
		{ credentialId: 501, externalId: 'bailey@example.com' },
		[501],
		['501:bailey@example.com', 'family'],
		true,
	];
	it.each(forms)('%j: refused by name before any request', async (bad) => {
		const result = await runCalCom(sandbox(), busyTimes({ calendars: expr(JSON.stringify(bad)) }));
		expectRefusedByName(
			sandbox(),
			result,
			'Calendar Names or IDs',
			/<credential ID>:<external ID>/,
		);
	});
});

describe('R2 bad input: busy-time zones and times Cal.com would not read', () => {
	it.each(['CEST', 'New York', '+02:00', 'Mars/Olympus', 'America/NewYork'])(
		'Time Zone %j: refused by name before any request',
		async (timeZone) => {
			const result = await runCalCom(sandbox(), busyTimes({ timeZone }));
			expectRefusedByName(sandbox(), result, 'Time Zone');
		},
	);
	it.each([
		['Start', '03/25/2027'],
		['Start', '10am'],
		['End', '2027-02-30'],
		['End', expr('1774443600000')],
		['Start', expr('""')],
	])('%s %j: refused by name before any request', async (field, value) => {
		const result = await runCalCom(sandbox(), busyTimes({ [field.toLowerCase()]: value }));
		expectRefusedByName(sandbox(), result, field);
	});
});

describe('R2 bad input: calendar providers a connection check does not know', () => {
	it.each(['yahoo', 'Google', '', 7, ['google']])(
		'%j: refused by name before any request',
		async (provider) => {
			const result = await runCalCom(sandbox(), {
				resource: 'calendar',
				operation: 'check',
				provider: expr(JSON.stringify(provider)),
			});
			expectRefusedByName(sandbox(), result, 'Calendar Provider');
		},
	);
});

describe('R2 bad input: default conferencing apps Cal.com does not have', () => {
	it.each(['webex', 'Zoom', 'google_video', 'cal-video', '', 3, ['zoom']])(
		'%j: refused by name before any request',
		async (app) => {
			const result = await runCalCom(sandbox(), {
				resource: 'conferencing',
				operation: 'setDefault',
				app: expr(JSON.stringify(app)),
			});
			expectRefusedByName(sandbox(), result, 'App');
		},
	);
});
