import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Planning: one reorder policy per item × site. A manual policy stores its min/max; a computed one
 * stores how to derive them from sales (safety stock, cover, averaging window, optional lead time),
 * so the levels follow demand without being stored twice. Quantities are the item's scaled units.
 */
export const planningMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('reorder_policies')
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('site_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('manual', 'computed')`))
      .addColumn('min_quantity', 'bigint')
      .addColumn('max_quantity', 'bigint')
      .addColumn('safety_stock', 'bigint')
      .addColumn('cover_days', 'integer')
      .addColumn('window_days', 'integer')
      .addColumn('lead_time_days', 'integer')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reorder_policies_pk', ['item_id', 'site_id'])
      .execute();
    await db.schema.createIndex('reorder_policies_site_idx').on('reorder_policies').columns(['site_id', 'item_id']).execute();
  },
});
