import type { Executor } from '../../src/db/schema.js';
import { checkConsistency } from '../../src/ledger/consistency.js';
import type { ItemIdx, LedgerModel, LocName } from './ledger-model.js';

/** Database ids of the two items of a sequence and of the fixed locations. */
export interface SceneIds {
  items: readonly [string, string];
  locations: Record<LocName, string>;
}

const key = (a: string, b: string) => `${a}|${b}`;

/**
 * DESIGN §1–2 invariants for the given items, each reported as a sentence (empty when all hold):
 * the ledger-wide consistency check, an independent replay of the movements table, the zero sum
 * over all locations, no negative stock where it is not allowed, and holds within 0..on hand.
 */
export async function invariantViolations(db: Executor, itemIds: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const report = await checkConsistency(db);
  if (!report.ok) problems.push(`consistency check: ${JSON.stringify({ drift: report.drift, unbalanced: report.unbalancedItems })}`);

  const [movements, balances] = await Promise.all([
    db.selectFrom('movements').select(['item_id', 'from_location_id', 'to_location_id', 'quantity']).where('item_id', 'in', itemIds).execute(),
    db.selectFrom('balances').innerJoin('locations', 'locations.id', 'balances.location_id')
      .select(['balances.item_id', 'balances.location_id', 'balances.on_hand', 'balances.reserved', 'locations.code', 'locations.kind', 'locations.allow_negative'])
      .where('balances.item_id', 'in', itemIds).execute(),
  ]);
  const replayed = new Map<string, number>();
  const bump = (k: string, delta: number) => replayed.set(k, (replayed.get(k) ?? 0) + delta);
  for (const m of movements) {
    const quantity = Number(m.quantity);
    if (!(quantity > 0)) problems.push(`movement of ${quantity} (must be > 0)`);
    bump(key(m.item_id, m.from_location_id), -quantity);
    bump(key(m.item_id, m.to_location_id), quantity);
  }

  const sums = new Map<string, number>(itemIds.map((id) => [id, 0]));
  for (const b of balances) {
    const onHand = Number(b.on_hand);
    const reserved = Number(b.reserved);
    const k = key(b.item_id, b.location_id);
    sums.set(b.item_id, (sums.get(b.item_id) ?? 0) + onHand);
    if ((replayed.get(k) ?? 0) !== onHand) problems.push(`${b.code}: balance ${onHand}, ledger replay ${replayed.get(k) ?? 0}`);
    replayed.delete(k);
    const guarded = b.kind !== 'virtual' && Number(b.allow_negative) === 0;
    if (guarded && onHand < 0) problems.push(`${b.code}: on hand ${onHand} in a location that may not go negative`);
    if (reserved < 0) problems.push(`${b.code}: reserved ${reserved} is negative`);
    if (guarded && reserved > onHand) problems.push(`${b.code}: reserved ${reserved} above on hand ${onHand}`);
    if (b.kind === 'virtual' && reserved !== 0) problems.push(`${b.code}: a virtual location holds a reservation`);
  }
  for (const [k, quantity] of replayed) if (quantity !== 0) problems.push(`${k}: ledger replay ${quantity} but no balance row`);
  for (const [itemId, sum] of sums) if (sum !== 0) problems.push(`item ${itemId}: balances sum to ${sum}, not 0`);
  return problems;
}

/** Differences between the database and the model for the sequence's items, each as a sentence. */
export async function modelMismatches(db: Executor, model: LedgerModel, ids: SceneIds): Promise<string[]> {
  const problems: string[] = [];
  const itemIdx = new Map(ids.items.map((id, i) => [id, i as ItemIdx]));
  const locName = new Map(Object.entries(ids.locations).map(([name, id]) => [id, name as LocName]));
  const itemIds = [...ids.items];

  const [balances, reservations, movements, transfers] = await Promise.all([
    db.selectFrom('balances').selectAll().where('item_id', 'in', itemIds).execute(),
    db.selectFrom('reservations').select(['id', 'item_id', 'location_id', 'quantity', 'status']).where('item_id', 'in', itemIds).execute(),
    db.selectFrom('movements').select(['id', 'item_id', 'from_location_id', 'to_location_id', 'quantity', 'reverses_id']).where('item_id', 'in', itemIds).execute(),
    db.selectFrom('transfer_lines').innerJoin('transfers', 'transfers.id', 'transfer_lines.transfer_id')
      .select(['transfers.id', 'transfers.status']).where('transfer_lines.item_id', 'in', itemIds).execute(),
  ]);

  const seen = new Set<string>();
  for (const b of balances) {
    const item = itemIdx.get(b.item_id) as ItemIdx;
    const loc = locName.get(b.location_id);
    const want = loc ? [model.get(model.onHand, item, loc), model.get(model.reserved, item, loc)] : [0, 0];
    const got = [Number(b.on_hand), Number(b.reserved)];
    if (want[0] !== got[0] || want[1] !== got[1]) problems.push(`item ${item} at ${loc ?? b.location_id}: on hand/reserved ${got.join('/')}, model ${want.join('/')}`);
    if (loc) seen.add(key(String(item), loc));
  }
  for (const map of [model.onHand, model.reserved]) {
    for (const [k, value] of map) if (value !== 0 && !seen.has(k)) problems.push(`${k}: model has ${value}, database has no balance row`);
  }

  const describe = (rows: unknown[]) => JSON.stringify([...rows].map((r) => JSON.stringify(r)).sort());
  const reservationRows = reservations.map((r) => ({ id: r.id, item: itemIdx.get(r.item_id), loc: locName.get(r.location_id), qty: Number(r.quantity), status: r.status }));
  const modelReservations = model.reservations.map((r) => ({ id: r.id, item: r.item, loc: r.loc, qty: r.qty, status: r.status }));
  if (describe(reservationRows) !== describe(modelReservations)) problems.push(`reservations ${describe(reservationRows)}, model ${describe(modelReservations)}`);

  const movementRows = movements.map((m) => ({ id: m.id, item: itemIdx.get(m.item_id), from: locName.get(m.from_location_id), to: locName.get(m.to_location_id), qty: Number(m.quantity), reverses: m.reverses_id }));
  const modelMovements = model.movements.map((m) => ({ id: m.id, item: m.item, from: m.from, to: m.to, qty: m.qty, reverses: m.reversesId }));
  if (describe(movementRows) !== describe(modelMovements)) problems.push(`movements ${describe(movementRows)}, model ${describe(modelMovements)}`);

  const transferRows = [...new Map(transfers.map((t) => [t.id, t.status])).entries()];
  const modelTransfers = model.transfers.map((t) => [t.id, t.status]);
  if (describe(transferRows) !== describe(modelTransfers)) problems.push(`transfers ${describe(transferRows)}, model ${describe(modelTransfers)}`);
  return problems;
}
