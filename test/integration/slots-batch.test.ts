import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { runCalCom, useSandbox } from './helpers';

// Slot → Find Next Free and Slot → Get Available over many items in one execution: items asking
// the same thing share the slot reads, each item's answer is the one it gets alone, and nothing is
// kept for the next execution.

const nextFree = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'slot',
	operation: 'findNextFree',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '={{ $json.eventTypeId ?? 12 }}' },
	after: '={{ $json.after }}',
	count: '={{ $json.count ?? 3 }}',
	timeZone: 'America/New_York',
	options: { windowStart: '={{ $json.from ?? "" }}', windowEnd: '={{ $json.to ?? "" }}' },
	...extra,
});

const available: INodeParameters = {
	resource: 'slot',
	operation: 'getAvailable',
	lookup: 'eventTypeId',
	eventTypeId: { __rl: true, mode: 'id', value: '={{ $json.eventTypeId ?? 12 }}' },
	start: '={{ $json.start }}',
	end: '={{ $json.end }}',
	timeZone: 'America/New_York',
};

const slotReads = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.path === '/v2/slots');

/** Each item's output as the run pairs it with its input. */
function byItem(items: Array<{ json: IDataObject; pairedItem?: unknown }>, count: number) {
	const out: IDataObject[][] = Array.from({ length: count }, () => []);
	for (const item of items) out[(item.pairedItem as { item: number }).item].push(item.json);
	return out;
}

/** Runs each item alone, in an execution of its own: the answers a batch must equal. */
async function alone(sandbox: Sandbox, params: INodeParameters, inputItems: IDataObject[]) {
	const answers: IDataObject[][] = [];
	for (const item of inputItems) {
		const result = await runCalCom(sandbox, params, { inputItems: [item] });
		expect(result.error).toBeUndefined();
		answers.push(result.items.map((i) => i.json));
	}
	return answers;
}

describe('Slot → Find Next Free over many items: shared reads', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('one item costs what it always did: one read of a week from After', async () => {
		const result = await runCalCom(sandbox, nextFree(), {
			inputItems: [{ after: '2027-03-15T09:00' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.label)).toEqual([
			'Mon 15 Mar, 09:00–09:30',
			'Mon 15 Mar, 09:30–10:00',
			'Mon 15 Mar, 10:00–10:30',
		]);
		expect(slotReads(sandbox).map((r) => [r.query.start, r.query.end])).toEqual([
			['2027-03-15T13:00:00.000Z', '2027-03-22T13:00:00.000Z'],
		]);
	});

	it('items asking from the same After on one event type read once, and each gets what it gets alone', async () => {
		const inputItems: IDataObject[] = [
			{ after: '2027-03-15T09:00', count: 3 },
			{ after: '2027-03-15T09:00', count: 2, from: '14:00', to: '16:00' },
			{ after: '2027-03-15T09:00', count: 5, from: '16:00' },
			{ after: '2027-03-15T09:00', count: 1 },
		];
		const together = await runCalCom(sandbox, nextFree(), { inputItems });
		expect(together.error).toBeUndefined();
		expect(slotReads(sandbox)).toHaveLength(1);

		sandbox.reset();
		const answers = await alone(sandbox, nextFree(), inputItems);
		expect(byItem(together.items, inputItems.length)).toEqual(answers);
		expect(answers[1].map((slot) => slot.label)).toEqual([
			'Mon 15 Mar, 14:00–14:30',
			'Mon 15 Mar, 14:30–15:00',
		]);
		expect(slotReads(sandbox)).toHaveLength(inputItems.length);
	});

	it('a later item that needs more than was read reads further once, from the same After; the items after it read nothing', async () => {
		// 22:00–23:00 never fits bailey's hours: the second item walks to its horizon.
		const inputItems: IDataObject[] = [
			{ after: '2027-03-15T09:00', count: 3 },
			{ after: '2027-03-15T09:00', count: 1, from: '22:00', to: '23:00' },
			{ after: '2027-03-15T09:00', count: 1, from: '22:00', to: '23:00' },
			{ after: '2027-03-15T09:00', count: 40 },
		];
		const together = await runCalCom(sandbox, nextFree(), { inputItems });
		expect(together.error).toBeUndefined();
		expect(slotReads(sandbox).map((r) => [r.query.start, r.query.end])).toEqual([
			['2027-03-15T13:00:00.000Z', '2027-03-22T13:00:00.000Z'],
			// Nothing fitted in the week: eight times as far, cut at the 30-day horizon.
			['2027-03-15T13:00:00.000Z', '2027-04-14T13:00:00.000Z'],
		]);

		sandbox.reset();
		const answers = await alone(sandbox, nextFree(), inputItems);
		expect(byItem(together.items, inputItems.length)).toEqual(answers);
		expect(answers[1]).toEqual([]);
		expect(answers[3]).toHaveLength(40);
	});

	it('items on two event types: one read each', async () => {
		const inputItems: IDataObject[] = [
			{ after: '2027-03-15T09:00', eventTypeId: 12 },
			{ after: '2027-03-15T09:00', eventTypeId: 11 },
			{ after: '2027-03-15T09:00', eventTypeId: 12, count: 1 },
			{ after: '2027-03-15T09:00', eventTypeId: 11, count: 1 },
		];
		const together = await runCalCom(sandbox, nextFree(), { inputItems });
		expect(together.error).toBeUndefined();
		expect(slotReads(sandbox).map((r) => r.query.eventTypeId)).toEqual(['12', '11']);
		sandbox.reset();
		expect(byItem(together.items, inputItems.length)).toEqual(
			await alone(sandbox, nextFree(), inputItems),
		);
	});

	it('items asking from different times read each on their own (Cal.com lays its slot grid from where it is asked to start)', async () => {
		const inputItems: IDataObject[] = [
			{ after: '2027-03-15T09:00' },
			{ after: '2027-03-16T10:10' },
			{ after: '2027-03-15T09:00', count: 1 },
		];
		const together = await runCalCom(sandbox, nextFree(), { inputItems });
		expect(together.error).toBeUndefined();
		expect(slotReads(sandbox).map((r) => r.query.start)).toEqual([
			'2027-03-15T13:00:00.000Z',
			'2027-03-16T14:10:00.000Z',
		]);
		sandbox.reset();
		expect(byItem(together.items, inputItems.length)).toEqual(
			await alone(sandbox, nextFree(), inputItems),
		);
	});

	it('a second execution reads again (nothing kept across executions)', async () => {
		const inputItems = [{ after: '2027-03-15T09:00', count: 1 }];
		const first = await runCalCom(sandbox, nextFree(), { inputItems });
		expect(first.items[0].json.label).toBe('Mon 15 Mar, 09:00–09:30');
		// Someone books 09:00 between the executions.
		const organizer = sandbox.state.bookings.find((b) => b.userId === 1);
		if (!organizer) throw new Error('the fixture has bookings of bailey');
		sandbox.state.bookings.push({
			...organizer,
			id: 5000,
			uid: 'OtherClientBooking0001',
			eventTypeId: 12,
			status: 'accepted',
			start: '2027-03-15T13:00:00.000Z',
			end: '2027-03-15T13:30:00.000Z',
		});
		const second = await runCalCom(sandbox, nextFree(), { inputItems });
		expect(second.items[0].json.label).toBe('Mon 15 Mar, 09:30–10:00');
		expect(slotReads(sandbox)).toHaveLength(2);
	});

	it('on a sparse calendar (one free slot three weeks out) finds it in two reads: a week, then the horizon', async () => {
		const schedule = sandbox.state.schedules.find((s) => s.ownerId === 1 && s.isDefault);
		if (!schedule) throw new Error("the fixture has bailey's default schedule");
		schedule.availability = [];
		schedule.overrides = [{ date: '2027-03-22', startTime: '10:00', endTime: '10:30' }];
		const result = await runCalCom(sandbox, nextFree(), {
			inputItems: [{ after: '2027-03-01T09:00', count: 1 }],
		});
		expect(result.items.map((i) => i.json.label)).toEqual(['Mon 22 Mar, 10:00–10:30']);
		expect(slotReads(sandbox).map((r) => r.query.end)).toEqual([
			'2027-03-08T14:00:00.000Z',
			// After + 30 days (the default Search Up To), in one read.
			'2027-03-31T14:00:00.000Z',
		]);
	});
});

describe('Slot → Get Available over many items: shared reads', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	const week = { start: '2027-03-15', end: '2027-03-19' };

	it('one item costs one read, as always', async () => {
		const result = await runCalCom(sandbox, available, { inputItems: [week] });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(slotReads(sandbox)).toHaveLength(1);
	});

	it('items asking the same event type and range read once; other ranges and event types read their own; each gets what it gets alone', async () => {
		const inputItems: IDataObject[] = [
			week,
			week,
			{ start: '2027-03-16', end: '2027-03-16' },
			{ ...week, eventTypeId: 11 },
			week,
		];
		const together = await runCalCom(
			sandbox,
			{ ...available, options: { format: 'time' } },
			{
				inputItems,
			},
		);
		expect(together.error).toBeUndefined();
		expect(slotReads(sandbox).map((r) => [r.query.eventTypeId, r.query.start])).toEqual([
			['12', '2027-03-15T04:00:00.000Z'],
			['12', '2027-03-16T04:00:00.000Z'],
			['11', '2027-03-15T04:00:00.000Z'],
		]);
		sandbox.reset();
		const answers = await alone(sandbox, { ...available, options: { format: 'time' } }, inputItems);
		expect(byItem(together.items, inputItems.length)).toEqual(answers);
		expect(answers[0].length).toBeGreaterThan(answers[2].length);
	});

	it('Raw output: items sharing a read get copies, so changing one changes no other', async () => {
		const together = await runCalCom(
			sandbox,
			{ ...available, output: 'raw' },
			{
				inputItems: [week, week],
			},
		);
		expect(together.error).toBeUndefined();
		const [first, second] = together.items.map((i) => i.json);
		expect(first).toEqual(second);
		expect(first).not.toBe(second);
		(first['2027-03-15'] as unknown[]).length = 0;
		expect((second['2027-03-15'] as unknown[]).length).toBeGreaterThan(0);
		expect(slotReads(sandbox)).toHaveLength(1);
	});
});
