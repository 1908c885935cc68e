/**
 * Reads a booking link as Cal.com's booking page does, written from Cal.com's web app source
 * (calcom/cal.com), so a spec can check what a person would see filled in:
 * - packages/platform/atoms/booker/BookerWebWrapper.tsx: `name` (else firstName + " " + lastName),
 *   `guests` with getAll (so repeated), `metadata[key]` for every key that starts with "metadata",
 *   and the whole query (useRouterQuery) as extra options.
 * - packages/lib/hooks/useRouterQuery.ts: a name given more than once becomes a list.
 * - packages/features/bookings/Booker/components/hooks/useInitialFormValues.ts and
 *   packages/features/bookings/lib/getBookingResponsesSchema.ts: each booking question's response
 *   is the query value of its name (the API's slug); multi-select, checkbox and multi-email
 *   questions make a single value a list of one; boolean "true" is true.
 * - packages/features/bookings/Booker/store.ts: date, month (else the month of date), slot, and
 *   duration only when the event type offers it (durationConfig).
 * - packages/features/ee/organizations/lib/orgDomains.ts: an organization's pages are on
 *   <org>.<domain>; a team outside one is under /team/<team>.
 * Not Cal.com's code: only what a spec needs of it.
 */

export interface QuestionShape {
	slug: string;
	type: string;
}

export interface BookingPageView {
	origin: string;
	/** The organization subdomain, when the page is on one. */
	organization: string | null;
	/** /team/<slug>/… outside an organization. */
	team: string | null;
	/** The user, or inside an organization the user or team, of the page. */
	owner: string | null;
	eventTypeSlug: string;
	name: string | null;
	guests: string[];
	metadata: Record<string, string | null>;
	responses: Record<string, unknown>;
	date: string | null;
	month: string | null;
	slot: string | null;
	duration: number | null;
}

function fromEntriesWithDuplicates(params: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const [key, value] of params.entries()) {
		const current = result[key];
		if (current === undefined) result[key] = value;
		else result[key] = Array.isArray(current) ? [...current, value] : [current, value];
	}
	return result;
}

const LIST_TYPES = new Set(['multiselect', 'checkbox', 'multiemail']);

function responsesOf(
	query: Record<string, string | string[]>,
	questions: QuestionShape[],
): Record<string, unknown> {
	const responses: Record<string, unknown> = {};
	for (const question of questions) {
		const value = query[question.slug];
		if (value === undefined) continue;
		if (LIST_TYPES.has(question.type))
			responses[question.slug] = Array.isArray(value) ? value : [value];
		else if (question.type === 'boolean') responses[question.slug] = value === 'true';
		else responses[question.slug] = value;
	}
	return responses;
}

function placeOf(url: URL, webAppHost: string) {
	const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
	const organization =
		url.hostname !== webAppHost && url.hostname.split('.').length > webAppHost.split('.').length
			? url.hostname.split('.')[0]
			: null;
	const isTeam = !organization && segments[0] === 'team';
	const rest = isTeam ? segments.slice(1) : segments;
	return {
		organization,
		team: isTeam ? (rest[0] ?? null) : null,
		owner: isTeam ? null : (rest[0] ?? null),
		eventTypeSlug: rest[rest.length - 1] ?? '',
	};
}

/**
 * The booking page's view of `link`. `webAppHost` is the web app's own host (cal.com, cal.eu or
 * the self-hosted one); `questions` the event type's booking questions; `durations` its lengths.
 */
export function parseBookingLink(
	link: string,
	{
		webAppHost,
		questions = [],
		durations = [],
	}: { webAppHost: string; questions?: QuestionShape[]; durations?: number[] },
): BookingPageView {
	const url = new URL(link);
	const search = url.searchParams;
	const query = fromEntriesWithDuplicates(search);
	const firstName = search.get('firstName');
	const metadata: Record<string, string | null> = {};
	for (const key of Object.keys(query).filter((k) => k.startsWith('metadata')))
		metadata[key.substring('metadata['.length, key.length - 1)] = search.get(key);
	const date = search.get('date');
	const duration = Number(search.get('duration'));
	return {
		origin: url.origin,
		...placeOf(url, webAppHost),
		name: search.get('name') || (firstName ? `${firstName} ${search.get('lastName')}` : null),
		guests: search.getAll('guests'),
		metadata,
		responses: responsesOf(query, [
			{ slug: 'email', type: 'email' },
			{ slug: 'notes', type: 'textarea' },
			...questions,
		]),
		date,
		month: search.get('month') || (date ? date.slice(0, 7) : null),
		slot: search.get('slot'),
		duration: durations.includes(duration) ? duration : null,
	};
}
