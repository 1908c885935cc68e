import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalCom } from '../../nodes/CalCom/CalCom.node';
import { runLoadOptions } from '../harness';
import type { Sandbox } from '../sandbox';
import { credentialsFor, runCalCom, useSandbox } from './helpers';

const eventType = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
type Field = {
	slug: string;
	isDefault?: boolean;
	label?: string;
	required?: boolean;
	options?: string[];
};

describe('Event types', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('lists my event types, a user’s public ones and a team’s, simplified', async () => {
		const mine = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'getMany',
			source: 'own',
			returnAll: true,
		});
		expect(mine.error).toBeUndefined();
		expect(mine.items.map((item) => item.json.id)).toEqual([11, 12, 13, 14, 15]);
		expect(mine.items[2].json).toMatchObject({
			id: 13,
			slug: 'consultation',
			slotInterval: 30,
			beforeEventBuffer: 15,
			bookingUrl: 'https://cal.com/bailey/consultation',
		});
		expect(mine.items[0].json).not.toHaveProperty('bookingQuestions');
		const public_ = await runCalCom(
			sandbox,
			{
				resource: 'eventType',
				operation: 'getMany',
				source: 'user',
				username: 'bailey',
				returnAll: false,
				limit: 2,
			},
			{ username: 'lena' },
		);
		expect(public_.items.map((item) => item.json.slug)).toEqual(['15min', '30min']);
		const team = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'getMany',
			source: 'team',
			teamId: '100',
			returnAll: true,
		});
		expect(team.items.map((item) => item.json)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: 51, teamId: 100, schedulingType: 'roundRobin' }),
			]),
		);
		const unknown = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'getMany',
			source: 'user',
			username: 'nobody',
			returnAll: true,
		});
		expect(unknown.error?.message).toBe(
			'No Cal.com user "nobody" was found. Check the username (as in cal.com/username).',
		);
	});

	it('gets an event type with its booking questions; Raw gives Cal.com’s answer', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'get',
			eventTypeId: eventType(12),
		});
		const questions = result.items[0].json.bookingQuestions as Field[];
		expect(questions.find((q) => q.slug === 'team-size')).toEqual({
			slug: 'team-size',
			label: 'Team size',
			type: 'select',
			required: true,
			hidden: false,
			builtIn: false,
			options: ['1-10', '11-50', '51-200', '200+'],
		});
		expect(questions.find((q) => q.slug === 'email')).toMatchObject({ builtIn: true });
		const raw = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'get',
			eventTypeId: eventType(12),
			output: 'raw',
		});
		expect(raw.items[0].json).toMatchObject({
			id: 12,
			users: [expect.objectContaining({ username: 'bailey' })],
		});
		const missing = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'get',
			eventTypeId: eventType(999),
		});
		expect(missing.error?.message).toContain('Event type 999 was not found');
	});

	it('creates an event type with locations, notice, buffers, schedule and questions', async () => {
		const nextId = Math.max(...sandbox.state.eventTypes.map((e) => e.id)) + 1;
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'create',
			title: 'Evening consult',
			slug: 'evening-consult',
			lengthInMinutes: 45,
			additionalFields: {
				description: 'After hours',
				hidden: true,
				minimumBookingNotice: 240,
				beforeEventBuffer: 10,
				afterEventBuffer: 5,
				slotInterval: 15,
				requiresConfirmation: true,
				scheduleId: { __rl: true, mode: 'list', value: '4' },
				locations: {
					entries: [{ kind: 'zoom' }, { kind: 'phone', value: '+1 212 555 0199', public: false }],
				},
				bookingQuestions: {
					entries: [
						{
							slug: 'goal',
							label: 'Your goal',
							type: 'select',
							required: true,
							options: 'Grow, Save',
							placeholder: '',
							hidden: false,
						},
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		const post = sandbox.requests.find((r) => r.method === 'POST');
		expect(post?.body).toEqual({
			title: 'Evening consult',
			slug: 'evening-consult',
			lengthInMinutes: 45,
			description: 'After hours',
			hidden: true,
			minimumBookingNotice: 240,
			beforeEventBuffer: 10,
			afterEventBuffer: 5,
			slotInterval: 15,
			confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: false },
			scheduleId: 4,
			locations: [
				{ type: 'integration', integration: 'zoom' },
				{ type: 'phone', phone: '+12125550199', public: false },
			],
			bookingFields: [
				{
					type: 'select',
					slug: 'goal',
					label: 'Your goal',
					required: true,
					hidden: false,
					placeholder: '',
					options: ['Grow', 'Save'],
				},
			],
		});
		expect(result.items[0].json).toMatchObject({
			id: nextId,
			slug: 'evening-consult',
			scheduleId: 4,
			requiresConfirmation: true,
			hidden: true,
		});
		const duplicate = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'create',
			title: 'Again',
			slug: 'evening-consult',
			lengthInMinutes: 30,
		});
		expect(JSON.stringify(duplicate.error)).toContain(
			'User already has an event type with this slug.',
		);
	});

	it('refuses a bad slug, question or location before any request', async () => {
		const slug = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'create',
			title: 'X',
			slug: 'Not A Slug',
			lengthInMinutes: 30,
		});
		expect(slug.error?.message).toBe(
			'Slug: "Not A Slug" is not a slug: lowercase letters and digits, words joined by single hyphens, e.g. intro-call.',
		);
		const choices = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'create',
			title: 'X',
			slug: 'x',
			lengthInMinutes: 30,
			additionalFields: {
				bookingQuestions: {
					entries: [{ slug: 'pick', label: 'Pick', type: 'radio', options: ' , ' }],
				},
			},
		});
		expect(choices.error?.message).toBe(
			'Booking Question 1 → Choices: add at least one choice, separated by commas, e.g. 1-10, 11-50, 51+.',
		);
		const link = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(11),
			updateFields: { locations: { entries: [{ kind: 'link', value: 'meet.example.com' }] } },
		});
		expect(link.error?.message).toBe(
			'Location 1 → Value: "meet.example.com" is not a web address (http:// or https://).',
		);
		expect(sandbox.requests).toEqual([]);
	});

	it('changing one booking question keeps all the others (reads, merges by slug, sends the whole array)', async () => {
		const before = sandbox.state.eventTypes
			.find((e) => e.id === 12)
			?.bookingFields.map((f) => f.slug);
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: {
				bookingQuestions: {
					entries: [
						{
							slug: 'team-size',
							label: 'How big is your team?',
							type: 'select',
							required: false,
							options: '1-10, 11-100, 100+',
							placeholder: 'Pick one',
							hidden: false,
						},
						{
							slug: 'referrer',
							label: 'How did you hear about us?',
							type: 'text',
							required: false,
							placeholder: '',
							hidden: false,
						},
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/event-types/12',
			'PATCH /v2/event-types/12',
		]);
		const sent = (sandbox.requests[1].body as { bookingFields: Array<Record<string, unknown>> })
			.bookingFields;
		// Every custom question and the attendee phone field are sent, the changed one in place and the new one at the end.
		expect(
			sent
				.filter((f) => f.type !== undefined && !['name', 'email'].includes(String(f.type)))
				.map((f) => f.slug),
		).toEqual([
			'attendeePhoneNumber',
			'company',
			'team-size',
			'topics',
			'seats-needed',
			'accept-terms',
			'callback-phone',
			'referrer',
		]);
		expect(sent.find((f) => f.slug === 'team-size')).toEqual({
			type: 'select',
			slug: 'team-size',
			label: 'How big is your team?',
			required: false,
			hidden: false,
			placeholder: 'Pick one',
			options: ['1-10', '11-100', '100+'],
		});
		expect(sent.find((f) => f.slug === 'topics')).toEqual({
			type: 'multiselect',
			slug: 'topics',
			label: 'Topics to cover',
			required: false,
			hidden: false,
			disableOnPrefill: false,
			options: ['Pricing', 'Integrations', 'Security', 'Onboarding'],
		});
		const after = sandbox.state.eventTypes.find((e) => e.id === 12)?.bookingFields ?? [];
		// Cal.com rebuilds the form in its own order: name, email, location, the rest as sent, then title, notes, guests, reschedule reason.
		const systemAfter = ['title', 'notes', 'guests', 'rescheduleReason'];
		expect(after.map((f) => f.slug)).toEqual([
			...(before ?? []).filter((slug) => !systemAfter.includes(slug)),
			'referrer',
			...systemAfter,
		]);
		expect(after.find((f) => f.slug === 'attendeePhoneNumber')).toMatchObject({
			isDefault: true,
			hidden: true,
			label: 'Phone number',
		});
		expect(after.find((f) => f.slug === 'team-size')).toMatchObject({
			label: 'How big is your team?',
			required: false,
			options: ['1-10', '11-100', '100+'],
		});
		expect(after.find((f) => f.slug === 'company')).toMatchObject({
			label: 'Company',
			required: true,
			placeholder: 'e.g. Acme Inc.',
		});
		const questions = result.items[0].json.bookingQuestions as Field[];
		expect(questions.map((q) => q.slug)).toContain('accept-terms');
	});

	it('removes booking questions by slug and keeps the rest; unknown and built-in slugs are refused', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { removeBookingQuestions: ['topics', 'seats-needed'] },
		});
		expect(result.error).toBeUndefined();
		const custom = (sandbox.state.eventTypes.find((e) => e.id === 12)?.bookingFields ?? [])
			.filter((f) => !f.isDefault)
			.map((f) => f.slug);
		expect(custom).toEqual(['company', 'team-size', 'accept-terms', 'callback-phone']);
		const unknown = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { removeBookingQuestions: ['nope'] },
		});
		expect(unknown.error?.message).toBe(
			'Remove Booking Questions: the event type has no question "nope" (it has: company, team-size, accept-terms, callback-phone).',
		);
		const builtIn = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { removeBookingQuestions: 'notes' },
		});
		expect(builtIn.error?.message).toBe(
			'Remove Booking Questions: "notes" is one of Cal.com\'s built-in questions; it cannot be removed (hide it instead).',
		);
	});

	const fieldsOf = (id: number) =>
		sandbox.state.eventTypes.find((e) => e.id === id)?.bookingFields ?? [];
	const guestsOf = (id: number) => fieldsOf(id).find((f) => f.slug === 'guests');

	it('Disable Guests alone hides the guests question and keeps every custom question and the phone field', async () => {
		const before = structuredClone(fieldsOf(12));
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { disableGuests: true },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/event-types/12',
			'PATCH /v2/event-types/12',
		]);
		const body = sandbox.requests[1].body as {
			disableGuests: boolean;
			bookingFields: Array<Record<string, unknown>>;
		};
		expect(body.disableGuests).toBe(true);
		expect(body.bookingFields.find((f) => f.slug === 'guests')).toMatchObject({ hidden: true });
		const after = fieldsOf(12);
		const bySlug = (fields: typeof after) =>
			Object.fromEntries(fields.filter((f) => f.slug !== 'guests').map((f) => [f.slug, f]));
		expect(bySlug(after)).toEqual(bySlug(before));
		expect(guestsOf(12)).toMatchObject({ hidden: true, required: false, label: 'Add guests' });
		const questions = result.items[0].json.bookingQuestions as Array<Field & { hidden: boolean }>;
		expect(questions.find((q) => q.slug === 'guests')).toMatchObject({
			hidden: true,
			builtIn: true,
		});
		expect(questions.map((q) => q.slug)).toEqual(
			expect.arrayContaining([
				'attendeePhoneNumber',
				'company',
				'team-size',
				'topics',
				'seats-needed',
				'accept-terms',
				'callback-phone',
			]),
		);
	});

	it('sends a built-in question that has no label back with an empty one, which keeps Cal.com’s translated default', async () => {
		for (const field of fieldsOf(12))
			if (field.slug === 'email' || field.slug === 'attendeePhoneNumber') delete field.label;
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { disableGuests: false },
		});
		expect(result.error).toBeUndefined();
		const sent = (sandbox.requests[1].body as { bookingFields: Array<Record<string, unknown>> })
			.bookingFields;
		expect(sent.find((f) => f.type === 'email')).toMatchObject({ label: '' });
		expect(sent.find((f) => f.slug === 'attendeePhoneNumber')).toEqual({
			type: 'phone',
			slug: 'attendeePhoneNumber',
			label: '',
			required: false,
			hidden: true,
			placeholder: '',
			disableOnPrefill: false,
		});
	});

	it('Disable Guests together with booking question changes applies both and keeps the rest', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: {
				disableGuests: true,
				bookingQuestions: {
					entries: [
						{
							slug: 'company',
							label: 'Company name',
							type: 'text',
							required: false,
							placeholder: '',
							hidden: false,
						},
					],
				},
				removeBookingQuestions: ['topics'],
			},
		});
		expect(result.error).toBeUndefined();
		expect(
			fieldsOf(12)
				.filter((f) => !f.isDefault)
				.map((f) => f.slug),
		).toEqual(['company', 'team-size', 'seats-needed', 'accept-terms', 'callback-phone']);
		expect(fieldsOf(12).find((f) => f.slug === 'company')).toMatchObject({
			label: 'Company name',
			required: false,
		});
		expect(fieldsOf(12).map((f) => f.slug)).toContain('attendeePhoneNumber');
		expect(guestsOf(12)).toMatchObject({ hidden: true });
	});

	it('re-enabling guests shows the guests question again and keeps every question', async () => {
		await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { disableGuests: true },
		});
		const hidden = fieldsOf(12).map((f) => f.slug);
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { disableGuests: false },
		});
		expect(result.error).toBeUndefined();
		expect(guestsOf(12)).toMatchObject({ hidden: false });
		expect(fieldsOf(12).map((f) => f.slug)).toEqual(hidden);
		expect((sandbox.requests.at(-1)?.body as { disableGuests: boolean }).disableGuests).toBe(false);
	});

	it('creates an event type with Disable Guests and questions in one request: the questions stay, guests are hidden', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'create',
			title: 'Solo',
			slug: 'solo',
			lengthInMinutes: 30,
			additionalFields: {
				disableGuests: true,
				bookingQuestions: {
					entries: [{ slug: 'goal', label: 'Your goal', type: 'text', required: true }],
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.method)).toEqual(['POST']);
		const created = sandbox.state.eventTypes.find((e) => e.slug === 'solo')?.bookingFields ?? [];
		expect(created.filter((f) => !f.isDefault).map((f) => f.slug)).toEqual(['goal']);
		expect(created.find((f) => f.slug === 'guests')).toMatchObject({ hidden: true });
	});

	it('refuses Disable Guests when a current question cannot be sent back, before any change', async () => {
		const et = sandbox.state.eventTypes.find((e) => e.id === 12);
		et?.bookingFields.push({
			type: 'unknown',
			slug: 'unknown',
			bookingField: JSON.stringify({
				name: 'smsReminderNumber',
				type: 'phone',
				editable: 'system',
			}),
		} as never);
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(12),
			updateFields: { disableGuests: true },
		});
		expect(result.error?.message).toBe(
			"Update Fields: the event type has booking questions Cal.com's API cannot send back (smsReminderNumber); changing Disable Guests through the API would delete them, because Cal.com replaces the whole list. Make this change in Cal.com's event type settings instead.",
		);
		expect(sandbox.requests.map((r) => r.method)).toEqual(['GET']);
		expect(guestsOf(12)).toMatchObject({ hidden: false });
	});

	it('updates only what was set, without touching the booking questions', async () => {
		const result = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'update',
			eventTypeId: eventType(13),
			updateFields: { title: 'Consult', lengthInMinutes: 90, minimumBookingNotice: 60 },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.method)).toEqual(['PATCH']);
		expect(sandbox.requests[0].body).toEqual({
			title: 'Consult',
			lengthInMinutes: 90,
			minimumBookingNotice: 60,
		});
		expect(result.items[0].json).toMatchObject({
			id: 13,
			title: 'Consult',
			slug: 'consultation',
			lengthInMinutes: 90,
			slotInterval: 30,
			beforeEventBuffer: 15,
		});
	});

	it('deletes an event type with {deleted: true}; someone else’s is refused', async () => {
		const deleted = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'delete',
			eventTypeId: eventType(11),
		});
		expect(deleted.items[0].json).toEqual({ deleted: true, id: 11 });
		expect(sandbox.state.eventTypes.map((e) => e.id)).not.toContain(11);
		const foreign = await runCalCom(sandbox, {
			resource: 'eventType',
			operation: 'delete',
			eventTypeId: eventType(21),
		});
		expect(foreign.error).toBeDefined();
		expect(sandbox.state.eventTypes.map((e) => e.id)).toContain(21);
	});

	it('offers the event type’s own questions in Remove Booking Questions', async () => {
		const options = await runLoadOptions(
			new CalCom(),
			[new CalComV2Api()],
			credentialsFor(sandbox) as never,
			'getBookingQuestions',
			{
				resource: 'eventType',
				operation: 'update',
				eventTypeId: eventType(12),
			},
		);
		expect(options.map((o) => o.value)).toEqual([
			'notes',
			'rescheduleReason',
			'company',
			'team-size',
			'topics',
			'seats-needed',
			'accept-terms',
			'callback-phone',
		]);
	});
});
