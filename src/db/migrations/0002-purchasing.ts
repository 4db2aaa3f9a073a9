import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Purchasing: suppliers, their terms per item, purchase orders with lines, and receipts.
 * Quantities are integers in the item's smallest unit and prices integers in 1/10,000 of the
 * currency unit, like the ledger; a tolerance is an integer in hundredths of a percent.
 */
export const purchasingMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('suppliers')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('lead_time_days', 'integer')
      .addColumn('payment_terms', 'text')
      .addColumn('over_receipt_tolerance_bp', 'integer', (c) => c.notNull().check(sql`over_receipt_tolerance_bp >= 0`))
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('suppliers_name_idx').on('suppliers').column('name').execute();

    await db.schema
      .createTable('supplier_items')
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('supplier_sku', 'text')
      .addColumn('min_order_quantity', 'bigint')
      .addColumn('pack_size', 'bigint')
      .addColumn('lead_time_days', 'integer')
      .addColumn('preferred', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('supplier_items_pk', ['supplier_id', 'item_id'])
      .execute();
    await db.schema.createIndex('supplier_items_item_idx').on('supplier_items').columns(['item_id', 'supplier_id']).execute();
    // The database itself keeps "at most one preferred supplier per item", whatever races between requests.
    await db.schema.createIndex('supplier_items_one_preferred').on('supplier_items').column('item_id').unique().where(sql.ref('preferred'), '=', 1).execute();

    await db.schema
      .createTable('supplier_item_prices')
      .addColumn('supplier_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('min_quantity', 'bigint', (c) => c.notNull().check(sql`min_quantity >= 0`))
      .addColumn('unit_price', 'bigint', (c) => c.notNull().check(sql`unit_price >= 0`))
      .addPrimaryKeyConstraint('supplier_item_prices_pk', ['supplier_id', 'item_id', 'min_quantity'])
      .addForeignKeyConstraint('supplier_item_prices_terms_fk', ['supplier_id', 'item_id'], 'supplier_items', ['supplier_id', 'item_id'])
      .execute();

    await db.schema
      .createTable('purchase_orders')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('site_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('expected_date', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('ordered_at', 'text')
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('purchase_orders_status_idx').on('purchase_orders').columns(['status', 'id']).execute();
    await db.schema.createIndex('purchase_orders_supplier_idx').on('purchase_orders').columns(['supplier_id', 'id']).execute();
    await db.schema.createIndex('purchase_orders_site_idx').on('purchase_orders').columns(['site_id', 'status']).execute();

    await db.schema
      .createTable('purchase_order_lines')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('purchase_order_id', 'text', (c) => c.notNull().references('purchase_orders.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity >= 0`))
      .addColumn('unit_price', 'bigint', (c) => c.check(sql`unit_price >= 0`))
      .addColumn('expected_date', 'text')
      .addColumn('received_quantity', 'bigint', (c) => c.notNull().check(sql`received_quantity >= 0`))
      .addColumn('returned_quantity', 'bigint', (c) => c.notNull().check(sql`returned_quantity >= 0 and returned_quantity <= received_quantity`))
      .addColumn('unplanned', 'integer', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addUniqueConstraint('purchase_order_lines_no_unique', ['purchase_order_id', 'line_no'])
      .execute();
    await db.schema.createIndex('purchase_order_lines_item_idx').on('purchase_order_lines').columns(['item_id', 'purchase_order_id']).execute();

    await db.schema
      .createTable('purchase_receipts')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('purchase_order_id', 'text', (c) => c.notNull().references('purchase_orders.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('posting_id', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('note', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('purchase_receipts_order_idx').on('purchase_receipts').columns(['purchase_order_id', 'id']).execute();

    await db.schema
      .createTable('purchase_receipt_lines')
      .addColumn('receipt_id', 'text', (c) => c.notNull().references('purchase_receipts.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('order_line_id', 'text', (c) => c.notNull().references('purchase_order_lines.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('unit_cost', 'bigint')
      .addColumn('movement_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('purchase_receipt_lines_pk', ['receipt_id', 'line_no'])
      .execute();

    // Gapless, human-readable document numbers: the counter row is updated in the transaction
    // that creates the document, so a rolled-back creation gives its number back.
    await db.schema
      .createTable('document_numbers')
      .addColumn('name', 'text', (c) => c.primaryKey().notNull())
      .addColumn('last_value', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into document_numbers (name, last_value) values ('purchase_order', 0)`.execute(db);
  },
});
