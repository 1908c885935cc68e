import type { INodeParameters } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runListSearch } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox, visibleText } from './helpers';

const SALES = '5f1c2a9e-7b3d-4e8a-9c61-2d4b8e0f3a17';
const form = { mode: 'id', value: SALES };
const asMaya = { username: 'maya' }; // the owner of organization 900

const routingForm = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'routingForm',
	operation,
	...extra,
});

const byField = (answers: Record<string, string>) => ({
	answersInput: 'fields',
	answers: { answer: Object.entries(answers).map(([field, value]) => ({ field, value })) },
});

const TUESDAY = { start: '2027-03-02', end: '2027-03-02', timeZone: 'Europe/London' };

describe('Routing Form', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists the organization’s forms with their fields and routes, from the key’s profile', async () => {
		const result = await runCalCom(sandbox, routingForm('getMany', { returnAll: true }), asMaya);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual(['Support triage', 'Sales inquiry']);
		const sales = result.items[1].json;
		expect(sales.fields).toEqual([
			expect.objectContaining({ answerKey: 'company', label: 'Company', required: true }),
			expect.objectContaining({
				answerKey: 'product',
				options: ['Enterprise', 'Starter', 'Partnership'],
			}),
		]);
		expect(sales.routes).toContainEqual(
			expect.objectContaining({ fallback: true, action: 'customPageMessage' }),
		);
		expect(sandbox.requests.filter((r) => r.path === '/v2/me')).toHaveLength(1);
	});

	it('lists one team’s forms, created after a time, one page at a time with a limit', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('getMany', {
				scope: 'team',
				teamId: { mode: 'id', value: '99' },
				limit: 1,
				filters: { afterCreatedAt: '2026-11-01' },
				options: { sort: 'createdAsc' },
			}),
			asMaya,
		);
		expect(result.items.map((item) => item.json.name)).toEqual(['Sales inquiry']);
		const sent = sandbox.requests.find((r) => r.path.endsWith('/routing-forms'));
		expect(sent?.path).toBe('/v2/organizations/900/teams/99/routing-forms');
		expect(sent?.query).toMatchObject({ afterCreatedAt: '2026-11-01T00:00:00.000Z', take: '1' });
	});

	it('lists a form’s responses with their answers by label, filtered by date', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('getResponses', {
				routingFormId: form,
				returnAll: true,
				filters: { beforeCreatedAt: '2026-11-15' },
			}),
			asMaya,
		);
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: 7001,
				answers: { Company: 'Fabrikam', Product: '1b7f5d3c-0a2e-4c8b-9d4f-6e3a2b1c0d02' },
			}),
		]);
	});

	it('an answer routes to priya’s discovery-call and Calculate Slots returns its free slots', async () => {
		const calculated = await runCalCom(
			sandbox,
			routingForm('calculateSlots', {
				routingFormId: form,
				...byField({ company: 'Contoso', product: 'Enterprise' }),
				...TUESDAY,
			}),
			asMaya,
		);
		expect(calculated.error).toBeUndefined();
		const available = await runCalCom(sandbox, {
			resource: 'slot',
			operation: 'getAvailable',
			lookup: 'eventTypeId',
			eventTypeId: { mode: 'id', value: '49' },
			...TUESDAY,
		});
		expect(available.items.length).toBeGreaterThan(0);
		expect(calculated.items.map((item) => item.json.eventTypeId)).toEqual(
			available.items.map(() => 54),
		);
		expect(calculated.items.map((item) => item.json.label)).toEqual(
			available.items.map((item) => item.json.label),
		);
		expect(calculated.items[0].json).toMatchObject({
			label: 'Tue 2 Mar, 09:00–09:30',
			startLocal: '2027-03-02T09:00:00+00:00',
		});
		// Nothing was stored: Calculate Slots is a dry run.
		expect(sandbox.state.routingFormResponses).toHaveLength(2);
	});

	it('Create Response stores the answers and says where they lead, with the slots there', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('createResponse', {
				routingFormId: form,
				answersInput: 'json',
				answersJson: '{"company": "Contoso", "product": "Enterprise"}',
				...TUESDAY,
			}),
			asMaya,
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			routedTo: 'eventType',
			eventTypeId: 54,
			message: null,
			externalUrl: null,
		});
		expect(result.items[0].json.slotCount).toBeGreaterThan(0);
		const id = result.items[0].json.responseId;
		expect(sandbox.state.routingFormResponses.map((r) => r.id)).toContain(id);
		const sent = sandbox.requests.find((r) => r.method === 'POST');
		expect(sent?.body).toEqual({ company: 'Contoso', product: 'Enterprise' });

		const page = await runCalCom(
			sandbox,
			routingForm('createResponse', {
				routingFormId: form,
				...byField({ company: 'Fabrikam', product: 'Starter' }),
				...TUESDAY,
			}),
			asMaya,
		);
		expect(page.items[0].json).toMatchObject({
			routedTo: 'customPage',
			message: 'Thank you! Our sales team will email you within a day.',
			slotCount: 0,
		});
	});

	it('Update Response replaces the answers by field ID', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('updateResponse', {
				routingFormId: form,
				responseId: 7001,
				...byField({ 'b3f0d7a2-1c4e-4f59-8a2d-6e7c9b1a0f21': 'Tailspin' }),
			}),
			asMaya,
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: 7001,
			answers: { 'b3f0d7a2-1c4e-4f59-8a2d-6e7c9b1a0f21': 'Tailspin' },
		});
	});

	it('says which required field an answer missed, in Cal.com’s words', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('createResponse', {
				routingFormId: form,
				...byField({ compnay: 'Typo Ltd', product: 'Enterprise' }),
				...TUESDAY,
			}),
			asMaya,
		);
		expect(result.error?.message).toContain('Missing required fields Company');
	});

	it('says when Calculate Slots’ route leads to no event type', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('calculateSlots', {
				routingFormId: form,
				...byField({ company: 'Litware', product: 'Partnership' }),
				...TUESDAY,
			}),
			asMaya,
		);
		expect(result.error?.message).toContain('Routed to a non cal.com event type URL.');
	});

	it('continues on fail with an error item paired to its input', async () => {
		const result = await runCalCom(
			sandbox,
			routingForm('calculateSlots', {
				routingFormId: form,
				answersInput: 'json',
				answersJson: '={{ $json.answers }}',
				...TUESDAY,
			}),
			{
				...asMaya,
				continueOnFail: true,
				inputItems: [{ answers: '[1]' }, { answers: '{"company":"C","product":"Enterprise"}' }],
			},
		);
		expect(result.items[0].json.error).toContain('Answers (JSON)');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items.length).toBeGreaterThan(1);
		expect(result.items.slice(1).every((item) => item.json.eventTypeId === 54)).toBe(true);
	});

	it('offers the organization’s forms in the picker, searchable by name', async () => {
		const search = async (username: string, filter?: string) =>
			await runListSearch(
				new CalCom(),
				[new CalComV2Api()],
				credentialsFor(sandbox, username) as never,
				'searchRoutingForms',
				filter,
			);
		expect((await search('maya')).results).toEqual([
			{ name: 'Sales inquiry', value: SALES },
			{ name: 'Support triage', value: '6a2d3b0f-8c4e-4f9b-8d72-3e5c9f1b4a28' },
		]);
		expect((await search('omar', 'supp')).results.map((r) => r.name)).toEqual(['Support triage']);
		// Outside any organization the picker is empty rather than an error.
		expect((await search('bailey')).results).toEqual([]);
	});

	it('reads Cal.com’s refusals: a member’s key, an unknown form, an unknown response', async () => {
		const member = await runCalCom(sandbox, routingForm('getMany', {}), { username: 'priya' });
		expect(member.error?.message).toContain('does not have the minimum required role=ORG_ADMIN');
		const unknownForm = await runCalCom(
			sandbox,
			routingForm('getResponses', { routingFormId: { mode: 'id', value: 'no-such-form' } }),
			asMaya,
		);
		expect(visibleText(unknownForm)).toContain(
			'The routing form was not found in this organization or team.',
		);
		const unknownResponse = await runCalCom(
			sandbox,
			routingForm('updateResponse', {
				routingFormId: form,
				responseId: 9999,
				...byField({ 'b3f0d7a2-1c4e-4f59-8a2d-6e7c9b1a0f21': 'Tailspin' }),
			}),
			asMaya,
		);
		expect(visibleText(unknownResponse)).toContain(
			'Response 9999 of this routing form was not found. Get Many Responses lists them.',
		);
	});

	it('works on one team’s route: its responses and a new one', async () => {
		const team = { scope: 'team', teamId: { mode: 'id', value: '99' }, routingFormId: form };
		const created = await runCalCom(
			sandbox,
			routingForm('createResponse', {
				...team,
				...byField({ company: 'Northwind Traders', product: 'Starter' }),
				...TUESDAY,
			}),
			asMaya,
		);
		expect(created.items[0].json).toMatchObject({ routedTo: 'customPage', eventTypeId: null });
		const listed = await runCalCom(
			sandbox,
			routingForm('getResponses', { ...team, returnAll: true }),
			asMaya,
		);
		expect(listed.items.map((item) => item.json.answers)).toContainEqual({
			Company: 'Northwind Traders',
			Product: '1b7f5d3c-0a2e-4c8b-9d4f-6e3a2b1c0d02',
		});
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toContain(
			`GET /v2/organizations/900/teams/99/routing-forms/${SALES}/responses`,
		);
	});
});
