/**
 * Cal.com's 400s for input its DTOs refuse, per endpoint family (validation-errors.ts):
 * the global validation pipe says only "Bad Request Exception"; booking create / reschedule /
 * cancel and slots refuse unknown fields in their pipes' own words; hosted Cal.com sends no
 * `details`, a non-production server sends class-validator's errors with the request body in them.
 */
import { attendee, book, BOOKINGS, NOW, post } from './booking-helpers';
import { startSandbox } from './index';
import type { Sandbox } from './index';
import { call, slots } from './test-helpers';
import type { CallResult } from './test-helpers';

const EMAIL = 'priya@acme.example';
const PHONE = '+14155550123';

/** One request per endpoint family that fails the DTO of the global validation pipe. */
function globalPipeCases(
	key: string,
): Array<[family: string, send: (sandbox: Sandbox) => Promise<CallResult>]> {
	return [
		[
			'event types',
			(s) =>
				call(s, '/v2/event-types', {
					method: 'POST',
					key,
					version: '2024-06-14',
					body: { title: 'Intro', slug: 'intro-2', lengthInMinutes: 'long' },
				}),
		],
		[
			'schedules',
			(s) =>
				call(s, '/v2/schedules', {
					method: 'POST',
					key,
					version: '2024-06-11',
					body: { name: 'Nights', timeZone: 'Mars/Olympus', isDefault: false },
				}),
		],
		[
			'webhooks',
			(s) =>
				call(s, '/v2/webhooks', {
					method: 'POST',
					key,
					body: {
						subscriberUrl: 'http://127.0.0.1:1/a',
						triggers: 'BOOKING_CREATED',
						active: true,
					},
				}),
		],
		[
			'credits',
			(s) =>
				call(s, '/v2/credits/charge', {
					method: 'POST',
					key,
					body: { credits: 0, creditFor: 'SMS' },
				}),
		],
		[
			'reservations',
			(s) =>
				call(s, '/v2/slots/reservations', {
					method: 'POST',
					key,
					version: '2024-09-04',
					body: { eventTypeId: 'eleven', slotStart: '2027-03-02T15:00:00Z' },
				}),
		],
		['Get Many bookings', (s) => call(s, '/v2/bookings?take=0', { key, version: BOOKINGS })],
		[
			'PATCH /v2/me',
			(s) => call(s, '/v2/me', { method: 'PATCH', key, body: { timeZone: 'Mars/Olympus' } }),
		],
	];
}

describe('sandbox validation errors as hosted Cal.com sends them (production)', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('answers a refused DTO with 400 "Bad Request Exception" and no details in every global-pipe family', async () => {
		for (const [family, send] of globalPipeCases(bailey)) {
			const res = await send(sandbox);
			expect({ family, status: res.status, error: res.json.error }).toEqual({
				family,
				status: 400,
				error: { code: 'BadRequestException', message: 'Bad Request Exception' },
			});
		}
	});

	it('drops unknown fields where the global pipe serves the endpoint (whitelist without forbidding)', async () => {
		const res = await call(sandbox, '/v2/credits/charge', {
			method: 'POST',
			key: bailey,
			body: { credits: 1, creditFor: 'SMS', note: EMAIL },
		});
		expect(res.status).toBe(200);
		expect(sandbox.requests[0].problems).toEqual([
			expect.stringContaining('unknown body property "note"'),
		]);
	});

	it('refuses an unknown booking field on create, reschedule and cancel in the booking pipes’ words', async () => {
		const created = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			notes: 'hi',
		});
		expect([created.status, created.json.error]).toEqual([
			400,
			{
				code: 'BadRequestException',
				message: 'notes property is wrong,property notes should not exist ',
			},
		]);
		const nested = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			attendee: { ...attendee(), phone: PHONE },
		});
		expect(nested.json.error.message).toBe(
			'attendee property is wrong, phone property is wrong,property phone should not exist ',
		);
		expect(sandbox.state.bookings.filter((b) => b.start.startsWith('2027-03-02T15:00'))).toEqual(
			[],
		);

		const moved = await post(sandbox, '/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/reschedule', {
			start: '2027-03-03T15:00:00Z',
			reason: 'later',
		});
		expect([moved.status, moved.json.error.message]).toEqual([
			400,
			'reason property is wrong,property reason should not exist ',
		]);
		const cancelled = await post(
			sandbox,
			'/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/cancel',
			{ cancellationReason: 'x', notify: false },
			bailey,
		);
		expect([cancelled.status, cancelled.json.error.message]).toEqual([
			400,
			'notify property is wrong,property notify should not exist ',
		]);
		expect(sandbox.events).toEqual([]);
	});

	it('lists the unknown fields before the wrong ones, nested ones under their parent', async () => {
		const res = await book(sandbox, {
			eventTypeId: 'x',
			start: '2027-03-02T15:00:00Z',
			attendee: { name: 'Priya', email: 42, timeZone: 'UTC' },
			extra: 1,
		});
		expect(res.json.error.message).toBe(
			'extra property is wrong,property extra should not exist , ' +
				'attendee property is wrong, email property is wrong,email must be a string , ' +
				'eventTypeId property is wrong,eventTypeId must be a number conforming to the specified constraints ',
		);
	});

	it('refuses an unknown slots parameter in the slots pipe’s words, without details', async () => {
		const res = await slots(sandbox, {
			eventTypeId: '21',
			username: 'lena',
			start: '2027-03-29',
			end: '2027-03-29',
		});
		expect([res.status, res.json.error]).toEqual([
			400,
			{
				code: 'BadRequestException',
				message: 'username property is wrong,property username should not exist ',
			},
		]);
	});

	it('answers a non-numeric event type id as ParseIntPipe does', async () => {
		const res = await call(sandbox, '/v2/event-types/abc', {
			method: 'PATCH',
			key: bailey,
			version: '2024-06-14',
			body: { title: 'x' },
		});
		expect([res.status, res.json.error.message]).toEqual([
			400,
			'Validation failed (numeric string is expected)',
		]);
	});
});

describe('sandbox validation errors of a non-production server (production: false)', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW, production: false });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('sends class-validator’s errors as details in every global-pipe family', async () => {
		for (const [family, send] of globalPipeCases(bailey)) {
			const res = await send(sandbox);
			expect({ family, message: res.json.error.message }).toEqual({
				family,
				message: 'Bad Request Exception',
			});
			const errors = res.json.error.details.errors as Array<{
				property: string;
				constraints: Record<string, string>;
			}>;
			expect(errors.length).toBeGreaterThan(0);
			for (const e of errors)
				expect(
					Object.values(e.constraints ?? {}).length +
						((e as { children?: unknown[] }).children?.length ?? 0),
				).toBeGreaterThan(0);
		}
	});

	it('puts the body in `target` and the property’s value in `value`, attendee emails included; unknown fields are stripped first', async () => {
		const guests = [{ email: EMAIL, name: 'Priya' }, { email: 'ana@my_company.example' }];
		const res = await post(
			sandbox,
			'/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/guests',
			{ guests, note: PHONE },
			bailey,
		);
		expect([res.status, res.json.error.message]).toEqual([400, 'Bad Request Exception']);
		expect(res.json.error.details).toEqual({
			errors: [
				{
					target: { guests },
					value: guests,
					property: 'guests',
					children: [
						{
							target: guests,
							value: guests[1],
							property: '1',
							children: [
								{
									target: guests[1],
									value: 'ana@my_company.example',
									property: 'email',
									children: [],
									constraints: { isEmail: 'email must be an email' },
								},
							],
						},
					],
				},
			],
		});
		const many = Array.from({ length: 11 }, (_, i) => ({ email: `guest${i}@acme.example` }));
		const tooMany = await post(
			sandbox,
			'/v2/bookings/kEQ6lyUVxK9sKQNFvjgrCv/guests',
			{ guests: many },
			bailey,
		);
		expect(tooMany.json.error.details.errors[0].constraints).toEqual({
			arrayMaxSize: 'Cannot add more than 10 guests at a time',
		});
		expect(sandbox.state.bookings.find((b) => b.uid === 'kEQ6lyUVxK9sKQNFvjgrCv')?.guests).toEqual(
			[],
		);

		const me = await call(sandbox, '/v2/me', {
			method: 'PATCH',
			key: bailey,
			body: { timeZone: 'Mars/Olympus', name: 'Bailey' },
		});
		expect(me.json.error.details.errors).toEqual([
			{
				target: { timeZone: 'Mars/Olympus', name: 'Bailey' },
				value: 'Mars/Olympus',
				property: 'timeZone',
				children: [],
				constraints: { isTimeZone: 'timeZone must be a valid IANA time-zone' },
			},
		]);
	});

	it('nests a wrong item under its array and index, each with its own object as target', async () => {
		const day = { days: ['Funday'], startTime: '09:00', endTime: '17:00' };
		const body = {
			name: 'Nights',
			timeZone: 'Europe/Berlin',
			isDefault: false,
			availability: [day],
		};
		const res = await call(sandbox, '/v2/schedules', {
			method: 'POST',
			key: bailey,
			version: '2024-06-11',
			body,
		});
		expect(res.json.error.details.errors).toEqual([
			{
				target: body,
				value: [day],
				property: 'availability',
				children: [
					{
						target: [day],
						value: day,
						property: '0',
						children: [
							{
								target: day,
								value: ['Funday'],
								property: 'days',
								children: [],
								constraints: {
									isEnum: expect.stringMatching(
										/^each value in days must be one of the following values: Monday, /,
									),
								},
							},
						],
					},
				],
			},
		]);
	});

	it('keeps the booking pipes’ details to Nest’s message form (no body in them)', async () => {
		const res = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			attendee: { ...attendee('Priya', EMAIL), phoneNumber: PHONE },
			notes: 'hi',
		});
		expect(res.json.error.details).toEqual({
			message: 'notes property is wrong,property notes should not exist ',
			error: 'Bad Request',
			statusCode: 400,
		});
		const email = await book(sandbox, {
			eventTypeId: 11,
			start: '2027-03-02T15:00:00Z',
			attendee: attendee('Priya', 'priya@acme_corp.example'),
		});
		expect(email.json.error).toEqual({
			code: 'BadRequestException',
			message: 'attendee property is wrong, email property is wrong,Invalid email format ',
			details: {
				message: 'attendee property is wrong, email property is wrong,Invalid email format ',
				error: 'Bad Request',
				statusCode: 400,
			},
		});
	});

	it('sends Nest’s raw response as details for every other error too', async () => {
		const res = await call(sandbox, '/v2/me', { key: 'cal_live_00000000000000000000000000000000' });
		expect(res.json.error.details).toMatchObject({ error: 'Unauthorized', statusCode: 401 });
	});
});
