import { IN_FLIGHT_POLL_MS, RateBudget } from '../../nodes/CalCom/transport/budget';
import type { Taken } from '../../nodes/CalCom/transport/budget';
import { percentToShare } from '../../nodes/CalCom/transport/reserve';
import type { NamedRateLimit } from '../../nodes/CalCom/transport/retry';

// The budget's clock is the `now` each call is handed: the specs say what time it is, so nothing
// depends on how fast the machine runs.
const T0 = Date.parse('2027-03-01T08:00:00Z');
const NO_RESERVE = 0;
const RESERVE = 0.05;

const told = (remaining: number, resetSeconds: number, name = 'default', limit = 120) => [
	{ name, remaining, resetSeconds, limit } satisfies NamedRateLimit,
];

function ticket(taken: Taken): number {
	if (!('ticket' in taken))
		throw new Error(`expected a ticket, was told to wait ${taken.waitMs} ms`);
	return taken.ticket;
}

const waitOf = (taken: Taken) => ('waitMs' in taken ? taken.waitMs : 0);

describe('one budget per key, shared by the executions of one process', () => {
	it('counts requests in flight against what Cal.com said is left, and waits for the reset when none is', () => {
		const budget = new RateBudget();
		const first = ticket(budget.take(T0, NO_RESERVE));
		budget.answered(first, told(3, 40), false, T0);
		for (let i = 0; i < 3; i++) ticket(budget.take(T0, NO_RESERVE));
		expect(waitOf(budget.take(T0 + 1000, NO_RESERVE))).toBe(39_000);
	});

	it('an answer counted before other requests landed does not free their units', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), told(2, 40), false, T0);
		const a = ticket(budget.take(T0, NO_RESERVE));
		ticket(budget.take(T0, NO_RESERVE));
		// A was counted before B landed: Cal.com says 1 left, but B, still in flight, takes it.
		budget.answered(a, told(1, 40), false, T0 + 5);
		expect(waitOf(budget.take(T0 + 5, NO_RESERVE))).toBeGreaterThan(0);
	});

	it('answers arriving out of order never raise the count within a window', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), told(3, 40), false, T0);
		const a = ticket(budget.take(T0, NO_RESERVE));
		const b = ticket(budget.take(T0, NO_RESERVE));
		budget.answered(b, told(1, 40), false, T0 + 5);
		budget.answered(a, told(2, 40), false, T0 + 6);
		ticket(budget.take(T0 + 6, NO_RESERVE));
		expect(waitOf(budget.take(T0 + 6, NO_RESERVE))).toBe(40_000 - 6);
	});

	it('after the reset, starts afresh with the whole limit less the requests still in flight', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), told(0, 1, 'default', 3), false, T0);
		expect(waitOf(budget.take(T0, NO_RESERVE))).toBe(1000);
		for (let i = 0; i < 3; i++) ticket(budget.take(T0 + 1000, NO_RESERVE));
		// The limit is 3 and 3 are in flight: nothing more until an answer says the count.
		expect(waitOf(budget.take(T0 + 1000, NO_RESERVE))).toBe(IN_FLIGHT_POLL_MS);
	});

	it('holds nothing back while only this process uses the key: the whole limit is used', () => {
		const budget = new RateBudget();
		let remaining = 120;
		let sent = 0;
		for (let now = T0; ; now++) {
			const taken = budget.take(now, RESERVE);
			if ('waitMs' in taken) break;
			sent++;
			budget.answered(taken.ticket, told(--remaining, 60 - (now - T0) / 1000), false, now);
		}
		expect(sent).toBe(120);
		expect(budget.isShared(T0 + 200)).toBe(false);
	});

	it('leaves the reserve unused once Cal.com counts hits no request of this process explains', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, RESERVE)), told(100, 50), false, T0);
		// One request of ours, but the count fell by 11: another process uses the key.
		budget.answered(ticket(budget.take(T0 + 10, RESERVE)), told(89, 50), false, T0 + 10);
		expect(budget.isShared(T0 + 10)).toBe(true);
		budget.answered(ticket(budget.take(T0 + 20, RESERVE)), told(7, 45), false, T0 + 20);
		// 7 left, 6 (5 % of 120) held back: one more request, then wait for the reset.
		ticket(budget.take(T0 + 20, RESERVE));
		expect(waitOf(budget.take(T0 + 20, RESERVE))).toBe(45_000);
	});

	it('holds back no more than all but one request of a window, so a tiny limit still moves', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, 0.5)), told(0, 1, 'default', 1), true, T0);
		expect(budget.isShared(T0)).toBe(true);
		ticket(budget.take(T0 + 1000, 0.5));
	});

	it('after a 429, counts the key as shared and waits for the block Cal.com names', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, RESERVE)), told(0, 60), true, T0);
		expect(budget.isShared(T0)).toBe(true);
		expect(waitOf(budget.take(T0 + 10_000, RESERVE))).toBe(50_000);
	});

	it('an endpoint with its own limit neither spends nor frees the key’s limits', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), told(1, 30), false, T0);
		const guests = ticket(budget.take(T0, NO_RESERVE));
		budget.answered(guests, told(4, 60, 'booking_guests_add', 5), false, T0 + 1);
		ticket(budget.take(T0 + 1, NO_RESERVE));
		expect(waitOf(budget.take(T0 + 1, NO_RESERVE))).toBe(30_000 - 1);
	});

	it('a late answer from the window before neither moves the reset nor marks the key shared', () => {
		const budget = new RateBudget();
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), told(1, 1), false, T0);
		const late = ticket(budget.take(T0, NO_RESERVE)); // counted in the old window, answered late
		const fresh = ticket(budget.take(T0 + 1000, NO_RESERVE));
		budget.answered(fresh, told(119, 60), false, T0 + 1010);
		budget.answered(late, told(0, 0.01), false, T0 + 1020);
		expect(budget.isShared(T0 + 1020)).toBe(false);
		// The count it brought stands (holding back only), but the window still ends at T0+61 s.
		expect(waitOf(budget.take(T0 + 1020, NO_RESERVE))).toBe(61_010 - 1020);
	});

	it('with several named limits, goes while any has room; when none has, waits for the first reset', () => {
		const budget = new RateBudget();
		const limits = (short: number, long: number): NamedRateLimit[] => [
			{ name: 'short', remaining: short, resetSeconds: 0.2, limit: 2 },
			{ name: 'long', remaining: long, resetSeconds: 60, limit: 3 },
		];
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), limits(0, 2), false, T0);
		budget.answered(ticket(budget.take(T0, NO_RESERVE)), limits(0, 1), false, T0);
		ticket(budget.take(T0, NO_RESERVE));
		expect(waitOf(budget.take(T0, NO_RESERVE))).toBe(200);
	});
});

/**
 * Cal.com's counting as the sandbox models it (test/sandbox/rate-limit.ts): a fixed window opened
 * by the first hit after the last ran out, every hit counted, the first over the limit blocking for
 * a whole block. Here: limit 60 per 1,000 ms, block 1,000 ms.
 */
class Counter {
	private hits = 0;
	private windowEnd = 0;
	private blockedUntil = 0;
	refused = 0;
	constructor(
		readonly limit: number,
		readonly ttl: number,
	) {}
	hit(now: number): { refused: boolean; limits: NamedRateLimit[] } {
		if (now >= this.windowEnd) [this.hits, this.windowEnd] = [0, now + this.ttl];
		this.hits++;
		let reset = this.windowEnd - now;
		let blocked = this.blockedUntil > now;
		if (!blocked && this.hits > this.limit) [this.blockedUntil, blocked] = [now + this.ttl, true];
		if (blocked) reset = this.blockedUntil - now;
		if (blocked) this.refused++;
		const remaining = blocked ? 0 : Math.max(0, this.limit - this.hits);
		const resetSeconds = Math.ceil(reset / 10) / 100;
		return { refused: blocked, limits: told(remaining, resetSeconds, 'default', this.limit) };
	}
}

/** A small deterministic random source (mulberry32), so every run of a spec is the same run. */
function seeded(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Executions (each sending one request after another) in one or more processes, each process with
 * its own budget, against one Counter; latencies drawn from a seeded source. Every event happens
 * at a whole millisecond of a simulated clock.
 */
function simulate(processes: number, executionsEach: number, reserve: number, seed: number) {
	const counter = new Counter(60, 1000);
	const random = seeded(seed);
	const budgets = Array.from({ length: processes }, () => new RateBudget());
	type Event = { at: number; run: () => void };
	const events: Event[] = [];
	const at = (time: number, run: () => void) => events.push({ at: time, run });
	let sent = 0;
	const step = (budget: RateBudget, now: number) => {
		if (sent >= 600) return;
		const taken = budget.take(now, reserve);
		if ('waitMs' in taken) {
			at(now + taken.waitMs, () => step(budget, now + taken.waitMs));
			return;
		}
		sent++;
		const arrives = now + 1 + Math.floor(random() * 15);
		at(arrives, () => {
			const answer = counter.hit(arrives);
			const back = arrives + 1 + Math.floor(random() * 15);
			at(back, () => {
				budget.answered(taken.ticket, answer.limits, answer.refused, back);
				step(budget, back);
			});
		});
	};
	for (const budget of budgets)
		for (let e = 0; e < executionsEach; e++) at(0, () => step(budget, 0));
	while (events.length > 0) {
		events.sort((a, b) => a.at - b.at);
		(events.shift() as Event).run();
	}
	return { refused: counter.refused, sent };
}

describe('executions sharing one key, simulated against Cal.com’s counting', () => {
	it.each([1, 2, 3])(
		'4 executions in one process send 600 requests and meet no 429 (seed %i)',
		(seed) => {
			expect(simulate(1, 4, RESERVE, seed)).toEqual({ refused: 0, sent: 600 });
		},
	);

	// Seeded, so the counts are the same on every run: what they show is the effect of the reserve.
	it('2 processes with 2 executions each overshoot without a reserve, and not with 5 %', () => {
		const seeds = [1, 2, 3];
		const without = seeds.map((seed) => simulate(2, 2, NO_RESERVE, seed).refused);
		expect(Math.min(...without)).toBeGreaterThan(0);
		expect(seeds.map((seed) => simulate(2, 2, RESERVE, seed).refused)).toEqual([0, 0, 0]);
	});

	it('the reserve must cover what the other processes have in flight: 2 × 5 executions need 10 %', () => {
		const seeds = [1, 2, 3];
		expect(seeds.map((seed) => simulate(2, 5, 0.1, seed))).toEqual(
			seeds.map(() => ({ refused: 0, sent: 600 })),
		);
	});
});

describe('the Rate Limit Reserve option', () => {
	it('takes a percentage from 0 to 50', () => {
		expect(percentToShare(0)).toBe(0);
		expect(percentToShare(5)).toBe(0.05);
		expect(percentToShare(50)).toBe(0.5);
	});

	it.each([
		[-1, 'the number -1'],
		[80, 'the number 80'],
		['5', '"5"'],
	])('refuses %p, naming the option and what it takes', (value, shown) => {
		expect(() => percentToShare(value)).toThrow(
			`Rate Limit Reserve (%): ${shown} is not a share of the rate limit; give a number from 0 to 50 (percent).`,
		);
	});
});
