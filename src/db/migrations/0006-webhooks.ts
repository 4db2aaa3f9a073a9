import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Webhooks. A subscription keeps its own cursor over `events.seq` (`after_seq`: every event up to
 * it has been queued) and a lease (`claimed_until`, `claim_token`) held by the one process sending
 * its deliveries, so processes sharing a database never send one subscription's events at once.
 * (`claimed_by` names that process, host:pid, for whoever looks at the table.) A delivery is one event queued for one subscription; a replay adds another. The secret is kept
 * as it is, because signing needs the secret itself (a hash would not do).
 */
export const webhooksMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('webhook_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('event_types', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'paused')`))
      .addColumn('after_seq', 'bigint', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('claim_token', 'text')
      .addColumn('claimed_by', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id'))
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
      .addColumn('event_seq', 'bigint', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_attempt_at', 'text')
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('last_duration_ms', 'integer')
      .addColumn('delivered_at', 'text')
      .addColumn('replay_of', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The head of a subscription's queue (its oldest pending event) and its delivery log, newest first.
    await db.schema.createIndex('webhook_deliveries_queue_idx').on('webhook_deliveries').columns(['subscription_id', 'status', 'event_seq']).execute();
    await db.schema.createIndex('webhook_deliveries_log_idx').on('webhook_deliveries').columns(['subscription_id', 'id']).execute();
  },
});
