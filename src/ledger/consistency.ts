import type { Executor } from '../db/schema.js';
import { listBalanceRows, replaceAllBalances } from './balance-repository.js';
import { checkLots, rebuildLotBalances, type LotDrift } from './lot-consistency.js';
import { replayOnHand } from './movement-repository.js';
import { sumActiveReservations } from './reservation-repository.js';

export interface Drift {
  itemId: string;
  locationId: string;
  field: 'on_hand' | 'reserved';
  /** What the ledger (movements, active reservations) says. */
  expected: number;
  /** What the cached balance row says. */
  actual: number;
}

export interface ConsistencyReport {
  ok: boolean;
  balancesChecked: number;
  movementsReplayed: boolean;
  drift: Drift[];
  /** Items whose balances over all locations do not sum to zero. */
  unbalancedItems: string[];
  /** Lot balances, sums over lots and serial places that disagree with the ledger. */
  lotDrift: LotDrift[];
}

const key = (itemId: string, locationId: string) => `${itemId}\u0000${locationId}`;

/** Recomputes every balance from the ledger and every hold from active reservations, and compares. */
export async function checkConsistency(db: Executor): Promise<ConsistencyReport> {
  const [replayed, reservations, balances, lotDrift] = await Promise.all([replayOnHand(db), sumActiveReservations(db), listBalanceRows(db, {}), checkLots(db)]);
  const expected = new Map<string, { itemId: string; locationId: string; on_hand: number; reserved: number }>();
  const entry = (itemId: string, locationId: string) => {
    const k = key(itemId, locationId);
    let e = expected.get(k);
    if (!e) expected.set(k, (e = { itemId, locationId, on_hand: 0, reserved: 0 }));
    return e;
  };
  for (const r of replayed) entry(r.item_id, r.location_id).on_hand = Number(r.on_hand);
  for (const r of reservations) entry(r.item_id, r.location_id).reserved = Number(r.reserved);

  const drift: Drift[] = [];
  const sums = new Map<string, number>();
  const seen = new Set<string>();
  for (const b of balances) {
    const k = key(b.item_id, b.location_id);
    seen.add(k);
    sums.set(b.item_id, (sums.get(b.item_id) ?? 0) + b.on_hand);
    const e = expected.get(k) ?? { on_hand: 0, reserved: 0 };
    if (e.on_hand !== b.on_hand) drift.push({ itemId: b.item_id, locationId: b.location_id, field: 'on_hand', expected: e.on_hand, actual: b.on_hand });
    if (e.reserved !== b.reserved) drift.push({ itemId: b.item_id, locationId: b.location_id, field: 'reserved', expected: e.reserved, actual: b.reserved });
  }
  for (const [k, e] of expected) {
    if (seen.has(k)) continue;
    if (e.on_hand !== 0) drift.push({ itemId: e.itemId, locationId: e.locationId, field: 'on_hand', expected: e.on_hand, actual: 0 });
    if (e.reserved !== 0) drift.push({ itemId: e.itemId, locationId: e.locationId, field: 'reserved', expected: e.reserved, actual: 0 });
  }
  const unbalancedItems = [...sums].filter(([, sum]) => sum !== 0).map(([itemId]) => itemId);
  const ok = drift.length === 0 && unbalancedItems.length === 0 && lotDrift.length === 0;
  return { ok, balancesChecked: balances.length, movementsReplayed: true, drift, unbalancedItems, lotDrift };
}

/** Rewrites the balance cache, lot balances included, from the ledger (run inside a write transaction). */
export async function rebuildBalances(db: Executor): Promise<number> {
  return (await rebuildAggregates(db)) + (await rebuildLotBalances(db));
}

async function rebuildAggregates(db: Executor): Promise<number> {
  const [replayed, reservations] = await Promise.all([replayOnHand(db), sumActiveReservations(db)]);
  const rows = new Map<string, { item_id: string; location_id: string; on_hand: number; reserved: number }>();
  for (const r of replayed) rows.set(key(r.item_id, r.location_id), { item_id: r.item_id, location_id: r.location_id, on_hand: Number(r.on_hand), reserved: 0 });
  for (const r of reservations) {
    const k = key(r.item_id, r.location_id);
    const row = rows.get(k) ?? { item_id: r.item_id, location_id: r.location_id, on_hand: 0, reserved: 0 };
    row.reserved = Number(r.reserved);
    rows.set(k, row);
  }
  return replaceAllBalances(db, [...rows.values()]);
}
