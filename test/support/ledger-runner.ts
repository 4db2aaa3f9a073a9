import type { Store } from '../../src/db/store.js';
import { adjust } from '../../src/operations/adjustment-service.js';
import type { Movement } from '../../src/operations/movement-dto.js';
import { postMovementBatch, reverseMovement } from '../../src/operations/posting-service.js';
import { receive, ship } from '../../src/operations/receive-ship-service.js';
import { consumeReservation, createReservation, releaseReservation } from '../../src/operations/reservation-service.js';
import { cancelTransfer, createTransfer, receiveTransfer } from '../../src/operations/transfer-service.js';
import { systemContext } from '../../src/shared/context.js';
import { DomainError } from '../../src/shared/errors.js';
import { formatScaled } from '../../src/shared/quantity.js';
import type { ItemIdx, LocName, Move, Op, QtySpec } from './ledger-model.js';

/** The fixed locations of one test database and the two fresh items of one sequence. */
export interface Scene {
  store: Store;
  codes: Record<LocName, string>;
  skus: readonly [string, string];
  decimals: readonly [number, number];
}

/** The existing record (reservation, transfer, movement) an operation acts on, and its item. */
export interface Target {
  id: string;
  item: ItemIdx;
}

export type Outcome = { ok: true; movements: Movement[]; created?: string } | { ok: false; error: DomainError };

const MISSING_ID = '01J00000000000000000000000';

/** Quantity text as a client would send it; an over-precise one carries one decimal place too many. */
export function quantityText(spec: QtySpec, decimals: number): string {
  return spec.overPrecise ? formatScaled(spec.scaled * 10 + 1, decimals + 1) : formatScaled(spec.scaled, decimals);
}

/** Runs one operation through the services, in process. Only DomainErrors count as refusals. */
export async function runOp(scene: Scene, op: Op, target: Target | undefined): Promise<Outcome> {
  try {
    return await dispatch(scene, op, target ?? { id: MISSING_ID, item: 0 });
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

async function dispatch(scene: Scene, op: Op, target: Target): Promise<Outcome> {
  const { store } = scene;
  const ctx = systemContext();
  const code = (loc: LocName) => scene.codes[loc];
  const sku = (item: ItemIdx) => scene.skus[item];
  const qty = (spec: QtySpec, item: ItemIdx) => quantityText(spec, scene.decimals[item]);
  const lines = (ls: Array<{ item: ItemIdx; qty: QtySpec }>) => ls.map((l) => ({ item: sku(l.item), quantity: qty(l.qty, l.item) }));
  const done = (movements: Movement[], created?: string): Outcome => ({ ok: true, movements, ...(created !== undefined && { created }) });
  switch (op.kind) {
    case 'receive':
      return done((await receive(store, ctx, { location: code(op.loc), lines: lines(op.lines) })).result.movements);
    case 'ship':
      return done((await ship(store, ctx, { location: code(op.loc), lines: lines(op.lines) })).result.movements);
    case 'transfer': {
      const mode = op.twoStep ? 'two-step' : 'immediate';
      const { result } = await createTransfer(store, ctx, { from: code(op.from), to: code(op.to), mode, lines: lines(op.lines) });
      return done(result.movements, result.transfer.id);
    }
    case 'closeTransfer': {
      const close = op.action === 'receive' ? receiveTransfer : cancelTransfer;
      return done((await close(store, ctx, target.id, {})).result.movements);
    }
    case 'adjustDelta': {
      const adjustLines = op.lines.map((l) => ({ item: sku(l.item), delta: `${l.sign < 0 ? '-' : ''}${qty(l.qty, l.item)}` }));
      return done((await adjust(store, ctx, { location: code(op.loc), reason: 'damage', lines: adjustLines })).result.movements);
    }
    case 'adjustCount': {
      const adjustLines = [{ item: sku(op.item), countedQuantity: qty(op.counted, op.item) }];
      return done((await adjust(store, ctx, { location: code(op.loc), reason: 'count', lines: adjustLines })).result.movements);
    }
    case 'reserve': {
      const { result } = await createReservation(store, ctx, { item: sku(op.item), location: code(op.loc), quantity: qty(op.qty, op.item) });
      return done([], result.id);
    }
    case 'release':
      await releaseReservation(store, ctx, target.id, {});
      return done([]);
    case 'consume': {
      const input = op.qty ? { quantity: qty(op.qty, target.item) } : {};
      return done([(await consumeReservation(store, ctx, target.id, input)).result.movement]);
    }
    case 'move': {
      const inputs = lines(op.lines).map((l) => ({ ...l, from: code(op.from), to: code(op.to) }));
      return done((await postMovementBatch(store, ctx, inputs)).result.movements);
    }
    case 'reverse':
      return done([(await reverseMovement(store, ctx, target.id, {})).result]);
  }
}

/** Differences between the movements a successful operation posted and the moves the model expected. */
export function movementMismatches(scene: Scene, expected: Move[], actual: Movement[]): string[] {
  const show = (m: Move) => `${scene.skus[m.item]} ${formatScaled(m.qty, scene.decimals[m.item])} ${scene.codes[m.from]}→${scene.codes[m.to]}`;
  const want = expected.map(show);
  const got = actual.map((m) => `${m.item.sku} ${m.quantity} ${m.from.code}→${m.to.code}`);
  return JSON.stringify(want) === JSON.stringify(got) ? [] : [`posted ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
}
