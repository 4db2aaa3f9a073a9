import type { Channel } from './catalog-types.js';
import type { DemoItem } from './demo-types.js';
import { LOC } from './layout.js';
import type { Random } from './random.js';
import { isOpen, weekdayFactor } from './seasonality.js';
import type { Sim, SimDay } from './sim-context.js';
import type { Phase } from './stock-book.js';

/**
 * Demand on the three channels. Each day draws a traffic level per channel (busy and quiet days
 * hit every item alike), then a Poisson number of order lines per item around its expected demand.
 * Demand that finds no stock is lost, as it would be at a counter; stock never goes negative.
 */

/** Cafés and bakeries: several orders a working day, each a handful of lines, shipped from the central warehouse. */
export function sellWholesale(sim: Sim, day: SimDay): void {
  const rng = sim.random.sales;
  const lines = demandLines(sim, day, 'wholesale', { mean: wholesaleLineMean, draw: (item) => wholesaleLine(rng, item) });
  shipInOrders(sim, lines, 'wholesale', 'SO', 100_001, () => rng.int(2, 8), (item) => item.home.wh1);
}

/** Web shop: many small orders, shipped from the east warehouse; a few come back later. */
export function sellOnline(sim: Sim, day: SimDay): void {
  const rng = sim.random.sales;
  // One or two of a thing; goods sold by weight go out in whole kilogram bags.
  const one = (item: DemoItem) => 10 ** item.decimals;
  const lines = demandLines(sim, day, 'online', { mean: (item) => 1.25 * one(item), draw: (item) => one(item) * (1 + rng.poisson(0.25)) });
  const shipped = shipInOrders(sim, lines, 'online', 'WEB', 500_001, () => 1 + rng.poisson(0.8), (item) => item.home.wh2);
  for (const line of shipped) {
    const returnRate = line.item.category === 'Kitchenware' ? 0.04 : 0.015;
    if (line.item.unit === 'pcs' && rng.chance(returnRate)) {
      sim.pendingReturns.push({ kind: 'customer-return', dueDay: day.index + rng.int(4, 14), item: line.item, quantity: 1, at: LOC.wh2Returns, reference: line.reference });
    }
  }
}

/** The shop's till: one summary movement per item and day (the evening Z-report), from the shop floor first. */
export function sellInStore(sim: Sim, day: SimDay): void {
  if (!isOpen('store', day.date)) return;
  const rng = sim.random.sales;
  const traffic = rng.lognormal(0.12) * weekdayFactor('store', day.date);
  const reference = `POS-${day.date.toISOString().slice(0, 10).replaceAll('-', '')}`;
  for (const item of sim.items) {
    if (item.rates.store === 0) continue;
    const mean = sim.expected(item, 'store', day.date, day.daysBeforeEnd) * traffic * sim.weatherFactor(item);
    const wanted = item.unit === 'pcs' ? rng.poisson(mean) : weighedSales(rng, mean);
    if (wanted === 0) continue;
    const fromFloor = Math.min(wanted, sim.book.qty(item, LOC.storeFloor));
    if (fromFloor > 0) sim.book.move('pos', item, LOC.storeFloor, LOC.customer, fromFloor, { kind: 'shipment', reference, note: 'Daily till summary' });
    // Staff fetch the rest from the backroom while there is some.
    const fromBack = Math.min(wanted - fromFloor, sim.book.qty(item, LOC.storeBack));
    if (fromBack > 0) sim.book.move('pos', item, LOC.storeBack, LOC.customer, fromBack, { kind: 'shipment', reference, note: 'Daily till summary, fetched from the backroom' });
  }
}

/** Loose coffee, tea, nuts: customers buy around 250 g at a time, weighed to the gram. */
function weighedSales(rng: Random, meanGrams: number): number {
  const purchases = rng.poisson(meanGrams / 250);
  let total = 0;
  for (let i = 0; i < purchases; i++) total += Math.round(250 * (0.6 + rng.next()));
  return total;
}

interface Line {
  item: DemoItem;
  quantity: number;
}

/** How big an order line of an item is: its average, and a random draw. */
interface LineSize {
  mean: (item: DemoItem) => number;
  draw: (item: DemoItem) => number;
}

function demandLines(sim: Sim, day: SimDay, channel: Channel, size: LineSize): Line[] {
  if (!isOpen(channel, day.date)) return [];
  const rng = sim.random.sales;
  const traffic = rng.lognormal(0.15) * weekdayFactor(channel, day.date);
  const lines: Line[] = [];
  for (const item of sim.items) {
    if (item.rates[channel] === 0) continue;
    const demand = sim.expected(item, channel, day.date, day.daysBeforeEnd) * traffic * sim.weatherFactor(item);
    const count = rng.poisson(demand / size.mean(item));
    for (let i = 0; i < count; i++) lines.push({ item, quantity: size.draw(item) });
  }
  return rng.shuffle(lines);
}

/** Wholesale line sizes: sacks and canisters by the case, packed goods by a few units. */
function wholesaleLineMean(item: DemoItem): number {
  if (item.unit === 'pcs') return Math.min(12, Math.max(2, Math.floor(item.pack / 2)));
  return isSack(item) ? item.pack * 1.4 : item.pack;
}

function wholesaleLine(rng: Random, item: DemoItem): number {
  const one = 10 ** item.decimals;
  if (item.unit === 'pcs') return 1 + rng.poisson(wholesaleLineMean(item) - 1);
  if (isSack(item)) return item.pack * (1 + rng.poisson(0.4));
  return one * (1 + rng.poisson(item.pack / one - 1));
}

function isSack(item: DemoItem): boolean {
  return item.unit !== 'pcs' && item.pack >= 20 * 10 ** item.decimals;
}

/** Groups the day's lines into orders and ships what the warehouse holds; returns what was shipped. */
function shipInOrders(
  sim: Sim, lines: Line[], phase: Phase & Channel, prefix: string, first: number, orderSize: () => number, binOf: (item: DemoItem) => string | undefined,
): Array<Line & { reference: string }> {
  const shipped: Array<Line & { reference: string }> = [];
  for (let i = 0; i < lines.length; ) {
    const size = orderSize();
    const order = mergeBySku(lines.slice(i, i + size));
    i += size;
    const reference = sim.nextNumber(prefix, first);
    for (const line of order) {
      const bin = binOf(line.item);
      if (bin === undefined) continue;
      const quantity = Math.min(line.quantity, sim.book.qty(line.item, bin));
      if (quantity === 0) continue;
      sim.book.move(phase, line.item, bin, LOC.customer, quantity, { kind: 'shipment', reference });
      shipped.push({ item: line.item, quantity, reference });
    }
  }
  return shipped;
}

function mergeBySku(lines: Line[]): Line[] {
  const merged = new Map<string, Line>();
  for (const line of lines) {
    const seen = merged.get(line.item.sku);
    if (seen) seen.quantity += line.quantity;
    else merged.set(line.item.sku, { ...line });
  }
  return [...merged.values()];
}
