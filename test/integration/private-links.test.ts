import type { Sandbox } from '../sandbox';
import { useOfPrivateLink } from '../sandbox/routes/private-links';
import { MARCH, runCalCom, useSandbox } from './helpers';

const eventType = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const links = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'eventTypePrivateLink',
	operation,
	eventTypeId: eventType(12),
	...extra,
});

describe('Event Type Private Link', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	it('creates a single-use link whose URL stops working once it is used', async () => {
		const created = await runCalCom(
			sandbox,
			links('create', { limitBy: 'uses', maxUsageCount: 1 }),
		);
		expect(created.error).toBeUndefined();
		expect(sandbox.requests.at(-1)?.body).toEqual({ maxUsageCount: 1 });
		// 2024-09-04: Cal.com's bookingUrl is the booker page itself (with the event type's slug).
		expect(sandbox.requests.at(-1)?.headers['cal-api-version']).toBe('2024-09-04');
		const link = created.items[0].json;
		expect(link).toEqual({
			linkId: expect.any(String),
			eventTypeId: 12,
			bookingUrl: `https://cal.com/d/${String(link.linkId)}/30min`,
			isExpired: false,
			expiresAt: null,
			maxUsageCount: 1,
			usageCount: 0,
			usesLeft: 1,
		});
		useOfPrivateLink(sandbox.state, String(link.linkId), new Date(MARCH));
		const listed = await runCalCom(sandbox, links('getMany', { returnAll: true }));
		expect(listed.items.find((item) => item.json.linkId === link.linkId)?.json).toMatchObject({
			isExpired: true,
			usesLeft: 0,
		});
	});

	it('creates a link that expires at a time read in the workflow’s zone', async () => {
		const created = await runCalCom(
			sandbox,
			links('create', { limitBy: 'time', expiresAt: '2099-04-01T09:00:00+02:00' }),
		);
		expect(sandbox.requests.at(-1)?.body).toEqual({ expiresAt: '2099-04-01T07:00:00.000Z' });
		expect(created.items[0].json).toMatchObject({
			expiresAt: '2099-04-01T07:00:00.000Z',
			maxUsageCount: null,
			isExpired: false,
		});
	});

	it('lists links up to the limit, the expired one marked, in Raw as Cal.com sent them', async () => {
		await runCalCom(sandbox, links('create', { limitBy: 'uses', maxUsageCount: 5 }));
		const limited = await runCalCom(
			sandbox,
			links('getMany', { returnAll: false, limit: 1, output: 'raw' }),
		);
		expect(limited.items.map((item) => item.json)).toEqual([
			{
				linkId: 'b1a2c3d4e5f60718293a4b5c6d7e8f90',
				eventTypeId: 12,
				isExpired: true,
				bookingUrl: 'https://cal.com/d/b1a2c3d4e5f60718293a4b5c6d7e8f90/30min',
				expiresAt: '2027-02-15T00:00:00.000Z',
			},
		]);
	});

	it('updates a link to more uses, deletes it, and says when it is gone', async () => {
		const created = await runCalCom(
			sandbox,
			links('create', { limitBy: 'uses', maxUsageCount: 1 }),
		);
		const linkId = created.items[0].json.linkId;
		const updated = await runCalCom(
			sandbox,
			links('update', { linkId, limitBy: 'uses', maxUsageCount: 3 }),
		);
		expect(sandbox.requests.at(-1)?.body).toEqual({ maxUsageCount: 3 });
		expect(updated.items[0].json).toMatchObject({ linkId, maxUsageCount: 3, usesLeft: 3 });
		const deleted = await runCalCom(sandbox, links('delete', { linkId }));
		expect(deleted.items[0].json).toEqual({ deleted: true, linkId, eventTypeId: 12 });
		const again = await runCalCom(sandbox, links('delete', { linkId }));
		expect(again.error?.message).toContain(
			`Private link ${String(linkId)} was not found on event type 12`,
		);
	});

	it('says which event type was not found among the user’s own', async () => {
		const result = await runCalCom(sandbox, {
			...links('getMany', { returnAll: true }),
			eventTypeId: eventType(21),
		});
		expect(result.error?.message).toContain('Event type 21 was not found');
	});

	it('keeps going with Continue On Fail: the failed item stays paired with its input', async () => {
		const result = await runCalCom(
			sandbox,
			{
				...links('getMany', { returnAll: true }),
				eventTypeId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ continueOnFail: true, inputItems: [{ id: 21 }, { id: 12 }] },
		);
		expect(result.items[0].json.error).toContain('Event type 21 was not found');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json).toMatchObject({ linkId: 'b1a2c3d4e5f60718293a4b5c6d7e8f90' });
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
	});
});
