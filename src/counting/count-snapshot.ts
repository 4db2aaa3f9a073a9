import type { BalanceRow, Executor, ItemTracking } from '../db/schema.js';
import { listLotBalanceRows } from '../ledger/lot-balance-repository.js';
import { DomainError } from '../shared/errors.js';
import { serialsAt } from '../tracking/tracking-lookup.js';

/** A count snapshots at most this many item × location (× lot) lines, so one request stays bounded. */
export const MAX_COUNT_LINES = 20_000;
/** …and at most this many expected serial numbers. */
export const MAX_COUNT_SERIALS = 100_000;

export interface ExpectedLine {
  itemId: string;
  locationId: string;
  /** The lot of a lot-tracked item's line; null otherwise. */
  lotId: string | null;
  onHand: number;
  /** The serials at the location, for a serial-tracked item's line. */
  serials?: Array<{ id: string; number: string }> | undefined;
}

const key = (itemId: string, locationId: string) => `${itemId}\u0000${locationId}`;

/**
 * Turns the aggregate balances in scope into count lines: an untracked item's balance is one line;
 * a lot-tracked item's is split per lot with stock there (from lot balances); a serial-tracked
 * item's is one line expecting the serials the ledger has there.
 */
export async function snapshotLines(db: Executor, balances: readonly BalanceRow[], tracking: Map<string, ItemTracking>, area: readonly string[]): Promise<ExpectedLine[]> {
  const held = balances.filter((b) => Number(b.on_hand) !== 0);
  const ofKind = (kind: ItemTracking) => [...new Set(held.filter((b) => (tracking.get(b.item_id) ?? 'none') === kind).map((b) => b.item_id))];
  const [lots, serials] = await Promise.all([lotLinesByKey(db, ofKind('lot'), area), serialLinesByKey(db, new Set(ofKind('serial')), area)]);
  const lines = held.flatMap((b): ExpectedLine[] => {
    const kind = tracking.get(b.item_id) ?? 'none';
    if (kind === 'lot') return lots.get(key(b.item_id, b.location_id)) ?? [];
    if (kind === 'serial') return serials.get(key(b.item_id, b.location_id)) ?? [];
    return [{ itemId: b.item_id, locationId: b.location_id, lotId: null, onHand: Number(b.on_hand) }];
  });
  if (lines.length > MAX_COUNT_LINES) {
    throw new DomainError('rule-violation', `the scope holds more than ${MAX_COUNT_LINES} item × location (× lot) balances; count fewer bins or items at a time`);
  }
  return lines;
}

async function lotLinesByKey(db: Executor, itemIds: string[], area: readonly string[]): Promise<Map<string, ExpectedLine[]>> {
  const result = new Map<string, ExpectedLine[]>();
  if (itemIds.length === 0) return result;
  const rows = await listLotBalanceRows(db, { itemIds, locationIds: area, nonZeroOnly: true });
  for (const r of rows.filter((row) => Number(row.on_hand) !== 0)) {
    const k = key(r.item_id, r.location_id);
    result.set(k, [...(result.get(k) ?? []), { itemId: r.item_id, locationId: r.location_id, lotId: r.lot_id, onHand: Number(r.on_hand) }]);
  }
  return result;
}

async function serialLinesByKey(db: Executor, itemIds: Set<string>, area: readonly string[]): Promise<Map<string, ExpectedLine[]>> {
  const result = new Map<string, ExpectedLine[]>();
  if (itemIds.size === 0) return result;
  const rows = await serialsAt(db, { itemId: itemIds.size === 1 ? [...itemIds][0] : undefined, locationIds: area, limit: MAX_COUNT_SERIALS });
  if (rows.length > MAX_COUNT_SERIALS) throw new DomainError('rule-violation', `the scope holds more than ${MAX_COUNT_SERIALS} serial numbers; count fewer bins or items at a time`);
  for (const s of rows.filter((row) => itemIds.has(row.item_id))) {
    const k = key(s.item_id, s.location_id);
    const line = result.get(k)?.[0] ?? { itemId: s.item_id, locationId: s.location_id, lotId: null, onHand: 0, serials: [] };
    line.onHand += 1;
    line.serials?.push({ id: s.id, number: s.serial_number });
    result.set(k, [line]);
  }
  return result;
}
