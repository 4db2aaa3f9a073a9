import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Cycle counts. A count belongs to one site and names what it covers (`scope`, JSON); starting it
 * snapshots the expected quantity of every item × location in scope as its lines. Each entry keeps
 * the ledger's on hand read when it was made, so the variance ignores movements that happen
 * around the count. Reason codes can be archived (kept for history, refused for new adjustments).
 */
export const cycleCountsMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('reason_codes').addColumn('archived_at', 'text').execute();

    await db.schema
      .createTable('counts')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('site_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'counting', 'review', 'approved', 'cancelled')`))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('blind', 'integer', (c) => c.notNull())
      .addColumn('threshold_units_micro', 'bigint')
      .addColumn('threshold_value', 'bigint')
      .addColumn('note', 'text')
      .addColumn('posting_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('cancelled_at', 'text')
      .execute();
    await db.schema.createIndex('counts_status_idx').on('counts').columns(['status', 'id']).execute();
    await db.schema.createIndex('counts_site_idx').on('counts').columns(['site_id', 'id']).execute();

    await db.schema
      .createTable('count_lines')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('count_id', 'text', (c) => c.notNull().references('counts.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('expected', 'bigint', (c) => c.notNull())
      .addColumn('unplanned', 'integer', (c) => c.notNull())
      .addColumn('counted', 'bigint')
      .addColumn('on_hand_at_count', 'bigint')
      .addColumn('unit_cost', 'bigint')
      .addColumn('previous_counted', 'bigint')
      .addColumn('recounts', 'integer', (c) => c.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('counted_by', 'text')
      .addColumn('counted_by_name', 'text')
      .addColumn('counted_at', 'text')
      .addUniqueConstraint('count_lines_item_location_uq', ['count_id', 'item_id', 'location_id'])
      .execute();
    await db.schema.createIndex('count_lines_count_idx').on('count_lines').columns(['count_id', 'line_no']).execute();
    await db.schema.createIndex('count_lines_item_idx').on('count_lines').columns(['item_id', 'location_id']).execute();

    await sql`insert into document_numbers (name, last_value) values ('count', 0)`.execute(db);
  },
});
