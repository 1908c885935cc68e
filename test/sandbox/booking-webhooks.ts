/**
 * Booking changes → Cal.com's webhook deliveries. The server hands over what a request recorded
 * in sandbox.events once its response is computed and written; the deliveries start on the next
 * turn of the event loop, so they never delay or break an API answer. Each event goes to the
 * organizer's webhooks, the event type's (personal or team), and the organization's
 * (webhook-delivery.ts matchingWebhooks), with a payload built per webhook version
 * (webhook-payload.ts); createdAt is the event's time on the sandbox's calendar clock.
 *
 * The events of one request are delivered in order; requests are independent. Failures (no
 * answer, a refused connection, a payload that cannot be built) land in sandbox.deliveries with
 * `error` and status 0. settled() resolves once nothing is in flight; reset() drops deliveries
 * that have not started; close() aborts those in flight.
 */
import type { SandboxBookingEvent, SandboxState } from './types';
import { bookingWebhookPayload } from './webhook-payload';
import { deliverWebhooks } from './webhook-delivery';
import type { DeliveryRecord } from './webhook-delivery';

export class BookingWebhooks {
	private readonly pending = new Set<Promise<void>>();
	private controller = new AbortController();
	private generation = 0;
	private closed = false;

	constructor(
		private readonly state: SandboxState,
		private readonly log: DeliveryRecord[],
	) {}

	/** Delivers the events (in order) after the current turn of the event loop. */
	dispatch(events: readonly SandboxBookingEvent[]): void {
		if (events.length === 0 || this.closed) return;
		const generation = this.generation;
		const batch = [...events];
		const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
			for (const event of batch) {
				if (this.closed || generation !== this.generation) return;
				await this.deliverOne(event);
			}
		});
		this.pending.add(run);
		void run.finally(() => this.pending.delete(run));
	}

	private async deliverOne(event: SandboxBookingEvent): Promise<void> {
		try {
			await deliverWebhooks(
				this.state,
				this.log,
				event.type,
				(webhook) => bookingWebhookPayload(this.state, event, webhook.version),
				event.booking.userId,
				event.booking.eventTypeId,
				{ createdAt: event.at, signal: this.controller.signal },
			);
		} catch (error) {
			this.log.push({
				webhookId: '',
				subscriberUrl: '',
				triggerEvent: event.type,
				headers: {},
				body: '',
				status: 0,
				error: `the sandbox could not deliver ${event.type} for booking ${event.bookingUid}: ${(error as Error).message}`,
			});
		}
	}

	/** Resolves when every delivery started so far (and any started meanwhile) has finished. */
	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Forget deliveries that have not started (sandbox.reset()). */
	reset(): void {
		this.generation++;
	}

	/** Abort deliveries in flight and start no more. */
	async close(): Promise<void> {
		this.closed = true;
		this.controller.abort();
		await this.settled();
	}
}
