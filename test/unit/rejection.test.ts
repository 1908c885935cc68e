import {
	maskPersonal,
	sentInput,
	sentNames,
	validationChecks,
} from '../../nodes/CalCom/transport/rejection';

const body = {
	start: '2027-03-15T14:00:00.000Z',
	attendee: {
		name: 'Priya Natarajan',
		email: 'Priya@Acme.example',
		phoneNumber: '+1 (415) 555-0123',
		timeZone: 'America/Chicago',
	},
	guests: ['bo@example.com'],
	bookingFieldsResponses: { company: 'Acme', notes: { deep: 'x' } },
};

describe('what the node says of a refused request', () => {
	it('names the fields sent, nested ones dotted, and never their values', () => {
		const sent = sentInput(body, { take: 10, attendeeEmail: 'cy@example.com', skip: undefined });
		expect(sent.fields).toEqual([
			'start',
			'attendee.name',
			'attendee.email',
			'attendee.phoneNumber',
			'attendee.timeZone',
			'guests',
			'bookingFieldsResponses.company',
			'bookingFieldsResponses.notes',
		]);
		expect(sentNames(sent)).toBe(
			'Fields sent: start, attendee.name, attendee.email, attendee.phoneNumber, attendee.timeZone, guests, bookingFieldsResponses.company, bookingFieldsResponses.notes. Query parameters sent: take, attendeeEmail.',
		);
		expect(sentNames(sentInput())).toBe('No fields were sent.');
	});

	it('masks every email address and phone number of the request in Cal.com’s text, whatever the case', () => {
		const sent = sentInput(body, { attendeeEmail: 'cy@example.com' });
		expect(
			maskPersonal(
				'priya@acme.EXAMPLE, bo@example.com and cy@example.com at +1 (415) 555-0123 for Acme',
				sent,
			),
		).toBe('<email>, <email> and <email> at <phone> for Acme');
	});

	it('reads class-validator errors for paths and rules only: target and value are never used', () => {
		const sent = sentInput({
			guests: [{ email: 'priya@acme.example' }, { email: 'ana@my_company.example' }],
		});
		const target = {
			guests: [{ email: 'priya@acme.example' }, { email: 'ana@my_company.example' }],
		};
		const details = {
			errors: [
				{
					target,
					value: target.guests,
					property: 'guests',
					children: [
						{
							target: target.guests,
							value: target.guests[1],
							property: '1',
							children: [
								{
									target: target.guests[1],
									value: 'ana@my_company.example',
									property: 'email',
									children: [],
									constraints: {
										isEmail: 'email must be an email',
										custom: 'ana@my_company.example is refused',
									},
								},
							],
						},
					],
				},
			],
		};
		const checks = validationChecks(details, sent);
		expect(checks).toEqual(['guests[1].email: email must be an email, <email> is refused']);
		expect(
			validationChecks(
				{ message: 'Bad Request Exception', error: 'Bad Request', statusCode: 400 },
				sent,
			),
		).toEqual([]);
	});
});
