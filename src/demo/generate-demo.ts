import { formatScaled } from '../shared/quantity.js';
import { buildCatalog } from './catalog.js';
import { DEFAULT_DAYS, DEFAULT_ITEMS, DEFAULT_SEED, type DemoItem, type DemoOptions, type DemoPlan, type DemoReservation } from './demo-types.js';
import { adjustStock, handleReturns } from './incidents.js';
import { demoLocations, LOC, physicalCodes } from './layout.js';
import { Random } from './random.js';
import { sellInStore, sellOnline, sellWholesale } from './sales.js';
import { DAY_MS, Sim, type SimDay } from './sim-context.js';
import { StockBook } from './stock-book.js';
import { fillShelves, receiveStoreTransfers, replenishStore, stockStoreOpening } from './store-replenishment.js';
import { orderFromSuppliers, receiveDeliveries, receiveOpeningStock } from './supplier-orders.js';

/**
 * Generates the whole demo without touching a database: catalog, locations, and a year of
 * business simulated day by day, as the ordered steps a loader posts. Pure and deterministic:
 * the same options give the same plan.
 */
export function generateDemo(options: DemoOptions = {}): DemoPlan {
  const seed = options.seed ?? DEFAULT_SEED;
  const days = Math.max(1, Math.floor(options.days ?? DEFAULT_DAYS));
  const end = options.end ?? new Date();
  const root = new Random(seed);
  const items = buildCatalog(root.fork('catalog'), Math.max(1, Math.floor(options.items ?? DEFAULT_ITEMS)));
  const suppliers = [...new Map(items.map((i) => [i.supplier.code, i.supplier])).values()];
  const locations = demoLocations(suppliers);
  const book = new StockBook(physicalCodes(locations), root.fork('clock'));
  const lastDayStart = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
  const firstDayStart = lastDayStart - (days - 1) * DAY_MS;
  const random = { sales: root.fork('sales'), supply: root.fork('supply'), incidents: root.fork('incidents'), weather: root.fork('weather') };
  const sim = new Sim(items, book, random, firstDayStart);

  for (let index = 0; index < days; index++) {
    const day: SimDay = { index, date: sim.dateOf(index), start: firstDayStart + index * DAY_MS, daysBeforeEnd: days - 1 - index, last: index === days - 1 };
    simulateDay(sim, day);
    book.closeDay(day.start, end.getTime());
  }
  return {
    items, locations, steps: book.steps,
    reservations: openOrders(sim, root.fork('reservations')),
    firstDay: new Date(firstDayStart).toISOString().slice(0, 10),
    lastDay: new Date(lastDayStart).toISOString().slice(0, 10),
  };
}

/** One business day, in clock order (each call records into its own part of the day). */
function simulateDay(sim: Sim, day: SimDay): void {
  sim.advanceWeather();
  receiveStoreTransfers(sim, day);
  fillShelves(sim, day);
  if (day.index === 0) receiveOpeningStock(sim, day);
  receiveDeliveries(sim, day);
  if (day.index === 0) stockStoreOpening(sim, day);
  handleReturns(sim, day);
  sellWholesale(sim, day);
  sellOnline(sim, day);
  replenishStore(sim, day);
  sellInStore(sim, day);
  adjustStock(sim, day);
  orderFromSuppliers(sim, day);
}

/**
 * Orders still open at the end, holding stock: wholesale orders waiting for tomorrow's van,
 * click & collect orders in the shop, and a web checkout in progress.
 */
function openOrders(sim: Sim, rng: Random): DemoReservation[] {
  const out: DemoReservation[] = [];
  const take = (location: string, count: number, share: number, make: (item: DemoItem, quantity: string) => DemoReservation) => {
    const candidates = sim.items.filter((i) => i.unit === 'pcs' && sim.book.qty(i, location) >= 2);
    for (const item of rng.shuffle(candidates).slice(0, count)) {
      const quantity = Math.max(1, Math.floor(sim.book.qty(item, location) * share));
      out.push(make(item, formatScaled(quantity, item.decimals)));
    }
  };
  const wholesaleBins = [...new Set(sim.items.map((i) => i.home.wh1).filter((b): b is string => b !== undefined))];
  for (const bin of rng.shuffle(wholesaleBins).slice(0, 3)) {
    take(bin, 1, 0.2, (item, quantity) => ({ item: item.sku, location: bin, quantity, reference: sim.nextNumber('SO', 100_001) }));
  }
  take(LOC.storeFloor, 2, 0.1, (item, quantity) => ({ item: item.sku, location: LOC.storeFloor, quantity, ttlSeconds: 3 * 86_400, reference: sim.nextNumber('COLLECT', 901) }));
  const webBins = [...new Set(sim.items.map((i) => i.home.wh2).filter((b): b is string => b !== undefined))];
  if (webBins.length > 0) {
    const bin = rng.pick(webBins);
    take(bin, 1, 0.05, (item, quantity) => ({ item: item.sku, location: bin, quantity, ttlSeconds: 86_400, reference: sim.nextNumber('WEB', 500_001) }));
  }
  return out;
}
