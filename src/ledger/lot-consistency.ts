import type { Executor, LotBalanceRow } from '../db/schema.js';
import { listBalanceRows } from './balance-repository.js';
import { listLotBalanceRows, replaceAllLotBalances } from './lot-balance-repository.js';
import { replayLotOnHand } from './movement-repository.js';
import { sumActiveReservationLots } from './reservation-repository.js';
import { listSerialPlaces, replaySerialLocations } from './serial-repository.js';

/** A lot balance, the sum over an aggregate's lots, or a serial's place that disagrees with the ledger. */
export interface LotDrift {
  itemId: string;
  locationId: string;
  lotId: string | null;
  serialId?: string | undefined;
  field: 'lot_on_hand' | 'lot_reserved' | 'lots_sum_on_hand' | 'lots_sum_reserved' | 'serial_location';
  expected: number | string;
  actual: number | string;
}

const key = (...parts: string[]) => parts.join('\u0000');

/** Lot balances as the ledger says they must be: movements per lot replayed, holds from active reservations' lots. */
async function expectedLotBalances(db: Executor): Promise<Map<string, LotBalanceRow>> {
  const [replayed, held] = await Promise.all([replayLotOnHand(db), sumActiveReservationLots(db)]);
  const rows = new Map<string, LotBalanceRow>();
  const entry = (itemId: string, locationId: string, lotId: string) => {
    const k = key(itemId, locationId, lotId);
    let e = rows.get(k);
    if (!e) rows.set(k, (e = { item_id: itemId, location_id: locationId, lot_id: lotId, on_hand: 0, reserved: 0 }));
    return e;
  };
  for (const r of replayed) entry(r.item_id, r.location_id, r.lot_id).on_hand = Number(r.on_hand);
  for (const r of held) entry(r.item_id, r.location_id, r.lot_id).reserved = Number(r.reserved);
  return rows;
}

/**
 * Checks lot balances against the ledger, that each lot-tracked item × location's lots sum to its
 * aggregate balance, and that every serial is where its last movement put it.
 */
export async function checkLots(db: Executor): Promise<LotDrift[]> {
  const [expected, actual, lotItems] = await Promise.all([
    expectedLotBalances(db), listLotBalanceRows(db, {}), db.selectFrom('items').select('id').where('tracking', '=', 'lot').execute(),
  ]);
  const drift: LotDrift[] = [];
  const seen = new Set<string>();
  for (const b of actual) {
    const k = key(b.item_id, b.location_id, b.lot_id);
    seen.add(k);
    const e = expected.get(k) ?? { on_hand: 0, reserved: 0 };
    if (Number(e.on_hand) !== Number(b.on_hand)) drift.push({ itemId: b.item_id, locationId: b.location_id, lotId: b.lot_id, field: 'lot_on_hand', expected: Number(e.on_hand), actual: Number(b.on_hand) });
    if (Number(e.reserved) !== Number(b.reserved)) drift.push({ itemId: b.item_id, locationId: b.location_id, lotId: b.lot_id, field: 'lot_reserved', expected: Number(e.reserved), actual: Number(b.reserved) });
  }
  for (const [k, e] of expected) {
    if (seen.has(k)) continue;
    if (e.on_hand !== 0) drift.push({ itemId: e.item_id, locationId: e.location_id, lotId: e.lot_id, field: 'lot_on_hand', expected: e.on_hand, actual: 0 });
    if (e.reserved !== 0) drift.push({ itemId: e.item_id, locationId: e.location_id, lotId: e.lot_id, field: 'lot_reserved', expected: e.reserved, actual: 0 });
  }
  drift.push(...(await sumDrift(db, actual, lotItems.map((i) => i.id))));
  drift.push(...(await serialDrift(db)));
  return drift;
}

async function sumDrift(db: Executor, lots: LotBalanceRow[], itemIds: string[]): Promise<LotDrift[]> {
  if (itemIds.length === 0) return [];
  const sums = new Map<string, { onHand: number; reserved: number }>();
  for (const l of lots) {
    const k = key(l.item_id, l.location_id);
    const s = sums.get(k) ?? { onHand: 0, reserved: 0 };
    sums.set(k, { onHand: s.onHand + Number(l.on_hand), reserved: s.reserved + Number(l.reserved) });
  }
  const drift: LotDrift[] = [];
  const aggregates = await listBalanceRows(db, { itemIds });
  const seen = new Set<string>();
  for (const b of aggregates) {
    const k = key(b.item_id, b.location_id);
    seen.add(k);
    const s = sums.get(k) ?? { onHand: 0, reserved: 0 };
    if (s.onHand !== Number(b.on_hand)) drift.push({ itemId: b.item_id, locationId: b.location_id, lotId: null, field: 'lots_sum_on_hand', expected: Number(b.on_hand), actual: s.onHand });
    if (s.reserved !== Number(b.reserved)) drift.push({ itemId: b.item_id, locationId: b.location_id, lotId: null, field: 'lots_sum_reserved', expected: Number(b.reserved), actual: s.reserved });
  }
  for (const [k, s] of sums) {
    const [itemId = '', locationId = ''] = k.split('\u0000');
    if (seen.has(k) || !itemIds.includes(itemId)) continue;
    if (s.onHand !== 0) drift.push({ itemId, locationId, lotId: null, field: 'lots_sum_on_hand', expected: 0, actual: s.onHand });
    if (s.reserved !== 0) drift.push({ itemId, locationId, lotId: null, field: 'lots_sum_reserved', expected: 0, actual: s.reserved });
  }
  return drift;
}

async function serialDrift(db: Executor): Promise<LotDrift[]> {
  const [replayed, places] = await Promise.all([replaySerialLocations(db), listSerialPlaces(db)]);
  const expected = new Map(replayed.map((r) => [r.serial_id, r.location_id]));
  return places.flatMap((p) => {
    const where = expected.get(p.id) ?? '(no movement)';
    return where === p.location_id ? [] : [{ itemId: p.item_id, locationId: p.location_id, lotId: null, serialId: p.id, field: 'serial_location' as const, expected: where, actual: p.location_id }];
  });
}

/** Rewrites the lot balance cache from the ledger (run inside a write transaction). */
export async function rebuildLotBalances(db: Executor): Promise<number> {
  return replaceAllLotBalances(db, [...(await expectedLotBalances(db)).values()]);
}
