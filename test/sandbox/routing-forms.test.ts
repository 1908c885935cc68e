/**
 * Routing forms over HTTP: the organization's and a team's forms and responses, a response that
 * routes by its answers (an event type's slots, a custom page, an external URL), and Calculate
 * Slots, which routes without storing anything.
 */
import type { Sandbox } from './index';
import { startSandbox } from './index';
import { responseProblems } from './response-check';
import { call, slots } from './test-helpers';

const maya = 'cal_live_4a1e0c9d7b3f2e8a6c5d4b3a2f1e0d9c'; // OWNER of organization 900
const priya = 'cal_live_43c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5'; // MEMBER
const SALES = '5f1c2a9e-7b3d-4e8a-9c61-2d4b8e0f3a17';
const RANGE = 'start=2027-03-02&end=2027-03-02&timeZone=Europe/London';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

const message = (res: { json: { error: { message: string } } }) => res.json.error.message;
const respond = (body: unknown, query = RANGE, base = '/v2/organizations/900') =>
	call(sandbox, `${base}/routing-forms/${SALES}/responses?${query}`, {
		method: 'POST',
		key: maya,
		body,
	});
const calculate = (body: unknown, query = RANGE) =>
	call(sandbox, `/v2/routing-forms/${SALES}/calculate-slots?${query}`, {
		method: 'POST',
		key: maya,
		body,
	});

describe('sandbox routing forms: forms and responses', () => {
	it('lists the forms of the organization’s teams, filtered and paged as Cal.com’s repository does', async () => {
		const all = await call(sandbox, '/v2/organizations/900/routing-forms', { key: maya });
		expect(all.status).toBe(200);
		expect(all.json.data.map((f: { name: string }) => f.name)).toEqual([
			'Sales inquiry',
			'Support triage',
		]);
		expect(
			responseProblems('GET', '/v2/organizations/{orgId}/routing-forms', 200, all.json),
		).toEqual([]);
		const recent = await call(
			sandbox,
			'/v2/organizations/900/routing-forms?afterCreatedAt=2026-11-10T00:00:00Z&take=1',
			{ key: maya },
		);
		expect(recent.json.data.map((f: { name: string }) => f.name)).toEqual(['Support triage']);
		const team = await call(sandbox, '/v2/organizations/900/teams/99/routing-forms', {
			key: maya,
		});
		expect(team.json.data).toHaveLength(2);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('keeps a member out as Cal.com’s roles guard does', async () => {
		const res = await call(sandbox, '/v2/organizations/900/routing-forms', { key: priya });
		expect(res.status).toBe(403);
		expect(message(res)).toContain('minimum required role=ORG_ADMIN');
	});

	it('lists a form’s responses by date and updates one', async () => {
		const path = `/v2/organizations/900/routing-forms/${SALES}/responses`;
		const late = await call(sandbox, `${path}?afterCreatedAt=2026-11-20T00:00:00Z`, { key: maya });
		expect(late.json.data.map((r: { id: number }) => r.id)).toEqual([7002]);
		expect(
			responseProblems(
				'GET',
				'/v2/organizations/{orgId}/routing-forms/{routingFormId}/responses',
				200,
				late.json,
			),
		).toEqual([]);
		const answer = {
			'b3f0d7a2-1c4e-4f59-8a2d-6e7c9b1a0f21': { label: 'Company', value: 'Tailspin' },
		};
		const patched = await call(sandbox, `${path}/7001`, {
			method: 'PATCH',
			key: maya,
			body: { response: answer },
		});
		expect(patched.status).toBe(200);
		expect(patched.json.data.response).toEqual(answer);
		const missing = await call(sandbox, `${path}/9999`, {
			method: 'PATCH',
			key: maya,
			body: { response: answer },
		});
		expect(missing.status).toBe(404);
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});

describe('sandbox routing forms: routing the answers', () => {
	it('routes Enterprise to the team’s discovery call hosted by priya, stores the response and gives its slots', async () => {
		const res = await respond({ company: 'Contoso', product: 'Enterprise' });
		expect(res.status).toBe(201);
		expect(res.json.data.eventTypeId).toBe(54);
		expect(res.json.data.routing).toMatchObject({ teamMemberIds: [] });
		const own = await slots(sandbox, {
			eventTypeId: '49',
			start: '2027-03-02',
			end: '2027-03-02',
			timeZone: 'Europe/London',
		});
		expect(Object.keys(res.json.data.slots)).toEqual(['2027-03-02']);
		expect(res.json.data.slots).toEqual(own.json.data);
		const list = await call(
			sandbox,
			`/v2/organizations/900/routing-forms/${SALES}/responses?sortCreatedAt=desc&take=1`,
			{ key: maya },
		);
		expect(list.json.data[0].id).toBe(res.json.data.routing.responseId);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('answers a custom page’s message and an external URL as Cal.com does', async () => {
		const page = await respond({ company: 'Fabrikam', product: 'Starter' });
		expect(page.json.data).toEqual({
			routingCustomMessage: 'Thank you! Our sales team will email you within a day.',
		});
		const away = await respond({ company: 'Litware', product: 'Partnership' });
		expect(away.json.data.routingExternalRedirectUrl).toMatch(
			/^https:\/\/partners\.northwind\.example\/apply\?company=Litware&product=Partnership&form=.+&cal\.action=externalRedirectUrl$/,
		);
	});

	it('refuses answers that leave a required field empty, with Cal.com’s text', async () => {
		const res = await respond({ compnay: 'Typo Ltd', product: 'Enterprise' });
		expect(res.status).toBe(400);
		expect(message(res)).toBe('Missing required fields Company');
		const backwards = await respond(
			{ company: 'A', product: 'Enterprise' },
			'start=2027-03-03&end=2027-03-02',
		);
		expect(message(backwards)).toBe('End date cannot be before start date.');
	});

	it('Calculate Slots routes without storing and gives the routed event type’s slots', async () => {
		const before = sandbox.state.routingFormResponses.length;
		const res = await calculate({
			company: 'Contoso',
			product: '0a6e4c2b-9f1d-4b7a-8c3e-5d2f1a0b9c01',
		});
		expect(res.status).toBe(200);
		expect(res.json.data.eventTypeId).toBe(54);
		expect(res.json.data.slots['2027-03-02'].length).toBeGreaterThan(0);
		expect(
			responseProblems('POST', '/v2/routing-forms/{routingFormId}/calculate-slots', 200, res.json),
		).toEqual([]);
		expect(sandbox.state.routingFormResponses).toHaveLength(before);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('Calculate Slots answers 404 when the route is no event type, as routing-forms.service.ts does', async () => {
		expect(message(await calculate({ company: 'A', product: 'Starter' }))).toBe(
			'Route to which the form response should be redirected not found.',
		);
		expect(message(await calculate({ company: 'A', product: 'Partnership' }))).toBe(
			'Routed to a non cal.com event type URL.',
		);
		expect(message(await calculate({ product: 'Enterprise' }))).toBe(
			'Route to which the form response should be redirected not found.',
		);
	});
});
