import type { BookingField } from '../../nodes/CalCom/actions/eventType/bookingQuestions';
import { checkBookingAnswers } from '../../nodes/CalCom/actions/booking/answers';
import { checkMetadata, readObject } from '../../nodes/CalCom/helpers/json';
import { parseEmailList } from '../../nodes/CalCom/actions/booking/emails';
import { buildLocation } from '../../nodes/CalCom/actions/booking/location';

const FIELDS: BookingField[] = [
	{ type: 'name', slug: 'name', label: 'Your name', required: true, isDefault: true },
	{ type: 'email', slug: 'email', label: 'Email address', required: true, isDefault: true },
	{
		type: 'text',
		slug: 'title',
		label: 'What is this meeting about?',
		required: true,
		hidden: true,
		isDefault: true,
	},
	{ type: 'textarea', slug: 'notes', label: 'Additional notes', required: false, isDefault: true },
	{ type: 'text', slug: 'company', label: 'Company', required: true },
	{
		type: 'select',
		slug: 'team-size',
		label: 'Team size',
		required: true,
		options: ['1-10', '11-50', '51-200', '200+'],
	},
	{
		type: 'multiselect',
		slug: 'topics',
		label: 'Topics to cover',
		options: ['Pricing', 'Integrations', 'Security'],
	},
	{ type: 'number', slug: 'seats-needed', label: 'Seats needed' },
	{ type: 'boolean', slug: 'accept-terms', label: 'I accept the terms of service', required: true },
	{ type: 'phone', slug: 'callback-phone', label: 'Phone number for a call back' },
	{
		type: 'radio',
		slug: 'source',
		label: 'How did you hear about us?',
		options: [
			{ value: 'web', label: 'Web' },
			{ value: 'friend', label: 'A friend' },
		],
	},
];

const complete = { company: 'Acme', 'team-size': '11-50', 'accept-terms': true };

describe('booking question answers', () => {
	it('converts editor strings to the types Cal.com checks, by slug or by label', () => {
		expect(
			checkBookingAnswers(FIELDS, {
				company: 'Acme',
				'Team size': '11-50',
				topics: 'Pricing, Security',
				'seats-needed': '25',
				'accept-terms': 'true',
				'callback-phone': '+49 176 1234 5678',
				source: 'friend',
				notes: 'Bring the contract',
			}),
		).toEqual({
			company: 'Acme',
			'team-size': '11-50',
			topics: ['Pricing', 'Security'],
			'seats-needed': 25,
			'accept-terms': true,
			'callback-phone': '+4917612345678',
			source: 'friend',
			notes: 'Bring the contract',
		});
	});

	it('names every missing required question by label and slug, with its options', () => {
		expect(() => checkBookingAnswers(FIELDS, { company: 'Acme' })).toThrow(
			'Booking Question Answers: "Team size" (team-size) is required (options: 1-10, 11-50, 51-200, 200+); "I accept the terms of service" (accept-terms) is required (boolean)',
		);
	});

	it('rejects an option that is not offered, naming the offered ones', () => {
		expect(() => checkBookingAnswers(FIELDS, { ...complete, 'team-size': 'huge' })).toThrow(
			'"Team size" (team-size): "huge" is not one of the options: 1-10, 11-50, 51-200, 200+',
		);
		expect(() =>
			checkBookingAnswers(FIELDS, { ...complete, topics: ['Pricing', 'Cooking'] }),
		).toThrow(
			'"Topics to cover" (topics): "Cooking" is not among the options: Pricing, Integrations, Security',
		);
	});

	it('rejects a value of the wrong type', () => {
		expect(() => checkBookingAnswers(FIELDS, { ...complete, 'seats-needed': 'many' })).toThrow(
			'"Seats needed" (seats-needed): expected a number, got "many"',
		);
		expect(() => checkBookingAnswers(FIELDS, { ...complete, 'accept-terms': 'maybe' })).toThrow(
			'"I accept the terms of service" (accept-terms): expected true or false, got "maybe"',
		);
		expect(() => checkBookingAnswers(FIELDS, { ...complete, company: { name: 'Acme' } })).toThrow(
			'"Company" (company): expected text, got {"name":"Acme"}',
		);
		expect(() => checkBookingAnswers(FIELDS, { ...complete, 'callback-phone': '12345' })).toThrow(
			'E.164',
		);
	});

	it('says which questions exist when an answer names none of them', () => {
		expect(() => checkBookingAnswers(FIELDS, { ...complete, budget: '10k' })).toThrow(
			'"budget" is not a booking question of this event type (it asks: "Additional notes" (notes), "Company" (company)',
		);
	});

	it('points system questions to their own fields', () => {
		expect(() => checkBookingAnswers(FIELDS, { ...complete, email: 'a@b.co' })).toThrow(
			'"Email address" (email) is given in the Attendee Email field, not as an answer',
		);
	});

	it('refuses prototype-polluting keys', () => {
		const answers = JSON.parse('{"__proto__": {"polluted": true}, "company": "Acme"}');
		expect(() => checkBookingAnswers(FIELDS, { ...answers, ...complete })).toThrow(
			'"__proto__" is not a booking question',
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('other booking inputs', () => {
	it('builds location objects and checks the value each type needs', () => {
		expect(buildLocation('integration', 'cal-video', 'create')).toEqual({
			type: 'integration',
			integration: 'cal-video',
		});
		expect(buildLocation('attendeePhone', '+1 (212) 555-0100', 'create')).toEqual({
			type: 'attendeePhone',
			phone: '+12125550100',
		});
		expect(buildLocation('link', '', 'create')).toEqual({ type: 'link' });
		expect(() => buildLocation('link', '', 'update')).toThrow(
			'Location Value: the location type link needs a value (link).',
		);
		expect(buildLocation('link', 'https://meet.example.com/x', 'update')).toEqual({
			type: 'link',
			link: 'https://meet.example.com/x',
		});
		expect(() => buildLocation('integration', 'zoom', 'update')).toThrow(
			'is not a location type Cal.com can change a booking to',
		);
		expect(() => buildLocation('attendeeAddress', '', 'create')).toThrow(
			'Location Value: the location type attendeeAddress needs a value (address).',
		);
		expect(() => buildLocation('zoom', 'x', 'create')).toThrow(
			'Location Type: "zoom" is not a location type.',
		);
	});

	it('reads email lists and names the bad entries', () => {
		expect(parseEmailList('a@x.io, b@y.io;a@x.io', 'Guests')).toEqual(['a@x.io', 'b@y.io']);
		expect(() => parseEmailList('a@x.io, nobody', 'Guests')).toThrow(
			'Guests: "nobody" is not an email address.',
		);
	});

	it("applies Cal.com's metadata limits before sending", () => {
		expect(checkMetadata(readObject('{"crmId": 42, "vip": true}', 'Metadata'))).toEqual({
			crmId: '42',
			vip: 'true',
		});
		expect(() => readObject('{nope', 'Metadata')).toThrow('Metadata: is not valid JSON');
		expect(() => readObject('{"__proto__": {"x": 1}}', 'Metadata')).toThrow(
			'Metadata: the key "__proto__" is not allowed.',
		);
		expect(() => checkMetadata({ ['k'.repeat(41)]: 'v' })).toThrow('longer than 40 characters');
		expect(() => checkMetadata({ note: 'x'.repeat(501) })).toThrow('longer than 500 characters');
		expect(() =>
			checkMetadata(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))),
		).toThrow('has 51 keys');
		expect(() => checkMetadata({ nested: { a: 1 } })).toThrow('must be text');
	});
});
