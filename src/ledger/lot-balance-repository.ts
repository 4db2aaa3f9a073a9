import { sql } from 'kysely';
import type { Executor, ItemTracking, LotBalanceRow } from '../db/schema.js';

/**
 * Lot balances split a lot-tracked item's aggregate balance per lot. They change only in the
 * transaction that changes the aggregate, and every guarded change is one conditional statement,
 * like the aggregate's: a lot gives only what it has available (on hand − reserved).
 */

/** How each of these items is tracked (none, lot, serial). */
export async function itemTracking(db: Executor, itemIds: readonly string[]): Promise<Map<string, ItemTracking>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('items').select(['id', 'tracking']).where('id', 'in', itemIds).execute();
  return new Map(rows.map((r) => [r.id, r.tracking]));
}

export interface LotKey {
  itemId: string;
  locationId: string;
  lotId: string;
}

const lotRow = (db: Executor, key: LotKey) =>
  db.updateTable('lot_balances').where('item_id', '=', key.itemId).where('location_id', '=', key.locationId).where('lot_id', '=', key.lotId);

/** Takes `quantity` off what the lot has available here; false when it has less. */
export async function debitLotAvailable(db: Executor, key: LotKey, quantity: number): Promise<boolean> {
  const result = await lotRow(db, key).set({ on_hand: sql`on_hand - ${quantity}` }).where(sql<boolean>`on_hand - reserved >= ${quantity}`).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ships what a reservation held of this lot: on hand and reserved fall together. */
export async function debitLotReserved(db: Executor, key: LotKey, quantity: number): Promise<boolean> {
  const result = await lotRow(db, key)
    .set({ on_hand: sql`on_hand - ${quantity}`, reserved: sql`reserved - ${quantity}` })
    .where('reserved', '>=', quantity)
    .where('on_hand', '>=', quantity)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds a signed amount to the lot's on hand here, creating the row if needed (credits, virtual locations). */
export async function addLotOnHand(db: Executor, key: LotKey, delta: number): Promise<void> {
  await db
    .insertInto('lot_balances')
    .values({ item_id: key.itemId, location_id: key.locationId, lot_id: key.lotId, on_hand: delta, reserved: 0 })
    .onConflict((oc) => oc.columns(['item_id', 'location_id', 'lot_id']).doUpdateSet({ on_hand: sql`lot_balances.on_hand + excluded.on_hand` }))
    .execute();
}

/** Holds `quantity` of what the lot has available here; false when it has less. */
export async function reserveLotAvailable(db: Executor, key: LotKey, quantity: number): Promise<boolean> {
  const result = await lotRow(db, key).set({ reserved: sql`reserved + ${quantity}` }).where(sql<boolean>`on_hand - reserved >= ${quantity}`).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseLotReserved(db: Executor, key: LotKey, quantity: number): Promise<void> {
  await lotRow(db, key).set({ reserved: sql`reserved - ${quantity}` }).execute();
}

export async function getLotBalance(db: Executor, key: LotKey): Promise<LotBalanceRow> {
  const row = await db
    .selectFrom('lot_balances')
    .selectAll()
    .where('item_id', '=', key.itemId)
    .where('location_id', '=', key.locationId)
    .where('lot_id', '=', key.lotId)
    .executeTakeFirst();
  return row ?? { item_id: key.itemId, location_id: key.locationId, lot_id: key.lotId, on_hand: 0, reserved: 0 };
}

export interface LotBalanceFilter {
  itemIds?: readonly string[] | undefined;
  locationIds?: readonly string[] | undefined;
  lotIds?: readonly string[] | undefined;
  nonZeroOnly?: boolean | undefined;
}

export async function listLotBalanceRows(db: Executor, filter: LotBalanceFilter): Promise<LotBalanceRow[]> {
  let query = db.selectFrom('lot_balances').selectAll();
  if (filter.itemIds) query = query.where('item_id', 'in', filter.itemIds.length ? filter.itemIds : ['']);
  if (filter.locationIds) query = query.where('location_id', 'in', filter.locationIds.length ? filter.locationIds : ['']);
  if (filter.lotIds) query = query.where('lot_id', 'in', filter.lotIds.length ? filter.lotIds : ['']);
  if (filter.nonZeroOnly) query = query.where((eb) => eb.or([eb('on_hand', '<>', 0), eb('reserved', '<>', 0)]));
  return query.orderBy('item_id').orderBy('location_id').orderBy('lot_id').execute();
}

/**
 * One item's lot balances at one location. On PostgreSQL the rows are locked until the
 * transaction ends (in lot order, so concurrent takers queue instead of deadlocking), so a
 * first-expired-first-out plan made from them cannot be overtaken; the conditional updates that
 * follow still guard every take. SQLite has one writer.
 */
export async function lotBalancesAtForUpdate(db: Executor, dialect: 'sqlite' | 'postgres', itemId: string, locationId: string): Promise<LotBalanceRow[]> {
  let query = db.selectFrom('lot_balances').selectAll().where('item_id', '=', itemId).where('location_id', '=', locationId).orderBy('lot_id');
  if (dialect === 'postgres') query = query.forUpdate();
  return query.execute();
}

/** Replaces the whole lot balance cache (a rebuild from the ledger); returns how many rows it wrote. */
export async function replaceAllLotBalances(db: Executor, rows: LotBalanceRow[]): Promise<number> {
  await db.deleteFrom('lot_balances').execute();
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('lot_balances').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}
