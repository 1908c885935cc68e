import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from '../integration/helpers';
import { byId, expectRefusedByName, expr } from './bad-input';

const sandbox = useSandbox();

const org = { organization: 'id', organizationId: 900 };
const form = byId('5f1c2a9e-7b3d-4e8a-9c61-2d4b8e0f3a17');
const answers = {
	answersInput: 'fields',
	answers: { answer: [{ field: 'product', value: 'Enterprise' }] },
};
const range = { start: '2027-03-02', end: '2027-03-02', timeZone: 'Europe/London' };

/** Valid parameters of the Routing Form operations; a case replaces one with a bad value. */
const VALID: Record<string, INodeParameters> = {
	formsGetMany: { resource: 'routingForm', operation: 'getMany', ...org, limit: 5 },
	teamFormsGetMany: {
		resource: 'routingForm',
		operation: 'getMany',
		...org,
		scope: 'team',
		teamId: byId('99'),
		limit: 5,
	},
	responsesGetMany: {
		resource: 'routingForm',
		operation: 'getResponses',
		...org,
		routingFormId: form,
		limit: 5,
	},
	responseCreate: {
		resource: 'routingForm',
		operation: 'createResponse',
		...org,
		routingFormId: form,
		...answers,
		...range,
	},
	responseUpdate: {
		resource: 'routingForm',
		operation: 'updateResponse',
		...org,
		routingFormId: form,
		responseId: 7001,
		...answers,
	},
	calculateSlots: {
		resource: 'routingForm',
		operation: 'calculateSlots',
		routingFormId: form,
		...answers,
		...range,
	},
};

const run = async (base: string, changes: INodeParameters) =>
	await runCalCom(sandbox(), { ...VALID[base], ...changes });

/** Form IDs are text: a number-looking ID is a valid one, so only shapes that break paths. */
const FORM_ID_BREAKERS = ['abc/def', '../12', '..', 'a b', 'x?admin=1', 'x#frag', '%2e%2e', '١٢'];
const NUMBER_BREAKERS = [...FORM_ID_BREAKERS, '-3', '0'];

const WITH_FORM = ['responsesGetMany', 'responseCreate', 'responseUpdate', 'calculateSlots'];

describe.each(WITH_FORM)('R2 bad input: path-breaking routing form IDs, %s', (operation) => {
	it.each(FORM_ID_BREAKERS)('refuses %j by name before any request', async (bad) => {
		const result = await run(operation, { routingFormId: byId(expr(JSON.stringify(bad))) });
		expectRefusedByName(sandbox(), result, 'Routing Form');
	});
});

const NUMBER_IDS: Array<[string, string, (bad: string) => INodeParameters]> = [
	...Object.keys(VALID)
		.filter((op) => op !== 'calculateSlots')
		.map((op): [string, string, (bad: string) => INodeParameters] => [
			op,
			'Organization ID',
			(bad) => ({ organizationId: bad }),
		]),
	['teamFormsGetMany', 'Team', (bad) => ({ teamId: byId(bad) })],
	['responseUpdate', 'Response ID', (bad) => ({ responseId: bad })],
	['formsGetMany', 'Team IDs', (bad) => ({ filters: { teamIds: `99, ${bad}` } })],
];

describe.each(NUMBER_IDS)('R2 bad input: path-breaking IDs, %s → %s', (operation, field, place) => {
	it.each(NUMBER_BREAKERS)('refuses %j by name before any request', async (bad) => {
		expectRefusedByName(sandbox(), await run(operation, place(expr(JSON.stringify(bad)))), field);
	});
});

describe('R2 bad input: routing form answers that are not answers', () => {
	const ANSWERING = ['responseCreate', 'responseUpdate', 'calculateSlots'];
	it.each([
		['[1]', /must be an object/],
		['"Enterprise"', /must be an object/],
		['42', /must be an object/],
		['{"product": "Enterprise"', /is not valid JSON/],
		['{"product": {"id": 1}}', /the answer to "product" is .*give text, a number or a list/],
		['{"__proto__": "x"}', /not allowed/],
		['{" ": "x"}', /a field name is empty/],
	])('refuses JSON %s by name before any request', async (json, mentions) => {
		for (const operation of ANSWERING) {
			const result = await run(operation, { answersInput: 'json', answersJson: json });
			expectRefusedByName(sandbox(), result, 'Answers (JSON)', mentions);
		}
	});

	it.each([
		['an empty field ID', [{ field: '', value: 'x' }], /answer 1 names no field/],
		['a blank field ID', [{ field: '  ', value: 'x' }], /answer 1 names no field/],
		[
			'a field answered twice',
			[
				{ field: 'product', value: 'Enterprise' },
				{ field: 'product', value: 'Starter' },
			],
			/the field "product" is answered twice/,
		],
	])('refuses %s by name before any request', async (_what, rows, mentions) => {
		for (const operation of ANSWERING) {
			const result = await run(operation, { answers: { answer: rows } });
			expectRefusedByName(sandbox(), result, 'Answers', mentions);
		}
	});

	it('refuses an Update Response without answers, as it would erase them all', async () => {
		expectRefusedByName(
			sandbox(),
			await run('responseUpdate', { answers: {} }),
			'Answers',
			/add at least one answer/,
		);
	});
});

describe('R2 bad input: routing form date ranges that end before they start', () => {
	it.each([
		[
			'formsGetMany',
			'Created Before',
			{ afterCreatedAt: '2026-11-10', beforeCreatedAt: '2026-11-01' },
		],
		[
			'responsesGetMany',
			'Updated Before',
			{ afterUpdatedAt: '2026-11-10T12:00:00Z', beforeUpdatedAt: '2026-11-10T11:59:00Z' },
		],
	])('%s refuses %s earlier than its after-filter', async (operation, field, filters) => {
		expectRefusedByName(sandbox(), await run(operation, { filters }), field, /must not be before/);
	});

	it.each(['responseCreate', 'calculateSlots'])(
		'%s refuses an End before its Start by name',
		async (operation) => {
			const result = await run(operation, { start: '2027-03-03T10:00', end: '2027-03-02' });
			expectRefusedByName(sandbox(), result, 'End', /must be after Start/);
		},
	);
});
