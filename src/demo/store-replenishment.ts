import { roundUp } from './catalog.js';
import type { DemoItem } from './demo-types.js';
import { LOC } from './layout.js';
import { isOpen } from './seasonality.js';
import type { Sim, SimDay } from './sim-context.js';

/**
 * Keeping the shop stocked. On Monday, Wednesday and Friday the central warehouse picks what the
 * shop is short of into its dispatch bay and sends it as two-step transfers (food and non-food on
 * separate pallets) that arrive in the backroom two days later. Staff fill the shelves from the
 * backroom each morning. When the central warehouse has run dry, a courier brings a few units
 * from the east warehouse the same day.
 */
const TRANSIT_DAYS = 2;
const DISPATCH_WEEKDAYS = new Set([1, 3, 5]);
const REORDER_DAYS = 8;
const UP_TO_DAYS = 20;
const SHELF_DAYS = 20;

function storeDemand(sim: Sim, item: DemoItem, day: SimDay): number {
  return sim.expected(item, 'store', day.date, day.daysBeforeEnd);
}

function inTransitTo(sim: Sim, item: DemoItem): number {
  let total = 0;
  for (const transfer of sim.inTransit) for (const line of transfer.lines) if (line.item === item) total += line.quantity;
  return total;
}

function storePosition(sim: Sim, item: DemoItem): number {
  return sim.book.qty(item, LOC.storeFloor) + sim.book.qty(item, LOC.storeBack) + inTransitTo(sim, item);
}

/** The first morning the shop is stocked straight from the central warehouse. */
export function stockStoreOpening(sim: Sim, day: SimDay): void {
  for (const item of sim.items) {
    const bin = item.home.wh1;
    if (item.rates.store === 0 || bin === undefined) continue;
    const quantity = Math.min(sim.book.qty(item, bin), roundUp(storeDemand(sim, item, day) * UP_TO_DAYS, item.storePack));
    if (quantity > 0) sim.book.move('opening', item, bin, LOC.storeFloor, quantity, { kind: 'transfer', reference: 'OPENING', note: 'Opening stock for the shop' });
  }
}

export function receiveStoreTransfers(sim: Sim, day: SimDay): void {
  for (const transfer of sim.inTransit.filter((t) => t.arrivalDay === day.index)) {
    sim.inTransit.splice(sim.inTransit.indexOf(transfer), 1);
    sim.book.arrive('arrivals', transfer.key, transfer.to, transfer.lines);
  }
}

export function fillShelves(sim: Sim, day: SimDay): void {
  if (!isOpen('store', day.date)) return;
  for (const item of sim.items) {
    if (item.rates.store === 0) continue;
    const back = sim.book.qty(item, LOC.storeBack);
    if (back === 0) continue;
    const shelf = roundUp(storeDemand(sim, item, day) * SHELF_DAYS, item.storePack);
    const floor = sim.book.qty(item, LOC.storeFloor);
    if (floor * 2 > shelf) continue;
    sim.book.move('shelves', item, LOC.storeBack, LOC.storeFloor, Math.min(back, shelf - floor), { kind: 'move', note: 'Shelf fill' });
  }
}

export function replenishStore(sim: Sim, day: SimDay): void {
  if (DISPATCH_WEEKDAYS.has(day.date.getUTCDay()) || day.last) dispatchFromCentral(sim, day);
  if (isOpen('store', day.date)) courierFromEast(sim, day);
}

function dispatchFromCentral(sim: Sim, day: SimDay): void {
  const picked: Array<{ item: DemoItem; quantity: number }> = [];
  let number: string | undefined;
  const reference = () => (number ??= sim.nextNumber('TR', 7_001));
  for (const item of sim.items) {
    const bin = item.home.wh1;
    if (item.rates.store === 0 || bin === undefined) continue;
    const demand = storeDemand(sim, item, day);
    const position = storePosition(sim, item);
    if (position >= demand * REORDER_DAYS) continue;
    const quantity = Math.min(sim.book.qty(item, bin), roundUp(demand * UP_TO_DAYS - position, item.storePack));
    if (quantity === 0) continue;
    sim.book.move('dispatch', item, bin, LOC.wh1Dock, quantity, { kind: 'move', reference: reference(), note: 'Picked for the City Store' });
    picked.push({ item, quantity });
  }
  const pallets = [picked.filter((l) => l.item.food), picked.filter((l) => !l.item.food)];
  pallets.forEach((lines, i) => {
    if (lines.length === 0) return;
    const palletRef = `${reference()}/${i + 1}`;
    const key = sim.book.dispatch('dispatch', LOC.wh1Dock, LOC.storeBack, lines, { reference: palletRef, note: i === 0 ? 'Store replenishment, food' : 'Store replenishment, non-food' });
    sim.inTransit.push({ key, arrivalDay: day.index + TRANSIT_DAYS, to: LOC.storeBack, lines });
  });
}

function courierFromEast(sim: Sim, day: SimDay): void {
  for (const item of sim.items) {
    const east = item.home.wh2;
    const central = item.home.wh1;
    if (item.rates.store === 0 || east === undefined || central === undefined) continue;
    const demand = storeDemand(sim, item, day);
    if (storePosition(sim, item) >= demand * 1.5 || sim.book.qty(item, central) >= item.storePack) continue;
    const spare = Math.floor(sim.book.qty(item, east) / 2 / item.storePack) * item.storePack;
    const quantity = Math.min(spare, roundUp(demand * 5, item.storePack));
    if (quantity === 0) continue;
    sim.book.move('dispatch', item, east, LOC.storeBack, quantity, { kind: 'transfer', reference: sim.nextNumber('TR', 7_001), note: 'Urgent top-up by courier' });
  }
}
