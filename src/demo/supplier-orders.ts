import { COST_DECIMALS } from '../shared/money.js';
import { formatScaled } from '../shared/quantity.js';
import { roundUp } from './catalog.js';
import type { DemoItem } from './demo-types.js';
import { LOC } from './layout.js';
import { isWorkingDay } from './seasonality.js';
import type { Delivery, Sim, SimDay, Warehouse } from './sim-context.js';

/**
 * Purchasing: each working day the warehouses review stock and order from suppliers what has
 * fallen below its reorder level (an order-up-to policy that looks a lead time ahead, so it
 * stocks up before December); deliveries arrive after the supplier's lead time, sometimes late.
 */
const SAFETY_DAYS = 5;
const CYCLE_DAYS = 14;
const WAREHOUSES: readonly Warehouse[] = ['wh1', 'wh2'];

function binOf(item: DemoItem, warehouse: Warehouse): string | undefined {
  return item.home[warehouse];
}

function leadCalendarDays(item: DemoItem): number {
  return Math.ceil((item.supplier.leadDays * 7) / 5);
}

/** Demand a warehouse serves: the central one feeds wholesale and the store, the east one the web shop. */
function warehouseDemand(sim: Sim, item: DemoItem, warehouse: Warehouse, day: SimDay, ahead: number): number {
  const date = sim.dateOf(day.index + ahead);
  const before = day.daysBeforeEnd - ahead;
  if (warehouse === 'wh2') return sim.expected(item, 'online', date, before);
  return sim.expected(item, 'wholesale', date, before) + sim.expected(item, 'store', date, before);
}

/** Reorder level and order-up-to level, in scaled units. */
function levels(sim: Sim, item: DemoItem, warehouse: Warehouse, day: SimDay): { reorderAt: number; upTo: number } {
  const lead = leadCalendarDays(item);
  const demand = warehouseDemand(sim, item, warehouse, day, lead);
  // A case on top of the safety days, so slow movers ordered in big lines are not always out.
  const reorderAt = demand * (lead + SAFETY_DAYS) + item.pack;
  return { reorderAt, upTo: reorderAt + demand * CYCLE_DAYS };
}

/** Prices creep up about 3% a year; green coffee jumped 8% five months ago; each delivery varies a little. */
export function unitCostOn(sim: Sim, item: DemoItem, day: SimDay): number {
  let factor = 1 - (0.03 * day.daysBeforeEnd) / 365;
  if (item.category === 'Coffee' && day.daysBeforeEnd < 150) factor *= 1.08;
  factor *= 1 + 0.015 * sim.random.supply.normal();
  const step = item.cost % 100 === 0 ? 100 : 1;
  return Math.max(step, Math.round((item.cost * factor) / step) * step);
}

/** The first morning: warehouses start full, as if the business had been running before the ledger began. */
export function receiveOpeningStock(sim: Sim, day: SimDay): void {
  for (const warehouse of WAREHOUSES) {
    for (const item of sim.items) {
      const bin = binOf(item, warehouse);
      if (bin === undefined) continue;
      const quantity = roundUp(levels(sim, item, warehouse, day).upTo, item.pack);
      sim.book.move('receipts', item, item.supplier.code, bin, quantity, {
        kind: 'receipt', unitCost: formatCost(unitCostOn(sim, item, day)), reference: 'OPENING', note: 'Stock on hand when the ledger started',
      });
    }
  }
}

export function orderFromSuppliers(sim: Sim, day: SimDay): void {
  if (!isWorkingDay(day.date)) return;
  const rng = sim.random.supply;
  for (const warehouse of WAREHOUSES) {
    const bySupplier = new Map<string, Delivery>();
    for (const item of sim.items) {
      const bin = binOf(item, warehouse);
      if (bin === undefined) continue;
      const key = sim.onOrderKey(item, warehouse);
      const position = sim.book.qty(item, bin) + (sim.onOrder.get(key) ?? 0);
      const { reorderAt, upTo } = levels(sim, item, warehouse, day);
      if (position >= reorderAt) continue;
      const quantity = roundUp(upTo - position, item.pack);
      let delivery = bySupplier.get(item.supplier.code);
      if (!delivery) {
        const late = rng.chance(0.1) ? rng.int(1, 3) : 0;
        delivery = {
          arrivalDay: addWorkingDays(sim, day.index, item.supplier.leadDays + late), warehouse,
          reference: sim.nextNumber('PO', 24_001), supplier: item.supplier.code, lines: [],
        };
        bySupplier.set(item.supplier.code, delivery);
      }
      delivery.lines.push({ item, quantity, unitCost: unitCostOn(sim, item, day) });
      sim.onOrder.set(key, (sim.onOrder.get(key) ?? 0) + quantity);
    }
    sim.deliveries.push(...bySupplier.values());
  }
}

/** Deliveries due today go into their bins; now and then part of a case arrives damaged and is set aside. */
export function receiveDeliveries(sim: Sim, day: SimDay): void {
  const rng = sim.random.supply;
  const due = sim.deliveries.filter((d) => d.arrivalDay === day.index);
  for (const delivery of due) {
    sim.deliveries.splice(sim.deliveries.indexOf(delivery), 1);
    const inspection = delivery.warehouse === 'wh1' ? LOC.wh1Qc : LOC.wh2Returns;
    for (const line of delivery.lines) {
      const bin = binOf(line.item, delivery.warehouse) as string;
      const key = sim.onOrderKey(line.item, delivery.warehouse);
      sim.onOrder.set(key, (sim.onOrder.get(key) ?? 0) - line.quantity);
      sim.book.move('receipts', line.item, delivery.supplier, bin, line.quantity, { kind: 'receipt', unitCost: formatCost(line.unitCost), reference: delivery.reference });
      if (line.item.unit === 'pcs' && line.quantity >= 4 && rng.chance(0.015)) {
        const damaged = rng.int(1, Math.min(3, Math.floor(line.quantity / 2)));
        sim.book.move('receipts', line.item, bin, inspection, damaged, { kind: 'move', reference: delivery.reference, note: 'Damaged on arrival, held for inspection' });
        sim.holds.push({ kind: 'damaged-on-arrival', dueDay: day.index + rng.int(3, 10), item: line.item, quantity: damaged, at: inspection, reference: delivery.reference });
      }
    }
  }
}

function addWorkingDays(sim: Sim, from: number, count: number): number {
  let day = from;
  for (let added = 0; added < count; ) {
    day++;
    if (isWorkingDay(sim.dateOf(day))) added++;
  }
  return day;
}

function formatCost(scaled: number): string {
  return formatScaled(scaled, COST_DECIMALS);
}
