import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../store.js';

type AnyDb = Kysely<unknown>;

const VIRTUAL_LOCATIONS = [
  ['supplier', 'Suppliers'],
  ['customer', 'Customers'],
  ['loss', 'Inventory loss'],
  ['transit', 'In transit'],
  ['production', 'Production'],
  ['scrap', 'Scrap'],
] as const;

const REASON_CODES = [
  ['damage', 'Damaged'],
  ['theft', 'Theft'],
  ['expired', 'Expired'],
  ['found', 'Found stock'],
  ['count', 'Count correction'],
  ['data-error', 'Data entry error'],
  ['sample', 'Sample or giveaway'],
  ['opening', 'Opening balance'],
  ['other', 'Other'],
] as const;

/** The first schema. `seq` columns order rows: `bigserial` on PostgreSQL, a rowid alias on SQLite. */
export const ledgerMigration = (dialect: Dialect): Migration => ({
  async up(db: AnyDb) {
    const pg = dialect === 'postgres';
    const seqType = pg ? 'bigserial' : 'integer';

    await db.schema
      .createTable('items')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('sku', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('category', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('decimals', 'integer', (c) => c.notNull())
      .addColumn('reorder_point', 'bigint')
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('items_name_idx').on('items').column('name').execute();
    await db.schema.createIndex('items_category_idx').on('items').columns(['category', 'sku']).execute();

    await db.schema
      .createTable('item_barcodes')
      .addColumn('code', 'text', (c) => c.primaryKey().notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('item_barcodes_item_idx').on('item_barcodes').column('item_id').execute();

    await db.schema
      .createTable('locations')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('virtual_kind', 'text')
      .addColumn('parent_id', 'text', (c) => c.references('locations.id'))
      .addColumn('site_id', 'text')
      .addColumn('sellable', 'integer', (c) => c.notNull())
      .addColumn('allow_negative', 'integer', (c) => c.notNull())
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('locations_parent_idx').on('locations').column('parent_id').execute();
    await db.schema.createIndex('locations_site_idx').on('locations').column('site_id').execute();

    await db.schema
      .createTable('movements')
      .addColumn('seq', seqType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('posting_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('from_location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('to_location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('unit_cost', 'bigint')
      .addColumn('reason_code', 'text')
      .addColumn('document_type', 'text')
      .addColumn('document_id', 'text')
      .addColumn('reference', 'text')
      .addColumn('reverses_id', 'text', (c) => c.unique())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addColumn('note', 'text')
      .addCheckConstraint('movements_distinct_locations', sql`from_location_id <> to_location_id`)
      .execute();
    await db.schema.createIndex('movements_item_idx').on('movements').columns(['item_id', 'seq']).execute();
    await db.schema.createIndex('movements_from_idx').on('movements').columns(['from_location_id', 'seq']).execute();
    await db.schema.createIndex('movements_to_idx').on('movements').columns(['to_location_id', 'seq']).execute();
    await db.schema.createIndex('movements_document_idx').on('movements').columns(['document_type', 'document_id']).execute();
    await db.schema.createIndex('movements_posting_idx').on('movements').column('posting_id').execute();
    await db.schema.createIndex('movements_item_time_idx').on('movements').columns(['item_id', 'occurred_at']).execute();
    await db.schema.createIndex('movements_time_idx').on('movements').column('occurred_at').execute();

    await db.schema
      .createTable('balances')
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('on_hand', 'bigint', (c) => c.notNull())
      .addColumn('reserved', 'bigint', (c) => c.notNull().check(sql`reserved >= 0`))
      .addPrimaryKeyConstraint('balances_pk', ['item_id', 'location_id'])
      .execute();
    await db.schema.createIndex('balances_location_idx').on('balances').columns(['location_id', 'item_id']).execute();

    await db.schema
      .createTable('reservations')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull().check(sql`quantity >= 0`))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('reference', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('reservations_active_idx').on('reservations').columns(['status', 'expires_at']).execute();
    await db.schema.createIndex('reservations_item_idx').on('reservations').columns(['item_id', 'location_id']).execute();

    await db.schema
      .createTable('transfers')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('from_location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('to_location_id', 'text', (c) => c.notNull().references('locations.id'))
      .addColumn('reference', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('transfers_status_idx').on('transfers').columns(['status', 'to_location_id']).execute();

    await db.schema
      .createTable('transfer_lines')
      .addColumn('transfer_id', 'text', (c) => c.notNull().references('transfers.id'))
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('quantity', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('transfer_lines_pk', ['transfer_id', 'line_no'])
      .execute();
    await db.schema.createIndex('transfer_lines_item_idx').on('transfer_lines').column('item_id').execute();

    await db.schema
      .createTable('reason_codes')
      .addColumn('code', 'text', (c) => c.primaryKey().notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('key_prefix', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', seqType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('details', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity_type', 'entity_id', 'seq']).execute();
    await db.schema.createIndex('audit_actor_idx').on('audit_log').columns(['actor', 'seq']).execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor', 'key'])
      .execute();

    const now = new Date().toISOString();
    for (const [code, name] of VIRTUAL_LOCATIONS) {
      await sql`insert into locations (id, code, name, kind, virtual_kind, sellable, allow_negative, created_at, updated_at)
        values (${code}, ${code}, ${name}, 'virtual', ${code}, 0, 1, ${now}, ${now})`.execute(db);
    }
    for (const [code, name] of REASON_CODES) {
      await sql`insert into reason_codes (code, name, created_at) values (${code}, ${name}, ${now})`.execute(db);
    }
  },
});
