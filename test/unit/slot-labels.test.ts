import { labelOf } from '../../nodes/CalCom/actions/slot/shared';

describe('slot labels an agent reads', () => {
	it('reads the slot in the display zone: weekday, day, month, start–end', () => {
		expect(
			labelOf(
				{ start: '2027-03-16T13:00:00.000Z', end: '2027-03-16T13:30:00.000Z' },
				'America/New_York',
			),
		).toBe('Tue 16 Mar, 09:00–09:30');
		expect(labelOf({ start: '2027-09-06T07:00:00.000Z' }, 'Europe/Berlin')).toBe(
			'Mon 6 Sep, 09:00',
		);
	});

	it('tells apart the two slots of the hour a fall-back repeats by their offsets', () => {
		// New York, Sunday 7 November 2027: 01:00–02:00 happens at -04:00, then again at -05:00.
		const first = labelOf(
			{ start: '2027-11-07T05:00:00.000Z', end: '2027-11-07T05:30:00.000Z' },
			'America/New_York',
		);
		const second = labelOf(
			{ start: '2027-11-07T06:00:00.000Z', end: '2027-11-07T06:30:00.000Z' },
			'America/New_York',
		);
		expect(first).toBe('Sun 7 Nov, 01:00–01:30 (UTC-04:00)');
		expect(second).toBe('Sun 7 Nov, 01:00–01:30 (UTC-05:00)');
		// The hours around it read as usual.
		expect(
			labelOf(
				{ start: '2027-11-07T04:30:00.000Z', end: '2027-11-07T05:00:00.000Z' },
				'America/New_York',
			),
		).toBe('Sun 7 Nov, 00:30–01:00');
		expect(
			labelOf(
				{ start: '2027-11-07T07:00:00.000Z', end: '2027-11-07T07:30:00.000Z' },
				'America/New_York',
			),
		).toBe('Sun 7 Nov, 02:00–02:30');
	});
});
