import type { CountLineRow, Executor, ItemTracking } from '../db/schema.js';
import { getBalanceForUpdate } from '../ledger/balance-repository.js';
import { lotBalancesAtForUpdate } from '../ledger/lot-balance-repository.js';
import { serialsAt } from '../tracking/tracking-lookup.js';
import * as repo from './count-repository.js';

/** One location never holds more serials of an item than this in a count line. */
export const MAX_LINE_SERIALS = 10_000;

export interface StockAtCount {
  onHand: number;
  /** The serials there (serial-tracked items only). */
  serials: Array<{ number: string; id: string }> | null;
}

/**
 * What the ledger holds for a line right now, read in the entry's transaction with its rows locked
 * on PostgreSQL in the order postings lock them (a lot's row; the aggregate before its serials), so
 * no movement slips between this reading and the entry: the lot's on hand for a lot line, the
 * serials there for a serial line, the aggregate on hand otherwise.
 */
export async function stockAtCount(db: Executor, dialect: 'sqlite' | 'postgres', line: Pick<CountLineRow, 'item_id' | 'location_id' | 'lot_id'>, tracking: ItemTracking): Promise<StockAtCount> {
  if (tracking === 'lot' && line.lot_id !== null) {
    const rows = await lotBalancesAtForUpdate(db, dialect, line.item_id, line.location_id);
    return { onHand: Number(rows.find((r) => r.lot_id === line.lot_id)?.on_hand ?? 0), serials: null };
  }
  const balance = await getBalanceForUpdate(db, dialect, line.item_id, line.location_id);
  if (tracking !== 'serial') return { onHand: Number(balance.on_hand), serials: null };
  const rows = await serialsAt(db, { itemId: line.item_id, locationIds: [line.location_id], limit: MAX_LINE_SERIALS });
  return { onHand: rows.length, serials: rows.map((s) => ({ number: s.serial_number, id: s.id })) };
}

/** Keeps the serials a line had on hand at its entry (what its missing and unexpected serials are judged against). */
export async function recordSerialsOnHand(db: Executor, lineId: string, stock: StockAtCount): Promise<void> {
  if (stock.serials === null) return;
  await repo.replaceLineSerials(db, lineId, 'on_hand', stock.serials.map((s) => ({ serial_number: s.number, serial_id: s.id })));
}
