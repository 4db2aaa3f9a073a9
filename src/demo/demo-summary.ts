import type { DemoPlan } from './demo-types.js';
import { LOC } from './layout.js';

export interface LoadCounts {
  movements: number;
  transfers: number;
  inTransit: number;
}

/** Movement counts by kind, with two-step transfers counted once per leg. */
export function movementKinds(plan: DemoPlan): Map<string, number> {
  const kinds = new Map<string, number>();
  const add = (kind: string, n: number) => kinds.set(kind, (kinds.get(kind) ?? 0) + n);
  const linesOf = new Map<string, number>();
  for (const step of plan.steps) {
    if (step.type === 'movement') add(step.movement.kind ?? 'move', 1);
    else if (step.type === 'dispatch') {
      linesOf.set(step.key, step.transfer.lines.length);
      add('transfer_out', step.transfer.lines.length);
    } else add('transfer_in', linesOf.get(step.key) ?? 0);
  }
  return kinds;
}

const number = (n: number) => n.toLocaleString('en-US');

/** The paragraph `stockroom demo` prints. */
export function describeDemo(
  plan: DemoPlan, counts: LoadCounts, buying: { suppliers: number; policies: number }, selling: { channels: number; orders: number }, elapsedMs: number,
): string {
  const kinds = movementKinds(plan);
  const of = (...names: string[]) => names.reduce((sum, k) => sum + (kinds.get(k) ?? 0), 0);
  const categories = new Set(plan.items.map((i) => i.category)).size;
  const sites = plan.locations.filter((l) => l.kind === 'site').length;
  const physical = plan.locations.filter((l) => l.kind !== 'virtual').length;
  return [
    `Loaded the demo data set in ${(elapsedMs / 1000).toFixed(1)} s:`,
    `${plan.items.length} items in ${categories} categories, ${sites} sites with ${physical} locations, ${buying.suppliers} suppliers,`,
    `and history from ${plan.firstDay} to ${plan.lastDay}: ${number(counts.movements)} movements`,
    `(${number(of('receipt'))} receipts, ${number(of('shipment'))} shipments, ${number(of('transfer', 'transfer_out', 'transfer_in', 'move'))} transfers and moves,`,
    `${number(of('adjustment', 'scrap'))} adjustments and write-offs, ${number(of('return'))} returns),`,
    `${counts.transfers} two-step transfers of which ${counts.inTransit} are still in transit, ${plan.reservations.length} open reservations,`,
    `reorder policies for ${buying.policies} items at ${LOC.wh1},`,
    `and ${selling.channels} sales channels with ${selling.orders} orders.`,
  ].join(' ');
}
