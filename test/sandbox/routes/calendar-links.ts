/**
 * "Add to calendar" links as Cal.com builds them (packages/features/bookings/lib/getCalendarLinks.ts,
 * called by apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts getCalendarLinks
 * with English texts and isDynamic false):
 *
 * - the title is getEventName's: the event type's own event name, else "<event type title> between
 *   <team name or first host> and <attendee name>" (packages/features/eventtypes/lib/eventNaming.ts,
 *   English "event_between_users") [inferred: custom event-name variables are not expanded here,
 *   the fixture has none];
 * - the description is the event type's; the location only the booking metadata's videoCallUrl;
 * - Google: /calendar/r/eventedit with dates YYYYMMDDTHHmmssZ/…, the title unencoded, as there;
 * - Microsoft Office (outlook.office.com) and Outlook (outlook.live.com): deeplink/compose with
 *   startdt/enddt in UTC ISO without milliseconds; the Outlook one passed through encodeURI whole;
 * - ICS: a data:text/calendar URL of one VEVENT with start, duration, title, description and
 *   location, as the `ics` package writes it [inferred: its exact header lines and UID].
 * The document's CalendarLink has label and link; the `id` Cal.com adds is left out here.
 */
import type { SandboxBooking, SandboxEventType, SandboxState } from '../types';

function compact(iso: string): string {
	return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function noMillis(iso: string): string {
	return iso.replace(/\.\d{3}Z$/, 'Z');
}

function eventName(b: SandboxBooking, et: SandboxEventType, state: SandboxState): string {
	const own = (et as { eventName?: string | null }).eventName;
	if (own) return own;
	const team = et.teamId !== null ? state.teams.find((t) => t.id === et.teamId) : undefined;
	const host = state.users.find((u) => u.id === (et.ownerId ?? b.userId));
	const organizer = team?.name ?? host?.name ?? 'Nameless';
	return `${et.title} between ${organizer} and ${b.attendees[0]?.name ?? ''}`;
}

function ics(
	title: string,
	start: string,
	minutes: number,
	description: string,
	location: string | null,
): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		'PRODID:adamgibbons/ics',
		'METHOD:PUBLISH',
		'X-PUBLISHED-TTL:PT1H',
		'BEGIN:VEVENT',
		`SUMMARY:${title}`,
		`DTSTART:${compact(start)}`,
		...(description ? [`DESCRIPTION:${description}`] : []),
		...(location ? [`LOCATION:${location}`] : []),
		`DURATION:PT${minutes}M`,
		'END:VEVENT',
		'END:VCALENDAR',
	];
	return `data:text/calendar,${encodeURIComponent(lines.join('\r\n') + '\r\n')}`;
}

export function calendarLinks(
	b: SandboxBooking,
	et: SandboxEventType,
	state: SandboxState,
): Array<{ label: string; link: string }> {
	const title = eventName(b, et, state);
	const description = et.description ?? '';
	const location = b.metadata.videoCallUrl ? b.metadata.videoCallUrl : null;
	const start = new Date(b.start).toISOString();
	const end = new Date(b.end).toISOString();
	const where = location ? `&location=${encodeURIComponent(location)}` : '';
	const compose = `enddt=${noMillis(end)}&path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&startdt=${noMillis(start)}&subject=${title}`;
	const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
	return [
		{
			label: 'Google Calendar',
			link: `https://calendar.google.com/calendar/r/eventedit?dates=${compact(start)}/${compact(end)}&text=${title}&details=${encodeURIComponent(description)}${where}`,
		},
		{
			label: 'Microsoft Office',
			link: `https://outlook.office.com/calendar/0/deeplink/compose?body=${encodeURIComponent(description)}&${compose}${where}`,
		},
		{
			label: 'Microsoft Outlook',
			link:
				encodeURI(
					`https://outlook.live.com/calendar/0/deeplink/compose?body=${description}&${compose}`,
				) + where,
		},
		{ label: 'ICS', link: ics(title, start, minutes, description, location) },
	];
}
