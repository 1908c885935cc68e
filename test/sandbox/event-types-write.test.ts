import { startSandbox } from './index';
import type { Sandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const V = '2024-06-14';

describe('sandbox event types, writes (2024-06-14)', () => {
	let sandbox: Sandbox;
	let bailey: string;
	let lena: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
		bailey = sandbox.apiKeyFor('bailey');
		lena = sandbox.apiKeyFor('lena');
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(() => expect(sandbox.invalidRequests()).toEqual([]));

	it('creates an event type with Cal.com’s defaults: system questions (no phone field), Cal Video, 120 minutes notice', async () => {
		const nextId = Math.max(...sandbox.state.eventTypes.map((e) => e.id)) + 1;
		const res = await call(sandbox, '/v2/event-types', {
			method: 'POST',
			key: bailey,
			version: V,
			body: { title: 'Demo', slug: 'demo', lengthInMinutes: 20 },
		});
		expect(res.status).toBe(201);
		expect(responseProblems('POST', '/v2/event-types', 201, res.json, V)).toEqual([]);
		expect(res.json.data).toMatchObject({
			id: nextId,
			ownerId: 1,
			minimumBookingNotice: 120,
			locations: [{ type: 'integration', integration: 'cal-video' }],
			bookingUrl: 'https://cal.com/bailey/demo',
		});
		expect(res.json.data.bookingFields.map((f: { slug: string }) => f.slug)).toEqual([
			'name',
			'email',
			'location',
			'title',
			'notes',
			'guests',
			'rescheduleReason',
		]);
		const listed = await call(sandbox, '/v2/event-types', { key: bailey, version: V });
		expect(listed.json.data.map((e: { id: number }) => e.id)).toContain(nextId);
	});

	it('refuses a slug the user already has with 400, and someone else’s schedule with 404', async () => {
		const dup = await call(sandbox, '/v2/event-types', {
			method: 'POST',
			key: bailey,
			version: V,
			body: { title: 'Again', slug: '30min', lengthInMinutes: 30 },
		});
		expect(dup.status).toBe(400);
		expect(dup.json.error.message).toBe('User already has an event type with this slug.');
		// Another user may use the same slug.
		expect(
			(
				await call(sandbox, '/v2/event-types', {
					method: 'POST',
					key: lena,
					version: V,
					body: { title: 'Hers', slug: '30min', lengthInMinutes: 30 },
				})
			).status,
		).toBe(201);
		const foreign = await call(sandbox, '/v2/event-types', {
			method: 'POST',
			key: bailey,
			version: V,
			body: { title: 'X', slug: 'x', lengthInMinutes: 30, scheduleId: 2 },
		});
		expect(foreign.status).toBe(404);
		const rename = await call(sandbox, '/v2/event-types/11', {
			method: 'PATCH',
			key: bailey,
			version: V,
			body: { slug: 'consultation' },
		});
		expect(rename.status).toBe(400);
	});

	it('PATCH replaces the custom booking questions as a whole and keeps the system ones', async () => {
		const res = await call(sandbox, '/v2/event-types/12', {
			method: 'PATCH',
			key: bailey,
			version: V,
			body: {
				title: 'Half hour',
				bookingFields: [
					{
						type: 'text',
						slug: 'company',
						label: 'Company name',
						required: false,
						placeholder: '',
						hidden: false,
					},
				],
			},
		});
		expect(res.status).toBe(200);
		expect(responseProblems('PATCH', '/v2/event-types/{eventTypeId}', 200, res.json, V)).toEqual(
			[],
		);
		const fields = res.json.data.bookingFields as Array<{
			slug: string;
			isDefault: boolean;
			label: string;
		}>;
		expect(fields.filter((f) => !f.isDefault)).toEqual([
			expect.objectContaining({ slug: 'company', label: 'Company name', required: false }),
		]);
		expect(fields.filter((f) => f.isDefault).map((f) => f.slug)).toContain('location');
		expect(res.json.data).toMatchObject({ title: 'Half hour', slug: '30min', lengthInMinutes: 30 });
	});

	type Field = {
		slug: string;
		isDefault: boolean;
		hidden?: boolean;
		required?: boolean;
		label?: string;
	};
	const slugs = (json: { data: { bookingFields: Field[] } }) =>
		json.data.bookingFields.map((f) => f.slug);
	const guests = (json: { data: { bookingFields: Field[] } }) =>
		json.data.bookingFields.find((f) => f.slug === 'guests');
	const patch12 = (body: unknown) =>
		call(sandbox, '/v2/event-types/12', { method: 'PATCH', key: bailey, version: V, body });

	it('PATCH with disableGuests alone rebuilds the form from the guests question: every custom question and the phone field are lost', async () => {
		const res = await patch12({ disableGuests: true });
		expect(res.status).toBe(200);
		expect(responseProblems('PATCH', '/v2/event-types/{eventTypeId}', 200, res.json, V)).toEqual(
			[],
		);
		expect(slugs(res.json)).toEqual([
			'name',
			'email',
			'location',
			'title',
			'notes',
			'guests',
			'rescheduleReason',
		]);
		expect(guests(res.json)).toMatchObject({ hidden: true, required: false });
		// The answer's own flag is the untouched database column.
		expect(res.json.data.disableGuests).toBe(false);
		const read = await call(sandbox, '/v2/event-types/12', { key: bailey, version: V });
		expect(slugs(read.json)).not.toContain('company');
		expect(slugs(read.json)).not.toContain('attendeePhoneNumber');
	});

	it('PATCH with disableGuests and bookingFields toggles the guests item of the list sent, adding it when absent', async () => {
		const phone = {
			type: 'phone',
			slug: 'attendeePhoneNumber',
			label: 'Phone',
			required: false,
			hidden: true,
			placeholder: '',
		};
		const company = {
			type: 'text',
			slug: 'company',
			label: 'Company',
			required: true,
			placeholder: '',
			hidden: false,
		};
		const added = await patch12({ disableGuests: true, bookingFields: [phone, company] });
		expect(added.status).toBe(200);
		expect(slugs(added.json)).toEqual([
			'name',
			'email',
			'location',
			'attendeePhoneNumber',
			'company',
			'title',
			'notes',
			'guests',
			'rescheduleReason',
		]);
		expect(
			added.json.data.bookingFields.find((f: Field) => f.slug === 'attendeePhoneNumber'),
		).toMatchObject({ isDefault: true, type: 'phone', label: 'Phone', hidden: true });
		expect(guests(added.json)).toMatchObject({ hidden: true });
		// disableGuests wins over the guests item's own hidden flag.
		const shown = await patch12({
			disableGuests: false,
			bookingFields: [company, { slug: 'guests', hidden: true, label: 'Who else?' }],
		});
		expect(guests(shown.json)).toMatchObject({ hidden: false, label: 'Who else?' });
		expect(slugs(shown.json)).toEqual([
			'name',
			'email',
			'location',
			'company',
			'title',
			'notes',
			'guests',
			'rescheduleReason',
		]);
	});

	it('PATCH without disableGuests or bookingFields keeps the questions; a form without a visible required email is refused', async () => {
		const before = (await call(sandbox, '/v2/event-types/12', { key: bailey, version: V })).json
			.data.bookingFields;
		const titled = await patch12({ title: 'Renamed' });
		expect(titled.json.data.bookingFields).toEqual(before);
		const hiddenEmail = await patch12({
			bookingFields: [{ type: 'email', label: 'Email', hidden: true, placeholder: '' }],
		});
		expect(hiddenEmail.status).toBe(400);
		expect(hiddenEmail.json.error.message).toBe(
			'Booking fields validation failed: visible and required email or visible and required attendee phone field is needed.',
		);
		const phoneOnly = await patch12({
			bookingFields: [
				{ type: 'email', label: 'Email', hidden: true, placeholder: '' },
				{
					type: 'phone',
					slug: 'attendeePhoneNumber',
					label: 'Phone',
					required: true,
					hidden: false,
					placeholder: '',
				},
			],
		});
		expect(phoneOnly.status).toBe(400);
		expect(phoneOnly.json.error.message).toBe(
			'checkIsEmailUserAccessible - Email booking field must be required and visible',
		);
		const company = (label: string) => ({
			type: 'text',
			slug: 'company',
			label,
			required: false,
			placeholder: '',
			hidden: false,
		});
		const twice = await patch12({ bookingFields: [company('A'), company('B')] });
		expect(twice.status).toBe(400);
		expect(twice.json.error.message).toBe('Duplicate booking field name: company');
		expect(
			(await call(sandbox, '/v2/event-types/12', { key: bailey, version: V })).json.data
				.bookingFields,
		).toEqual(before);
	});

	it('answers someone else’s event type with 403 and deletes with the documented short answer', async () => {
		const foreign = await call(sandbox, '/v2/event-types/21', {
			method: 'PATCH',
			key: bailey,
			version: V,
			body: { hidden: true },
		});
		expect(foreign.status).toBe(403);
		expect(
			(await call(sandbox, '/v2/event-types/999', { method: 'DELETE', key: bailey, version: V }))
				.status,
		).toBe(404);
		const deleted = await call(sandbox, '/v2/event-types/11', {
			method: 'DELETE',
			key: bailey,
			version: V,
		});
		expect(deleted.json).toEqual({
			status: 'success',
			data: { id: 11, lengthInMinutes: 15, title: expect.any(String), slug: '15min' },
		});
		expect(
			responseProblems('DELETE', '/v2/event-types/{eventTypeId}', 200, deleted.json, V),
		).toEqual([]);
		expect((await call(sandbox, '/v2/event-types/11', { key: bailey, version: V })).status).toBe(
			404,
		);
	});
});
