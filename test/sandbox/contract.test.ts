import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems, SPEC_EXCEPTIONS } from './response-check';
import { call, slots } from './test-helpers';

const NOW = '2027-03-01T08:00:00Z';

describe('sandbox contract validation against Cal.com’s OpenAPI document', () => {
	let sandbox: Sandbox;
	let bailey: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: NOW });
		bailey = sandbox.apiKeyFor('bailey');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('answers a valid GET /v2/me with the documented GetMeOutput and records it as valid', async () => {
		const res = await call(sandbox, '/v2/me', { key: bailey });
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({
			id: 1,
			username: 'bailey',
			timeZone: 'America/New_York',
			defaultScheduleId: 1,
		});
		expect(responseProblems('GET', '/v2/me', 200, res.json)).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v2/me',
			status: 200,
			valid: true,
			problems: [],
		});
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('answers a wrong cal-api-version on /v2/slots with Cal.com’s 404 and records why', async () => {
		const res = await call(sandbox, '/v2/slots?eventTypeId=21&start=2027-03-29&end=2027-03-29', {
			version: '2024-08-13',
		});
		expect(res.status).toBe(404);
		expect(res.json.error).toMatchObject({ code: 'NotFoundException' });
		expect(res.json.error.message).toMatch(/^Cannot GET \/v2\/slots/);
		const [recorded] = sandbox.invalidRequests();
		expect(recorded.apiVersion).toBe('2024-08-13');
		expect(recorded.problems).toContain(
			'cal-api-version 2024-08-13 is not served by /v2/slots (expects 2024-09-04)',
		);
	});

	it('treats a missing version on a versioned family as the same 404', async () => {
		const res = await call(sandbox, '/v2/slots?eventTypeId=21&start=2027-03-29&end=2027-03-29');
		expect(res.status).toBe(404);
		expect(sandbox.invalidRequests()[0].problems[0]).toMatch(
			/cal-api-version header missing: GET \/v2\/slots \(slots\) expects 2024-09-04/,
		);
	});

	it('accepts any version, or none, on unversioned endpoints such as /v2/me', async () => {
		expect((await call(sandbox, '/v2/me', { key: bailey, version: '2024-08-13' })).status).toBe(
			200,
		);
		expect((await call(sandbox, '/v2/me', { key: bailey, version: '2099-01-01' })).status).toBe(
			200,
		);
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('answers a path Cal.com does not have with "Cannot GET <path>"', async () => {
		const res = await call(sandbox, '/v2/xyz', { key: bailey });
		expect(res.status).toBe(404);
		expect(res.json.error.message).toBe('Cannot GET /v2/xyz');
		expect(res.json).toMatchObject({ status: 'error', path: '/v2/xyz' });
		expect(sandbox.invalidRequests()[0].problems).toEqual([
			"no operation GET /v2/xyz in Cal.com's API v2",
		]);
		expect(
			(await call(sandbox, '/v2/me', { key: bailey, method: 'DELETE' })).json.error.message,
		).toBe('Cannot DELETE /v2/me');
	});

	it('answers a stray query parameter on /v2/slots with 400 naming the property, like Cal.com', async () => {
		const res = await slots(sandbox, {
			eventTypeId: '21',
			username: 'lena',
			start: '2027-03-29',
			end: '2027-03-29',
		});
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe('BadRequestException');
		expect(res.json.error.message).toContain(
			'username property is wrong,property username should not exist',
		);
		expect(res.json.error).not.toHaveProperty('details'); // hosted Cal.com (production) sends none
		expect(sandbox.invalidRequests()[0].problems.join('\n')).toMatch(/username/);
	});

	it('records unknown query parameters on every endpoint but answers them only where Cal.com does', async () => {
		const res = await call(sandbox, '/v2/me?verbose=true', { key: bailey });
		expect(res.status).toBe(200);
		const [recorded] = sandbox.invalidRequests();
		expect(recorded.problems).toEqual([
			'unknown query parameter "verbose" (GET /v2/me does not take it)',
		]);
	});

	it('coerces query strings to the declared types before validating them', async () => {
		// take is declared as a number (1–250); status as a comma-separated enum list.
		await call(sandbox, '/v2/bookings?take=10&skip=0&status=upcoming,past', {
			key: bailey,
			version: '2024-08-13',
		});
		expect(sandbox.requests[0].valid).toBe(true);
		await call(sandbox, '/v2/bookings?take=ten&status=upcoming,soon', {
			key: bailey,
			version: '2024-08-13',
		});
		const problems = sandbox.requests[1].problems.join('\n');
		expect(problems).toMatch(/query\.take: must be number/);
		expect(problems).toMatch(/query\.status\[1\]: must be equal to one of the allowed values/);
	});

	it('records a body of the wrong type, and properties no schema declares', async () => {
		await call(sandbox, '/v2/bookings', {
			method: 'POST',
			version: '2024-08-13',
			body: {
				start: '2027-03-29T07:00:00Z',
				eventTypeId: '21',
				attendee: { name: 'Ada', timeZone: 'Europe/Berlin', email: 42, nickname: 'A' },
				note: 'x',
			},
		});
		const problems = sandbox.invalidRequests()[0].problems;
		expect(problems).toEqual(
			expect.arrayContaining([
				'body.eventTypeId: must be number',
				'body.attendee.email: must be string',
				expect.stringContaining('unknown body property "attendee.nickname"'),
				expect.stringContaining('unknown body property "note"'),
			]),
		);
	});

	it('answers a body that is not JSON with Express’s 400 before anything else', async () => {
		const res = await call(sandbox, '/v2/bookings', {
			method: 'POST',
			version: '2024-08-13',
			body: '{"start": ',
		});
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe('BadRequestException');
		expect(sandbox.invalidRequests()[0].problems.join('\n')).toMatch(
			/request body is not valid JSON/,
		);
	});

	it('answers documented operations it does not implement yet with 501, after validating them', async () => {
		const res = await call(sandbox, '/v2/calendars/ics-feed/check', { key: bailey });
		expect(res.status).toBe(501);
		expect(res.json.error.message).toContain('does not implement GET /v2/calendars/ics-feed/check');
		expect(sandbox.requests[0].valid).toBe(true);
	});

	describe('schemas for what the saved document lacks (extra-schemas.ts)', () => {
		it('knows the credits endpoints and their body', async () => {
			await call(sandbox, '/v2/credits/available', { key: bailey });
			await call(sandbox, '/v2/credits/charge', {
				method: 'POST',
				key: bailey,
				body: { credits: 1, creditFor: 'SMS', externalRef: 'run-1' },
			});
			expect(sandbox.invalidRequests()).toEqual([]);
			await call(sandbox, '/v2/credits/charge', {
				method: 'POST',
				key: bailey,
				body: { credits: 0, creditFor: 'LUNCH' },
			});
			expect(sandbox.invalidRequests()[0].problems).toEqual([
				'body.credits: must be >= 1',
				'body.creditFor: must be equal to one of the allowed values',
			]);
		});

		it('takes limit/cursor only with 2026-05-01 on the bookings list, and take/skip only without it', async () => {
			await call(sandbox, '/v2/bookings?limit=50&cursor=abc&status=upcoming', {
				key: bailey,
				version: '2026-05-01',
			});
			expect(sandbox.requests[0].valid).toBe(true);
			await call(sandbox, '/v2/bookings?take=50', { key: bailey, version: '2026-05-01' });
			expect(sandbox.requests[1].problems[0]).toMatch(/unknown query parameter "take"/);
			await call(sandbox, '/v2/bookings?limit=50', { key: bailey, version: '2024-08-13' });
			expect(sandbox.requests[2].problems[0]).toMatch(/unknown query parameter "limit"/);
			await call(sandbox, '/v2/bookings?status=upcoming,past', {
				key: bailey,
				version: '2026-05-01',
			});
			expect(sandbox.requests[3].problems[0]).toMatch(
				/query\.status: must be equal to one of the allowed values/,
			);
		});

		it('accepts the 2026-02-25 booking extras only with that version', async () => {
			const body = {
				start: '2027-03-29T07:00:00Z',
				eventTypeId: 21,
				attendee: { name: 'Ada', timeZone: 'Europe/Berlin' },
				allowConflicts: true,
			};
			await call(sandbox, '/v2/bookings', { method: 'POST', version: '2026-02-25', body });
			expect(sandbox.requests[0].valid).toBe(true);
			await call(sandbox, '/v2/bookings', { method: 'POST', version: '2024-08-13', body });
			expect(sandbox.requests[1].problems[0]).toMatch(/unknown body property "allowConflicts"/);
		});

		it('serves booking fields only under 2026-06-12 and checks their bodies', async () => {
			const add = {
				bookingFields: [
					{
						field: 'custom',
						type: 'select',
						slug: 'plan',
						label: 'Plan',
						options: ['Free', 'Pro'],
					},
				],
			};
			await call(sandbox, '/v2/event-types/12/booking-fields', {
				method: 'POST',
				key: bailey,
				version: '2026-06-12',
				body: add,
			});
			expect(sandbox.requests[0].valid).toBe(true);
			const res = await call(sandbox, '/v2/event-types/12/booking-fields', {
				key: bailey,
				version: '2024-06-14',
			});
			expect(res.status).toBe(404);
			await call(sandbox, '/v2/event-types/12/booking-fields', {
				method: 'POST',
				key: bailey,
				version: '2026-06-12',
				body: {
					bookingFields: [{ field: 'custom', type: 'select', slug: 'Plan!', label: 'Plan' }],
				},
			});
			expect(sandbox.requests[2].valid).toBe(false);
		});
	});

	describe('response checks (response-check.ts)', () => {
		it('passes the sandbox’s slot answers, whose items are objects although the spec says strings', async () => {
			const res = await slots(sandbox, {
				eventTypeId: '21',
				start: '2027-03-29',
				end: '2027-03-29',
				format: 'range',
			});
			expect(res.status).toBe(200);
			expect(responseProblems('GET', '/v2/slots', 200, res.json)).toEqual([]);
			expect(SPEC_EXCEPTIONS.map((e) => e.id)).toContain('slots-items-are-objects');
		});

		it('catches a response that breaks the documented shape', () => {
			const problems = responseProblems('GET', '/v2/me', 200, {
				status: 'success',
				data: { id: 'one', username: 'bailey' },
			});
			expect(problems).toEqual(
				expect.arrayContaining([
					'response.data.id: must be number',
					'response.data.email: is required',
				]),
			);
		});
	});
});
