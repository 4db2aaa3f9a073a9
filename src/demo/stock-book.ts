import type { MovementInput, TransferInput } from '../operations/operation-types.js';
import { formatScaled } from '../shared/quantity.js';
import type { DemoItem, DemoStep } from './demo-types.js';
import type { Random } from './random.js';

/**
 * The simulation's view of stock, and the recorder of everything it does. Every change goes
 * through here, so physical stock can never be taken below zero: the simulation asks what is
 * there and takes at most that, and a bug that tries more fails loudly instead of producing a
 * demo the ledger would reject.
 */

/** Parts of a business day, in time order; each owns a window of the clock. */
export const PHASES = {
  arrivals: [6, 7],
  shelves: [7, 8],
  receipts: [8, 9.25],
  opening: [9.25, 9.5],
  returns: [9.5, 10],
  wholesale: [10, 14],
  online: [14, 16],
  dispatch: [16, 17],
  pos: [20, 20.5],
  adjustments: [21, 22],
} as const;
export type Phase = keyof typeof PHASES;

type Pending = { phase: Phase; step: DemoStep; setTime: (iso: string) => void };
type MovementFields = Omit<MovementInput, 'item' | 'quantity' | 'from' | 'to' | 'occurredAt'>;

const HOUR_MS = 3_600_000;

export class StockBook {
  readonly steps: DemoStep[] = [];
  private readonly onHand = new Map<string, number>();
  private today: Pending[] = [];
  private transferCount = 0;

  constructor(private readonly physical: ReadonlySet<string>, private readonly rng: Random) {}

  qty(item: DemoItem, location: string): number {
    return this.onHand.get(`${item.sku}@${location}`) ?? 0;
  }

  move(phase: Phase, item: DemoItem, from: string, to: string, quantity: number, fields: MovementFields): void {
    this.change(item, from, -quantity);
    this.change(item, to, quantity);
    const movement = { item: item.sku, quantity: formatScaled(quantity, item.decimals), from, to, ...fields, occurredAt: '' };
    this.record(phase, { type: 'movement', movement }, (iso) => (movement.occurredAt = iso));
  }

  /** Sends a two-step transfer on its way; returns the key its arrival is recorded under. */
  dispatch(phase: Phase, from: string, to: string, lines: Array<{ item: DemoItem; quantity: number }>, rest: { reference: string; note: string }): string {
    for (const line of lines) this.change(line.item, from, -line.quantity);
    const key = `transfer-${++this.transferCount}`;
    const transfer: TransferInput & { occurredAt: string } = {
      from, to, mode: 'two-step', ...rest, occurredAt: '',
      lines: lines.map((l) => ({ item: l.item.sku, quantity: formatScaled(l.quantity, l.item.decimals) })),
    };
    this.record(phase, { type: 'dispatch', key, transfer }, (iso) => (transfer.occurredAt = iso));
    return key;
  }

  arrive(phase: Phase, key: string, to: string, lines: Array<{ item: DemoItem; quantity: number }>): void {
    for (const line of lines) this.change(line.item, to, line.quantity);
    const step = { type: 'arrival' as const, key, occurredAt: '' };
    this.record(phase, step, (iso) => (step.occurredAt = iso));
  }

  /**
   * Gives the day's steps their times: each phase's steps, in the order they happened, get
   * increasing times within the phase's window. On the last day the clock is squeezed into
   * midnight..`end`, so nothing is dated in the future.
   */
  closeDay(dayStart: number, end: number): void {
    const span = Math.min(24 * HOUR_MS, end - dayStart);
    const scale = span / (24 * HOUR_MS);
    for (const phase of Object.keys(PHASES) as Phase[]) {
      const pending = this.today.filter((p) => p.phase === phase);
      if (pending.length === 0) continue;
      const [from, to] = PHASES[phase];
      const offsets = pending.map(() => from * HOUR_MS + this.rng.next() * (to - from) * HOUR_MS).sort((a, b) => a - b);
      pending.forEach((p, i) => p.setTime(new Date(dayStart + Math.floor((offsets[i] as number) * scale)).toISOString()));
    }
    this.today = [];
  }

  private record(phase: Phase, step: DemoStep, setTime: (iso: string) => void): void {
    const last = this.today[this.today.length - 1];
    if (last && PHASES[last.phase][0] > PHASES[phase][0]) throw new Error(`phase ${phase} recorded after ${last.phase}`);
    this.today.push({ phase, step, setTime });
    this.steps.push(step);
  }

  private change(item: DemoItem, location: string, delta: number): void {
    if (!this.physical.has(location)) return;
    const key = `${item.sku}@${location}`;
    const next = (this.onHand.get(key) ?? 0) + delta;
    if (next < 0) throw new Error(`demo simulation bug: ${item.sku} at ${location} would go to ${next}`);
    if (next === 0) this.onHand.delete(key);
    else this.onHand.set(key, next);
  }
}
