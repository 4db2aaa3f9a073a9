import type { Insertable } from 'kysely';
import type { Executor, LotRow, LotsTable, MovementRow, SerialRow, SerialsTable } from '../db/schema.js';

/** Lots and serial numbers: the only SQL of the tracking capability besides the ledger's guarded statements. */

export async function findLot(db: Executor, itemId: string, ref: string): Promise<LotRow | undefined> {
  const rows = await db.selectFrom('lots').selectAll().where('item_id', '=', itemId).where((eb) => eb.or([eb('id', '=', ref), eb('lot_number', '=', ref)])).execute();
  return rows.find((r) => r.lot_number === ref) ?? rows[0];
}

/** Inserts the lot unless its item already has that lot number; true when this call inserted it. */
export async function insertLotUnlessExists(db: Executor, row: Insertable<LotsTable>): Promise<boolean> {
  const result = await db.insertInto('lots').values(row).onConflict((oc) => oc.columns(['item_id', 'lot_number']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function lotsByIds(db: Executor, ids: readonly string[]): Promise<LotRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('lots').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export interface LotFilter {
  itemId?: string | undefined;
  /** Only lots expiring on or before this date (YYYY-MM-DD). */
  expiresBy?: string | undefined;
  /** Only lots expired before this date. */
  expiredBefore?: string | undefined;
  /** Only lots with stock in a physical location. */
  withStock?: boolean | undefined;
  /** Only lots with stock (on hand not zero) at this location. */
  locationId?: string | undefined;
  afterKey?: { expiresOn: string; id: string } | undefined;
  limit: number;
}

/** Lots by expiry (lots without one last, as the key '9999-12-31'), then id; paged by that key. */
export async function listLotRows(db: Executor, filter: LotFilter): Promise<LotRow[]> {
  let query = db.selectFrom('lots').selectAll();
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.expiresBy) query = query.where('expires_on', '<=', filter.expiresBy);
  if (filter.expiredBefore) query = query.where('expires_on', '<', filter.expiredBefore);
  if (filter.withStock) {
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('lot_balances as lb').innerJoin('locations as loc', 'loc.id', 'lb.location_id').select('lb.lot_id')
          .whereRef('lb.lot_id', '=', 'lots.id').where('loc.kind', '<>', 'virtual').where('lb.on_hand', '<>', 0),
      ),
    );
  }
  const locationId = filter.locationId;
  if (locationId) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('lot_balances as lb').select('lb.lot_id').whereRef('lb.lot_id', '=', 'lots.id').where('lb.location_id', '=', locationId).where('lb.on_hand', '<>', 0)),
    );
  }
  const after = filter.afterKey;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn.coalesce('expires_on', eb.val('9999-12-31')), '>', after.expiresOn),
        eb.and([eb(eb.fn.coalesce('expires_on', eb.val('9999-12-31')), '=', after.expiresOn), eb('id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy((eb) => eb.fn.coalesce('expires_on', eb.val('9999-12-31'))).orderBy('id').limit(filter.limit + 1).execute();
}

export async function findSerials(db: Executor, itemId: string, numbers: readonly string[]): Promise<SerialRow[]> {
  if (numbers.length === 0) return [];
  return db.selectFrom('serials').selectAll().where('item_id', '=', itemId).where('serial_number', 'in', [...numbers]).execute();
}

export async function insertSerial(db: Executor, row: Insertable<SerialsTable>): Promise<void> {
  await db.insertInto('serials').values(row).execute();
}

export async function listSerialRows(db: Executor, filter: { itemId?: string | undefined; locationIds?: readonly string[] | undefined; afterKey?: { itemId: string; serial: string } | undefined; limit: number }): Promise<SerialRow[]> {
  let query = db.selectFrom('serials').selectAll();
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.locationIds) query = query.where('location_id', 'in', filter.locationIds.length ? filter.locationIds : ['']);
  const after = filter.afterKey;
  if (after) {
    query = query.where((eb) => eb.or([eb('item_id', '>', after.itemId), eb.and([eb('item_id', '=', after.itemId), eb('serial_number', '>', after.serial)])]));
  }
  return query.orderBy('item_id').orderBy('serial_number').limit(filter.limit + 1).execute();
}

/** Serial numbers each movement carried, by movement id. */
export async function serialsOfMovements(db: Executor, movementIds: readonly string[]): Promise<Map<string, string[]>> {
  if (movementIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('movement_serials as ms')
    .innerJoin('serials as s', 's.id', 'ms.serial_id')
    .select(['ms.movement_id', 's.serial_number'])
    .where('ms.movement_id', 'in', [...new Set(movementIds)])
    .orderBy('s.serial_number')
    .execute();
  const result = new Map<string, string[]>();
  for (const r of rows) result.set(r.movement_id, [...(result.get(r.movement_id) ?? []), r.serial_number]);
  return result;
}

export async function serialRowsOfMovement(db: Executor, movementId: string): Promise<SerialRow[]> {
  return db
    .selectFrom('movement_serials as ms')
    .innerJoin('serials as s', 's.id', 'ms.serial_id')
    .selectAll('s')
    .where('ms.movement_id', '=', movementId)
    .orderBy('s.serial_number')
    .execute();
}

/** Every movement that carried this serial, oldest first. */
export async function movementsOfSerial(db: Executor, serialId: string, limit: number): Promise<MovementRow[]> {
  return db
    .selectFrom('movement_serials as ms')
    .innerJoin('movements as m', 'm.id', 'ms.movement_id')
    .selectAll('m')
    .where('ms.serial_id', '=', serialId)
    .orderBy('m.seq')
    .limit(limit)
    .execute();
}
