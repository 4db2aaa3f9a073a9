import { sql, type Updateable } from 'kysely';
import type { Executor, WebhookDeliveriesTable, WebhookDeliveryRow, WebhookSubscriptionRow } from '../db/schema.js';
import { newId } from '../shared/ids.js';
import type { SequencedEventRow } from './event-repository.js';

/**
 * The delivery worker's queries. A subscription is the unit of work: the process holding its
 * lease queues its new events and sends its pending deliveries one at a time, oldest event first.
 */

/** Active, not leased (or its lease ran out), and with events to queue or an oldest pending delivery that is due. */
function claimable(db: Executor, now: string) {
  return db
    .selectFrom('webhook_subscriptions as s')
    .selectAll('s')
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('s.claimed_until', 'is', null), eb('s.claimed_until', '<=', now)]))
    .where((eb) =>
      eb.or([
        eb('s.after_seq', '<', sql<number>`(select coalesce(max(seq), 0) from events)`),
        eb(
          eb.selectFrom('webhook_deliveries as d').select('d.next_attempt_at').whereRef('d.subscription_id', '=', 's.id').where('d.status', '=', 'pending').orderBy('d.event_seq').orderBy('d.id').limit(1),
          '<=',
          now,
        ),
      ]),
    )
    // Least recently released first, so busy subscriptions take turns with the others.
    .orderBy(sql`coalesce(s.claimed_until, '')`)
    .orderBy('s.id')
    .limit(1);
}

/** A plain read that tells whether claiming is worth a write transaction. */
export async function anyClaimable(db: Executor, now: string): Promise<boolean> {
  return (await claimable(db, now).executeTakeFirst()) !== undefined;
}

/**
 * Takes the next subscription with work and leases it. On PostgreSQL the row is locked with SKIP
 * LOCKED, so processes claiming at the same time take different subscriptions instead of waiting;
 * one that read the row before another's lease committed finds it changed and passes it over.
 * SQLite has one process and one writer, which serialises claims already.
 */
export async function claimSubscription(
  trx: Executor, now: string, lease: { until: string; token: string; by: string }, postgres: boolean,
): Promise<WebhookSubscriptionRow | undefined> {
  const query = claimable(trx, now);
  const row = await (postgres ? query.forUpdate().skipLocked() : query).executeTakeFirst();
  if (!row) return undefined;
  await trx.updateTable('webhook_subscriptions').set({ claimed_until: lease.until, claim_token: lease.token, claimed_by: lease.by }).where('id', '=', row.id).execute();
  return row;
}

/** Numbered events after `after` without their payloads, oldest first. */
export async function eventsToQueue(db: Executor, after: number, limit: number): Promise<Array<Pick<SequencedEventRow, 'id' | 'seq' | 'type'>>> {
  const rows = await db.selectFrom('events').select(['id', 'seq', 'type']).where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, type: r.type, seq: Number(r.seq) }));
}

/**
 * Queues `events` for the subscription and moves its cursor to `throughSeq`, in the caller's
 * transaction (which holds the subscription's lock), so each event is queued once per pass of the
 * cursor. An event still pending from before a replay is not queued a second time.
 */
export async function queueEvents(trx: Executor, subscriptionId: string, events: ReadonlyArray<Pick<SequencedEventRow, 'id' | 'seq' | 'type'>>, throughSeq: number, now: string): Promise<void> {
  if (events.length > 0) {
    const pending = await trx
      .selectFrom('webhook_deliveries')
      .select('event_id')
      .where('subscription_id', '=', subscriptionId)
      .where('status', '=', 'pending')
      .where('event_id', 'in', events.map((e) => e.id))
      .execute();
    const waiting = new Set(pending.map((p) => p.event_id));
    const rows = events.filter((e) => !waiting.has(e.id)).map((e) => ({
      id: newId(), subscription_id: subscriptionId, event_id: e.id, event_seq: e.seq, event_type: e.type, status: 'pending' as const, attempts: 0,
      next_attempt_at: now, last_attempt_at: null, last_status_code: null, last_error: null, last_duration_ms: null, delivered_at: null, replay_of: null, created_at: now,
    }));
    if (rows.length > 0) await trx.insertInto('webhook_deliveries').values(rows).execute();
  }
  await trx.updateTable('webhook_subscriptions').set({ after_seq: throughSeq }).where('id', '=', subscriptionId).execute();
}

/** The oldest pending deliveries, in event order, up to the first that is not due yet. */
export async function dueDeliveries(db: Executor, subscriptionId: string, now: string, limit: number): Promise<WebhookDeliveryRow[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'pending')
    .orderBy('event_seq')
    .orderBy('id')
    .limit(limit)
    .execute();
  const firstLater = rows.findIndex((r) => r.next_attempt_at > now);
  return firstLater === -1 ? rows : rows.slice(0, firstLater);
}

export async function eventsByIds(db: Executor, ids: readonly string[]): Promise<SequencedEventRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('events').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * Records an attempt's outcome and renews the lease, only while this claim still holds it: a
 * process that stalled past its lease must not overwrite what the one that took over recorded.
 * Returns the subscription as it is now (undefined: the lease is lost or the subscription deleted),
 * so the sender notices a pause or a new URL before its next attempt.
 */
export async function recordAttempt(
  trx: Executor, subscriptionId: string, token: string, leaseUntil: string, deliveryId: string, changes: Updateable<WebhookDeliveriesTable>,
): Promise<Pick<WebhookSubscriptionRow, 'status' | 'url'> | undefined> {
  const renewed = await trx
    .updateTable('webhook_subscriptions')
    .set({ claimed_until: leaseUntil })
    .where('id', '=', subscriptionId)
    .where('claim_token', '=', token)
    .returning(['status', 'url'])
    .executeTakeFirst();
  if (renewed) await trx.updateTable('webhook_deliveries').set(changes).where('id', '=', deliveryId).where('status', '=', 'pending').execute();
  return renewed;
}

/** Gives the subscription back; the release time orders the next claims (least recently served first). */
export async function releaseSubscription(db: Executor, subscriptionId: string, token: string, now: string): Promise<void> {
  await db.updateTable('webhook_subscriptions').set({ claimed_until: now, claim_token: null, claimed_by: null }).where('id', '=', subscriptionId).where('claim_token', '=', token).execute();
}
