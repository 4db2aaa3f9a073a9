import fc from 'fast-check';
import type { Executor } from '../../src/db/schema.js';
import type { Store } from '../../src/db/store.js';
import { checkConsistency } from '../../src/ledger/consistency.js';
import { adjust } from '../../src/operations/adjustment-service.js';
import { postMovementBatch, reverseMovement } from '../../src/operations/posting-service.js';
import { receive, ship } from '../../src/operations/receive-ship-service.js';
import { consumeReservation, createReservation, releaseReservation } from '../../src/operations/reservation-service.js';
import { createTransfer, receiveTransfer } from '../../src/operations/transfer-service.js';
import { systemContext } from '../../src/shared/context.js';
import { DomainError } from '../../src/shared/errors.js';

/**
 * Random operation sequences on a lot-tracked and a serial-tracked item, for the property test of
 * the lot and serial invariants. Outcomes are not predicted (FEFO and the serials' places are what
 * is under test); every refusal must be a DomainError, and the invariants must hold after each step.
 */
export const BINS = ['A', 'B'] as const;
export type Bin = (typeof BINS)[number];
/** Lots of the lot item: one expired, two with expiry, one without. */
export const LOTS = ['OLD', 'SOON', 'LATE', 'NONE'] as const;
export type LotName = (typeof LOTS)[number];
const SERIALS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const;

export type TrackedOp =
  | { kind: 'receiveLot'; bin: Bin; lot: LotName; qty: number }
  | { kind: 'shipLot'; bin: Bin; lot: LotName | null; qty: number }
  | { kind: 'moveLot'; from: Bin; to: Bin | 'scrap'; lot: LotName | null; qty: number }
  | { kind: 'transferLot'; from: Bin; to: Bin; lot: LotName | null; qty: number; twoStep: boolean }
  | { kind: 'reserveLot'; bin: Bin; qty: number }
  | { kind: 'consume'; pick: number; qty: number | null }
  | { kind: 'release'; pick: number }
  | { kind: 'countLot'; bin: Bin; lot: LotName; counted: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'receiveSerials'; bin: Bin; serials: string[] }
  | { kind: 'shipSerials'; bin: Bin; serials: string[] }
  | { kind: 'moveSerials'; from: Bin; to: Bin; serials: string[] };

const bin = fc.constantFrom(...BINS);
const lot = fc.constantFrom(...LOTS);
const qty = fc.integer({ min: 1, max: 9 });
const pick = fc.nat({ max: 50 });
const serials = fc.subarray([...SERIALS], { minLength: 1, maxLength: 3 });

export const trackedOp: fc.Arbitrary<TrackedOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receiveLot' as const), bin, lot, qty }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('shipLot' as const), bin, lot: fc.option(lot, { nil: null }), qty }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('moveLot' as const), from: bin, to: fc.constantFrom<Bin | 'scrap'>('A', 'B', 'scrap'), lot: fc.option(lot, { nil: null }), qty }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transferLot' as const), from: bin, to: bin, lot: fc.option(lot, { nil: null }), qty, twoStep: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reserveLot' as const), bin, qty }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('consume' as const), pick, qty: fc.option(qty, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('countLot' as const), bin, lot, counted: fc.integer({ min: 0, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receiveSerials' as const), bin, serials }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('shipSerials' as const), bin, serials }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('moveSerials' as const), from: bin, to: bin, serials }) },
);

export const trackedSequence = fc.array(trackedOp, { minLength: 3, maxLength: 14 });

export interface TrackedScene {
  store: Store;
  bins: Record<Bin, string>;
  lotSku: string;
  serialSku: string;
  expiry: Record<LotName, string | undefined>;
  /** What earlier steps made, for later ones to act on. */
  reservations: string[];
  movements: string[];
  transfers: string[];
}

/** Runs one operation through the services; returns 'posted' or the refusal's problem code. */
export async function runTracked(scene: TrackedScene, op: TrackedOp): Promise<string> {
  try {
    await dispatch(scene, op);
    return 'posted';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

async function dispatch(scene: TrackedScene, op: TrackedOp): Promise<void> {
  const { store } = scene;
  const ctx = systemContext();
  const at = (b: Bin) => scene.bins[b];
  const of = <T>(list: T[], n: number) => list[n % Math.max(1, list.length)];
  const keep = (ids: string[]): void => {
    scene.movements.push(...ids);
  };
  switch (op.kind) {
    case 'receiveLot': {
      const expiresOn = scene.expiry[op.lot];
      const { result } = await receive(store, ctx, { location: at(op.bin), lines: [{ item: scene.lotSku, quantity: op.qty, lot: { number: op.lot, ...(expiresOn && { expiresOn }) } }] });
      return keep(result.movements.map((m) => m.id));
    }
    case 'shipLot': {
      const { result } = await ship(store, ctx, { location: at(op.bin), lines: [{ item: scene.lotSku, quantity: op.qty, ...(op.lot && { lot: op.lot }) }] });
      return keep(result.movements.map((m) => m.id));
    }
    case 'moveLot': {
      const to = op.to === 'scrap' ? 'scrap' : at(op.to);
      const { result } = await postMovementBatch(store, ctx, [{ item: scene.lotSku, quantity: op.qty, from: at(op.from), to, ...(op.lot && { lot: op.lot }) }]);
      return keep(result.movements.map((m) => m.id));
    }
    case 'transferLot': {
      const { result } = await createTransfer(store, ctx, { from: at(op.from), to: at(op.to), mode: op.twoStep ? 'two-step' : 'immediate', lines: [{ item: scene.lotSku, quantity: op.qty, ...(op.lot && { lot: op.lot }) }] });
      if (op.twoStep) {
        scene.transfers.push(result.transfer.id);
        const received = await receiveTransfer(store, ctx, result.transfer.id, {});
        keep(received.result.movements.map((m) => m.id));
      }
      return keep(result.movements.map((m) => m.id));
    }
    case 'reserveLot': {
      const { result } = await createReservation(store, ctx, { item: scene.lotSku, location: at(op.bin), quantity: op.qty });
      scene.reservations.push(result.id);
      return;
    }
    case 'consume': {
      const id = of(scene.reservations, op.pick);
      if (!id) return;
      const { result } = await consumeReservation(store, ctx, id, op.qty === null ? {} : { quantity: op.qty });
      return keep(result.movements.map((m) => m.id));
    }
    case 'release': {
      const id = of(scene.reservations, op.pick);
      if (id) await releaseReservation(store, ctx, id, {});
      return;
    }
    case 'countLot': {
      const { result } = await adjust(store, ctx, { location: at(op.bin), reason: 'count', lines: [{ item: scene.lotSku, countedQuantity: op.counted, lot: op.lot }] });
      return keep(result.movements.map((m) => m.id));
    }
    case 'reverse': {
      const id = of(scene.movements, op.pick);
      if (id) keep([(await reverseMovement(store, ctx, id, {})).result.id]);
      return;
    }
    case 'receiveSerials': {
      const { result } = await receive(store, ctx, { location: at(op.bin), lines: [{ item: scene.serialSku, quantity: op.serials.length, serials: op.serials }] });
      return keep(result.movements.map((m) => m.id));
    }
    case 'shipSerials': {
      const { result } = await ship(store, ctx, { location: at(op.bin), lines: [{ item: scene.serialSku, quantity: op.serials.length, serials: op.serials }] });
      return keep(result.movements.map((m) => m.id));
    }
    case 'moveSerials': {
      const { result } = await postMovementBatch(store, ctx, [{ item: scene.serialSku, quantity: op.serials.length, from: at(op.from), to: at(op.to), serials: op.serials }]);
      return keep(result.movements.map((m) => m.id));
    }
  }
}

/**
 * The lot and serial invariants for the given items, each as a sentence (empty when all hold):
 * the consistency check; Σ lot balances = the aggregate per item × location (recomputed here);
 * every lot balance equals the replay of its lot's movements; no physical lot balance negative,
 * its reserved within 0..on hand; no expired lot shipped to a customer or held; every serial where
 * the replay of its movements puts it, and a serial item's stock per location = its serials there.
 */
export async function trackingViolations(db: Executor, lotItemId: string, serialItemId: string, today: string): Promise<string[]> {
  const problems: string[] = [];
  const report = await checkConsistency(db);
  if (!report.ok) problems.push(`consistency check: ${JSON.stringify({ drift: report.drift, lotDrift: report.lotDrift, unbalanced: report.unbalancedItems })}`);
  const [aggregates, lotRows, movements, locations, lots, held, serialRows, serialMoves] = await Promise.all([
    db.selectFrom('balances').selectAll().where('item_id', 'in', [lotItemId, serialItemId]).execute(),
    db.selectFrom('lot_balances').selectAll().where('item_id', '=', lotItemId).execute(),
    db.selectFrom('movements').selectAll().where('item_id', 'in', [lotItemId, serialItemId]).orderBy('seq').execute(),
    db.selectFrom('locations').select(['id', 'code', 'kind', 'virtual_kind']).execute(),
    db.selectFrom('lots').selectAll().where('item_id', '=', lotItemId).execute(),
    db.selectFrom('reservation_lots').innerJoin('reservations', 'reservations.id', 'reservation_lots.reservation_id')
      .select(['reservation_lots.lot_id', 'reservation_lots.quantity', 'reservations.status', 'reservations.created_at']).where('reservations.item_id', '=', lotItemId).execute(),
    db.selectFrom('serials').selectAll().where('item_id', '=', serialItemId).execute(),
    db.selectFrom('movement_serials').innerJoin('movements', 'movements.id', 'movement_serials.movement_id')
      .select(['movement_serials.serial_id', 'movements.from_location_id', 'movements.to_location_id', 'movements.seq']).where('movements.item_id', '=', serialItemId).orderBy('movements.seq').execute(),
  ]);
  const place = new Map(locations.map((l) => [l.id, l]));
  const expiry = new Map(lots.map((l) => [l.id, l.expires_on]));
  const expired = (lotId: string | null) => lotId !== null && (expiry.get(lotId) ?? '9999-12-31') < today;

  const sums = new Map<string, number>();
  const replay = new Map<string, number>();
  const add = (map: Map<string, number>, k: string, d: number) => map.set(k, (map.get(k) ?? 0) + d);
  for (const l of lotRows) {
    add(sums, `${l.location_id}`, Number(l.on_hand));
    const p = place.get(l.location_id);
    if (p?.kind !== 'virtual' && Number(l.on_hand) < 0) problems.push(`lot ${l.lot_id} at ${p?.code}: on hand ${l.on_hand} is negative`);
    if (Number(l.reserved) < 0 || (p?.kind !== 'virtual' && Number(l.reserved) > Number(l.on_hand))) problems.push(`lot ${l.lot_id} at ${p?.code}: reserved ${l.reserved} outside 0..${l.on_hand}`);
  }
  for (const a of aggregates.filter((a) => a.item_id === lotItemId)) {
    if ((sums.get(a.location_id) ?? 0) !== Number(a.on_hand)) problems.push(`at ${place.get(a.location_id)?.code}: lots sum to ${sums.get(a.location_id) ?? 0}, aggregate ${a.on_hand}`);
  }
  for (const m of movements.filter((m) => m.item_id === lotItemId)) {
    if (m.lot_id === null) problems.push(`movement ${m.id} of the lot item names no lot`);
    add(replay, `${m.from_location_id}|${m.lot_id}`, -Number(m.quantity));
    add(replay, `${m.to_location_id}|${m.lot_id}`, Number(m.quantity));
    // Business time of the movement is "now" in these sequences, so expiry is judged against today.
    if (place.get(m.to_location_id)?.virtual_kind === 'customer' && expired(m.lot_id)) problems.push(`movement ${m.id} shipped expired lot ${m.lot_id}`);
  }
  for (const l of lotRows) {
    if ((replay.get(`${l.location_id}|${l.lot_id}`) ?? 0) !== Number(l.on_hand)) problems.push(`lot ${l.lot_id} at ${place.get(l.location_id)?.code}: ${l.on_hand}, replay ${replay.get(`${l.location_id}|${l.lot_id}`) ?? 0}`);
  }
  for (const h of held) if (h.status === 'active' && Number(h.quantity) > 0 && expired(h.lot_id)) problems.push(`an active hold holds expired lot ${h.lot_id}`);

  const lastPlace = new Map<string, string>();
  for (const s of serialMoves) {
    const was = lastPlace.get(s.serial_id);
    if (was !== undefined && was !== s.from_location_id) problems.push(`serial ${s.serial_id} moved from ${s.from_location_id} while at ${was}`);
    lastPlace.set(s.serial_id, s.to_location_id);
  }
  const count = new Map<string, number>();
  for (const s of serialRows) {
    if (lastPlace.get(s.id) === undefined) problems.push(`serial ${s.serial_number} has no movement`);
    else if (lastPlace.get(s.id) !== s.location_id) problems.push(`serial ${s.serial_number} is at ${s.location_id}, its movements put it at ${lastPlace.get(s.id)}`);
    add(count, s.location_id, 1);
  }
  for (const a of aggregates.filter((a) => a.item_id === serialItemId)) {
    const p = place.get(a.location_id);
    if (p?.virtual_kind === 'supplier') continue;
    if ((count.get(a.location_id) ?? 0) !== Number(a.on_hand)) problems.push(`serial item at ${p?.code}: on hand ${a.on_hand}, ${count.get(a.location_id) ?? 0} serials there`);
  }
  return problems;
}
