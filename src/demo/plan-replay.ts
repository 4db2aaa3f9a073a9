import { parseScaled } from '../shared/quantity.js';
import type { DemoPlan } from './demo-types.js';
import { physicalCodes } from './layout.js';

export interface PlanReplay {
  /** Physical stock after the last step: `sku@location` → scaled quantity (zero entries left out). */
  finalStock: Map<string, number>;
  /** The lowest physical balance seen at any point, and where. */
  lowest: { quantity: number; at: string | null };
  /** Two-step transfers sent but not yet received, by key. */
  inTransit: Set<string>;
}

/**
 * Plays a plan's steps in order the way the ledger will, independently of the simulation that
 * made them, so tests can check what the ledger would refuse (stock below zero) and what it should hold.
 */
export function replayPlan(plan: DemoPlan): PlanReplay {
  const physical = physicalCodes(plan.locations);
  const decimals = new Map(plan.items.map((i) => [i.sku, i.decimals]));
  const stock = new Map<string, number>();
  const lowest: PlanReplay['lowest'] = { quantity: 0, at: null };
  const sent = new Map<string, { to: string; lines: Array<{ item: string; quantity: string | number }> }>();
  const change = (sku: string, location: string, quantity: string | number, sign: 1 | -1) => {
    if (!physical.has(location)) return;
    const key = `${sku}@${location}`;
    const next = (stock.get(key) ?? 0) + sign * parseScaled(quantity, decimals.get(sku) ?? 0, key);
    if (next < lowest.quantity) Object.assign(lowest, { quantity: next, at: key });
    if (next === 0) stock.delete(key);
    else stock.set(key, next);
  };
  for (const step of plan.steps) {
    if (step.type === 'movement') {
      const m = step.movement;
      change(m.item, m.from, m.quantity, -1);
      change(m.item, m.to, m.quantity, 1);
    } else if (step.type === 'dispatch') {
      sent.set(step.key, { to: step.transfer.to, lines: step.transfer.lines });
      for (const line of step.transfer.lines) change(line.item, step.transfer.from, line.quantity, -1);
    } else {
      const transfer = sent.get(step.key);
      if (!transfer) throw new Error(`${step.key} arrives before it was sent`);
      sent.delete(step.key);
      for (const line of transfer.lines) change(line.item, transfer.to, line.quantity, 1);
    }
  }
  return { finalStock: stock, lowest, inTransit: new Set(sent.keys()) };
}
