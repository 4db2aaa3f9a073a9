import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Updateable } from 'kysely';
import type { WebhookDeliveriesTable, WebhookDeliveryRow, WebhookSubscriptionRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { toEvent } from './event-types.js';
import * as queue from './webhook-queue-repository.js';
import { nextRetry } from './webhook-retry.js';
import { matchesEventType, parseEventTypes } from './webhook-rules.js';
import { sendWebhook, type SendOutcome } from './webhook-sender.js';
import type { WebhookSettings } from './webhook-settings.js';

/** Events queued per claim: a long backlog (a replay from 1) is queued over several claims. */
const QUEUE_BATCH = 500;
/** Deliveries sent per claim before the subscription goes back for others to take their turn. */
const SEND_BATCH = 50;
/** Who holds a lease, for whoever reads the table: this process. */
const CLAIMER = `${hostname()}:${process.pid}`;

interface Claim {
  subscription: WebhookSubscriptionRow;
  token: string;
  deliveries: WebhookDeliveryRow[];
}

export interface WebhookWorker {
  /** Look for work now: events were just numbered, or a retry fell due. */
  wake(): void;
  /** Stops claiming, aborts attempts under way (they do not count) and hands their subscriptions back. */
  stop(): Promise<void>;
}

/**
 * Delivers webhooks from one server process. Work is claimed in the database, a subscription at a
 * time, so any number of processes can share it: the holder of a subscription's lease queues its
 * new events (moving its cursor) and sends its due deliveries one by one in event order; a failed
 * delivery holds back the later ones until its retry succeeds or it is given up, so a receiver sees
 * events in order. A process killed mid-send leaves its lease to run out; whoever claims next sends
 * the unfinished delivery again, which receivers tell apart by Webhook-Id.
 */
export function startWebhookWorker(store: Store, settings: WebhookSettings, onError: (error: unknown, context: string) => void): WebhookWorker {
  const stopping = new AbortController();
  const lanes = new Set<Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let wanted = false;
  /** Lanes looking for work (not sending): while one is, a wake-up only needs to tell it to look again. */
  let searching = 0;

  const wake = (): void => {
    wanted = true;
    if (searching === 0) startLane();
  };

  const startLane = (): void => {
    if (stopping.signal.aborted || lanes.size >= settings.concurrency) return;
    const lane: Promise<void> = runLane().finally(() => lanes.delete(lane));
    lanes.add(lane);
  };

  /** Claims and serves subscriptions until none has work; a wake-up during an empty claim means look again. */
  async function runLane(): Promise<void> {
    try {
      while (!stopping.signal.aborted) {
        wanted = false;
        searching++;
        const claim = await claimNext().finally(() => searching--);
        if (!claim) {
          if (wanted) continue;
          return;
        }
        // Another subscription may have work too: let a second lane look while this one sends.
        startLane();
        await serve(claim);
      }
    } catch (error) {
      // The poll wakes the worker again; a lease left behind runs out and the work is taken again.
      onError(error, 'delivering webhooks');
    }
  }

  async function claimNext(): Promise<Claim | undefined> {
    const now = new Date();
    if (!(await queue.anyClaimable(store.db, now.toISOString()))) return undefined;
    const token = randomUUID();
    return store.write(async (trx) => {
      const subscription = await queue.claimSubscription(trx, now.toISOString(), { until: leaseFrom(now), token, by: CLAIMER }, store.dialect === 'postgres');
      if (!subscription) return undefined;
      const after = Number(subscription.after_seq);
      const events = await queue.eventsToQueue(trx, after, QUEUE_BATCH);
      const last = events[events.length - 1];
      if (last) {
        const patterns = parseEventTypes(subscription.event_types);
        await queue.queueEvents(trx, subscription.id, events.filter((e) => matchesEventType(patterns, e.type)), last.seq, now.toISOString());
      }
      const deliveries = await queue.dueDeliveries(trx, subscription.id, now.toISOString(), SEND_BATCH);
      if (deliveries.length === 0) await queue.releaseSubscription(trx, subscription.id, token, now.toISOString());
      return { subscription, token, deliveries };
    });
  }

  async function serve({ subscription, token, deliveries }: Claim): Promise<void> {
    if (deliveries.length === 0) return;
    let holding = true;
    try {
      const events = new Map((await queue.eventsByIds(store.db, deliveries.map((d) => d.event_id))).map((e) => [e.id, e]));
      for (const delivery of deliveries) {
        const event = events.get(delivery.event_id);
        if (!event) throw new Error(`event ${delivery.event_id} of delivery ${delivery.id} is missing`);
        const outcome = await sendWebhook({ url: subscription.url, secret: subscription.secret, eventId: event.id, body: JSON.stringify(toEvent(event)) }, settings.timeoutMs, stopping.signal);
        if (outcome.kind === 'stopped') return;
        const changes = resultOf(delivery, outcome);
        const now = await store.write((trx) => queue.recordAttempt(trx, subscription.id, token, leaseFrom(new Date()), delivery.id, changes));
        holding = now !== undefined;
        if (changes.status === 'pending' && changes.next_attempt_at) retryAt(Date.parse(changes.next_attempt_at));
        // A failure holds back the rest; a pause or a new URL applies from the next attempt (the next claim reads it).
        if (!now || changes.status === 'pending' || now.status !== 'active' || now.url !== subscription.url) return;
      }
    } finally {
      if (holding) await queue.releaseSubscription(store.db, subscription.id, token, new Date().toISOString());
    }
  }

  function resultOf(delivery: WebhookDeliveryRow, outcome: Exclude<SendOutcome, { kind: 'stopped' }>): Updateable<WebhookDeliveriesTable> {
    const now = new Date();
    const attempts = delivery.attempts + 1;
    const common = {
      attempts, last_attempt_at: now.toISOString(), last_duration_ms: outcome.durationMs, last_error: outcome.error,
      last_status_code: outcome.kind === 'answered' ? outcome.statusCode : null,
    };
    if (outcome.kind === 'answered' && outcome.delivered) return { ...common, status: 'delivered', delivered_at: now.toISOString() };
    const retry = nextRetry(attempts, settings.retryDelaysMs, Math.random());
    if (!retry.retry) return { ...common, status: 'failed' };
    return { ...common, status: 'pending', next_attempt_at: new Date(now.getTime() + retry.delayMs).toISOString() };
  }

  /** Wakes this process when a retry it scheduled falls due, rather than at the next poll. */
  function retryAt(at: number): void {
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      wake();
    }, Math.max(0, at - Date.now()) + 1);
    timer.unref();
    retryTimers.add(timer);
  }

  const leaseFrom = (now: Date) => new Date(now.getTime() + settings.leaseMs).toISOString();

  const poll = setInterval(wake, settings.pollMs);
  poll.unref();
  wake();

  return {
    wake,
    async stop() {
      clearInterval(poll);
      for (const timer of retryTimers) clearTimeout(timer);
      stopping.abort();
      while (lanes.size > 0) await Promise.all([...lanes]);
    },
  };
}
