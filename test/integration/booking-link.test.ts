import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import {
	bookingPageBase,
	bookingPagePath,
	organizationOrigin,
} from '../../nodes/CalCom/actions/booking/bookingPage';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runNode } from '../harness';
import type { Sandbox } from '../sandbox';
import { parseBookingLink } from '../unit/booking-link-parse';
import { credentialsFor, useSandbox, visibleText } from './helpers';

const SELF_HOSTED_PAGES = 'https://cal.example.com';
const byId = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const QUESTIONS_OF_12 = [
	{ slug: 'company', type: 'text' },
	{ slug: 'team-size', type: 'select' },
	{ slug: 'topics', type: 'multiselect' },
	{ slug: 'accept-terms', type: 'boolean' },
];

async function createLink(
	sandbox: Sandbox,
	parameters: INodeParameters,
	{
		username = 'bailey',
		bookingPageUrl = SELF_HOSTED_PAGES,
		continueOnFail = false,
		inputItems = undefined as IDataObject[] | undefined,
	} = {},
) {
	const credentials = credentialsFor(sandbox, username);
	credentials.calComV2Api.bookingPageUrl = bookingPageUrl;
	return await runNode({
		node: new CalCom(),
		credentialTypes: [new CalComV2Api()],
		parameters: { resource: 'booking', operation: 'createLink', ...parameters },
		credentials: credentials as never,
		continueOnFail,
		inputItems: inputItems ?? (continueOnFail ? [{ n: 1 }, { n: 2 }] : undefined),
	});
}

describe('Booking → Create Booking Link', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('fills in name, email, several guests, notes, questions incl. a multi-select, metadata and a slot, as the booking page reads them', async () => {
		const result = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(12),
			attendeeName: 'Ana Søren-Ibáñez & Co',
			attendeeEmail: 'ana+cal@example.com',
			guests: 'bo@example.com, cy@example.com',
			notes: 'Renewal: 50% off? A+B & C = 日本',
			bookingQuestions: {
				answers: [
					{ question: 'company', value: 'Smith & Sons' },
					{ question: 'team-size', value: '11-50' },
					{ question: 'topics', value: 'Pricing, Security' },
					{ question: 'accept-terms', value: 'true' },
				],
			},
			metadata: { entries: [{ key: 'crmId', value: '0042 +x' }] },
			chosenTime: { slot: '2027-03-15T09:00:00-04:00' },
		});
		expect(result.error).toBeUndefined();
		const json = result.items[0].json;
		// A personal event type: Cal.com's own bookingUrl is the page.
		expect(String(json.url)).toMatch(/^https:\/\/cal\.com\/bailey\/30min\?/);
		const page = parseBookingLink(String(json.url), {
			webAppHost: 'cal.com',
			questions: QUESTIONS_OF_12,
		});
		expect(page).toMatchObject({
			owner: 'bailey',
			team: null,
			organization: null,
			eventTypeSlug: '30min',
			name: 'Ana Søren-Ibáñez & Co',
			guests: ['bo@example.com', 'cy@example.com'],
			metadata: { crmId: '0042 +x' },
			date: '2027-03-15',
			month: '2027-03',
			slot: '2027-03-15T13:00:00.000Z',
		});
		expect(page.responses).toEqual({
			email: 'ana+cal@example.com',
			notes: 'Renewal: 50% off? A+B & C = 日本',
			company: 'Smith & Sons',
			'team-size': '11-50',
			topics: ['Pricing', 'Security'],
			'accept-terms': true,
		});
		expect(json.eventType).toMatchObject({ id: 12, slug: '30min', username: 'bailey' });
		expect(json.prefilled).toMatchObject({ guests: ['bo@example.com', 'cy@example.com'] });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/event-types/12',
		]);
	});

	it("gives the README's example link, parameter for parameter", async () => {
		const result = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(12),
			attendeeName: 'Ana Silva',
			attendeeEmail: 'ana@example.com',
			guests: 'bo@example.com',
			bookingQuestions: { answers: [{ question: 'topics', value: 'Pricing, Security' }] },
			chosenTime: { slot: '2027-03-15T09:00:00-04:00' },
		});
		expect(result.items[0].json.url).toBe(
			'https://cal.com/bailey/30min?name=Ana+Silva&email=ana%40example.com&guests=bo%40example.com&topics=Pricing&topics=Security&month=2027-03&date=2027-03-15&slot=2027-03-15T13%3A00%3A00.000Z',
		);
	});

	it('opens on a chosen length the event type offers, and on a month', async () => {
		const result = await createLink(
			sandbox,
			{
				lookup: 'userSlug',
				username: 'lena',
				eventTypeSlug: 'intro-call',
				attendeeName: 'Ana',
				chosenTime: { duration: 60, month: '2027-04' },
			},
			{ username: 'bailey' },
		);
		expect(result.error).toBeUndefined();
		const page = parseBookingLink(String(result.items[0].json.url), {
			webAppHost: 'cal.com',
			durations: [30, 60],
		});
		expect(page).toMatchObject({ owner: 'lena', eventTypeSlug: 'intro-call', duration: 60 });
		expect(page).toMatchObject({ month: '2027-04', date: null, slot: null });
	});

	it('many items on one username and slug: the event type is looked up once per execution, each link as alone', async () => {
		const params: INodeParameters = {
			lookup: 'userSlug',
			username: 'lena',
			eventTypeSlug: 'intro-call',
			attendeeName: '={{ $json.name }}',
		};
		const inputItems = [{ name: 'Ana' }, { name: 'Bo' }, { name: 'Cy' }];
		const together = await createLink(sandbox, params, { username: 'bailey', inputItems });
		expect(together.error).toBeUndefined();
		const lookUps = () =>
			sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v2/event-types');
		expect(lookUps()).toHaveLength(1);
		expect(lookUps()[0].query).toMatchObject({ username: 'lena', eventSlug: 'intro-call' });
		const alone = [];
		for (const item of inputItems) {
			const result = await createLink(sandbox, params, { inputItems: [item] });
			alone.push(result.items[0].json);
		}
		expect(together.items.map((i) => i.json)).toEqual(alone);
		expect(together.items.map((i) => i.json.url)).toEqual([
			'https://cal.com/lena/intro-call?name=Ana',
			'https://cal.com/lena/intro-call?name=Bo',
			'https://cal.com/lena/intro-call?name=Cy',
		]);
		// Each execution looks it up again: nothing is kept across executions.
		expect(lookUps()).toHaveLength(1 + inputItems.length);
	});

	it('refuses a length the event type does not offer, naming Duration and the lengths', async () => {
		const result = await createLink(sandbox, {
			lookup: 'userSlug',
			username: 'lena',
			eventTypeSlug: 'intro-call',
			chosenTime: { duration: 45 },
		});
		expect(result.error?.message).toBe(
			"Duration: 45 minutes is not one of the lengths this event type offers (30, 60); Cal.com's booking page ignores any other.",
		);
	});

	it('builds a team page under /team/ on the Booking Page URL of a self-hosted Cal.com', async () => {
		const byTeamId = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(51),
			attendeeEmail: 'ana@example.com',
		});
		expect(byTeamId.error).toBeUndefined();
		expect(byTeamId.items[0].json.url).toBe(
			'https://cal.example.com/team/customer-success/onboarding?email=ana%40example.com',
		);
		const bySlug = await createLink(sandbox, {
			lookup: 'teamSlug',
			teamSlug: 'customer-success',
			eventTypeSlug: 'team-sync',
			attendeeName: 'Ana Silva',
		});
		expect(bySlug.error).toBeUndefined();
		const page = parseBookingLink(String(bySlug.items[0].json.url), {
			webAppHost: 'cal.example.com',
		});
		expect(page).toMatchObject({
			origin: 'https://cal.example.com',
			team: 'customer-success',
			eventTypeSlug: 'team-sync',
			name: 'Ana Silva',
		});
	});

	it("gives an organization user's page on the organization's domain, as Cal.com's bookingUrl does", async () => {
		const result = await createLink(
			sandbox,
			{ lookup: 'eventTypeId', eventTypeId: byId(49), attendeeName: 'Ana' },
			{ username: 'priya' },
		);
		expect(result.error).toBeUndefined();
		const page = parseBookingLink(String(result.items[0].json.url), { webAppHost: 'cal.com' });
		expect(page).toMatchObject({
			origin: 'https://northwind.cal.com',
			organization: 'northwind',
			owner: 'priya',
			eventTypeSlug: 'discovery-call',
		});
	});

	it('refuses an event type that does not exist by name, by ID, by username and by team', async () => {
		const missing = await createLink(sandbox, { lookup: 'eventTypeId', eventTypeId: byId(999) });
		expect(missing.error?.message).toBe(
			'Event type 999 was not found. Pick it from the Event Type list, or check the ID (Event Type → Get Many lists yours)',
		);
		const bySlug = await createLink(sandbox, {
			lookup: 'userSlug',
			username: 'bailey',
			eventTypeSlug: 'no-such-meeting',
		});
		expect(bySlug.error?.message).toBe(
			'Event type "no-such-meeting" of user bailey was not found. Check both slugs against the booking link (cal.com/<owner>/<event type>)',
		);
		const byTeam = await createLink(sandbox, {
			lookup: 'teamSlug',
			teamSlug: 'customer-success',
			eventTypeSlug: 'no-such-meeting',
		});
		expect(byTeam.error?.message).toBe(
			'Event type "no-such-meeting" of team customer-success was not found. Check both slugs against the booking link (cal.com/<owner>/<event type>)',
		);
	});

	it('refuses an answer to a question the event type does not have, naming it and listing the questions', async () => {
		const result = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(12),
			bookingQuestions: { answers: [{ question: 'budget', value: '10k' }] },
		});
		expect(result.error?.message).toMatch(
			/^Booking Questions: "budget" is not a question of this event type; its questions are .*company.*topics/,
		);
	});

	it('through a single-use private link: the /d/<link>/<slug> page with the answers, made with maxUsageCount 1', async () => {
		const result = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(12),
			attendeeName: 'Ana Silva',
			attendeeEmail: 'ana@example.com',
			singleUseLink: true,
		});
		expect(result.error).toBeUndefined();
		const url = new URL(String(result.items[0].json.url));
		expect(url.origin + url.pathname).toMatch(/^https:\/\/cal\.com\/d\/[0-9a-f]+\/30min$/);
		expect(url.searchParams.get('name')).toBe('Ana Silva');
		const create = sandbox.requests.find((r) => r.method === 'POST');
		expect(create?.path).toBe('/v2/event-types/12/private-links');
		expect(create?.body).toEqual({ maxUsageCount: 1 });
		// 2024-09-04: Cal.com's bookingUrl is already the page, used as it came.
		expect(create?.headers['cal-api-version']).toBe('2024-09-04');
	});

	it("an organization user's single-use link is on the organization's domain, as Cal.com's bookingUrl gives it", async () => {
		const result = await createLink(
			sandbox,
			{ lookup: 'eventTypeId', eventTypeId: byId(49), singleUseLink: true },
			{ username: 'priya' },
		);
		expect(result.error).toBeUndefined();
		const url = new URL(String(result.items[0].json.url));
		expect(url.origin + url.pathname).toMatch(
			/^https:\/\/northwind\.cal\.com\/d\/[0-9a-f]+\/discovery-call$/,
		);
	});

	it('a single-use link of an event type the key cannot manage is refused, saying who can make one', async () => {
		const result = await createLink(
			sandbox,
			{ lookup: 'userSlug', username: 'bailey', eventTypeSlug: '30min', singleUseLink: true },
			{ username: 'lena' },
		);
		expect(result.error?.message).toBe(
			"Event type 12 was not found among the event types the API key's user may manage. Check the event type ID (Event Type → Get Many lists them).",
		);
	});

	it('Continue On Fail: a refused item is an error item paired with its input', async () => {
		const result = await createLink(
			sandbox,
			{
				lookup: 'eventTypeId',
				eventTypeId: byId(12),
				attendeeEmail: '={{ $json.n === 1 ? "ana@example.com" : "not-an-email" }}',
			},
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.url).toContain('email=ana%40example.com');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(String(result.items[1].json.error)).toMatch(/^Attendee Email: "not-an-email"/);
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('Raw gives Cal.com’s event type; Selected Fields keeps only what is named', async () => {
		const raw = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(11),
			attendeeName: 'Ana',
			output: 'raw',
		});
		const eventType = raw.items[0].json.eventType as IDataObject;
		expect(eventType.bookingUrl).toBe('https://cal.com/bailey/15min');
		expect(eventType.bookingFields).toBeDefined();
		const selected = await createLink(sandbox, {
			lookup: 'eventTypeId',
			eventTypeId: byId(11),
			attendeeName: 'Ana',
			output: 'selected',
			selectedFields: 'url',
		});
		expect(Object.keys(selected.items[0].json)).toContain('url');
		expect(selected.items[0].json).not.toHaveProperty('prefilled');
		expect(visibleText(selected)).not.toContain(sandbox.apiKeyFor('bailey'));
	});
});

describe('the booking page of each Cal.com instance', () => {
	it('is derived for Cloud and EU, and taken from the credential when self-hosted', () => {
		expect(bookingPageBase({ environment: 'cloud' })).toBe('https://cal.com');
		expect(bookingPageBase({ environment: 'eu' })).toBe('https://cal.eu');
		expect(
			bookingPageBase({ environment: 'selfHosted', bookingPageUrl: ' https://cal.example.com/ ' }),
		).toBe('https://cal.example.com');
	});

	it("puts organization pages on the organization's subdomain of each instance", () => {
		expect(organizationOrigin('https://cal.com', 'acme')).toBe('https://acme.cal.com');
		expect(organizationOrigin('https://cal.eu', 'acme')).toBe('https://acme.cal.eu');
		expect(organizationOrigin('https://cal.example.com', 'acme')).toBe('https://acme.example.com');
		const team = bookingPagePath('https://cal.eu', {
			eventTypeSlug: 'demo',
			teamSlug: 'sales',
			organizationSlug: 'acme',
		});
		expect(parseBookingLink(team, { webAppHost: 'cal.eu' })).toMatchObject({
			organization: 'acme',
			owner: 'sales',
			eventTypeSlug: 'demo',
		});
		const plainTeam = bookingPagePath('https://cal.eu', {
			eventTypeSlug: 'demo',
			teamSlug: 'sales',
		});
		expect(plainTeam).toBe('https://cal.eu/team/sales/demo');
	});
});
