import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/** Reasons a customer sends goods back, and what inspection found; usable on returns and their dispositions. */
const RETURN_REASONS = [
  ['wrong-item', 'Wrong item sent'],
  ['not-wanted', 'No longer wanted'],
  ['defective', 'Defective'],
  ['not-as-described', 'Not as described'],
  ['damaged-in-transit', 'Damaged in transit'],
  ['resellable', 'Inspected, as new'],
] as const;

/**
 * Customer returns (RMAs): the return with its authorised lines (against a sales order line, or an
 * item for a till return without an order), the running totals per line, and one entry per step
 * (receipt into quality control, restock, scrap) naming the movement it posted. The entries say
 * where each line's returned units sit in quality control, so a disposition takes them from there.
 */
export const returnsMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('returns')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('sales_order_id', 'text', (c) => c.references('sales_orders.id'))
      .addColumn('channel_id', 'text', (c) => c.references('channels.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('authorised', 'partially_received', 'received', 'closed', 'cancelled')`))
      .addColumn('customer_name', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('returns_status_idx').on('returns').columns(['status', 'id']).execute();
    await db.schema.createIndex('returns_order_idx').on('returns').columns(['sales_order_id', 'id']).execute();

    await db.schema
      .createTable('return_lines')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('order_line_id', 'text', (c) => c.references('sales_order_lines.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('received', 'bigint', (c) => c.notNull().check(sql`received >= 0 and received <= quantity`))
      .addColumn('restocked', 'bigint', (c) => c.notNull().check(sql`restocked >= 0`))
      .addColumn('scrapped', 'bigint', (c) => c.notNull().check(sql`scrapped >= 0 and restocked + scrapped <= received`))
      .addColumn('reason_code', 'text', (c) => c.notNull().references('reason_codes.code'))
      .addColumn('note', 'text')
      .addUniqueConstraint('return_lines_no_unique', ['return_id', 'line_no'])
      .execute();
    await db.schema.createIndex('return_lines_order_line_idx').on('return_lines').column('order_line_id').execute();
    await db.schema.createIndex('return_lines_item_idx').on('return_lines').columns(['item_id', 'return_id']).execute();

    await db.schema
      .createTable('return_entries')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('return_lines.id'))
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('receipt', 'restock', 'scrap')`))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('from_location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('to_location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('reason_code', 'text', (c) => c.references('reason_codes.code'))
      .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
      .addColumn('note', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('return_entries_return_idx').on('return_entries').columns(['return_id', 'id']).execute();

    await sql`insert into document_numbers (name, last_value) values ('return', 0)`.execute(db);
    const now = new Date().toISOString();
    for (const [code, name] of RETURN_REASONS) {
      // A deployment may already have made a code of that name by hand; theirs stays.
      await sql`insert into reason_codes (code, name, created_at) select ${code}, ${name}, ${now} where not exists (select 1 from reason_codes where code = ${code})`.execute(db);
    }
  },
});
