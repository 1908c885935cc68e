import type { Sandbox } from '../sandbox';
import { parseBookingLink } from '../unit/booking-link-parse';
import { startSandbox } from '../sandbox';
import {
	installedRuntime,
	freePortPair,
	installPackedPackage,
	loadExample,
	N8n,
	runOutput,
} from './n8n';
import type { ChatRequest, ScriptedModel, ScriptStep } from './scripted-model';
import { messageText, startScriptedModel } from './scripted-model';

/**
 * n8n's own AI Agent uses the Cal.com node's tool variant, with an OpenAI chat-model node pointed
 * at a scripted model server on 127.0.0.1 that calls the tools in turn: find free slots, book with
 * a booking-question answer, reschedule, cancel, then hand over a prefilled booking link, then
 * answers. A second workflow is a chat of two turns: "am I free Thursday afternoon?" answered from
 * Calendar → Get Busy Times, then "send Ana a link" answered with Booking → Create Booking Link.
 */
jest.setTimeout(10 * 60_000);

const TAKEN = '2027-03-02T14:00:00-05:00';
const CAL = { calComV2Api: { id: 'calcomExample001', name: 'Cal.com account' } };
const fromAI = (key: string, description: string) =>
	`={{ $fromAI('${key}', \`${description}\`, 'string') }}`;

function tool(id: string, name: string, parameters: Record<string, unknown>, x: number) {
	return {
		id,
		name,
		type: 'CUSTOM.calComTool',
		typeVersion: 1,
		position: [x, 240],
		parameters,
		credentials: CAL,
	};
}

const start = {
	id: 's1',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const scriptedModel = (modelUrlCredential: string) => ({
	id: 'a3',
	name: 'Scripted Model',
	type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
	typeVersion: 1.3,
	position: [100, 240],
	// Chat Completions, which the scripted server speaks (1.3 defaults to the Responses API).
	parameters: {
		model: { __rl: true, mode: 'id', value: 'scripted-model' },
		responsesApiEnabled: false,
		options: {},
	},
	credentials: { openAiApi: { id: modelUrlCredential, name: 'Scripted model' } },
});

/**
 * The example agent's own tools (examples/ai-agent-books-meetings.json), so the spec runs what a
 * user imports: Check busy times reads every calendar checked for conflicts (Calendars empty);
 * Send a booking link fills in the name and email and opens the page on a day.
 */
const exampleTool = (name: string) => {
	const node = loadExample('ai-agent-books-meetings.json').nodes.find((n) => n.name === name);
	if (!node) throw new Error(`examples/ai-agent-books-meetings.json has no node "${name}"`);
	return node;
};
const busyTimesTool = exampleTool('Check busy times');
const linkTool = exampleTool('Send a booking link');

const workflow = (modelUrlCredential: string) => ({
	id: 'calcomAgentE2E01',
	name: 'Agent books through Cal.com tools',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		start,
		{
			id: 'a2',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [240, 0],
			parameters: {
				promptType: 'define',
				text: 'Book 30 minutes with bailey on Monday 15 March 2027 in the afternoon for Ana Silva (ana@example.com, Acme, New York), then move it an hour later, then cancel it, and send Ana a link to pick another time on Tuesday 16 March.',
				options: {},
			},
		},
		scriptedModel(modelUrlCredential),
		tool(
			't1',
			'Find free slots',
			{
				resource: 'slot',
				operation: 'getAvailable',
				lookup: 'userSlug',
				username: 'bailey',
				eventTypeSlug: '30min',
				start: fromAI('start', 'Earliest start, ISO 8601 with offset'),
				end: fromAI('end', 'Latest start, ISO 8601 with offset'),
				timeZone: fromAI('timeZone', 'IANA time zone'),
			},
			300,
		),
		tool(
			't2',
			'Book a slot',
			{
				resource: 'booking',
				operation: 'create',
				lookup: 'userSlug',
				username: 'bailey',
				eventTypeSlug: '30min',
				start: fromAI('start', 'A free slot start'),
				attendeeName: fromAI('name', 'Full name'),
				attendeeEmail: fromAI('email', 'Email'),
				attendeeTimeZone: fromAI('timeZone', 'IANA time zone'),
				bookingQuestions: {
					answers: [
						{ question: 'company', value: fromAI('company', 'Company') },
						{ question: 'team-size', value: '1-10' },
						{ question: 'accept-terms', value: 'true' },
					],
				},
			},
			460,
		),
		tool(
			't3',
			'Reschedule a booking',
			{
				resource: 'booking',
				operation: 'reschedule',
				bookingUid: fromAI('bookingUid', 'Booking UID'),
				start: fromAI('start', 'New start, ISO 8601 with offset'),
				timeZone: 'America/New_York',
			},
			620,
		),
		tool(
			't4',
			'Cancel a booking',
			{
				resource: 'booking',
				operation: 'cancel',
				bookingUid: fromAI('bookingUid', 'Booking UID'),
				cancellationReason: fromAI('reason', 'Why'),
			},
			780,
		),
		linkTool,
		busyTimesTool,
	],
	connections: {
		Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'Scripted Model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
		'Find free slots': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		'Book a slot': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		'Reschedule a booking': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		'Cancel a booking': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		'Send a booking link': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		'Check busy times': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	},
});

const THURSDAY = 'Am I free on Thursday afternoon, 25 March?';
const FOLLOW_UP = 'Then send Ana Silva (ana@example.com) a link to pick a time that day.';
const toAgents = (node: string, type: string) => ({
	[node]: {
		[type]: [
			[
				{ node: 'Ask about Thursday', type, index: 0 },
				{ node: 'Ask for a link', type, index: 0 },
			],
		],
	},
});

/** One message of the chat. (One agent given two items would ask the model for both at once.) */
const chatAgent = (id: string, name: string, text: string, x: number) => ({
	id,
	name,
	type: '@n8n/n8n-nodes-langchain.agent',
	typeVersion: 3.1,
	position: [x, 0],
	parameters: { promptType: 'define', text, options: {} },
});

/**
 * A chat of two messages, one agent each, in turn, sharing a Simple Memory: the second sees the
 * first question and answer, as the next message of n8n's chat does.
 */
const conversation = (modelUrlCredential: string) => ({
	id: 'calcomAgentE2E02',
	name: 'Agent reads busy times, then hands over a booking link',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		start,
		chatAgent('b2', 'Ask about Thursday', THURSDAY, 200),
		chatAgent('b3', 'Ask for a link', FOLLOW_UP, 440),
		{
			id: 'b5',
			name: 'Simple Memory',
			type: '@n8n/n8n-nodes-langchain.memoryBufferWindow',
			typeVersion: 1.3,
			position: [300, 240],
			parameters: { sessionIdType: 'customKey', sessionKey: 'ana-thursday' },
		},
		scriptedModel(modelUrlCredential),
		busyTimesTool,
		linkTool,
	],
	connections: {
		Start: { main: [[{ node: 'Ask about Thursday', type: 'main', index: 0 }]] },
		'Ask about Thursday': { main: [[{ node: 'Ask for a link', type: 'main', index: 0 }]] },
		...toAgents('Simple Memory', 'ai_memory'),
		...toAgents('Scripted Model', 'ai_languageModel'),
		...toAgents('Check busy times', 'ai_tool'),
		...toAgents('Send a booking link', 'ai_tool'),
	},
});

describe("n8n's AI Agent with the Cal.com tools, in a real n8n", () => {
	let sandbox: Sandbox;
	let model: ScriptedModel;
	let n8n: N8n;
	const seen: {
		takenError?: string;
		offered?: string;
		firstSlot?: string;
		bookedUid?: string;
		movedUid?: string;
		link?: string;
	} = {};
	const talk: {
		busyResult?: string;
		busyAnswer?: string;
		linkResult?: string;
		link?: string;
		firstTurn?: number;
	} = {};

	/** The chat's turns: the last user message picks the script, tool results after it advance it. */
	function chatTurn(request: ChatRequest): ScriptStep | undefined {
		const { messages } = request;
		const asked = messages.map((message) => message.role).lastIndexOf('user');
		const question = messageText(messages[asked]?.content);
		const results = messages.slice(asked + 1).filter((message) => message.role === 'tool');
		if (question === THURSDAY) {
			talk.firstTurn ??= model.requests.length - 1;
			if (results.length === 0)
				return {
					tool: 'Check busy times',
					args: {
						start: '2027-03-25T12:00:00-04:00',
						end: '2027-03-25T18:00:00-04:00',
						timeZone: 'America/New_York',
					},
				};
			talk.busyResult = messageText(results[0].content);
			const labels = [...talk.busyResult.matchAll(/"label"\s*:\s*"([^"]+)"/g)].map((m) => m[1]);
			talk.busyAnswer = `On Thursday afternoon you are busy ${labels.join(' and ')}; the rest is free.`;
			return { answer: talk.busyAnswer };
		}
		if (question !== FOLLOW_UP) return undefined;
		if (results.length === 0)
			return {
				tool: 'Send a booking link',
				args: { name: 'Ana Silva', email: 'ana@example.com', date: '2027-03-25' },
			};
		talk.linkResult = messageText(results[0].content);
		talk.link = /"url"\s*:\s*"([^"]+)"/.exec(talk.linkResult)?.[1];
		return { answer: `Here is a link for Ana to pick a time on Thursday: ${String(talk.link)}` };
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		// Booking 1001 holds Tuesday 2 March 14:00 New York: the model first asks for that time,
		// reads the tool's error, and books one of the free slots the error offers instead.
		model = await startScriptedModel((request, results) => {
			const chat = chatTurn(request);
			if (chat) return chat;
			if (results.length === 0)
				return {
					tool: 'Book a slot',
					args: {
						start: TAKEN,
						name: 'Ana Silva',
						email: 'ana@example.com',
						timeZone: 'America/New_York',
						company: 'Acme',
					},
				};
			if (results.length === 1) {
				seen.takenError = results[0];
				return {
					tool: 'Find free slots',
					args: {
						start: '2027-03-15T13:00:00-04:00',
						end: '2027-03-15T17:00:00-04:00',
						timeZone: 'America/New_York',
					},
				};
			}
			if (results.length === 2) {
				seen.offered = /Nearest free slots: ([^ ,]+)/.exec(String(seen.takenError))?.[1];
				seen.firstSlot = /"start"\s*:\s*"([^"]+)"/.exec(results[1])?.[1];
				return {
					tool: 'Book a slot',
					args: {
						start: seen.firstSlot,
						name: 'Ana Silva',
						email: 'ana@example.com',
						timeZone: 'America/New_York',
						company: 'Acme',
					},
				};
			}
			if (results.length === 3) {
				seen.bookedUid = /"uid"\s*:\s*"([^"]+)"/.exec(results[2])?.[1];
				const later = new Date(Date.parse(String(seen.firstSlot)) + 60 * 60_000).toISOString();
				return { tool: 'Reschedule a booking', args: { bookingUid: seen.bookedUid, start: later } };
			}
			if (results.length === 4) {
				seen.movedUid = /"uid"\s*:\s*"([^"]+)"/.exec(results[3])?.[1];
				return {
					tool: 'Cancel a booking',
					args: { bookingUid: seen.movedUid, reason: 'Plans changed' },
				};
			}
			if (results.length === 5)
				return {
					tool: 'Send a booking link',
					args: { name: 'Ana Silva', email: 'ana@example.com', date: '2027-03-16' },
				};
			seen.link = /"url"\s*:\s*"([^"]+)"/.exec(results[5])?.[1];
			return {
				answer: `Booked ${String(seen.bookedUid)}, moved it to ${String(seen.movedUid)} and cancelled it. Ana can pick another time here: ${String(seen.link)}`,
			};
		});
		const runtime = installedRuntime();
		n8n = new N8n(runtime, installPackedPackage(runtime), await freePortPair());
		await n8n.importCredentials([
			{
				id: 'calcomExample001',
				name: 'Cal.com account',
				type: 'calComV2Api',
				data: {
					apiKey: sandbox.apiKeyFor('bailey'),
					environment: 'selfHosted',
					baseUrl: sandbox.url,
					bookingPageUrl: 'https://cal.example.com',
				},
			},
			{
				id: 'scriptedModel001',
				name: 'Scripted model',
				type: 'openAiApi',
				data: { apiKey: 'sk-scripted-not-a-key', url: model.url },
			},
		]);
		await n8n.importWorkflow(workflow('scriptedModel001'));
		await n8n.importWorkflow(conversation('scriptedModel001'));
	});

	afterAll(async () => {
		n8n?.cleanup();
		await model?.close();
		await sandbox?.close();
	});

	it('finds slots, books with a booking-question answer, reschedules, cancels and hands over a prefilled booking link through the tools', async () => {
		const result = await n8n.execute('calcomAgentE2E01');
		if (result.code !== 0)
			throw new Error(
				`the agent workflow failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`,
			);
		const answer = runOutput(result.stdout)('AI Agent')[0];
		expect(String(answer.output)).toContain(`Booked ${String(seen.bookedUid)}`);

		// The model was offered the six tools; its six calls and the final answer are seven turns.
		expect(model.requests.filter((request) => request.tools?.length === 6)).toHaveLength(7);

		// The link it handed over opens bailey's 30min page on Tuesday with Ana's name and email.
		expect(String(answer.output)).toContain(`Ana can pick another time here: ${String(seen.link)}`);
		expect(parseBookingLink(String(seen.link), { webAppHost: 'cal.com' })).toMatchObject({
			owner: 'bailey',
			eventTypeSlug: '30min',
			name: 'Ana Silva',
			responses: { email: 'ana@example.com' },
			date: '2027-03-16',
			month: '2027-03',
		});

		// A taken time came back to the model as plain text it can act on, and nothing was booked.
		expect(seen.takenError).toContain(
			'2027-03-02T14:00:00-05:00 (America/New_York) is not a free slot. Nearest free slots: 2027-03-02T12:30:00-05:00',
		);
		expect(seen.takenError).toContain('Pick one of these start times');
		expect(seen.offered).toBe('2027-03-02T12:30:00-05:00');
		expect(
			sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v2/bookings'),
		).toHaveLength(1);

		// The calls reached Cal.com with the parameters the model chose.
		const calls = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		expect(calls).toContain('GET /v2/slots');
		const create = sandbox.requests.find((r) => r.method === 'POST' && r.path === '/v2/bookings');
		expect(create?.body).toMatchObject({
			start: '2027-03-15T17:00:00.000Z',
			attendee: { name: 'Ana Silva', email: 'ana@example.com', timeZone: 'America/New_York' },
			bookingFieldsResponses: { company: 'Acme', 'team-size': '1-10', 'accept-terms': true },
		});
		expect(sandbox.requests.find((r) => r.path.endsWith('/reschedule'))?.body).toMatchObject({
			start: '2027-03-15T18:00:00.000Z',
		});
		expect(sandbox.requests.find((r) => r.path.endsWith('/cancel'))?.body).toEqual({
			cancellationReason: 'Plans changed',
		});

		// Final state: the first booking was moved, the moved one is cancelled.
		const stored = (uid?: string) => sandbox.state.bookings.find((booking) => booking.uid === uid);
		expect(stored(seen.bookedUid)?.rescheduledToUid).toBe(seen.movedUid);
		expect(stored(seen.movedUid)?.status).toBe('cancelled');
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('answers "am I free Thursday afternoon?" from the busy spans, then hands Ana a booking link for that day', async () => {
		const result = await n8n.execute('calcomAgentE2E02');
		if (result.code !== 0)
			throw new Error(
				`the chat workflow failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-2000)}`,
			);
		const output = runOutput(result.stdout);
		const answers = [output('Ask about Thursday')[0], output('Ask for a link')[0]].map((item) =>
			String(item.output),
		);

		// The tool asked Cal.com for the afternoon, in New York, of every calendar checked for conflicts.
		const busy = sandbox.requests.filter((r) => r.path === '/v2/calendars/busy-times');
		expect(busy).toHaveLength(1);
		expect(busy[0].query).toMatchObject({
			dateFrom: '2027-03-25T16:00:00.000Z',
			dateTo: '2027-03-25T22:00:00.000Z',
			timeZone: 'America/New_York',
			'calendarsToLoad[0][credentialId]': '501',
			'calendarsToLoad[0][externalId]': 'bailey@example.com',
		});
		// It returned the one span of bailey's Google calendar that afternoon: not the morning's
		// (Cal.com reads 11 hours before), not the Family calendar's (not checked for conflicts).
		const spans = JSON.parse(String(talk.busyResult)) as Array<Record<string, unknown>>;
		expect(spans).toEqual([
			expect.objectContaining({
				start: '2027-03-25T18:00:00.000Z',
				end: '2027-03-25T19:00:00.000Z',
				startLocal: '2027-03-25T14:00:00-04:00',
				endLocal: '2027-03-25T15:00:00-04:00',
				durationMinutes: 60,
				label: 'Thu 25 Mar, 14:00–15:00',
			}),
		]);
		expect(answers[0]).toBe(
			'On Thursday afternoon you are busy Thu 25 Mar, 14:00–15:00; the rest is free.',
		);

		// The second turn saw the first (Simple Memory), asked for the link and handed it over.
		const turns = model.requests.slice(talk.firstTurn);
		expect(turns).toHaveLength(4);
		expect(turns.map((turn) => turn.tools?.length)).toEqual([2, 2, 2, 2]);
		// The model read the example's own tool descriptions.
		expect(turns[0].tools?.map((tool) => tool.function.description)).toEqual(
			expect.arrayContaining([
				expect.stringContaining("Lists bailey's busy times between two times"),
				expect.stringContaining("Makes the link to bailey's 30-minute booking page"),
			]),
		);
		expect(turns[2].messages.map((message) => messageText(message.content))).toEqual(
			expect.arrayContaining([THURSDAY, talk.busyAnswer, FOLLOW_UP]),
		);
		expect(answers[1]).toBe(
			`Here is a link for Ana to pick a time on Thursday: ${String(talk.link)}`,
		);
		expect(parseBookingLink(String(talk.link), { webAppHost: 'cal.com' })).toMatchObject({
			organization: null,
			owner: 'bailey',
			eventTypeSlug: '30min',
			name: 'Ana Silva',
			responses: { email: 'ana@example.com' },
			date: '2027-03-25',
			month: '2027-03',
			slot: null,
		});
		expect(sandbox.invalidRequests()).toEqual([]);
	});
});
