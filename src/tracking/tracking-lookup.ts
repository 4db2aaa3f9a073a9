import type { Executor, LotRow, SerialRow } from '../db/schema.js';
import * as repo from './tracking-repository.js';

/** Read-only lookups of lots and serials for other capabilities (cycle counts), so they need not read these tables. */

/** The item's lot with this number (or id), if it has one. */
export async function findLotOf(db: Executor, itemId: string, ref: string): Promise<LotRow | undefined> {
  return repo.findLot(db, itemId, ref);
}

export async function lotsWithIds(db: Executor, ids: readonly string[]): Promise<Map<string, LotRow>> {
  return new Map((await repo.lotsByIds(db, ids)).map((l) => [l.id, l]));
}

/** The item's serials with these numbers (numbers it has never had are left out). */
export async function serialsNumbered(db: Executor, itemId: string, numbers: readonly string[]): Promise<SerialRow[]> {
  return repo.findSerials(db, itemId, numbers);
}

/** Serials now at these locations (of one item, or of every item), at most `limit + 1` of them. */
export async function serialsAt(db: Executor, query: { itemId?: string | undefined; locationIds: readonly string[]; limit: number }): Promise<SerialRow[]> {
  return repo.listSerialRows(db, { itemId: query.itemId, locationIds: query.locationIds, limit: query.limit });
}
