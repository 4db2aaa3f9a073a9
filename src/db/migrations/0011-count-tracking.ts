import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../store.js';

type AnyDb = Kysely<unknown>;

/**
 * Counts of lot- and serial-tracked items. A count line of a lot-tracked item is one lot at one
 * location (`lot_id`; null for other items), so the old key (count, item, location) becomes
 * (count, item, location, lot). A line of a serial-tracked item keeps its serial numbers in
 * `count_line_serials`, each with its role: `expected` (at the location when counting started),
 * `on_hand` (there when the entry was made, which the variance is against) and `counted`
 * (scanned); `serial_id` is null for a number the ledger has never seen.
 */
export const countTrackingMigration = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    if (dialect === 'postgres') {
      await sql`alter table count_lines drop constraint count_lines_item_location_uq`.execute(db);
      await db.schema.alterTable('count_lines').addColumn('lot_id', 'text', (c) => c.references('lots.id')).execute();
    } else {
      await rebuildSqliteLines(db);
    }
    await sql`create unique index count_lines_key_uq on count_lines (count_id, item_id, location_id, coalesce(lot_id, ''))`.execute(db);

    await db.schema
      .createTable('count_line_serials')
      .addColumn('line_id', 'text', (c) => c.notNull().references('count_lines.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('expected', 'on_hand', 'counted')`))
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('serial_id', 'text', (c) => c.references('serials.id'))
      .addPrimaryKeyConstraint('count_line_serials_pk', ['line_id', 'role', 'serial_number'])
      .execute();
    await db.schema.createIndex('count_line_serials_number_idx').on('count_line_serials').columns(['serial_number', 'role']).execute();
  },
});

/** SQLite cannot drop a table constraint: the lines move to a new table with the new column and no old key. */
async function rebuildSqliteLines(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('count_lines_new')
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
    .addColumn('lot_id', 'text', (c) => c.references('lots.id'))
    .execute();
  const columns = sql.raw(
    'id, count_id, line_no, item_id, location_id, expected, unplanned, counted, on_hand_at_count, unit_cost, previous_counted, recounts, reason_code, counted_by, counted_by_name, counted_at',
  );
  await sql`insert into count_lines_new (${columns}) select ${columns} from count_lines`.execute(db);
  await db.schema.dropTable('count_lines').execute();
  await sql`alter table count_lines_new rename to count_lines`.execute(db);
  await db.schema.createIndex('count_lines_count_idx').on('count_lines').columns(['count_id', 'line_no']).execute();
  await db.schema.createIndex('count_lines_item_idx').on('count_lines').columns(['item_id', 'location_id']).execute();
}
