import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Sales: channels (where an order comes from and which locations it may sell), sales orders with
 * their lines and the holds that reserve them, pick lists, and the routing facts of sites
 * (coordinates as integer micro-degrees, a region name). Quantities are integers in the item's
 * smallest unit like the ledger; a channel-wide buffer is in millionths of a unit because it
 * applies to items of any number of decimals.
 */
export const salesMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('locations').addColumn('latitude_micro', 'bigint').execute();
    await db.schema.alterTable('locations').addColumn('longitude_micro', 'bigint').execute();
    await db.schema.alterTable('locations').addColumn('region', 'text').execute();

    await db.schema
      .createTable('channels')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('buffer_micro', 'bigint', (c) => c.notNull().check(sql`buffer_micro >= 0`))
      .addColumn('allow_backorders', 'integer', (c) => c.notNull())
      .addColumn('routing_rules', 'text', (c) => c.notNull())
      .addColumn('priority_location_ids', 'text', (c) => c.notNull())
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('channel_locations')
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addPrimaryKeyConstraint('channel_locations_pk', ['channel_id', 'location_id'])
      .execute();
    await db.schema.createIndex('channel_locations_location_idx').on('channel_locations').column('location_id').execute();

    await db.schema
      .createTable('channel_item_buffers')
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('buffer', 'bigint', (c) => c.notNull().check(sql`buffer >= 0`))
      .addPrimaryKeyConstraint('channel_item_buffers_pk', ['channel_id', 'item_id'])
      .execute();

    await db.schema
      .createTable('sales_orders')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
      .addColumn('external_id', 'text')
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('customer_name', 'text')
      .addColumn('address', 'text')
      .addColumn('region', 'text')
      .addColumn('latitude_micro', 'bigint')
      .addColumn('longitude_micro', 'bigint')
      .addColumn('routing', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      // A channel's own order id names one order: a retried import finds it instead of making a second.
      .addUniqueConstraint('sales_orders_external_unique', ['channel_id', 'external_id'])
      .execute();
    await db.schema.createIndex('sales_orders_status_idx').on('sales_orders').columns(['status', 'id']).execute();
    await db.schema.createIndex('sales_orders_expiry_idx').on('sales_orders').columns(['status', 'expires_at']).execute();

    await db.schema
      .createTable('sales_order_lines')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('sales_order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.references('locations.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('backordered', 'bigint', (c) => c.notNull().check(sql`backordered >= 0`))
      .addColumn('picked', 'bigint', (c) => c.notNull().check(sql`picked >= 0`))
      .addColumn('shipped', 'bigint', (c) => c.notNull().check(sql`shipped >= 0 and shipped <= quantity`))
      .addUniqueConstraint('sales_order_lines_no_unique', ['sales_order_id', 'line_no'])
      .execute();
    await db.schema.createIndex('sales_order_lines_item_idx').on('sales_order_lines').columns(['item_id', 'sales_order_id']).execute();

    // Which ledger reservation holds stock for which order line; the reservation's own row says whether it is still active.
    await db.schema
      .createTable('sales_order_holds')
      .addColumn('reservation_id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('sales_order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
      .addColumn('line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .execute();
    await db.schema.createIndex('sales_order_holds_order_idx').on('sales_order_holds').columns(['sales_order_id', 'line_id']).execute();

    await db.schema
      .createTable('pick_lists')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .execute();

    await db.schema
      .createTable('pick_list_lines')
      .addColumn('pick_list_id', 'text', (c) => c.notNull().references('pick_lists.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('sales_order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
      .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('picked', 'bigint', (c) => c.notNull().check(sql`picked >= 0 and picked <= quantity`))
      .addPrimaryKeyConstraint('pick_list_lines_pk', ['pick_list_id', 'line_no'])
      .execute();
    await db.schema.createIndex('pick_list_lines_order_idx').on('pick_list_lines').column('sales_order_id').execute();

    await sql`insert into document_numbers (name, last_value) values ('sales_order', 0), ('pick_list', 0)`.execute(db);
  },
});
