import type { ProblemCode } from '../../src/shared/errors.js';

/**
 * A plain in-memory model of the ledger rules, used by the property tests as the oracle: it
 * predicts whether each operation succeeds (or which problem it fails with) and what it moves.
 * It knows nothing of the implementation; it restates DESIGN §1–2 in the simplest way.
 */
export const PHYSICAL = ['A', 'B', 'C', 'N', 'Z'] as const;
export const VIRTUAL = ['supplier', 'customer', 'loss', 'transit', 'production', 'scrap'] as const;
export type PhysicalName = (typeof PHYSICAL)[number];
export type VirtualName = (typeof VIRTUAL)[number];
export type LocName = PhysicalName | VirtualName;

/** A, B: ordinary bins; C: a bin that is not sellable; N: a bin that allows negative stock; Z: their zone. */
export const RULES: Record<LocName, { physical: boolean; sellable: boolean; mayGoNegative: boolean }> = {
  A: { physical: true, sellable: true, mayGoNegative: false },
  B: { physical: true, sellable: true, mayGoNegative: false },
  C: { physical: true, sellable: false, mayGoNegative: false },
  N: { physical: true, sellable: true, mayGoNegative: true },
  Z: { physical: true, sellable: true, mayGoNegative: false },
  supplier: { physical: false, sellable: false, mayGoNegative: true },
  customer: { physical: false, sellable: false, mayGoNegative: true },
  loss: { physical: false, sellable: false, mayGoNegative: true },
  transit: { physical: false, sellable: false, mayGoNegative: true },
  production: { physical: false, sellable: false, mayGoNegative: true },
  scrap: { physical: false, sellable: false, mayGoNegative: true },
};

/** A quantity in the item's smallest unit; `overPrecise` sends one decimal place more than the item allows. */
export interface QtySpec {
  scaled: number;
  overPrecise: boolean;
}
export type ItemIdx = 0 | 1;
export interface Line {
  item: ItemIdx;
  qty: QtySpec;
}

export type Op =
  | { kind: 'receive'; loc: PhysicalName; lines: Line[] }
  | { kind: 'ship'; loc: PhysicalName; lines: Line[] }
  | { kind: 'transfer'; from: PhysicalName; to: PhysicalName; twoStep: boolean; lines: Line[] }
  | { kind: 'closeTransfer'; pick: number; action: 'receive' | 'cancel' }
  | { kind: 'adjustDelta'; loc: PhysicalName; lines: Array<Line & { sign: 1 | -1 }> }
  | { kind: 'adjustCount'; loc: PhysicalName; item: ItemIdx; counted: QtySpec }
  | { kind: 'reserve'; loc: PhysicalName; item: ItemIdx; qty: QtySpec }
  | { kind: 'release'; pick: number }
  | { kind: 'consume'; pick: number; qty: QtySpec | null }
  | { kind: 'move'; from: LocName; to: LocName; lines: Line[] }
  | { kind: 'reverse'; pick: number };

export interface Move {
  item: ItemIdx;
  from: LocName;
  to: LocName;
  qty: number;
  fromReserved?: boolean;
}

export interface ModelReservation { id: string; item: ItemIdx; loc: LocName; qty: number; status: 'active' | 'released' | 'consumed' }
export interface ModelTransfer { id: string; from: LocName; to: LocName; lines: Array<{ item: ItemIdx; qty: number }>; status: 'in_transit' | 'received' | 'cancelled' }
export interface ModelMovement extends Move { id: string; reversesId: string | null; reversed: boolean }

/** What an operation will do to the model once the database has said yes. */
export type Effect =
  | { type: 'none' }
  | { type: 'transfer'; transfer: Omit<ModelTransfer, 'id'> }
  | { type: 'closeTransfer'; transfer: ModelTransfer; status: 'received' | 'cancelled' }
  | { type: 'reserve'; reservation: Omit<ModelReservation, 'id'> }
  | { type: 'release'; reservation: ModelReservation }
  | { type: 'consume'; reservation: ModelReservation; qty: number }
  | { type: 'reverse'; original: ModelMovement };

export type Prediction = { ok: false; code: ProblemCode } | { ok: true; moves: Move[]; effect: Effect };

export class LedgerModel {
  readonly onHand = new Map<string, number>();
  readonly reserved = new Map<string, number>();
  readonly reservations: ModelReservation[] = [];
  readonly transfers: ModelTransfer[] = [];
  readonly movements: ModelMovement[] = [];

  get(map: Map<string, number>, item: ItemIdx, loc: LocName): number {
    return map.get(`${item}|${loc}`) ?? 0;
  }

  private add(map: Map<string, number>, item: ItemIdx, loc: LocName, delta: number): void {
    map.set(`${item}|${loc}`, this.get(map, item, loc) + delta);
  }

  /** The existing record an operation names by index (negative: from the newest), or undefined when there is none yet. */
  target(op: Op): ModelReservation | ModelTransfer | ModelMovement | undefined {
    const pick = <T>(list: T[], n: number) => (list.length === 0 ? undefined : list[n < 0 ? Math.max(0, list.length + n) : n % list.length]);
    if (op.kind === 'closeTransfer') return pick(this.transfers, op.pick);
    if (op.kind === 'release' || op.kind === 'consume') return pick(this.reservations, op.pick);
    if (op.kind === 'reverse') return pick(this.movements, op.pick);
    return undefined;
  }

  predict(op: Op): Prediction {
    const fail = (code: ProblemCode): Prediction => ({ ok: false, code });
    const post = (moves: Move[], effect: Effect = { type: 'none' }): Prediction =>
      this.fitsGuards(moves) ? { ok: true, moves, effect } : fail('insufficient-stock');
    const bad = (lines: Line[]) => lines.some((l) => l.qty.overPrecise || l.qty.scaled === 0);
    switch (op.kind) {
      case 'receive':
        return bad(op.lines) ? fail('validation') : post(op.lines.map((l) => ({ item: l.item, from: 'supplier', to: op.loc, qty: l.qty.scaled })));
      case 'ship':
        if (!RULES[op.loc].sellable || bad(op.lines)) return fail('validation');
        return post(op.lines.map((l) => ({ item: l.item, from: op.loc, to: 'customer', qty: l.qty.scaled })));
      case 'transfer': {
        if (op.from === op.to || bad(op.lines)) return fail('validation');
        const to = op.twoStep ? 'transit' : op.to;
        const lines = op.lines.map((l) => ({ item: l.item, qty: l.qty.scaled }));
        const status = op.twoStep ? 'in_transit' : 'received';
        return post(lines.map((l) => ({ ...l, from: op.from, to })), { type: 'transfer', transfer: { from: op.from, to: op.to, lines, status } });
      }
      case 'closeTransfer': {
        const transfer = this.target(op) as ModelTransfer | undefined;
        if (!transfer) return fail('not-found');
        if (transfer.status !== 'in_transit') return fail('rule-violation');
        const to = op.action === 'receive' ? transfer.to : transfer.from;
        const status = op.action === 'receive' ? 'received' : 'cancelled';
        return post(transfer.lines.map((l) => ({ ...l, from: 'transit', to })), { type: 'closeTransfer', transfer, status });
      }
      case 'adjustDelta':
        if (bad(op.lines)) return fail('validation');
        return post(op.lines.map((l) => (l.sign > 0
          ? { item: l.item, from: 'loss', to: op.loc, qty: l.qty.scaled }
          : { item: l.item, from: op.loc, to: 'loss', qty: l.qty.scaled })));
      case 'adjustCount': {
        if (op.counted.overPrecise) return fail('validation');
        const delta = op.counted.scaled - this.get(this.onHand, op.item, op.loc);
        if (delta === 0) return post([]);
        return post([delta > 0 ? { item: op.item, from: 'loss', to: op.loc, qty: delta } : { item: op.item, from: op.loc, to: 'loss', qty: -delta }]);
      }
      case 'reserve': {
        if (!RULES[op.loc].sellable || op.qty.overPrecise || op.qty.scaled === 0) return fail('validation');
        const available = this.get(this.onHand, op.item, op.loc) - this.get(this.reserved, op.item, op.loc);
        if (available < op.qty.scaled) return fail('insufficient-stock');
        return { ok: true, moves: [], effect: { type: 'reserve', reservation: { item: op.item, loc: op.loc, qty: op.qty.scaled, status: 'active' } } };
      }
      case 'release': {
        const reservation = this.target(op) as ModelReservation | undefined;
        if (!reservation) return fail('not-found');
        if (reservation.status !== 'active') return fail('rule-violation');
        return { ok: true, moves: [], effect: { type: 'release', reservation } };
      }
      case 'consume': {
        const reservation = this.target(op) as ModelReservation | undefined;
        if (!reservation) return fail('not-found');
        if (reservation.status !== 'active') return fail('rule-violation');
        if (op.qty && (op.qty.overPrecise || op.qty.scaled === 0 || op.qty.scaled > reservation.qty)) return fail('validation');
        const qty = op.qty?.scaled ?? reservation.qty;
        const move: Move = { item: reservation.item, from: reservation.loc, to: 'customer', qty, fromReserved: true };
        return post([move], { type: 'consume', reservation, qty });
      }
      case 'move':
        if (bad(op.lines) || op.from === op.to) return fail('validation');
        return post(op.lines.map((l) => ({ item: l.item, from: op.from, to: op.to, qty: l.qty.scaled })));
      case 'reverse': {
        const original = this.target(op) as ModelMovement | undefined;
        if (!original) return fail('not-found');
        if (original.reversesId !== null) return fail('rule-violation');
        if (original.reversed) return fail('conflict');
        return post([{ item: original.item, from: original.to, to: original.from, qty: original.qty }], { type: 'reverse', original });
      }
    }
  }

  /**
   * Replays the moves on scratch copies in the order the ledger posts them: a location that may not
   * go negative gives only what is available, a reserved draw needs both the hold and the stock.
   */
  private fitsGuards(moves: Move[]): boolean {
    const onHand = new Map(this.onHand);
    const reserved = new Map(this.reserved);
    const get = (map: Map<string, number>, m: Move) => map.get(`${m.item}|${m.from}`) ?? 0;
    let fits = true;
    for (const m of moves) {
      const here = get(onHand, m);
      const held = get(reserved, m);
      const ok = m.fromReserved ? held >= m.qty && here >= m.qty : RULES[m.from].mayGoNegative || here - held >= m.qty;
      if (!ok) {
        fits = false;
        continue;
      }
      onHand.set(`${m.item}|${m.from}`, here - m.qty);
      if (m.fromReserved) reserved.set(`${m.item}|${m.from}`, held - m.qty);
      onHand.set(`${m.item}|${m.to}`, (onHand.get(`${m.item}|${m.to}`) ?? 0) + m.qty);
    }
    return fits;
  }

  /** Applies a successful prediction, with the ids the database gave to what it created. */
  commit(prediction: Extract<Prediction, { ok: true }>, ids: { movements: string[]; created?: string | undefined }): void {
    prediction.moves.forEach((m, i) => {
      this.add(this.onHand, m.item, m.from, -m.qty);
      this.add(this.onHand, m.item, m.to, m.qty);
      if (m.fromReserved) this.add(this.reserved, m.item, m.from, -m.qty);
      const reversesId = prediction.effect.type === 'reverse' ? prediction.effect.original.id : null;
      this.movements.push({ ...m, id: ids.movements[i] ?? `missing-${i}`, reversesId, reversed: false });
    });
    const effect = prediction.effect;
    const created = ids.created ?? 'missing-id';
    if (effect.type === 'transfer') this.transfers.push({ ...effect.transfer, id: created });
    if (effect.type === 'closeTransfer') effect.transfer.status = effect.status;
    if (effect.type === 'reverse') effect.original.reversed = true;
    if (effect.type === 'reserve') {
      this.reservations.push({ ...effect.reservation, id: created });
      this.add(this.reserved, effect.reservation.item, effect.reservation.loc, effect.reservation.qty);
    }
    if (effect.type === 'release') {
      effect.reservation.status = 'released';
      this.add(this.reserved, effect.reservation.item, effect.reservation.loc, -effect.reservation.qty);
    }
    if (effect.type === 'consume') {
      if (effect.qty === effect.reservation.qty) effect.reservation.status = 'consumed';
      else effect.reservation.qty -= effect.qty;
    }
  }
}
