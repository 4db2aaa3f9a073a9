import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Lots and serial numbers. An item declares once how it is tracked (`none`, `lot`, `serial`).
 * A lot is a batch of one item with its dates; `lot_balances` splits the aggregate `balances`
 * row of a lot-tracked item per lot (Σ over lots = the aggregate, kept in the same transaction).
 * A movement of a lot-tracked item names its one lot; a serial-tracked movement lists its serials
 * in `movement_serials`, and each serial row says where that unit is now.
 */
export const trackingMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .alterTable('items')
      .addColumn('tracking', 'text', (c) => c.notNull().defaultTo('none').check(sql`tracking in ('none', 'lot', 'serial')`))
      .execute();

    await db.schema
      .createTable('lots')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('lot_number', 'text', (c) => c.notNull())
      .addColumn('manufactured_on', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('first_received_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('lots_item_number_uq', ['item_id', 'lot_number'])
      .execute();
    await db.schema.createIndex('lots_expiry_idx').on('lots').columns(['expires_on', 'id']).execute();

    await db.schema
      .createTable('lot_balances')
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
      .addColumn('on_hand', 'bigint', (c) => c.notNull())
      .addColumn('reserved', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('lot_balances_pk', ['item_id', 'location_id', 'lot_id'])
      .execute();
    await db.schema.createIndex('lot_balances_lot_idx').on('lot_balances').columns(['lot_id', 'location_id']).execute();

    await db.schema.alterTable('movements').addColumn('lot_id', 'text', (c) => c.references('lots.id')).execute();
    await db.schema.createIndex('movements_lot_idx').on('movements').columns(['lot_id', 'seq']).execute();

    await db.schema
      .createTable('reservation_lots')
      .addColumn('reservation_id', 'text', (c) => c.notNull().references('reservations.id'))
      .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('reservation_lots_pk', ['reservation_id', 'lot_id'])
      .execute();

    await db.schema
      .createTable('serials')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('lot_id', 'text', (c) => c.references('lots.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('serials_item_number_uq', ['item_id', 'serial_number'])
      .execute();
    await db.schema.createIndex('serials_location_idx').on('serials').columns(['item_id', 'location_id', 'serial_number']).execute();

    await db.schema
      .createTable('movement_serials')
      .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
      .addColumn('serial_id', 'text', (c) => c.notNull().references('serials.id'))
      .addPrimaryKeyConstraint('movement_serials_pk', ['movement_id', 'serial_id'])
      .execute();
    await db.schema.createIndex('movement_serials_serial_idx').on('movement_serials').columns(['serial_id', 'movement_id']).execute();
  },
});
