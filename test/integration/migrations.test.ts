import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Schema } from '../../src/db/schema.js';
import { openStore, type Store } from '../../src/db/store.js';
import { createEmptyDatabase, DIALECTS, type TestDialect } from '../support/databases.js';

/**
 * Every column of every table in `Schema`, marked as TypeScript types it: the mapped type makes
 * this fail to compile when schema.ts gains, loses or changes the nullability of a column, so the
 * runtime comparison below always checks the migrations against the whole of Schema.
 */
type Nullability<T> = { [C in keyof T]-?: null extends T[C] ? 'nullable' : 'required' };
type SchemaColumns = { [T in keyof Schema]: Nullability<Schema[T]> };
const R = 'required' as const;
const N = 'nullable' as const;
const COLUMNS: SchemaColumns = {
  items: { id: R, sku: R, name: R, description: N, category: N, unit: R, decimals: R, reorder_point: N, archived_at: N, created_at: R, updated_at: R, tracking: R },
  item_barcodes: { code: R, item_id: R, kind: R, created_at: R },
  locations: {
    id: R, code: R, name: R, kind: R, virtual_kind: N, parent_id: N, site_id: N, sellable: R, allow_negative: R, archived_at: N, created_at: R, updated_at: R,
    latitude_micro: N, longitude_micro: N, region: N,
  },
  movements: {
    seq: R, id: R, posting_id: R, item_id: R, quantity: R, from_location_id: R, to_location_id: R, kind: R, unit_cost: N, reason_code: N,
    document_type: N, document_id: N, reference: N, reverses_id: N, actor: R, actor_name: R, occurred_at: R, recorded_at: R, idempotency_key: N, note: N, lot_id: N,
  },
  balances: { item_id: R, location_id: R, on_hand: R, reserved: R },
  reservations: { id: R, item_id: R, location_id: R, quantity: R, status: R, expires_at: N, reference: N, actor: R, created_at: R, closed_at: N },
  transfers: { id: R, mode: R, status: R, from_location_id: R, to_location_id: R, reference: N, actor: R, created_at: R, closed_at: N },
  transfer_lines: { transfer_id: R, line_no: R, item_id: R, quantity: R },
  reason_codes: { code: R, name: R, created_at: R, archived_at: N },
  api_keys: { id: R, name: R, key_hash: R, key_prefix: R, role: R, created_at: R, revoked_at: N },
  audit_log: { seq: R, id: R, actor: R, actor_name: R, action: R, entity_type: R, entity_id: R, reason: N, details: N, at: R },
  idempotency_keys: { actor: R, key: R, request_hash: R, response: R, created_at: R },
  suppliers: {
    id: R, code: R, name: R, email: N, phone: N, address: N, currency: R, lead_time_days: N, payment_terms: N, over_receipt_tolerance_bp: R,
    archived_at: N, created_at: R, updated_at: R,
  },
  supplier_items: {
    supplier_id: R, item_id: R, supplier_sku: N, min_order_quantity: N, pack_size: N, lead_time_days: N, preferred: R, created_at: R, updated_at: R,
  },
  supplier_item_prices: { supplier_id: R, item_id: R, min_quantity: R, unit_price: R },
  purchase_orders: {
    id: R, number: R, supplier_id: R, site_id: R, status: R, currency: R, expected_date: N, notes: N, created_by: R, created_by_name: R,
    created_at: R, updated_at: R, ordered_at: N, closed_at: N,
  },
  purchase_order_lines: {
    id: R, purchase_order_id: R, line_no: R, item_id: R, quantity: R, unit_price: N, expected_date: N, received_quantity: R, returned_quantity: R,
    unplanned: R, closed_at: N,
  },
  purchase_receipts: { id: R, purchase_order_id: R, kind: R, posting_id: R, reference: N, note: N, actor: R, actor_name: R, occurred_at: R, recorded_at: R },
  purchase_receipt_lines: { receipt_id: R, line_no: R, order_line_id: R, item_id: R, location_id: R, quantity: R, unit_cost: N, movement_id: R },
  document_numbers: { name: R, last_value: R },
  reorder_policies: {
    item_id: R, site_id: R, method: R, min_quantity: N, max_quantity: N, safety_stock: N, cover_days: N, window_days: N, lead_time_days: N, updated_by: R, updated_at: R,
  },
  events: { id: R, seq: N, type: R, payload: R, created_at: R },
  channels: {
    id: R, code: R, name: R, kind: R, buffer_micro: R, allow_backorders: R, routing_rules: R, priority_location_ids: R, archived_at: N, created_at: R, updated_at: R,
  },
  channel_locations: { channel_id: R, location_id: R },
  channel_item_buffers: { channel_id: R, item_id: R, buffer: R },
  sales_orders: {
    id: R, number: R, channel_id: R, external_id: N, request_hash: R, status: R, customer_name: N, address: N, region: N, latitude_micro: N, longitude_micro: N,
    routing: N, expires_at: N, notes: N, created_by: R, created_by_name: R, created_at: R, updated_at: R, closed_at: N,
  },
  sales_order_lines: { id: R, sales_order_id: R, line_no: R, item_id: R, location_id: N, quantity: R, backordered: R, picked: R, shipped: R },
  sales_order_holds: { reservation_id: R, sales_order_id: R, line_id: R, location_id: R },
  pick_lists: { id: R, number: R, status: R, created_by: R, created_at: R, completed_at: N },
  pick_list_lines: { pick_list_id: R, line_no: R, sales_order_id: R, order_line_id: R, item_id: R, location_id: R, quantity: R, picked: R },
  webhook_subscriptions: {
    id: R, url: R, description: N, event_types: R, secret: R, status: R, after_seq: R, claimed_until: N, claim_token: N, claimed_by: N, created_by: R, created_at: R, updated_at: R,
  },
  webhook_deliveries: {
    id: R, subscription_id: R, event_id: R, event_seq: R, event_type: R, status: R, attempts: R, next_attempt_at: R, last_attempt_at: N, last_status_code: N,
    last_error: N, last_duration_ms: N, delivered_at: N, replay_of: N, created_at: R,
  },
  feed_cursors: { name: R, last_seq: R },
  channel_availability_published: { channel_id: R, item_id: R, available: R, published_at: R },
  returns: {
    id: R, number: R, sales_order_id: N, channel_id: N, status: R, customer_name: N, notes: N, created_by: R, created_by_name: R, created_at: R, updated_at: R, closed_at: N,
  },
  return_lines: { id: R, return_id: R, line_no: R, order_line_id: N, item_id: R, quantity: R, received: R, restocked: R, scrapped: R, reason_code: R, note: N, lot_id: N },
  return_line_serials: { line_id: R, serial_id: R },
  return_entries: {
    id: R, return_id: R, line_id: R, action: R, quantity: R, from_location_id: R, to_location_id: R, reason_code: N, movement_id: R, note: N,
    actor: R, actor_name: R, occurred_at: R, recorded_at: R,
  },
  counts: {
    id: R, number: R, site_id: R, status: R, scope: R, blind: R, threshold_units_micro: N, threshold_value: N, note: N, posting_id: N, created_by: R,
    created_by_name: R, created_at: R, updated_at: R, started_at: N, submitted_at: N, approved_at: N, approved_by: N, cancelled_at: N,
  },
  count_lines: {
    id: R, count_id: R, line_no: R, item_id: R, location_id: R, expected: R, unplanned: R, counted: N, on_hand_at_count: N, unit_cost: N,
    previous_counted: N, recounts: R, reason_code: N, counted_by: N, counted_by_name: N, counted_at: N, lot_id: N,
  },
  count_line_serials: { line_id: R, role: R, serial_number: R, serial_id: N },
  lots: { id: R, item_id: R, lot_number: R, manufactured_on: N, expires_on: N, first_received_at: R, created_at: R },
  lot_balances: { item_id: R, location_id: R, lot_id: R, on_hand: R, reserved: R },
  reservation_lots: { reservation_id: R, lot_id: R, quantity: R },
  serials: { id: R, item_id: R, serial_number: R, location_id: R, lot_id: N, created_at: R },
  movement_serials: { movement_id: R, serial_id: R },
};

const VIRTUAL_KINDS = ['customer', 'loss', 'production', 'scrap', 'supplier', 'transit'];
const REASON_CODES = [
  'count', 'damage', 'damaged-in-transit', 'data-error', 'defective', 'expired', 'found', 'not-as-described', 'not-wanted', 'opening', 'other', 'resellable', 'sample', 'theft',
  'wrong-item',
];

interface Migrated {
  store: Store;
  drop: () => Promise<void>;
  applied: string[];
  appliedAgain: string[];
  /** Everything the first run wrote, to compare after the second. */
  snapshotAfterFirst: unknown;
}

async function snapshot(store: Store) {
  const [locations, reasonCodes, tables] = await Promise.all([
    store.db.selectFrom('locations').selectAll().orderBy('code').execute(),
    store.db.selectFrom('reason_codes').selectAll().orderBy('code').execute(),
    store.db.introspection.getTables(),
  ]);
  return { locations, reasonCodes, tables: tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })).sort((a, b) => a.name.localeCompare(b.name)) };
}

/** Columns of the table's primary key; SQLite lets a single-column text key hold NULL unless declared NOT NULL. */
async function primaryKeyColumns(store: Store, table: string): Promise<string[]> {
  if (store.dialect !== 'sqlite') return [];
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0`.execute(store.db);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  const migrated = {} as Record<TestDialect, Migrated>;

  beforeAll(async () => {
    await Promise.all(
      DIALECTS.map(async (dialect) => {
        const empty = await createEmptyDatabase(dialect);
        const store = openStore(dialect === 'sqlite' ? { dialect, path: empty.url.slice('sqlite:'.length) } : { dialect, url: empty.url });
        const drop = async () => {
          await store.close();
          await empty.drop();
        };
        migrated[dialect] = { store, drop, applied: [], appliedAgain: [], snapshotAfterFirst: null };
        const applied = await migrateToLatest(store);
        const snapshotAfterFirst = await snapshot(store);
        const appliedAgain = await migrateToLatest(store);
        migrated[dialect] = { store, drop, applied, appliedAgain, snapshotAfterFirst };
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(Object.values(migrated).map((m) => m.drop()));
  });

  it.each(DIALECTS)('creates every table and column of Schema on %s, with its nullability', async (dialect) => {
    const { store, applied } = migrated[dialect];
    expect(applied).toEqual(['0001-ledger', '0002-purchasing', '0003-planning', '0004-events', '0005-sales', '0006-webhooks', '0007-channel-feed', '0008-returns', '0009-cycle-counts', '0010-tracking', '0011-count-tracking', '0012-return-tracking']);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(COLUMNS).sort());
    for (const table of tables) {
      const expected = COLUMNS[table.name as keyof Schema] as Record<string, 'required' | 'nullable'>;
      expect(table.columns.map((c) => c.name).sort(), table.name).toEqual(Object.keys(expected).sort());
      const keys = await primaryKeyColumns(store, table.name);
      for (const column of table.columns) {
        const actual = column.isNullable && !keys.includes(column.name) ? 'nullable' : 'required';
        expect(`${table.name}.${column.name} ${actual}`).toBe(`${table.name}.${column.name} ${expected[column.name]}`);
      }
    }
  });

  it.each(DIALECTS)('seeds the virtual locations and reason codes on %s', async (dialect) => {
    const { store } = migrated[dialect];
    const virtual = await store.db.selectFrom('locations').selectAll().where('kind', '=', 'virtual').orderBy('code').execute();
    expect(virtual.map((l) => l.code).sort()).toEqual(VIRTUAL_KINDS);
    for (const location of virtual) {
      // Built-in virtual locations use their kind as id and code, so every database refers to them alike.
      expect(location).toMatchObject({ id: location.code, virtual_kind: location.code, parent_id: null, site_id: null, sellable: 0, allow_negative: 1, archived_at: null });
    }
    expect(await store.db.selectFrom('locations').select('id').where('kind', '<>', 'virtual').execute()).toEqual([]);
    const reasons = await store.db.selectFrom('reason_codes').select('code').orderBy('code').execute();
    expect(reasons.map((r) => r.code).sort()).toEqual(REASON_CODES);
  });

  it.each(DIALECTS)('running the migrations again on %s applies nothing and changes nothing', async (dialect) => {
    const { store, appliedAgain, snapshotAfterFirst } = migrated[dialect];
    expect(appliedAgain).toEqual([]);
    expect(await snapshot(store)).toEqual(snapshotAfterFirst);
    expect(await migrateToLatest(store)).toEqual([]);
  });

  it('seeds identical virtual locations and reason codes on both dialects', async () => {
    const seeds = await Promise.all(
      DIALECTS.map(async (dialect) => {
        const { db } = migrated[dialect].store;
        const [locations, reasons] = await Promise.all([
          db.selectFrom('locations').select(['id', 'code', 'name', 'kind', 'virtual_kind', 'parent_id', 'site_id', 'sellable', 'allow_negative', 'archived_at']).execute(),
          db.selectFrom('reason_codes').select(['code', 'name']).execute(),
        ]);
        // Sorted here, not in SQL: the two databases may collate text differently.
        const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        return { locations: locations.sort((a, b) => byText(a.id, b.id)), reasons: reasons.sort((a, b) => byText(a.code, b.code)) };
      }),
    );
    expect(seeds[0]?.locations).toHaveLength(VIRTUAL_KINDS.length);
    expect(seeds[1]).toEqual(seeds[0]);
  });
});
