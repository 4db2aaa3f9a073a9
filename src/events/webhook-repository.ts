import type { Insertable, Updateable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type { Executor, WebhookDeliveriesTable, WebhookDeliveryRow, WebhookDeliveryStatus, WebhookSubscriptionRow, WebhookSubscriptionsTable } from '../db/schema.js';

/** Subscriptions and the delivery log: what the API reads and changes. The worker's queries are in webhook-queue-repository.ts. */

export async function insertSubscription(db: Executor, row: Insertable<WebhookSubscriptionsTable>): Promise<void> {
  await db.insertInto('webhook_subscriptions').values(row).execute();
}

export async function findSubscription(db: Executor, id: string): Promise<WebhookSubscriptionRow | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Reads a subscription and, on PostgreSQL, locks its row until the transaction ends, so a replay
 * moving the cursor and a worker queueing events take turns. SQLite runs one write at a time.
 */
export async function lockSubscription(db: Executor, id: string): Promise<WebhookSubscriptionRow | undefined> {
  const query = db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id);
  return (isSqlite(db) ? query : query.forUpdate()).executeTakeFirst();
}

export async function updateSubscriptionRow(db: Executor, id: string, changes: Updateable<WebhookSubscriptionsTable>): Promise<void> {
  await db.updateTable('webhook_subscriptions').set(changes).where('id', '=', id).execute();
}

/** Removes a subscription with its delivery log; a send under way records its result nowhere. */
export async function deleteSubscriptionRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
  await db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
}

/** Subscriptions in creation order, one more than `limit` so the caller knows whether more exist. */
export async function listSubscriptionRows(db: Executor, filter: { afterId?: string | undefined; limit: number }): Promise<WebhookSubscriptionRow[]> {
  let query = db.selectFrom('webhook_subscriptions').selectAll();
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit + 1).execute();
}

export interface DeliveryCounts {
  pending: number;
  failed: number;
}

/** Pending and failed deliveries per subscription (the delivered ones are not counted: they only grow). */
export async function countDeliveries(db: Executor, subscriptionIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
  const counts = new Map<string, DeliveryCounts>(subscriptionIds.map((id) => [id, { pending: 0, failed: 0 }]));
  if (subscriptionIds.length === 0) return counts;
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['subscription_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('subscription_id', 'in', [...subscriptionIds])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy(['subscription_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.subscription_id);
    if (entry) entry[row.status === 'pending' ? 'pending' : 'failed'] = Number(row.n);
  }
  return counts;
}

export interface DeliveryFilter {
  subscriptionId: string;
  status?: WebhookDeliveryStatus | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** A subscription's deliveries, newest first (ids are time-ordered), one more than `limit`. */
export async function listDeliveryRows(db: Executor, filter: DeliveryFilter): Promise<WebhookDeliveryRow[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', filter.subscriptionId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function findDelivery(db: Executor, subscriptionId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).where('id', '=', id).executeTakeFirst();
}

export async function insertDeliveries(db: Executor, rows: ReadonlyArray<Insertable<WebhookDeliveriesTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_deliveries').values([...rows]).execute();
}

/** A pending delivery made due now (a replay of one that is still waiting for its next attempt). */
export async function makeDeliveryDue(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ next_attempt_at: at }).where('id', '=', id).where('status', '=', 'pending').execute();
}

/** How many numbered events of each type lie in `fromSeq` … `throughSeq`. */
export async function countEventTypes(db: Executor, fromSeq: number, throughSeq: number): Promise<Array<{ type: string; n: number }>> {
  const rows = await db
    .selectFrom('events')
    .select(['type', (eb) => eb.fn.countAll().as('n')])
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', throughSeq)
    .groupBy('type')
    .execute();
  return rows.map((r) => ({ type: r.type, n: Number(r.n) }));
}


/** The highest event number given so far (0 before the first). */
export async function eventHead(db: Executor): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0);
}
